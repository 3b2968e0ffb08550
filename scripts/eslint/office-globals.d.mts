import type { Rule } from 'eslint';
export const OFFICE_GLOBALS: string[];
declare const rule: Rule.RuleModule;
export default rule;
