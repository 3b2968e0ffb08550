/**
 * Writes sales rows into the sample's Sales table through the Excel API, in blocks that stay
 * under Excel's request payload limit, with the same number formats the small sample's cells
 * carry, then refreshes the sample's PivotTable as a user would after pasting new data. Used for
 * samples too large for a workbook model (see sampleWithEmptySales).
 */
import type { ExcelRun } from '../../excel/api';
import { CURRENCY_FORMAT, DATE_FORMAT } from './build-sample-workbook';
import { SALES_COLUMNS, type SalesRow } from './sales-rows';

/** Rows per request: about 2 MB of values, well under the 5 MB request limit. */
const BLOCK = 20_000;
/** Columns with a number format, by position in SALES_COLUMNS. */
const FORMATS: Array<[number, string]> = [[0, DATE_FORMAT], [8, CURRENCY_FORMAT], [9, CURRENCY_FORMAT], [10, CURRENCY_FORMAT]];

/**
 * @example await fillSalesRows(sim.run, generateSalesRows({ rows: 1_000_000 })); // 50 blocks of 20,000
 */
export async function fillSalesRows(run: ExcelRun, rows: SalesRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BLOCK) {
    const part = rows.slice(start, start + BLOCK);
    const values = part.map((r) => [r.date, r.region, r.country, r.channel, r.product, r.category, r.customer, r.units, r.unitPrice, r.revenue, r.cost]);
    await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sales');
      sheet.getRangeByIndexes(1 + start, 0, part.length, SALES_COLUMNS.length).values = values;
      await ctx.sync();
      for (const [column, format] of FORMATS) {
        sheet.getRangeByIndexes(1 + start, column, part.length, 1).numberFormat = part.map(() => [format]);
      }
      await ctx.sync();
    });
  }
  await run(async (ctx) => {
    // PivotTable names are unique per sheet only: look it up on its own sheet.
    ctx.workbook.worksheets.getItem('Summary').pivotTables.getItem('SalesPivot').refresh();
    await ctx.sync();
  });
}
