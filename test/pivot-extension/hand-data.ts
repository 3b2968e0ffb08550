/**
 * A 12-row source small enough to compute every expected value on paper (see the comments in
 * the tests), and helpers that turn a simulator-rendered pivot into a PivotSnapshot.
 */
import type { CellValue } from '../../src/excel/api';
import type { PivotModel, PivotRenderModel } from '../../src/simulator/model';
import { parseArea } from '../../src/engine/address/a1';
import { renderPivot } from '../../src/simulator/pivot/render';
import type { PivotSnapshot, SourceTable, XlValue, PivotFieldSnapshot } from '../../src/engine/pivot-extension';

export const HEADER = ['Region', 'Category', 'Customer', 'Units', 'Revenue', 'Day'];
export const ROWS: CellValue[][] = [
  ['North', 'Bikes', 'Ann', 2, 100, 1],
  ['North', 'Bikes', 'Bob', 1, 50, 2],
  ['North', 'Bikes', 'Ann', 3, 150, 3],
  ['North', 'Cars', 'Cid', 1, 300, 4],
  ['North', 'Cars', 'Ann', 2, 500, 5],
  ['South', 'Bikes', 'Bob', 4, 200, 6],
  ['South', 'Bikes', 'Dan', '', '', 7],
  ['South', 'Cars', 'Dan', 1, 400, 8],
  ['South', 'Cars', 'Eve', 2, 'n/a', 9],
  ['South', 'Cars', 'Eve', 1, 400, 10],
  ['West', 'Bikes', 'Ann', 5, 250, 11],
  ['', 'Bikes', 'Bob', 1, 80, 12],
];
export const FORMATS = ['General', 'General', 'General', '0', '#,##0.00', '0'];

export function sourceTable(rows: CellValue[][] = ROWS, header = HEADER): SourceTable {
  return {
    headers: header,
    columns: header.map((_, c) => rows.map((r) => r[c] as XlValue)),
    formats: header.map((_, c) => FORMATS[c] ?? 'General'),
    rowCount: rows.length,
  };
}

export function pivotModel(over: Partial<PivotModel> = {}): PivotModel {
  return {
    name: 'P', sheet: 'Pivot', anchor: 'A3',
    source: { kind: 'range', sheet: 'Data', address: 'A1:F13' },
    rows: [{ name: 'Region' }, { name: 'Category' }], columns: [], filters: [],
    data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }],
    layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true,
    ...over,
  };
}

function block(render: PivotRenderModel, address: string) {
  const whole = parseArea(render.range);
  const a = parseArea(address);
  const values = render.values.slice(a.row - whole.row, a.row - whole.row + a.rows)
    .map((r) => r.slice(a.column - whole.column, a.column - whole.column + a.columns) as XlValue[]);
  return { ...a, values };
}

function fieldSnapshot(f: PivotModel['rows'][number]): PivotFieldSnapshot {
  return { name: f.name, items: (f.hiddenItems ?? []).map((name) => ({ name, visible: false })), subtotals: f.subtotals ?? ['Automatic'] };
}

/** Renders the pivot with the simulator's (independent) renderer and describes it as read-pivot would. */
export function renderedSnapshot(model: PivotModel, rows: CellValue[][] = ROWS, header = HEADER): { snapshot: PivotSnapshot; render: PivotRenderModel } {
  const render = renderPivot(model, { header, rows, numberFormats: header.map(() => 'General') });
  const range = parseArea(render.range);
  const snapshot: PivotSnapshot = {
    name: model.name, sheet: model.sheet, layoutType: model.layout, subtotalLocation: model.subtotalLocation,
    showRowGrandTotals: model.showRowGrandTotals, showColumnGrandTotals: model.showColumnGrandTotals,
    rows: model.rows.map(fieldSnapshot), columns: model.columns.map(fieldSnapshot), filters: model.filters.map(fieldSnapshot),
    data: model.data.map((d) => ({ name: d.name, field: d.field, summarizeBy: d.summarizeBy, numberFormat: d.numberFormat ?? 'General', showAs: d.showAs ?? 'None' })),
    valuesOnRows: model.data.length > 1 && model.valuesOn === 'rows',
    source: { type: 'LocalRange', text: 'Data!$A$1:$F$13' },
    range,
    rowLabels: block(render, render.rowLabelRange),
    dataBody: block(render, render.dataBodyRange),
  };
  return { snapshot, render };
}
