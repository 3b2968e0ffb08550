/**
 * Shared builders and one equality helper for the pivot renderer tests.
 */
import { expect } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import type { PivotDataFieldModel, PivotFieldModel, PivotModel, SummarizeBy } from '../../src/simulator/model';
import type { PivotSource } from '../../src/simulator/pivot/render';

/** A source table from a header row and data rows; all formats General unless given. */
export function table(header: string[], rows: CellValue[][], numberFormats?: string[]): PivotSource {
  return { header, rows, numberFormats: numberFormats ?? header.map(() => 'General') };
}

export function field(name: string, extra: Partial<PivotFieldModel> = {}): PivotFieldModel {
  return { name, ...extra };
}

const PREFIX: Record<SummarizeBy, string> = {
  Sum: 'Sum of', Count: 'Count of', Average: 'Average of', Max: 'Max of', Min: 'Min of',
  Product: 'Product of', CountNumbers: 'Count of', StandardDeviation: 'StdDev of',
  StandardDeviationP: 'StdDevp of', Variance: 'Var of', VarianceP: 'Varp of',
};

export function dataField(f: string, summarizeBy: SummarizeBy = 'Sum', extra: Partial<PivotDataFieldModel> = {}): PivotDataFieldModel {
  return { field: f, name: `${PREFIX[summarizeBy]} ${f}`, summarizeBy, ...extra };
}

/** A compact pivot at A3 with Excel's defaults (subtotals at top, both grand totals). */
export function pivot(extra: Partial<PivotModel>): PivotModel {
  return {
    name: 'PivotTable1',
    sheet: 'Pivot',
    anchor: 'A3',
    source: { kind: 'range', sheet: 'Data', address: 'A1:D13' },
    rows: [],
    columns: [],
    filters: [],
    data: [],
    layout: 'Compact',
    subtotalLocation: 'AtTop',
    showRowGrandTotals: true,
    showColumnGrandTotals: true,
    ...extra,
  };
}

/**
 * Cell-by-cell equality; numbers compare to 12 significant digits because Excel stores sums
 * like 3188745.063 rounded to 15-17 digits while we add in binary floating point.
 */
export function expectGrid(actual: CellValue[][], expected: CellValue[][]): void {
  const norm = (g: CellValue[][]): CellValue[][] =>
    g.map((row) => row.map((v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)));
  expect(norm(actual)).toEqual(norm(expected));
}
