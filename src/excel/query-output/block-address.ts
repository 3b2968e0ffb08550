import { columnName, quoteSheet } from '../../engine/address';
import { parseBlock } from '../a1';

/** A rectangle on a named sheet, zero-based. */
export interface SheetArea { sheet: string; row: number; column: number; rows: number; columns: number }

/** Excel's sheet size. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;

/**
 * Column letters of a zero-based column index.
 * @example columnLetters(27) // 'AB'
 */
export function columnLetters(index: number): string {
  return columnName(index);
}

/** A sheet name as Excel writes it in an address (the engine's A1 module). */
export { quoteSheet };

/**
 * "Sheet!A1:C3" for an area (a single cell has no ":").
 * @example areaAddress({ sheet: 'Q', row: 0, column: 0, rows: 2, columns: 3 }) // 'Q!A1:C2'
 */
export function areaAddress(a: SheetArea): string {
  const first = `${columnLetters(a.column)}${a.row + 1}`;
  const last = `${columnLetters(a.column + a.columns - 1)}${a.row + a.rows}`;
  return `${quoteSheet(a.sheet)}!${first}${a.rows === 1 && a.columns === 1 ? '' : `:${last}`}`;
}

/**

/** True when `inner` lies entirely inside `outer` (same sheet, ignoring case). */
export function contains(outer: SheetArea | undefined, inner: SheetArea): boolean {
  return outer !== undefined && outer.sheet.toLowerCase() === inner.sheet.toLowerCase()
    && inner.row >= outer.row && inner.column >= outer.column
    && inner.row + inner.rows <= outer.row + outer.rows && inner.column + inner.columns <= outer.column + outer.columns;
}

/** True when the cell (row, column) of `sheet` lies inside `area`. */
export function holds(area: SheetArea | undefined, sheet: string, row: number, column: number): boolean {
  return contains(area, { sheet, row, column, rows: 1, columns: 1 });
}

/** Characters Excel refuses in sheet names. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

/** Longest sheet name Excel accepts. */
const MAX_SHEET_NAME = 31;

/**
 * `text` cut to at most `max` characters at the last word boundary, so a name reads
 * "…Median of" rather than "…Median of Reven"; a hard cut only when one word fills most of it.
 * @example cutAtWord('Sum of Revenue by Region and Median of Revenue', 31) // 'Sum of Revenue by Region and'
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const space = head.lastIndexOf(' ');
  // Below half the room a word cut loses too much; cut the long word instead.
  return (space >= max / 2 ? head.slice(0, space) : text.slice(0, max)).trim();
}

/**
 * A valid sheet name close to `wanted` that no sheet in `taken` uses (ignoring case):
 * forbidden characters removed, at most 31 characters cut at a word boundary, " (2)", " (3)" ...
 * appended when taken.
 * @example uniqueSheetName('Revenue: by region', ['Revenue by region']) // 'Revenue by region (2)'
 */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const base = cutAtWord(wanted.replace(BAD_SHEET_CHARS, '').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, ''), MAX_SHEET_NAME).replace(/'+$/, '') || 'Query';
  if (!used.has(base.toLowerCase()) && base.toLowerCase() !== 'history') return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${cutAtWord(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * The zero-based position of a single cell like "B3" or "$B$3" (a range gives its top-left).
 * @example parseCell('B3') // { row: 2, column: 1 }
 */
export function parseCell(cell: string): { row: number; column: number } | undefined {
  const block = parseBlock(cell.trim());
  return block && block.row < MAX_SHEET_ROWS && block.column < MAX_SHEET_COLUMNS ? { row: block.row, column: block.column } : undefined;
}
