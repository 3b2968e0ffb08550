/**
 * The formula AST: plain JSON (no classes, no functions), so it can be stored
 * in the workbook, sent to a Web Worker and compiled to Arquero or SQL.
 * Every node carries the source span [start, end) it came from, in UTF-16
 * offsets of the formula text, so errors can point at the offending part.
 */

/** Half-open range [start, end) in the formula text. */
export interface Span {
  start: number;
  end: number;
}

export interface NumberNode {
  kind: 'number';
  value: number;
  span: Span;
}

export interface StringNode {
  kind: 'string';
  value: string;
  span: Span;
}

export interface BooleanNode {
  kind: 'boolean';
  value: boolean;
  span: Span;
}

/** `[Field name]`: a column of the source table. */
export interface FieldNode {
  kind: 'field';
  name: string;
  span: Span;
}

/** Prefix `-`/`+`, or postfix `%` (divide by 100). */
export interface UnaryNode {
  kind: 'unary';
  op: '-' | '+' | '%';
  arg: FormulaNode;
  span: Span;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=';

export interface BinaryNode {
  kind: 'binary';
  op: BinaryOp;
  left: FormulaNode;
  right: FormulaNode;
  span: Span;
}

/** A function call; `name` is upper case, an alias already replaced by PivotDeck's name (aliases.ts). */
export interface CallNode {
  kind: 'call';
  name: string;
  args: FormulaNode[];
  span: Span;
  /** Span of the function name alone. */
  nameSpan: Span;
}

export type FormulaNode = NumberNode | StringNode | BooleanNode | FieldNode | UnaryNode | BinaryNode | CallNode;

/** A name from Excel or DAX the parser read as PivotDeck's own function (see aliases.ts). */
export interface AliasUse {
  /** The name as written, upper case. */
  name: string;
  /** The PivotDeck function the call became. */
  readAs: string;
  /** Span of the name alone. */
  nameSpan: Span;
  /** Span of the whole call. */
  span: Span;
  /** The call had no arguments and became `readAs(1)` (COUNTROWS()). */
  noArguments?: true;
}

/** A parsed formula: the root node plus the text it came from (for messages). */
export interface FormulaAst {
  /** Format version of this JSON, bumped on incompatible changes. */
  version: 1;
  source: string;
  root: FormulaNode;
  /** Aliases the parser resolved, in the order written; absent when there were none. */
  aliases?: AliasUse[];
}

/**
 * Visit every node depth-first (parents before children), without recursion,
 * so even the deepest accepted formula cannot overflow the stack.
 * @example walkFormula(ast.root, (n) => { if (n.kind === 'field') names.add(n.name); });
 */
export function walkFormula(root: FormulaNode, visit: (node: FormulaNode, depth: number) => void): void {
  const stack: Array<[FormulaNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    visit(node, depth);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
  }
}

/**
 * The direct children of a node, left to right.
 * @example childrenOf(binaryNode) // [left, right]
 */
export function childrenOf(node: FormulaNode): FormulaNode[] {
  switch (node.kind) {
    case 'unary':
      return [node.arg];
    case 'binary':
      return [node.left, node.right];
    case 'call':
      return node.args;
    default:
      return [];
  }
}
