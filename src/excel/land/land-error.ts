/**
 * Why a landing was refused or failed, in words for the person who pressed "Load to table".
 * Every kind except 'restoreFailed' guarantees the previously landed table is as it was.
 */
export type LandingErrorKind =
  /** More rows than an Excel sheet holds: keep the data out of the sheet. */
  | 'tooManyRows'
  | 'tooManyColumns'
  | 'badTableName'
  /** The table name belongs to a table PivotDeck did not land for this source. */
  | 'tableNameTaken'
  /** The cells the new table needs hold the user's data. */
  | 'foreignContent'
  | 'cancelled'
  /**
   * The new data lacks columns that the user's formulas or PivotTables use, and nobody could be
   * asked (the ribbon's Refresh all, refresh on open): not refreshed; refresh from the pane.
   */
  | 'columnsInUse'
  /** Excel failed during the write; the previous table was put back. */
  | 'writeFailed'
  /** Excel failed during the write and again while putting the previous table back. */
  | 'restoreFailed';

/**
 * @example throw new LandingError('cancelled', 'Loading was cancelled. The previous table is unchanged.')
 */
export class LandingError extends Error {
  override readonly name = 'LandingError';
  constructor(readonly kind: LandingErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Is `error` a LandingError (also across bundles)? */
export function isLandingError(error: unknown): error is LandingError {
  return error instanceof LandingError || (error instanceof Error && error.name === 'LandingError' && 'kind' in error);
}
