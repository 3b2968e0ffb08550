/** A simulated workbook holding the hand-made source as a range (Data) and as a table (TData). */
import type { CellValue } from '../../src/excel/api';
import type { CellModel, PivotModel, SheetModel, WorkbookModel } from '../../src/simulator/model';
import { createSimulator } from '../../src/simulator';
import { FORMATS, HEADER, ROWS } from './hand-data';

export function sheetWith(name: string, rows: CellValue[][], formats?: string[]): SheetModel {
  const cells: Record<string, CellModel> = {};
  rows.forEach((row, r) => row.forEach((value, c) => {
    if (value === '') return;
    cells[`${r},${c}`] = r > 0 && formats && formats[c] !== 'General' ? { value, numberFormat: formats[c] } : { value };
  }));
  return { name, cells };
}

export function basePivot(over: Partial<PivotModel> = {}): PivotModel {
  return {
    name: 'P', sheet: 'Pivot', anchor: 'A3',
    source: { kind: 'range', sheet: 'Data', address: 'A1:F13' },
    rows: [{ name: 'Region' }, { name: 'Category' }], columns: [], filters: [],
    data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }, { field: 'Revenue', name: 'Count of Revenue', summarizeBy: 'Count' }],
    layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true,
    ...over,
  };
}

export function handWorkbook(pivots: PivotModel[] = [basePivot()], extraSheets: SheetModel[] = []): WorkbookModel {
  const grid = [HEADER, ...ROWS];
  return {
    sheets: [sheetWith('Data', grid, FORMATS), sheetWith('TData', grid, FORMATS), { name: 'Pivot', cells: {} }, ...extraSheets],
    tables: [{ name: 'SalesT', sheet: 'TData', address: 'A1:F13', showHeaders: true, showTotals: false }],
    pivots,
    names: [],
    settings: {},
  };
}

export function handSimulator(pivots?: PivotModel[], extraSheets?: SheetModel[]) {
  return createSimulator(handWorkbook(pivots, extraSheets));
}
