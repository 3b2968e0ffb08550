/**
 * Small hand-built WorkbookModels for the adapter tests. Cells are given as rows starting at a
 * top-left cell; everything else about the model stays explicit in each test.
 */
import type { CellValue } from '../../src/excel/api';
import type { CellModel, PivotModel, SheetModel, TableModel, WorkbookModel } from '../../src/simulator/model';

/** Cells of `rows` placed with their first cell at zero-based (row, col). */
export function cellsAt(
  rows: CellValue[][],
  row = 0,
  col = 0,
  formats?: (r: number, c: number) => string | undefined,
): Record<string, CellModel> {
  const cells: Record<string, CellModel> = {};
  rows.forEach((values, r) =>
    values.forEach((value, c) => {
      if (value === '') return;
      const numberFormat = formats?.(r, c);
      cells[`${row + r},${col + c}`] = numberFormat ? { value, numberFormat } : { value };
    }),
  );
  return cells;
}

export function sheet(name: string, ...parts: Array<Record<string, CellModel>>): SheetModel {
  return { name, cells: Object.assign({}, ...parts) };
}

export function table(name: string, sheetName: string, address: string, extra: Partial<TableModel> = {}): TableModel {
  return { name, sheet: sheetName, address, showHeaders: true, showTotals: false, ...extra };
}

export function workbook(parts: { sheets: SheetModel[]; tables?: TableModel[]; pivots?: PivotModel[] }): WorkbookModel {
  return { sheets: parts.sheets, tables: parts.tables ?? [], pivots: parts.pivots ?? [], names: [], settings: {} };
}

/** The small sales list used by pivot tests: 12 rows, hand-checkable. */
export const SALES_ROWS: CellValue[][] = [
  ['Region', 'Category', 'Channel', 'Revenue', 'Units'],
  ['North', 'Bikes', 'Online', 100, 1],
  ['North', 'Bikes', 'Store', 200, 2],
  ['North', 'Parts', 'Online', 30, 3],
  ['North', 'Parts', 'Store', 40, 4],
  ['South', 'Bikes', 'Online', 500, 5],
  ['South', 'Bikes', 'Store', 600, 6],
  ['South', 'Parts', 'Online', 70, 7],
  ['South', 'Parts', 'Store', 80, 8],
  ['West', 'Bikes', 'Online', 900, 9],
  ['West', 'Parts', 'Online', 10, 1],
  ['West', 'Parts', 'Store', 20, 2],
  ['West', 'Bikes', 'Store', 300, 3],
];
