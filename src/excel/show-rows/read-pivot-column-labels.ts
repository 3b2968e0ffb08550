import type { XlValue } from '../../engine/pivot-extension';
import type { ExcelRun } from '../api';

/**
 * The column item labels of a PivotTable with column fields: the rows of its column label range
 * below the caption row ("Column Labels" or the field names), one per column field, as values.
 * One sync. Empty when the pivot has no column fields.
 *
 * @example const labels = await readPivotColumnLabels(host.run, 'SalesPivot', 1); // [['Bikes', 'Cars', 'Grand Total']]
 */
export async function readPivotColumnLabels(run: ExcelRun, pivotName: string, columnFields: number): Promise<XlValue[][]> {
  if (columnFields === 0) return [];
  return run(async (ctx) => {
    const range = ctx.workbook.pivotTables.getItem(pivotName).layout.getColumnLabelRange().load('values, rowCount');
    await ctx.sync();
    const values = range.values as XlValue[][];
    return values.slice(values.length - columnFields);
  });
}
