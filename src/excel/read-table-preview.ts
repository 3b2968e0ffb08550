import type { ExcelRun, XRange } from './api';
import type { TablePreview } from './workbook-info';

/**
 * Reads a table's column names and its first `maxRows` data rows with their number formats.
 *
 * One sync: the first rows are addressed as the data body's first row stretched down by
 * `maxRows - 1` and intersected with the data body, so a short table returns only its own rows
 * without a round trip to learn its size first. (If the stretch would leave the sheet, the
 * intersection cannot be built and the read falls back to asking for the size: two syncs.)
 *
 * @example
 * const preview = await readTablePreview(host.run, 'Sales', 50);
 * // { headers: ['Date', 'Region', ...], rows: [[45292, 'North', ...], ...], totalRows: 20000, ... }
 */
export async function readTablePreview(run: ExcelRun, name: string, maxRows: number): Promise<TablePreview> {
  const wanted = Math.max(1, Math.floor(maxRows));
  return run(async (context) => {
    const table = context.workbook.tables.getItem(name);
    table.load('name, worksheet/name, columns/items/name');
    const body = table.getDataBodyRange().load('rowCount, rowIndex, columnIndex, columnCount');
    let first: XRange = body.getIntersectionOrNullObject(body.getRow(0).getResizedRange(wanted - 1, 0));
    first.load('values, numberFormat');
    try {
      await context.sync();
    } catch (error) {
      // Either the table is gone (the retry fails too: report the first error) or the stretch
      // left the sheet: learn the body's size, then address the first rows by index.
      table.load('name, worksheet/name, columns/items/name');
      body.load('rowCount, rowIndex, columnIndex, columnCount');
      await context.sync().catch(() => { throw error; });
      first = table.worksheet
        .getRangeByIndexes(body.rowIndex, body.columnIndex, Math.min(wanted, body.rowCount), body.columnCount)
        .load('values, numberFormat');
      await context.sync();
    }
    const rows = first.isNullObject ? [] : first.values;
    const numberFormats = first.isNullObject ? [] : (first.numberFormat as string[][]);
    return {
      table: table.name,
      sheet: table.worksheet.name,
      headers: table.columns.items.map((column) => column.name),
      rows,
      numberFormats,
      totalRows: body.rowCount,
    };
  });
}
