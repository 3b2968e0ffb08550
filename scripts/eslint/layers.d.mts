import type { Rule } from 'eslint';
export type Arrow = 'value' | 'type';
export const ALLOWED: Record<string, Record<string, Arrow>>;
export const EXCEPTIONS: Record<string, Record<string, Arrow>>;
export function layerViolation(from: string | null, to: string | null, typeOnly: boolean, file?: string): string | null;
declare const rule: Rule.RuleModule;
export default rule;
