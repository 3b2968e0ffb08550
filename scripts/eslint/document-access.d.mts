import type { Rule } from 'eslint';
export function isDocumentModule(root: string, target: string): boolean;
export function mayAccessDocument(root: string, file: string): boolean;
declare const rule: Rule.RuleModule;
export default rule;
