/**
 * What Show rows answers, and the words shared by every kind of cell. A refusal always says what
 * happened and what to do.
 */
import { DrillError } from '../../engine/drill';
import { excelErrorCode, explainExcelError } from '../../excel/errors';
import { ShowRowsError, type ShowRowsResult } from '../../excel/show-rows';

export type ShowRowsOutcome =
  | { status: 'written'; sheet: string; words: string; total: number; rowsWritten: number; formula?: string }
  | { status: 'refused'; message: string };

export const NOT_A_NUMBER =
  'Select a number in a PivotTable, or one PivotDeck wrote (a query, a dashboard KPI, a table tile row or a chart\'s data), then choose Show rows. The selected cell is none of these.';

/** The written outcome of a drill. */
export function written(out: ShowRowsResult, words: string): ShowRowsOutcome {
  return { status: 'written', sheet: out.sheet, words, total: out.total, rowsWritten: out.rowsWritten, formula: out.formula };
}

export function refused(message: string): ShowRowsOutcome {
  return { status: 'refused', message };
}

/**
 * Any failure as a refusal in plain words: ours (a drill that cannot be made, a source gone) say
 * what to do themselves; Excel's own errors get Excel's advice.
 * @example explainShowRowsError(new DrillError('…')) // { status: 'refused', message: '…' }
 */
export function explainShowRowsError(error: unknown): ShowRowsOutcome {
  if (error instanceof DrillError || error instanceof ShowRowsError) return refused(error.message);
  if (error instanceof Error && error.name === 'ExtensionError') return refused(error.message);
  if (excelErrorCode(error) === undefined && error instanceof Error) return refused(`Could not show the rows behind the selected cell: ${error.message}`);
  return refused(explainExcelError(error, 'show the rows behind the selected cell').replace(' Press Refresh to try again.', ' Choose Show rows again.'));
}
