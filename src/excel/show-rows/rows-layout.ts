/**
 * The cells of a "Show rows" sheet, worked out before Excel is touched: header lines, the table
 * block with per-cell number formats (text under "@" so a leading =, +, - or @ stays data), and
 * the formula row below the table.
 */
import type { CellValue } from '../api';

/** What the sheet shows. */
export interface ShowRowsContent {
  /** First header line, e.g. "Rows behind Median of Revenue". */
  title: string;
  /** The filters in words (drill.words). */
  words: string;
  /** Column names of the rows (unique ignoring case, as Excel tables need). */
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<unknown>>;
  /** Rows that match in all (rows.length when not capped). */
  total: number;
  /** Number format per column for non-text cells (dates); default "General". */
  numberFormats?: readonly (string | undefined)[];
  /** The recompute formula over the table (drill.excel), or why there is none. */
  recompute:
    | { kind: 'function'; functionName: string; formula: (column: (field: string) => string) => string }
    | { kind: 'none'; reason: string };
  /** The number PivotDeck showed in the cell, for the comparison beside the formula. */
  shown: unknown;
  /** Extra line under the header (e.g. a show-as note); optional. */
  note?: string;
}

/** Where things go, 0-based rows on the new sheet. */
export const HEADER_ROWS = { title: 0, words: 1, cap: 2, note: 3, table: 4 } as const;

/**
 * The cap in words the user can see.
 * @example capWords(10_000, 52_311) // 'Showing the first 10,000 of 52,311 rows.'
 * @example capWords(3, 3) // 'All 3 rows.'
 */
export function capWords(shown: number, total: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (total === 0) return 'No rows match: the number is computed over no rows.';
  if (shown >= total) return total === 1 ? 'The one row.' : `All ${n(total)} rows.`;
  return `Showing the first ${n(shown)} of ${n(total)} rows. The formula below covers the rows shown; the number above covers them all.`;
}

/**
 * A cell value as Excel takes it, with its number format: text under "@", blanks as "",
 * non-finite numbers as "" (Excel cannot hold them), -0 as 0.
 * @example toCell('=1+1') // { value: '=1+1', format: '@' }
 */
export function toCell(v: unknown, numberFormat = 'General'): { value: CellValue; format: string } {
  if (v === null || v === undefined || v === '') return { value: '', format: numberFormat };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v === 0 ? 0 : v, format: numberFormat } : { value: '', format: numberFormat };
  if (typeof v === 'boolean') return { value: v, format: 'General' };
  return { value: String(v), format: '@' };
}

/**
 * A structured reference to one column of a table, in the bracketed form with Excel's escapes
 * (a ' before [, ], # and '), which is valid for every header.
 * @example columnReference('Rows_1', "Unit [EUR]") // "Rows_1[[Unit '[EUR']]]"
 */
export function columnReference(table: string, column: string): string {
  return `${table}[[${column.replace(/['[\]#]/g, (c) => `'${c}`)}]]`;
}
