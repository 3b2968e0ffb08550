import type { Span } from './ast';
import { foreignAnswer, takesTable } from './foreign-names';
import { FormulaError, quote } from './formula-error';

export type TokenType = 'number' | 'string' | 'field' | 'name' | 'op' | '(' | ')' | ',' | 'eof';

export interface Token {
  type: TokenType;
  /** Decoded text: the string's content, the field's name, the operator, the name in upper case. */
  text: string;
  span: Span;
}

/** Longest formula we accept; a formula is a line in a cell, not a program. */
export const MAX_FORMULA_LENGTH = 8192;

const TWO_CHAR_OPS = new Set(['<>', '<=', '>=']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '%']);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNamePart = (c: number) => isNameStart(c) || isDigit(c) || c === 46;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/**
 * Split formula text into tokens. A leading "=" (as typed in a cell) is allowed.
 * Strings use Excel's "" escape; field names use Excel's structured-reference
 * escapes (see readField).
 * @example tokenize('SUM([Revenue]) / 2').map(t => t.type) // ['name','(','field',')','op','number','eof']
 */
export function tokenize(source: string): Token[] {
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(
      'too-long',
      `Formula is ${source.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`,
      { start: MAX_FORMULA_LENGTH, end: source.length },
      source,
    );
  }
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  // Skip a leading '=' the way Excel's formula bar shows formulas.
  while (i < n && isSpace(source.charCodeAt(i))) i++;
  if (source[i] === '=') i++;

  while (i < n) {
    const c = source.charCodeAt(i);
    const start = i;
    if (isSpace(c)) {
      i++;
    } else if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(i + 1)))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i, i + 400))!;
      i += m[0].length;
      if (i < n && isNamePart(source.charCodeAt(i))) {
        throw new FormulaError('syntax', `Unexpected "${quote(source.slice(start, i + 1))}"`, { start, end: i + 1 }, source);
      }
      tokens.push({ type: 'number', text: m[0], span: { start, end: i } });
    } else if (c === 34) {
      let text = '';
      i++;
      for (;;) {
        if (i >= n) {
          throw new FormulaError('unterminated-string', 'Unterminated string', { start, end: n }, source, 'add a closing "');
        }
        if (source.charCodeAt(i) === 34) {
          if (source.charCodeAt(i + 1) === 34) {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i++];
      }
      tokens.push({ type: 'string', text, span: { start, end: i } });
    } else if (c === 91) {
      const field = readField(source, i);
      i = field.end;
      tokens.push({ type: 'field', text: field.name, span: { start, end: i } });
    } else if (isNameStart(c)) {
      while (i < n && isNamePart(source.charCodeAt(i))) i++;
      tokens.push({ type: 'name', text: source.slice(start, i).toUpperCase(), span: { start, end: i } });
    } else if (TWO_CHAR_OPS.has(source.slice(i, i + 2))) {
      tokens.push({ type: 'op', text: source.slice(i, i + 2), span: { start, end: i + 2 } });
      i += 2;
    } else if (ONE_CHAR_OPS.has(source[i])) {
      tokens.push({ type: 'op', text: source[i], span: { start, end: i + 1 } });
      i++;
    } else if (c === 40 || c === 41 || c === 44) {
      tokens.push({ type: source[i] as '(' | ')' | ',', text: source[i], span: { start, end: i + 1 } });
      i++;
    } else {
      const ch = String.fromCodePoint(source.codePointAt(i)!);
      if (c === 39) daxTable(source, i, tokens);
      const hint = c === 39 ? 'text goes in double quotes: "like this"' : c === 59 ? 'separate arguments with commas' : undefined;
      throw new FormulaError('unexpected-character', `Unexpected character "${quote(ch)}"`, { start, end: i + ch.length }, source, hint);
    }
  }
  tokens.push({ type: 'eof', text: '', span: { start: n, end: n } });
  return tokens;
}

/**
 * A DAX table name in apostrophes: 'Sales'[Amount] is told to drop the table, COUNTROWS('Sales')
 * or SUMX('Sales', …) gets that function's PivotDeck answer. Anything else falls through to the
 * caller's "text goes in double quotes".
 */
function daxTable(source: string, at: number, tokens: readonly Token[]): void {
  const close = source.indexOf("'", at + 1);
  if (close < 0) return;
  const table = source.slice(at, close + 1);
  if (source.charCodeAt(close + 1) === OPEN) {
    const end = source.indexOf(']', close + 1);
    const column = end < 0 ? source.slice(close + 1) : source.slice(close + 1, end + 1);
    throw new FormulaError('syntax', `Unexpected table name ${quote(table)}`, { start: at, end: close + 1 }, source, `write ${quote(column)} without the table name: a PivotDeck formula reads one table`);
  }
  const [name, open] = [tokens[tokens.length - 2], tokens[tokens.length - 1]];
  if (name?.type === 'name' && open?.type === '(' && takesTable(name.text)) {
    throw new FormulaError('unknown-function', `PivotDeck's formulas have no ${quote(name.text)}`, name.span, source, foreignAnswer(name.text));
  }
}

const APOSTROPHE = 39;
const OPEN = 91;
const CLOSE = 93;
const POUND = 35;

/**
 * Read a field reference starting at the `[` at `start`. Inside the brackets an apostrophe
 * escapes the next `[`, `]`, `#` or `'`, as in Excel's structured references (`[Unit '[EUR']]`
 * is the field "Unit [EUR]", `[O''Brien]` is "O'Brien"). For formulas written before that rule:
 * `]]` still reads as one `]`, and an apostrophe before any other character is itself.
 */
function readField(source: string, start: number): { name: string; end: number } {
  const n = source.length;
  let name = '';
  let i = start + 1;
  let piece = i;
  for (;;) {
    if (i >= n) {
      const hint = source.includes("']", start)
        ? "add a closing ] (an apostrophe before ] makes the ] part of the name; write '' for an apostrophe)"
        : 'add a closing ]';
      throw new FormulaError('unterminated-field', 'Unterminated field reference', { start, end: n }, source, hint);
    }
    const d = source.charCodeAt(i);
    if (d === APOSTROPHE) {
      const e = source.charCodeAt(i + 1);
      if (e === OPEN || e === CLOSE || e === POUND || e === APOSTROPHE) {
        name += source.slice(piece, i) + source[i + 1];
        i += 2;
        piece = i;
        continue;
      }
      i++;
      continue;
    }
    if (d === CLOSE) {
      name += source.slice(piece, i);
      if (source.charCodeAt(i + 1) === CLOSE) {
        name += ']';
        i += 2;
        piece = i;
        continue;
      }
      i++;
      break;
    }
    if (d === OPEN) {
      throw new FormulaError('syntax', 'Unexpected "[" inside a field reference', { start: i, end: i + 1 }, source, "write '[ for a [ that is part of the field name");
    }
    i++;
  }
  if (name.trim() === '') throw new FormulaError('empty-field', 'Empty field reference', { start, end: i }, source);
  return { name, end: i };
}
