import type { ExcelRun } from '../api';
import { localAddress } from '../a1';

export interface TableLocation {
  sheet: string;
  /** The whole table (header, body, totals row) without the sheet part, e.g. "A1:K20001". */
  address: string;
  showHeaders: boolean;
  showTotals: boolean;
}

/**
 * Where an Excel table is, so its cells can be read in ≤ 5 MB blocks by readRangeValues. One
 * sync; throws ItemNotFound when there is no such table.
 *
 * @example const { sheet, address } = await locateTable(host.run, 'Sales'); // 'Sales', 'A1:K20001'
 */
export async function locateTable(run: ExcelRun, name: string): Promise<TableLocation> {
  return run(async (context) => {
    const table = context.workbook.tables.getItem(name).load('showHeaders, showTotals, worksheet/name');
    const range = table.getRange().load('address');
    await context.sync();
    return { sheet: table.worksheet.name, address: localAddress(range.address), showHeaders: table.showHeaders, showTotals: table.showTotals };
  });
}
