/**
 * Why a snapshot was not appended to a history table. In every case the history already in the
 * workbook is exactly as it was.
 */
export type HistoryErrorCode =
  /** The host lacks Table.resize (ExcelApi 1.13), which appends without moving a cell. */
  | 'unsupported'
  /** Cells below the history table hold something PivotDeck did not write. */
  | 'foreign-content'
  /** The table changed between reading it and appending (another refresh appended meanwhile). */
  | 'changed'
  /** Excel failed halfway; the rows written so far were cleared again. */
  | 'write-failed';

/** A refusal to append, with a message a user can act on. */
export class HistoryError extends Error {
  constructor(readonly code: HistoryErrorCode, message: string) {
    super(message);
    this.name = 'HistoryError';
  }
}

/**
 * The Excel table that holds the history of a saved query or dashboard. Tables are found by name
 * anywhere in the workbook, so renaming or moving the history sheet loses nothing.
 * @example historyTableName('q_1') // 'PivotDeck_History_q_1'
 */
export function historyTableName(ownerId: string): string {
  return `PivotDeck_History_${ownerId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
