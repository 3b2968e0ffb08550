/**
 * Shared formulas (`<f t="shared" si="0" ref="B2:B10">A2*2</f>`): only the master cell stores the
 * text; each follower means the same formula with relative references moved by its offset from
 * the master. This moves A1 references, skipping string literals, quoted sheet names, structured
 * references in brackets and function names that look like cells (LOG10, ATAN2).
 */
import { columnIndex, columnName, MAX_COLUMNS, MAX_ROWS } from '../../engine/address/a1';

const TOKEN =
  /("(?:[^"]|"")*")|('(?:[^']|'')*')|(\[)|(\$?[A-Za-z]{1,3}\$?\d{1,7}|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})(?![A-Za-z0-9_.(!])|([A-Za-z0-9_.\\]+)/g;

/**
 * The follower's formula text, given the master's text and the offset between the two cells.
 *
 * @example
 * shiftFormula('SUM(A2:$B2)*C$1', 2, 1) // 'SUM(B4:$B4)*D$1'
 */
export function shiftFormula(formula: string, rowOffset: number, colOffset: number): string {
  let out = '';
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(formula); m; m = TOKEN.exec(formula)) {
    if (m[3]) {
      // Structured reference: copy up to the matching bracket unchanged.
      const close = matchingBracket(formula, m.index);
      TOKEN.lastIndex = close + 1;
      continue;
    }
    if (!m[4]) continue;
    const before = formula[m.index - 1];
    if (before && /[A-Za-z0-9_.]/.test(before)) continue;
    out += formula.slice(last, m.index) + m[4].split(':').map((p) => shiftPart(p, rowOffset, colOffset)).join(':');
    last = m.index + m[0].length;
  }
  return out + formula.slice(last);
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']' && --depth === 0) return i;
  }
  return s.length - 1;
}

function shiftPart(part: string, dr: number, dc: number): string {
  const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(part);
  if (!m) return part;
  const [, colAbs, letters, rowAbs, digits] = m;
  let text = '';
  if (letters) {
    const c = colAbs ? columnIndex(letters) : columnIndex(letters) + dc;
    if (c < 0 || c >= MAX_COLUMNS) return '#REF!';
    text += colAbs + columnName(c);
  }
  if (digits) {
    // In a whole-row reference ("$3") the "$" the pattern read as a column marker is the row's.
    const rowMark = letters ? rowAbs : colAbs || rowAbs;
    const r = rowMark ? Number(digits) - 1 : Number(digits) - 1 + dr;
    if (r < 0 || r >= MAX_ROWS) return '#REF!';
    text += rowMark + (r + 1);
  }
  return text;
}
