import type { FormulaAst, FormulaNode } from '../formula/ast';

/**
 * Builds formula ASTs for the measures PivotDeck offers from menus (median, distinct count ...),
 * so they run through the same engine compile as a user's custom formula. Built as nodes, not
 * text: a field name with `]` or quotes needs no escaping and cannot change the formula.
 */
const AT = { start: 0, end: 0 };

/** `[name]` */
export const fieldRef = (name: string): FormulaNode => ({ kind: 'field', name, span: AT });

/** A number literal. */
export const numberLit = (value: number): FormulaNode => ({ kind: 'number', value, span: AT });

/** `NAME(args…)` */
export const callOf = (name: string, ...args: FormulaNode[]): FormulaNode => ({ kind: 'call', name, args, span: AT, nameSpan: AT });

/**
 * A stored-formula wrapper around a root node; `source` is readable text for messages.
 * @example formulaOf(callOf('MEDIAN', fieldRef('Revenue')), 'MEDIAN([Revenue])')
 */
export function formulaOf(root: FormulaNode, source: string): FormulaAst {
  return { version: 1, source, root };
}

/** `left op right` */
export const binaryOf = (op: '/' | '-' | '+' | '*', left: FormulaNode, right: FormulaNode): FormulaNode => ({ kind: 'binary', op, left, right, span: AT });
