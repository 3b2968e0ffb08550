/**
 * Hand-computed expectations for the renderer's Excel semantics: every summary function,
 * errors/text/blanks, item order and "(blank)", hidden items, page filters, the three layouts
 * with subtotals at top/bottom/off, repeated labels, values on rows, and edge shapes.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { renderPivot } from '../../src/simulator/pivot/render';
import { dataField, expectGrid, field, pivot, table } from './pivot-render-helpers';

// East: A=1+8=9, B=2 → 11; West: A=4, C=16 → 20; total 31. Channel Web: 1, 4; Store: 2, 8, 16.
const sales = table(['Region', 'Cat', 'Channel', 'Units'], [
  ['East', 'A', 'Web', 1],
  ['East', 'B', 'Store', 2],
  ['West', 'A', 'Web', 4],
  ['East', 'A', 'Store', 8],
  ['West', 'C', 'Store', 16],
]);
const units = [dataField('Units')];
const twoLevels = [field('Region'), field('Cat')];

describe('summary functions (hand-computed)', () => {
  // Group A: 2, 4, "x", "", 9 → numbers 2, 4, 9 (mean 5, squared deviations 9+1+16 = 26).
  // Group B: 5. All numbers: 2, 4, 9, 5 (mean 5, squared deviations 26).
  const src = table(['G', 'V'], [['A', 2], ['A', 4], ['A', 'x'], ['A', ''], ['A', 9], ['B', 5]]);
  const fns = ['Sum', 'Count', 'Average', 'Max', 'Min', 'Product', 'CountNumbers',
    'StandardDeviation', 'StandardDeviationP', 'Variance', 'VarianceP'] as const;
  const out = renderPivot(pivot({ rows: [field('G')], data: fns.map((f) => dataField('V', f)) }), src);

  it('heads each value column with the data field caption under "Values"', () => {
    expect(out.values[0]).toEqual(['', 'Values', '', '', '', '', '', '', '', '', '', '']);
    expect(out.values[1]).toEqual(['Row Labels', 'Sum of V', 'Count of V', 'Average of V', 'Max of V', 'Min of V',
      'Product of V', 'Count of V', 'StdDev of V', 'StdDevp of V', 'Var of V', 'Varp of V']);
  });

  it('computes every function with worksheet-function semantics', () => {
    expectGrid(out.values.slice(2), [
      ['A', 15, 4, 5, 9, 2, 72, 3, Math.sqrt(13), Math.sqrt(26 / 3), 13, 26 / 3],
      ['B', 5, 1, 5, 5, 5, 5, 1, '#DIV/0!', 0, '#DIV/0!', 0],
      ['Grand Total', 20, 5, 5, 9, 2, 360, 4, Math.sqrt(26 / 3), Math.sqrt(6.5), 26 / 3, 6.5],
    ]);
  });
});

describe('errors, text and blanks in the summarised field', () => {
  const src = table(['G', 'V'], [
    ['err', 1], ['err', '#N/A'], ['err', '#DIV/0!'],
    ['text', 'abc'],
    ['blank', ''],
    ['ok', 3],
  ]);
  const render = (fn: 'Sum' | 'Count' | 'CountNumbers' | 'Average' | 'Max') =>
    renderPivot(pivot({ rows: [field('G', { itemOrder: ['err', 'text', 'blank', 'ok'] })], data: [dataField('V', fn)] }), src)
      .values.slice(1).map((r) => r[1]);

  it('Sum shows the first error of the group, and the grand total shows it too', () => {
    expect(render('Sum')).toEqual(['#N/A', 0, '', 3, '#N/A']);
  });
  it('Count counts errors and text; a blank-only group stays empty', () => {
    expect(render('Count')).toEqual([3, 1, '', 1, 5]);
  });
  it('Count Numbers ignores errors and text', () => {
    expect(render('CountNumbers')).toEqual([1, 0, '', 1, 2]);
  });
  it('Average of a text-only group is #DIV/0!; Max of no numbers is 0', () => {
    expect(render('Average')).toEqual(['#N/A', '#DIV/0!', '', 3, '#N/A']);
    expect(render('Max')).toEqual(['#N/A', 0, '', 3, '#N/A']);
  });
});

describe('items: order, "(blank)", case, hidden items', () => {
  it('sorts numbers, text (case-insensitive), booleans, errors, then "(blank)"; text items merge case-insensitively', () => {
    const src = table(['K', 'V'], [
      [3, 1], ['b', 1], ['', 1], [true, 1], ['A', 1], [1, 1], [false, 1], ['#N/A', 1], ['a', 1],
    ]);
    const out = renderPivot(pivot({ rows: [field('K')], data: [dataField('V', 'Count')] }), src);
    expect(out.values).toEqual([
      ['Row Labels', 'Count of V'],
      [1, 1], [3, 1], ['A', 2], ['b', 1], [false, 1], [true, 1], ['#N/A', 1], ['(blank)', 1],
      ['Grand Total', 9],
    ]);
  });

  it('keeps the number 1 and the text "1" as two items', () => {
    const out = renderPivot(pivot({ rows: [field('K')], data: [dataField('V')] }), table(['K', 'V'], [[1, 2], ['1', 3]]));
    expect(out.values.slice(1)).toEqual([[1, 2], ['1', 3], ['Grand Total', 5]]);
  });

  it('hidden items leave the pivot and its totals (captions match case-insensitively)', () => {
    const out = renderPivot(pivot({ rows: [field('Region', { hiddenItems: ['west'] }), field('Cat')], data: units }), sales);
    expect(out.values).toEqual([
      ['Row Labels', 'Sum of Units'], ['East', 11], ['A', 9], ['B', 2], ['Grand Total', 11],
    ]);
  });

  it('an item that only occurs in filtered-out records does not appear', () => {
    const out = renderPivot(pivot({ rows: [field('Cat')], columns: [field('Channel', { hiddenItems: ['Store'] })], data: units }), sales);
    // Web records: East A 1, West A 4. B and C exist only in Store records.
    expect(out.values).toEqual([
      ['Sum of Units', 'Column Labels', ''],
      ['Row Labels', 'Web', 'Grand Total'],
      ['A', 5, 5],
      ['Grand Total', 5, 5],
    ]);
  });

  it('uses itemOrder first and appends unknown items in default order', () => {
    const out = renderPivot(pivot({ rows: [field('Cat', { itemOrder: ['C'] })], data: units }), sales);
    expect(out.values.map((r) => r[0])).toEqual(['Row Labels', 'C', 'A', 'B', 'Grand Total']);
  });
});

describe('page fields (filters)', () => {
  it('one selected item: "Field | item" above a blank row, body at the anchor', () => {
    const out = renderPivot(pivot({ filters: [field('Channel', { hiddenItems: ['Web'] })], rows: [field('Region')], data: units }), sales);
    expect(out.filterRange).toBe('A1:B1');
    expect(out.filterValues).toEqual([['Channel', 'Store']]);
    expect(out.range).toBe('A3:B6');
    expect(out.values).toEqual([['Row Labels', 'Sum of Units'], ['East', 10], ['West', 16], ['Grand Total', 26]]);
  });

  it('"(All)" and "(Multiple Items)"; the body moves down when the anchor leaves no room', () => {
    const src = table(['Region', 'Cat', 'Channel', 'Units'], [...sales.rows, ['North', 'A', 'Web', 32]]);
    const out = renderPivot(pivot({
      anchor: 'C3',
      filters: [field('Channel'), field('Region', { hiddenItems: ['North'] })],
      rows: [field('Cat')], data: units,
    }), src);
    expect(out.filterRange).toBe('C1:D2');
    expect(out.filterValues).toEqual([['Channel', '(All)'], ['Region', '(Multiple Items)']]);
    expect(out.range).toBe('C4:D8');
    expect(out.rowLabelRange).toBe('C5:C8');
    expect(out.values.slice(1)).toEqual([['A', 13], ['B', 2], ['C', 16], ['Grand Total', 31]]);
  });

  it('a single numeric page item keeps its number', () => {
    const src = table(['Year', 'V'], [[2024, 1], [2025, 2]]);
    const out = renderPivot(pivot({ filters: [field('Year', { hiddenItems: ['2024'] })], data: [dataField('V')] }), src);
    expect(out.filterValues).toEqual([['Year', 2025]]);
    expect(out.values).toEqual([['Sum of V'], [2]]);
  });
});

describe('layouts and subtotals', () => {
  it('compact, subtotals at top (default)', () => {
    const out = renderPivot(pivot({ rows: twoLevels, data: units }), sales);
    expect(out.values).toEqual([
      ['Row Labels', 'Sum of Units'],
      ['East', 11], ['A', 9], ['B', 2], ['West', 20], ['A', 4], ['C', 16], ['Grand Total', 31],
    ]);
  });

  it('compact, subtotals at bottom', () => {
    const out = renderPivot(pivot({ rows: twoLevels, data: units, subtotalLocation: 'AtBottom' }), sales);
    expect(out.values).toEqual([
      ['Row Labels', 'Sum of Units'],
      ['East', ''], ['A', 9], ['B', 2], ['East Total', 11],
      ['West', ''], ['A', 4], ['C', 16], ['West Total', 20],
      ['Grand Total', 31],
    ]);
  });

  it('outline, subtotals at bottom', () => {
    const out = renderPivot(pivot({ layout: 'Outline', rows: twoLevels, data: units, subtotalLocation: 'AtBottom' }), sales);
    expect(out.values).toEqual([
      ['Region', 'Cat', 'Sum of Units'],
      ['East', '', ''], ['', 'A', 9], ['', 'B', 2], ['East Total', '', 11],
      ['West', '', ''], ['', 'A', 4], ['', 'C', 16], ['West Total', '', 20],
      ['Grand Total', '', 31],
    ]);
    expect(out.rowLabelRange).toBe('A4:B12');
  });

  it('outline with repeated labels, subtotals at top', () => {
    const out = renderPivot(pivot({
      layout: 'Outline', rows: [field('Region', { repeatLabels: true }), field('Cat')], data: units,
    }), sales);
    expect(out.values).toEqual([
      ['Region', 'Cat', 'Sum of Units'],
      ['East', '', 11], ['East', 'A', 9], ['East', 'B', 2],
      ['West', '', 20], ['West', 'A', 4], ['West', 'C', 16],
      ['Grand Total', '', 31],
    ]);
  });

  it('tabular: parent label on the first line of its group, "X Total" after it even when subtotals are "at top"', () => {
    const out = renderPivot(pivot({ layout: 'Tabular', rows: twoLevels, data: units }), sales);
    expect(out.values).toEqual([
      ['Region', 'Cat', 'Sum of Units'],
      ['East', 'A', 9], ['', 'B', 2], ['East Total', '', 11],
      ['West', 'A', 4], ['', 'C', 16], ['West Total', '', 20],
      ['Grand Total', '', 31],
    ]);
  });

  it('tabular with repeated item labels and no subtotals', () => {
    const out = renderPivot(pivot({
      layout: 'Tabular', rows: [field('Region', { repeatLabels: true }), field('Cat')], data: units, subtotalLocation: 'Off',
    }), sales);
    expect(out.values).toEqual([
      ['Region', 'Cat', 'Sum of Units'],
      ['East', 'A', 9], ['East', 'B', 2], ['West', 'A', 4], ['West', 'C', 16],
      ['Grand Total', '', 31],
    ]);
  });

  it('per-field subtotals: none for a field with an empty list', () => {
    const out = renderPivot(pivot({ rows: [field('Region', { subtotals: [] }), field('Cat')], data: units }), sales);
    expect(out.values).toEqual([
      ['Row Labels', 'Sum of Units'],
      ['East', ''], ['A', 9], ['B', 2], ['West', ''], ['A', 4], ['C', 16], ['Grand Total', 31],
    ]);
  });

  it('custom subtotal functions differ from the data field function (Max and Count over a Sum field)', () => {
    const out = renderPivot(pivot({
      layout: 'Tabular', rows: [field('Region', { subtotals: ['Max', 'Count'] }), field('Cat')], data: units,
    }), sales);
    // East records: 1, 2, 8 → max 8, count 3; West: 4, 16 → max 16, count 2.
    expect(out.values).toEqual([
      ['Region', 'Cat', 'Sum of Units'],
      ['East', 'A', 9], ['', 'B', 2], ['East Max', '', 8], ['East Count', '', 3],
      ['West', 'A', 4], ['', 'C', 16], ['West Max', '', 16], ['West Count', '', 2],
      ['Grand Total', '', 31],
    ]);
  });
});

describe('column fields and grand totals', () => {
  it('empty intersections are empty cells; both grand totals', () => {
    const out = renderPivot(pivot({ rows: [field('Region')], columns: [field('Cat')], data: units }), sales);
    expect(out.values).toEqual([
      ['Sum of Units', 'Column Labels', '', '', ''],
      ['Row Labels', 'A', 'B', 'C', 'Grand Total'],
      ['East', 9, 2, '', 11],
      ['West', 4, '', 16, 20],
      ['Grand Total', 13, 2, 16, 31],
    ]);
    expect([out.columnLabelRange, out.rowLabelRange, out.dataBodyRange]).toEqual(['B3:E4', 'A5:A7', 'B5:E7']);
  });

  it('showRowGrandTotals drops the Grand Total column, showColumnGrandTotals the Grand Total row', () => {
    const noCol = renderPivot(pivot({ rows: [field('Region')], columns: [field('Cat')], data: units, showRowGrandTotals: false }), sales);
    expect(noCol.values[1]).toEqual(['Row Labels', 'A', 'B', 'C']);
    expect(noCol.values.at(-1)).toEqual(['Grand Total', 13, 2, 16]);
    const noRow = renderPivot(pivot({ rows: [field('Region')], columns: [field('Cat')], data: units, showColumnGrandTotals: false }), sales);
    expect(noRow.values.at(-1)).toEqual(['West', 4, '', 16, 20]);
    expect(noRow.range).toBe('A3:E6');
  });

  it('two column fields: item rows per field, "X Total" columns in the outer field row', () => {
    const out = renderPivot(pivot({ rows: [field('Channel')], columns: twoLevels, data: units }), sales);
    expect(out.values).toEqual([
      ['Sum of Units', 'Column Labels', '', '', '', '', '', ''],
      ['', 'East', '', 'East Total', 'West', '', 'West Total', 'Grand Total'],
      ['Row Labels', 'A', 'B', '', 'A', 'C', '', ''],
      ['Store', 8, 2, 10, '', 16, 16, 26],
      ['Web', 1, '', 1, 4, '', 4, 5],
      ['Grand Total', 9, 2, 11, 4, 16, 20, 31],
    ]);
    expect(out.columnLabelRange).toBe('B3:H5');
  });
});

describe('values on rows', () => {
  const two = [dataField('Units'), dataField('Units', 'Count')];

  it('compact: data fields as the innermost row field, "Total <field>" grand total lines', () => {
    const out = renderPivot(pivot({ rows: [field('Region')], data: two, valuesOn: 'rows' }), sales);
    expect(out.values).toEqual([
      ['Row Labels', ''],
      ['East', ''], ['Sum of Units', 11], ['Count of Units', 3],
      ['West', ''], ['Sum of Units', 20], ['Count of Units', 2],
      ['Total Sum of Units', 31], ['Total Count of Units', 5],
    ]);
  });

  it('with a column field the data field comes from the row line', () => {
    const out = renderPivot(pivot({ rows: [field('Region')], columns: [field('Channel')], data: two, valuesOn: 'rows' }), sales);
    expect(out.values).toEqual([
      ['', 'Column Labels', '', ''],
      ['Row Labels', 'Store', 'Web', 'Grand Total'],
      ['East', '', '', ''], ['Sum of Units', 10, 1, 11], ['Count of Units', 2, 1, 3],
      ['West', '', '', ''], ['Sum of Units', 16, 4, 20], ['Count of Units', 1, 1, 2],
      ['Total Sum of Units', 26, 5, 31], ['Total Count of Units', 3, 2, 5],
    ]);
  });

  it('outer row fields get one subtotal line per data field after the group (our reading)', () => {
    const out = renderPivot(pivot({ layout: 'Tabular', rows: twoLevels, data: two, valuesOn: 'rows' }), sales);
    expect(out.values).toEqual([
      ['Region', 'Cat', 'Values', ''],
      ['East', 'A', 'Sum of Units', 9], ['', '', 'Count of Units', 2],
      ['', 'B', 'Sum of Units', 2], ['', '', 'Count of Units', 1],
      ['East Sum of Units', '', '', 11], ['East Count of Units', '', '', 3],
      ['West', 'A', 'Sum of Units', 4], ['', '', 'Count of Units', 1],
      ['', 'C', 'Sum of Units', 16], ['', '', 'Count of Units', 1],
      ['West Sum of Units', '', '', 20], ['West Count of Units', '', '', 2],
      ['Total Sum of Units', '', '', 31], ['Total Count of Units', '', '', 5],
    ]);
  });
});

describe('shapes and formats', () => {
  it('only a data field: caption over the value', () => {
    const out = renderPivot(pivot({ data: units }), sales);
    expect(out.values).toEqual([['Sum of Units'], [31]]);
    expect([out.range, out.columnLabelRange, out.dataBodyRange, out.rowLabelRange]).toEqual(['A3:A4', 'A3', 'A4', '']);
  });

  it('row fields without data fields: labels only', () => {
    const out = renderPivot(pivot({ rows: [field('Region')] }), sales);
    expect(out.values).toEqual([['Row Labels'], ['East'], ['West'], ['Grand Total']]);
    expect(out.dataBodyRange).toBe('');
  });

  it('data cells take the data field format; numeric items keep the source column format', () => {
    const src = table(['Day', 'V'], [[45000, 1.5], [45001, 2]], ['m/d/yyyy', '0.0']);
    const out = renderPivot(pivot({ rows: [field('Day')], data: [dataField('V', 'Sum', { numberFormat: '#,##0.00' })] }), src);
    expect(out.values).toEqual([['Row Labels', 'Sum of V'], [45000, 1.5], [45001, 2], ['Grand Total', 3.5]]);
    expect(out.numberFormats).toEqual([
      ['General', 'General'], ['m/d/yyyy', '#,##0.00'], ['m/d/yyyy', '#,##0.00'], ['General', '#,##0.00'],
    ]);
  });

  it('a data field without a format is General, even when the source column has one', () => {
    const src = table(['K', 'V'], [['a', 1]], ['General', '0.00%']);
    const out = renderPivot(pivot({ rows: [field('K')], data: [dataField('V')] }), src);
    expect(out.numberFormats[1]).toEqual(['General', 'General']);
  });

  it('rejects a field that is not a source column', () => {
    expect(() => renderPivot(pivot({ rows: [field('Nope')], data: units }), sales)).toThrow(/Nope/);
  });
});

describe('scale', () => {
  it('renders 200,000 rows in one pass with totals equal to a straightforward sum', () => {
    const rows: CellValue[][] = [];
    const expected = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < 200_000; i++) {
      const region = `R${i % 7}`;
      const product = `P${(i * 31) % 50}`;
      const month = (i % 12) + 1;
      const v = (i % 1000) / 4;
      rows.push([region, product, month, v]);
      expected.set(region, (expected.get(region) ?? 0) + v);
      total += v;
    }
    const out = renderPivot(pivot({
      rows: [field('Region'), field('Product')], columns: [field('Month')], data: [dataField('V')],
    }), table(['Region', 'Product', 'Month', 'V'], rows));
    // 7 regions × (1 + 50 products) + grand total, below two header rows; 12 months + Grand Total.
    expect(out.values).toHaveLength(2 + 7 * 51 + 1);
    expect(out.values[0]).toHaveLength(1 + 12 + 1);
    const last = out.values.at(-1)!;
    expect(last[0]).toBe('Grand Total');
    expect(last[13]).toBeCloseTo(total, 6);
    const r0 = out.values.find((r) => r[0] === 'R0')!;
    expect(r0[13]).toBeCloseTo(expected.get('R0')!, 6);
  });
});
