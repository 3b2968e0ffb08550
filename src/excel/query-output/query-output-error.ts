/**
 * Why PivotDeck did not write a query's output. Nothing was changed in the workbook ('write-failed':
 * Excel failed halfway and the previous output was put back).
 */
export type QueryOutputErrorCode = 'foreign-content' | 'too-large' | 'bad-target' | 'write-failed'
  /** The new result lacks columns of the query table that the user's formulas or PivotTables use; nobody could be asked. */
  | 'columns-in-use'
  /** The user said no when asked whether to remove such columns. */
  | 'declined';

/** A refusal to write, with a message a user can act on. */
export class QueryOutputError extends Error {
  constructor(readonly code: QueryOutputErrorCode, message: string) {
    super(message);
    this.name = 'QueryOutputError';
  }
}

/**
 * The workbook name that tracks a query's output: a defined name over the grid, or the name of
 * the Excel table. Excel names allow letters, digits, "_" and ".", so other characters become "_".
 * @example queryOutputName('q-1') // 'PivotDeck_q_1'
 */
export function queryOutputName(queryId: string): string {
  return `PivotDeck_${queryId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
