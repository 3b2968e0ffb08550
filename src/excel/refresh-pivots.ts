import type { ExcelRun } from './api';

/**
 * Refreshes every PivotTable in the workbook from its source, in one sync.
 * Returns how many pivots there are, for the caller's status message.
 *
 * @example await refreshAllPivots(officeRun()); // 2
 */
export async function refreshAllPivots(run: ExcelRun): Promise<number> {
  return run(async (context) => {
    const pivots = context.workbook.pivotTables;
    pivots.load('items/name');
    pivots.refreshAll();
    await context.sync();
    return pivots.items.length;
  });
}
