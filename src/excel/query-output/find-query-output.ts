import type { ExcelRun } from '../api';
import { areaAddress, type SheetArea } from './block-address';
import type { OutputLayout } from './output-block';
import { queryOutputName } from './query-output-error';

export interface TrackedOutput {
  layout: OutputLayout;
  area: SheetArea;
  address: string;
}

/**
 * Where PivotDeck's output of a query is now and whether it is a grid or a table, read from
 * the workbook (the user may have moved it); undefined when it is gone. Two syncs.
 *
 * @example (await findQueryOutput(host.run, 'q1'))?.layout // 'grid'
 */
export async function findQueryOutput(run: ExcelRun, queryId: string): Promise<TrackedOutput | undefined> {
  const name = queryOutputName(queryId);
  return run(async (context) => {
    const item = context.workbook.names.getItemOrNullObject(name).load('name');
    const range = item.getRangeOrNullObject().load('rowIndex, columnIndex, rowCount, columnCount, worksheet/name');
    const table = context.workbook.tables.getItemOrNullObject(name).load('name, worksheet/name');
    await context.sync();
    if (!item.isNullObject && !range.isNullObject) {
      const area = { sheet: range.worksheet.name, row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
      return { layout: 'grid' as const, area, address: areaAddress(area) };
    }
    if (table.isNullObject) return undefined;
    const whole = table.getRange().load('rowIndex, columnIndex, rowCount, columnCount');
    await context.sync();
    const area = { sheet: table.worksheet.name, row: whole.rowIndex, column: whole.columnIndex, rows: whole.rowCount, columns: whole.columnCount };
    return { layout: 'table' as const, area, address: areaAddress(area) };
  });
}
