/** Errors of the SQL back end, worded for the person who built the query. */

/** Something in the query cannot run on the warehouse (and cannot be finished in the pane). */
export class WarehouseCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WarehouseCompileError';
  }
}

/** The warehouse answered with more rows than the sheet can take. */
export class WarehouseRowCapError extends Error {
  constructor(readonly cap: number) {
    super(
      `This query would return more than ${cap.toLocaleString('en-US')} rows, more than a sheet can hold. ` +
        'Add a filter, or group by fewer or coarser fields (for example month instead of day).',
    );
    this.name = 'WarehouseRowCapError';
  }
}
