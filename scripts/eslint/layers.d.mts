import type { Rule } from 'eslint';
export function layerViolation(from: string | null, to: string | null, typeOnly: boolean): string | null;
declare const rule: Rule.RuleModule;
export default rule;
