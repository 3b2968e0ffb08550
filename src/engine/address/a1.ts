/**
 * A1-style addresses: "B3", "$A$1:$K$20001", "'My Sheet'!A1:C3", whole columns "A:C" and rows "2:5".
 * Zero-based row/column numbers everywhere in code; A1 text only at the edges.
 *
 * The one A1 module: pure, so src/excel (shipped) and src/simulator (tests) both use it and cannot
 * drift apart on column letters, quoting or overlap.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, zero-based, inclusive of the start, `rows`/`columns` ≥ 1. */
export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * Zero-based index of column letters; throws on anything but letters.
 * @example columnIndex('AA') // 26
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new Error(`"${letters}" is not a column name`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/**
 * Column letters of a zero-based index.
 * @example columnName(26) // 'AA'
 */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Splits "'My Sheet'!A1:B2" into the sheet ("My Sheet") and the local part ("A1:B2"). */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Parses a sheet-local address ("B3", "A1:C3", "A:C", "2:5") into an Area. Throws on bad input. */
export function parseArea(local: string): Area {
  const [a, b = a, extra] = local.split(':');
  if (extra !== undefined || !a) throw new Error(`"${local}" is not a valid range address`);
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1, r2 = Number(cb[2]) - 1;
    const c1 = columnIndex(ca[1]), c2 = columnIndex(cb[1]);
    return check(local, Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
  }
  const wa = COL.exec(a), wb = COL.exec(b);
  if (wa && wb) {
    const c1 = columnIndex(wa[1]), c2 = columnIndex(wb[1]);
    return check(local, 0, Math.min(c1, c2), MAX_ROWS, Math.abs(c2 - c1) + 1);
  }
  const ra = ROW.exec(a), rb = ROW.exec(b);
  if (ra && rb) {
    const r1 = Number(ra[1]) - 1, r2 = Number(rb[1]) - 1;
    return check(local, Math.min(r1, r2), 0, Math.abs(r2 - r1) + 1, MAX_COLUMNS);
  }
  throw new Error(`"${local}" is not a valid range address`);
}

function check(text: string, row: number, column: number, rows: number, columns: number): Area {
  if (row < 0 || column < 0 || row + rows > MAX_ROWS || column + columns > MAX_COLUMNS) {
    throw new Error(`"${text}" is outside the sheet`);
  }
  return { row, column, rows, columns };
}

/**
 * Quotes a sheet name when Excel would: anything but letters, digits, underscore and dot.
 * @example quoteSheet('Sales by Region') // "'Sales by Region'"
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Area → "A1" or "A1:C3" (relative, no sheet). */
export function formatArea(area: Area): string {
  const start = columnName(area.column) + (area.row + 1);
  if (area.rows === 1 && area.columns === 1) return start;
  return `${start}:${columnName(area.column + area.columns - 1)}${area.row + area.rows}`;
}

/** Area on a sheet → Excel's `range.address` form, e.g. "Sales!A1:K20001". */
export function formatAddress(sheet: string, area: Area): string {
  return `${quoteSheet(sheet)}!${formatArea(area)}`;
}

/** Area → absolute form used by data source strings, e.g. "Sheet1!$A$1:$D$13". */
export function formatAbsolute(sheet: string, area: Area): string {
  const a = `$${columnName(area.column)}$${area.row + 1}`;
  const b = `$${columnName(area.column + area.columns - 1)}$${area.row + area.rows}`;
  return `${quoteSheet(sheet)}!${area.rows === 1 && area.columns === 1 ? a : `${a}:${b}`}`;
}

/**
 * True when the cell (row, column) lies inside the area.
 * @example holdsCell({ row: 1, column: 1, rows: 2, columns: 2 }, 2, 2) // true
 */
export function holdsCell(a: Area, row: number, column: number): boolean {
  return row >= a.row && row < a.row + a.rows && column >= a.column && column < a.column + a.columns;
}

/**
 * True when two areas share at least one cell.
 * @example intersects({ row: 0, column: 0, rows: 2, columns: 2 }, { row: 1, column: 1, rows: 1, columns: 1 }) // true
 */
export function intersects(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}
