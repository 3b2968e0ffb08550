import type { AliasUse, BinaryOp, CallNode, FormulaAst, FormulaNode, Span } from './ast';
import { walkFormula } from './ast';
import { functionAlias } from './aliases';
import { foreignAnswer, takesTable } from './foreign-names';
import { FormulaError, quote } from './formula-error';
import { type Token, tokenize } from './lexer';

/** Deepest nesting we accept (Excel allows 64 nested function levels). */
export const MAX_FORMULA_DEPTH = 64;

/** Left binding power of infix operators (Excel's precedence, all left-associative). */
const INFIX: Record<string, number> = {
  '=': 10,
  '<>': 10,
  '<': 10,
  '<=': 10,
  '>': 10,
  '>=': 10,
  '&': 20,
  '+': 30,
  '-': 30,
  '*': 40,
  '/': 40,
  '^': 50,
};
const POSTFIX_PERCENT = 60;
/** Excel binds negation tighter than ^: =-2^2 is 4. */
const PREFIX = 70;

class Parser {
  private pos = 0;
  private depth = 0;
  /** The calls being read, innermost last: name token and the position of its "(". */
  private readonly calls: Array<{ name: Token; open: number }> = [];
  /** Aliases resolved so far (aliases.ts). */
  readonly aliases: AliasUse[] = [];

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parse(): FormulaNode {
    if (this.peek().type === 'eof') {
      throw new FormulaError('syntax', 'Empty formula', { start: 0, end: this.source.length }, this.source);
    }
    const node = this.expression(0);
    const next = this.peek();
    if (next.type !== 'eof') {
      const hint = next.type === ')' ? 'this ")" has no matching "("' : 'is an operator or a comma missing?';
      throw this.unexpected(next, hint);
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private unexpected(token: Token, hint?: string): FormulaError {
    const what = token.type === 'eof' ? 'Unexpected end of formula' : `Unexpected ${describe(token)}`;
    return new FormulaError('syntax', what, token.span, this.source, hint);
  }

  private expression(minPower: number): FormulaNode {
    if (++this.depth > MAX_FORMULA_DEPTH) {
      throw new FormulaError(
        'too-deep',
        `Formula nests deeper than ${MAX_FORMULA_DEPTH} levels`,
        this.peek().span,
        this.source,
        'split it into derived fields',
      );
    }
    let left = this.prefix();
    for (;;) {
      const tok = this.peek();
      if (tok.type !== 'op') break;
      if (tok.text === '%') {
        if (POSTFIX_PERCENT < minPower) break;
        this.next();
        left = { kind: 'unary', op: '%', arg: left, span: { start: left.span.start, end: tok.span.end } };
        continue;
      }
      const power = INFIX[tok.text];
      if (power === undefined || power <= minPower) break;
      this.next();
      const right = this.expression(power);
      left = {
        kind: 'binary',
        op: tok.text as BinaryOp,
        left,
        right,
        span: { start: left.span.start, end: right.span.end },
      };
    }
    this.depth--;
    return left;
  }

  private prefix(): FormulaNode {
    const tok = this.next();
    switch (tok.type) {
      case 'number': {
        const value = Number(tok.text);
        if (!Number.isFinite(value)) {
          throw new FormulaError('syntax', `Number ${quote(tok.text)} is too large`, tok.span, this.source);
        }
        return { kind: 'number', value, span: tok.span };
      }
      case 'string':
        return { kind: 'string', value: tok.text, span: tok.span };
      case 'field':
        return { kind: 'field', name: tok.text, span: tok.span };
      case 'name':
        return this.nameOrCall(tok);
      case '(': {
        const inner = this.expression(0);
        const close = this.next();
        if (close.type !== ')') throw this.unexpected(close, `expected ")" to close the "(" at ${this.at(tok.span)}`);
        // Keep the parentheses in the span so errors underline what the user wrote.
        return { ...inner, span: { start: tok.span.start, end: close.span.end } } as FormulaNode;
      }
      case 'op':
        if (tok.text === '-' || tok.text === '+') {
          const arg = this.expression(PREFIX);
          return { kind: 'unary', op: tok.text, arg, span: { start: tok.span.start, end: arg.span.end } };
        }
        throw this.unexpected(tok, 'an operator needs a value on its left');
      default:
        throw this.unexpected(tok);
    }
  }

  private nameOrCall(tok: Token): FormulaNode {
    if (this.peek().type !== '(') {
      if (tok.text === 'TRUE' || tok.text === 'FALSE') {
        return { kind: 'boolean', value: tok.text === 'TRUE', span: tok.span };
      }
      throw this.bareName(tok);
    }
    this.calls.push({ name: tok, open: this.pos });
    this.next(); // '('
    const args: FormulaNode[] = [];
    if (this.peek().type === ')') {
      const close = this.next();
      this.calls.pop();
      return this.call(tok, args, close);
    }
    for (;;) {
      args.push(this.expression(0));
      const sep = this.next();
      if (sep.type === ',') continue;
      if (sep.type === ')') {
        this.calls.pop();
        return this.call(tok, args, sep);
      }
      throw this.unexpected(sep, `expected "," or ")" in the call to ${tok.text} at ${this.at(tok.span)}`);
    }
  }

  /**
   * The call node, with a name from Excel or DAX that computes the same read as PivotDeck's own
   * (DISTINCTCOUNTNOBLANK → COUNTDISTINCT, COUNTROWS() → COUNTA(1)), so everything after the
   * parser sees one vocabulary. Other calls keep their name; the checker answers unknown ones.
   */
  private call(name: Token, args: FormulaNode[], close: Token): CallNode {
    const span = { start: name.span.start, end: close.span.end };
    const alias = functionAlias(name.text);
    if (!alias || (alias.noArguments && args.length > 0)) return { kind: 'call', name: name.text, args, span, nameSpan: name.span };
    this.aliases.push({ name: name.text, readAs: alias.readAs, nameSpan: name.span, span, ...(alias.noArguments ? { noArguments: true as const } : {}) });
    if (alias.noArguments) {
      // COUNTROWS() is COUNTA(1): the constant 1 is never blank, so every row of the group counts.
      const one: FormulaNode = { kind: 'number', value: 1, span: { start: close.span.start, end: close.span.start } };
      return { kind: 'call', name: alias.readAs, args: [one], span, nameSpan: name.span };
    }
    return { kind: 'call', name: alias.readAs, args, span, nameSpan: name.span };
  }

  /**
   * A name with no "(" after it. A DAX table in a function that takes one (COUNTROWS(Sales),
   * SUMX(Sales, …)) gets that function's PivotDeck answer; a DAX column (Sales[Amount]) is told
   * to drop the table; anything else is a field written without its brackets.
   */
  private bareName(tok: Token): FormulaError {
    const raw = this.source.slice(tok.span.start, tok.span.end);
    const inside = this.calls[this.calls.length - 1];
    if (inside && takesTable(inside.name.text)) {
      const answer = foreignAnswer(inside.name.text, this.argumentTexts(inside.open));
      return new FormulaError('unknown-function', `PivotDeck's formulas have no ${inside.name.text}`, inside.name.span, this.source, answer);
    }
    const next = this.peek();
    if (next.type === 'field') {
      const column = this.source.slice(next.span.start, next.span.end);
      return new FormulaError('syntax', `Unexpected name ${quote(raw)}`, tok.span, this.source, `write ${quote(column)} without the table name: a PivotDeck formula reads one table`);
    }
    return new FormulaError('syntax', `Unexpected name ${quote(raw)}`, tok.span, this.source, `field names go in brackets: [${quote(raw)}]`);
  }

  /**
   * The text of each argument of the call whose "(" is token `open`, split at its own commas,
   * for an answer that shows the user's own words. Reads tokens only: nothing is parsed.
   */
  private argumentTexts(open: number): string[] {
    const out: string[] = [];
    let depth = 0;
    let start = -1;
    for (let i = open + 1; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.type === 'eof') break;
      if (depth === 0 && (t.type === ',' || t.type === ')')) {
        if (start >= 0) out.push(this.source.slice(start, this.tokens[i - 1].span.end));
        if (t.type === ')') break;
        start = -1;
        continue;
      }
      if (start < 0) start = t.span.start;
      if (t.type === '(') depth++;
      else if (t.type === ')') depth--;
    }
    return out;
  }

  private at(span: Span): string {
    const e = new FormulaError('syntax', '', span, this.source);
    return `${e.line}:${e.column}`;
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'number':
      return `number ${quote(token.text)}`;
    case 'string':
      return `text "${quote(token.text)}"`;
    case 'field':
      return `field [${quote(token.text)}]`;
    case 'name':
      return `name ${quote(token.text)}`;
    default:
      return `"${token.text}"`;
  }
}

/**
 * Parse formula text into a plain-JSON AST. Throws a FormulaError that names
 * the offending part and its line:column. Syntax only: use `checkFormula` to
 * resolve functions and fields.
 * @example parseFormula('SUM([Revenue]) / SUM([Units])').root.kind // 'binary'
 * @example parseFormula('=[Unit Price] * 1.2')
 */
export function parseFormula(source: string): FormulaAst {
  if (typeof source !== 'string') {
    throw new TypeError('Formula must be text');
  }
  const parser = new Parser(source, tokenize(source));
  const root = parser.parse();
  // Left-associative chains (1+1+1+...) grow deep without recursing in the parser.
  walkFormula(root, (node, depth) => {
    if (depth > MAX_FORMULA_DEPTH * 4) {
      throw new FormulaError('too-deep', `Formula has more than ${MAX_FORMULA_DEPTH * 4} chained operations`, node.span, source, 'split it into derived fields');
    }
  });
  return parser.aliases.length ? { version: 1, source, root, aliases: parser.aliases } : { version: 1, source, root };
}
