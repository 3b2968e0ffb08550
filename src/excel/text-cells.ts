/**
 * Data never becomes a formula. Excel parses what an add-in writes through `Range.values` as if it
 * were typed: "=WEBSERVICE(...)" becomes a live formula, "+1" or "-1" a number, "@x" is refused
 * or turned into a formula, "TRUE" a boolean, "1/2" a date, and a leading apostrophe disappears.
 * A cell formatted as Text ("@") keeps what is written exactly (OWASP "CSV injection"; Excel's
 * "Format numbers as text"). Every PivotDeck writer formats such cells "@" BEFORE writing them.
 *
 * Numbers and booleans are written as numbers and booleans and need nothing; only strings Excel
 * would not keep as they are get the text format.
 */
import type { CellValue } from './api';

/** Strings Excel would turn into something else when written into a General cell. */
const RISKY_START = /^[=+\-@\t\r']/;
const NUMBER_LIKE = /^\s*[-+]?[$€£¥]?\s*(\d[\d,]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*%?\s*$/;
const DATE_LIKE = /^\s*\d{1,4}\s*[-/.]\s*\d{1,2}(\s*[-/.]\s*\d{1,4})?(\s+\d{1,2}:\d{2}(:\d{2})?\s*([ap]m)?)?\s*$/i;
const TIME_LIKE = /^\s*\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([ap]m)?\s*$/i;
const WORDS = /^\s*(true|false|#n\/a|#ref!|#value!|#div\/0!|#name\?|#num!|#null!)\s*$/i;
/** "(123)" is -123 to Excel (accounting negatives). */
const PARENTHESISED = /^\s*\(\s*[$€£¥]?\s*(\d[\d,]*(\.\d*)?|\.\d+)\s*\)\s*$/;
/** "Jan 5", "5-Jan", "March 2024": dates to Excel (English month names). */
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const MONTH_DATE = new RegExp(`^\\s*(\\d{1,2}[-\\s/]+${MONTH}([-\\s/,]+\\d{2,4})?|${MONTH}[-\\s/]+\\d{1,4}([-\\s/,]+\\d{2,4})?)\\s*$`, 'i');

/**
 * @example needsTextFormat('=1+1')   // true
 * @example needsTextFormat('00123')  // true (it would lose its zeros)
 * @example needsTextFormat('Nord')   // false
 * @example needsTextFormat(42)       // false
 */
export function needsTextFormat(value: CellValue | null | undefined): boolean {
  if (typeof value !== 'string' || value === '') return false;
  return RISKY_START.test(value) || NUMBER_LIKE.test(value) || DATE_LIKE.test(value) || TIME_LIKE.test(value) || WORDS.test(value)
    || PARENTHESISED.test(value) || MONTH_DATE.test(value);
}

/** A block of cells, zero-based within the values given. */
export interface CellArea { row: number; column: number; rows: number; columns: number }

/**
 * The cells of `values` that need the text format, as few rectangles: runs along each row, merged
 * with the same run in the rows below.
 *
 * @example textFormatAreas([['=a', '=b'], ['=c', '=d'], [1, 2]]) // [{ row: 0, column: 0, rows: 2, columns: 2 }]
 */
export function textFormatAreas(values: ReadonlyArray<ReadonlyArray<CellValue>>): CellArea[] {
  const open = new Map<string, CellArea>();
  const out: CellArea[] = [];
  for (let r = 0; r < values.length; r++) {
    const line = values[r]!;
    const runs: Array<[number, number]> = [];
    for (let c = 0; c < line.length; c++) {
      if (!needsTextFormat(line[c])) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === c) last[1] = c + 1;
      else runs.push([c, c + 1]);
    }
    const still = new Set<string>();
    for (const [a, b] of runs) {
      const key = `${a}:${b}`;
      const area = open.get(key);
      if (area && area.row + area.rows === r) area.rows++;
      else {
        const fresh = { row: r, column: a, rows: 1, columns: b - a };
        open.set(key, fresh);
        out.push(fresh);
      }
      still.add(key);
    }
    for (const key of [...open.keys()]) if (!still.has(key)) open.delete(key);
  }
  return out;
}

/**
 * Which columns of `rows` hold a string that needs the text format (the whole column then gets
 * "@", as landing does for text columns; numbers written there stay numbers).
 *
 * @example textColumns([['a', '=x'], ['b', 2]], 2) // [false, true]
 */
export function textColumns(rows: ReadonlyArray<ReadonlyArray<CellValue>>, width: number): boolean[] {
  const out = new Array<boolean>(width).fill(false);
  for (const row of rows) for (let c = 0; c < width; c++) if (!out[c] && needsTextFormat(row[c])) out[c] = true;
  return out;
}
