import type { ExcelRun } from '../api';
import { queryOutputName } from './query-output-error';

/**
 * Deletes exactly what PivotDeck wrote for a query (its grid and name, or its table) and
 * nothing else. Two syncs when something was there (look, delete); one when nothing was.
 * Returns false when there was nothing to remove.
 *
 * @example await removeQueryOutput(host.run, 'q1');
 */
export async function removeQueryOutput(run: ExcelRun, queryId: string): Promise<boolean> {
  const name = queryOutputName(queryId);
  return run(async (context) => {
    const item = context.workbook.names.getItemOrNullObject(name).load('name');
    const range = item.getRangeOrNullObject().load('address');
    const table = context.workbook.tables.getItemOrNullObject(name).load('name');
    await context.sync();
    if (item.isNullObject && table.isNullObject) return false;
    if (!item.isNullObject) {
      if (!range.isNullObject) range.clear('All');
      item.delete();
    }
    if (!table.isNullObject) {
      table.getRange().clear('All');
      table.delete();
    }
    await context.sync();
    return true;
  });
}
