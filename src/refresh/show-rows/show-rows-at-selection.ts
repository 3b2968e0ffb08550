/**
 * The "Show rows" use-case, outside React so the pane button and the ribbon command share it
 * (both through the composition root's `showRows`): find what the active cell is, drill it, read
 * the rows behind it where its data lives, and write them to a new sheet.
 */
import { pivotCellRows, extensionCellRows } from './pivot-cell';
import { dashboardCellRows } from './dashboard-cell';
import { queryCellRows } from './query-cell';
import { readActiveCell } from './active-cell';
import type { ShowRowsDeps } from './show-rows-deps';
import { explainShowRowsError, NOT_A_NUMBER, refused, type ShowRowsOutcome } from './show-rows-outcome';

/**
 * Show the rows behind the active cell on a new sheet: a PivotTable value, an extension column, a
 * saved query's grid value or table row, a dashboard KPI, table tile row or chart data point.
 * Never throws: a refusal says what happened and what to do.
 * @example
 * const outcome = await showRowsAtSelection({ run: host.run, canReadDataSource: true, documents });
 * if (outcome.status === 'refused') show(outcome.message);
 */
export async function showRowsAtSelection(deps: ShowRowsDeps): Promise<ShowRowsOutcome> {
  try {
    const cell = await readActiveCell(deps.run);
    const pivot = await pivotCellRows(deps, cell);
    if (pivot) return pivot;
    const doc = await deps.documents.read();
    return (await extensionCellRows(deps, doc, cell))
      ?? (await queryCellRows(deps, doc, cell))
      ?? (await dashboardCellRows(deps, doc, cell))
      ?? refused(NOT_A_NUMBER);
  } catch (error) {
    return explainShowRowsError(error);
  }
}
