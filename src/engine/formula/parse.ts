import type { BinaryOp, FormulaAst, FormulaNode, Span } from './ast';
import { walkFormula } from './ast';
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
      const raw = this.source.slice(tok.span.start, tok.span.end);
      throw new FormulaError('syntax', `Unexpected name ${quote(raw)}`, tok.span, this.source, `field names go in brackets: [${quote(raw)}]`);
    }
    this.next(); // '('
    const args: FormulaNode[] = [];
    if (this.peek().type === ')') {
      const close = this.next();
      return { kind: 'call', name: tok.text, args, span: { start: tok.span.start, end: close.span.end }, nameSpan: tok.span };
    }
    for (;;) {
      args.push(this.expression(0));
      const sep = this.next();
      if (sep.type === ',') continue;
      if (sep.type === ')') {
        return { kind: 'call', name: tok.text, args, span: { start: tok.span.start, end: sep.span.end }, nameSpan: tok.span };
      }
      throw this.unexpected(sep, `expected "," or ")" in the call to ${tok.text} at ${this.at(tok.span)}`);
    }
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
  const root = new Parser(source, tokenize(source)).parse();
  // Left-associative chains (1+1+1+...) grow deep without recursing in the parser.
  walkFormula(root, (node, depth) => {
    if (depth > MAX_FORMULA_DEPTH * 4) {
      throw new FormulaError('too-deep', `Formula has more than ${MAX_FORMULA_DEPTH * 4} chained operations`, node.span, source, 'split it into derived fields');
    }
  });
  return { version: 1, source, root };
}
