import type { XlValue } from '../../engine/pivot-extension';
import type { ExcelRun } from '../api';

/**
 * The column item labels of a PivotTable with column fields: the rows of its column label range
 * below the caption row ("Column Labels" or the field names), one per column field, as values.
 * One sync. Empty when the pivot has no column fields.
 *
 * @example const labels = await readPivotColumnLabels(host.run, 'SalesPivot', 1, 'Summary'); // [['Bikes', 'Cars', 'Grand Total']]
 */
export async function readPivotColumnLabels(run: ExcelRun, pivotName: string, columnFields: number, sheet?: string): Promise<XlValue[][]> {
  if (columnFields === 0) return [];
  return run(async (ctx) => {
    // Names are unique per sheet only: with the sheet, a namesake elsewhere cannot answer.
    const pivots = sheet === undefined ? ctx.workbook.pivotTables : ctx.workbook.worksheets.getItem(sheet).pivotTables;
    const range = pivots.getItem(pivotName).layout.getColumnLabelRange().load('values, rowCount');
    await ctx.sync();
    const values = range.values as XlValue[][];
    return values.slice(values.length - columnFields);
  });
}
