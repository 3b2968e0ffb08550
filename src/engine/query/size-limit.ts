/** Excel's worksheet size (every version since 2007). */
export const SHEET_MAX_ROWS = 1_048_576;
export const SHEET_MAX_COLUMNS = 16_384;

/** The result would not fit on a worksheet; nothing was produced. */
export class ResultTooLargeError extends Error {
  readonly rows: number;
  readonly columns: number;

  constructor(what: string, rows: number, columns: number, atLeast = false) {
    const parts: string[] = [];
    if (rows > SHEET_MAX_ROWS) parts.push(`${rows.toLocaleString('en-US')} rows (a sheet holds ${SHEET_MAX_ROWS.toLocaleString('en-US')})`);
    if (columns > SHEET_MAX_COLUMNS) parts.push(`${columns.toLocaleString('en-US')} columns (a sheet holds ${SHEET_MAX_COLUMNS.toLocaleString('en-US')})`);
    super(`The ${what} would need ${atLeast ? 'at least ' : ''}${parts.join(' and ')}. Add filters or move a field from the rows or columns to reduce it.`);
    this.name = 'ResultTooLargeError';
    this.rows = rows;
    this.columns = columns;
  }
}

/**
 * Throw ResultTooLargeError when a block of rows × columns cannot fit on a sheet.
 * @example assertFitsSheet('pivot grid', 2_000_000, 3) // throws
 */
export function assertFitsSheet(what: string, rows: number, columns: number, atLeast = false): void {
  if (rows > SHEET_MAX_ROWS || columns > SHEET_MAX_COLUMNS) throw new ResultTooLargeError(what, rows, columns, atLeast);
}
