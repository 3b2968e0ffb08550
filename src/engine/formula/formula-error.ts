import type { Span } from './ast';

/** Machine-readable reason, for UIs that want more than the message. */
export type FormulaErrorCode =
  | 'syntax'
  | 'unterminated-string'
  | 'unterminated-field'
  | 'empty-field'
  | 'unexpected-character'
  | 'unknown-function'
  | 'unknown-field'
  | 'arity'
  | 'nested-aggregate'
  | 'not-a-measure'
  | 'aggregate-not-allowed'
  | 'constant-required'
  | 'too-long'
  | 'too-deep';

/**
 * An error in a formula, pointing at the offending part of the text.
 * `message` reads like "Unknown function FOO at 1:1 — did you mean FLOOR?".
 */
export class FormulaError extends Error {
  readonly code: FormulaErrorCode;
  readonly span: Span;
  readonly line: number;
  readonly column: number;

  constructor(code: FormulaErrorCode, what: string, span: Span, source: string, hint?: string) {
    const { line, column } = lineColumn(source, span.start);
    super(`${what} at ${line}:${column}${hint ? ` — ${hint}` : ''}`);
    this.name = 'FormulaError';
    this.code = code;
    this.span = span;
    this.line = line;
    this.column = column;
  }
}

/**
 * 1-based line and column of an offset in `source`.
 * @example lineColumn('a\nbc', 3) // { line: 2, column: 2 }
 */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Show a piece of user text in a message without flooding it. */
export function quote(text: string, max = 40): string {
  // Only the part shown is cleaned, so a name millions of characters long costs nothing extra.
  const shown = text.length > max ? text.slice(0, max) : text;
  // Control characters would garble the message (and could fake line breaks); show them as spaces.
  let clean = '';
  for (const ch of shown) clean += ch.charCodeAt(0) < 32 ? ' ' : ch;
  return text.length > max ? `${clean}…` : clean;
}
