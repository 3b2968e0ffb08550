import type { ExcelRun, XRange, XTable } from './api';
import type { TableInfo } from './workbook-info';

/**
 * Lists every table in the workbook with its sheet, size and column names.
 *
 * Two syncs whatever the number of tables: the first loads the collection (names, sheet names,
 * header/totals flags and column names through load paths), the second loads every table's range
 * size at once. A table's range is reached by a method call (`getRange()`), which Excel cannot
 * follow in a load path, hence the second round trip.
 *
 * @example
 * const tables = await listTables(host.run);
 * // [{ name: 'Sales', sheet: 'Data', rowCount: 20000, columnCount: 11, columns: ['Date', ...] }]
 */
export async function listTables(run: ExcelRun): Promise<TableInfo[]> {
  return run(async (context) => {
    const tables = context.workbook.tables;
    tables.load('items/name, items/showHeaders, items/showTotals, items/worksheet/name, items/columns/items/name');
    await context.sync();

    const ranges: Array<{ table: XTable; range: XRange }> = tables.items.map((table) => ({
      table,
      range: table.getRange().load('address, rowCount, columnCount'),
    }));
    if (ranges.length > 0) await context.sync();

    return ranges.map(({ table, range }) => {
      const chrome = (table.showHeaders ? 1 : 0) + (table.showTotals ? 1 : 0);
      return {
        name: table.name,
        sheet: table.worksheet.name,
        address: range.address,
        rowCount: Math.max(0, range.rowCount - chrome),
        columnCount: range.columnCount,
        columns: table.columns.items.map((column) => column.name),
        showHeaders: table.showHeaders,
        showTotals: table.showTotals,
      };
    });
  });
}
