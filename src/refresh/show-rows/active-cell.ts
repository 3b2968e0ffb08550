import type { CellValue, ExcelRun } from '../../excel/api';

/** The active cell: its sheet, 0-based row and column, and value. */
export interface ActiveCell {
  sheet: string;
  row: number;
  column: number;
  value: CellValue;
}

/**
 * One sync.
 * @example const cell = await readActiveCell(host.run); // { sheet: 'Dashboard', row: 4, column: 0, value: 1234 }
 */
export async function readActiveCell(run: ExcelRun): Promise<ActiveCell> {
  return run(async (ctx) => {
    const c = ctx.workbook.getActiveCell().load('rowIndex, columnIndex, values, worksheet/name');
    await ctx.sync();
    return { sheet: c.worksheet.name, row: c.rowIndex, column: c.columnIndex, value: (c.values[0]?.[0] ?? '') as CellValue };
  });
}
