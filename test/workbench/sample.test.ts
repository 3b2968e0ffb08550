import { describe, expect, it } from 'vitest';
import { buildSampleWorkbook, dateOfSerial, excelSerial, SALES_COLUMNS } from '../../src/workbench/sample';
import type { CellModel, WorkbookModel } from '../../src/simulator/model';

// Expected serials are Excel's own (typed into a cell, formatted as General):
// 1900-01-01 = 1, 1900-02-28 = 59, (phantom 1900-02-29 = 60), 1900-03-01 = 61,
// 1970-01-01 = 25569, 2000-01-01 = 36526, 2023-01-01 = 44927, 2024-01-01 = 45292, 2025-12-31 = 46022.
const KNOWN: Array<[number, number, number, number]> = [
  [1900, 1, 1, 1], [1900, 2, 28, 59], [1900, 3, 1, 61], [1970, 1, 1, 25569],
  [2000, 1, 1, 36526], [2023, 1, 1, 44927], [2024, 1, 1, 45292], [2024, 2, 29, 45351],
  [2025, 12, 31, 46022],
];

describe('excel dates (1900 system)', () => {
  it.each(KNOWN)('%i-%i-%i is serial %i', (y, m, d, serial) => {
    expect(excelSerial(y, m, d)).toBe(serial);
    expect(dateOfSerial(serial)).toEqual({ year: y, month: m, day: d });
  });
  it('refuses the phantom 1900-02-29 and fractions', () => {
    expect(() => dateOfSerial(60)).toThrow(/phantom/);
    expect(() => dateOfSerial(1.5)).toThrow();
  });
});

function column(wb: WorkbookModel, col: number): CellModel[] {
  const sheet = wb.sheets[0];
  const out: CellModel[] = [];
  for (let r = 1; r <= 20_000; r++) out.push(sheet.cells[`${r},${col}`] ?? { value: '' });
  return out;
}

describe('sample workbook', () => {
  const wb = buildSampleWorkbook();

  it('has a Sales table of 20,000 rows × 11 columns with the agreed headers', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sales', 'Summary']);
    expect(wb.tables).toEqual([expect.objectContaining({ name: 'Sales', sheet: 'Sales', address: 'A1:K20001', showHeaders: true })]);
    const headers = Array.from({ length: 11 }, (_, c) => wb.sheets[0].cells[`0,${c}`].value);
    expect(headers).toEqual(['Date', 'Region', 'Country', 'Channel', 'Product', 'Category', 'Customer', 'Units', 'Unit Price', 'Revenue', 'Cost']);
    expect(SALES_COLUMNS.length).toBe(11);
    expect(wb.sheets[0].cells['20000,0']).toBeDefined();
    expect(wb.sheets[0].cells['20001,0']).toBeUndefined();
  });

  it('is deterministic', () => {
    const again = buildSampleWorkbook();
    expect(JSON.stringify(again)).toBe(JSON.stringify(wb));
    expect(JSON.stringify(buildSampleWorkbook({ rows: 50, seed: 2 }))).not.toBe(JSON.stringify(buildSampleWorkbook({ rows: 50, seed: 3 })));
  });

  it('has sorted dates from 2023-01-01 to 2025-12-31 formatted yyyy-mm-dd', () => {
    const dates = column(wb, 0);
    for (const c of dates) {
      expect(c.numberFormat).toBe('yyyy-mm-dd');
      expect(Number.isInteger(c.value)).toBe(true);
    }
    const values = dates.map((c) => c.value as number);
    expect(values[0]).toBeGreaterThanOrEqual(44927);
    expect(values[values.length - 1]).toBeLessThanOrEqual(46022);
    expect(values.every((v, i) => i === 0 || values[i - 1] <= v)).toBe(true);
    // Every year is present and volume grows year over year.
    const perYear = [0, 0, 0];
    for (const v of values) perYear[v < 45292 ? 0 : v < 45658 ? 1 : 2]++;
    expect(perYear[0]).toBeLessThan(perYear[1]);
    expect(perYear[1]).toBeLessThan(perYear[2]);
  });

  it('has 4 regions with 2-4 countries each, 3 channels plus a few blanks', () => {
    const regions = column(wb, 1).map((c) => c.value);
    const countries = column(wb, 2).map((c) => c.value);
    expect(new Set(regions)).toEqual(new Set(['North', 'South', 'East', 'West']));
    for (const region of ['North', 'South', 'East', 'West']) {
      const n = new Set(countries.filter((_, i) => regions[i] === region)).size;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(4);
    }
    const channels = column(wb, 3).map((c) => c.value);
    expect(new Set(channels)).toEqual(new Set(['Online', 'Retail', 'Partner', '']));
    const blanks = channels.filter((c) => c === '').length;
    expect(blanks).toBeGreaterThan(20_000 * 0.002);
    expect(blanks).toBeLessThan(20_000 * 0.01);
  });

  it('has about 24 products in 4 categories and about 1,500 customers', () => {
    const products = new Set(column(wb, 4).map((c) => c.value));
    expect(products.size).toBe(24);
    expect(new Set(column(wb, 5).map((c) => c.value))).toEqual(new Set(['Bikes', 'Accessories', 'Clothing', 'Components']));
    const customers = new Set(column(wb, 6).map((c) => c.value));
    expect(customers.size).toBeGreaterThan(1000);
    expect(customers.size).toBeLessThanOrEqual(1500);
    for (const c of customers) expect(c).toMatch(/^Customer \d{4}$/);
  });

  it('has revenue = units × price in cents and cost at 60-80% of revenue', () => {
    const units = column(wb, 7), price = column(wb, 8), revenue = column(wb, 9), cost = column(wb, 10);
    for (let i = 0; i < 20_000; i++) {
      const u = units[i].value as number, p = price[i].value as number, r = revenue[i].value as number, k = cost[i].value as number;
      expect(Number.isInteger(u) && u >= 1 && u <= 20).toBe(true);
      expect(price[i].numberFormat).toBe('$#,##0.00');
      expect(revenue[i].numberFormat).toBe('$#,##0.00');
      expect(cost[i].numberFormat).toBe('$#,##0.00');
      // Whole cents, and the product computed independently in cents.
      expect(Math.round(p * 100)).toBeCloseTo(p * 100, 6);
      expect(r).toBe(Math.round(u * p * 100) / 100);
      expect(k).toBe(Math.round(k * 100) / 100);
      expect(k).toBeGreaterThanOrEqual(r * 0.6 - 0.01);
      expect(k).toBeLessThanOrEqual(r * 0.8 + 0.01);
    }
  });

  it('has the SalesPivot with Excel defaults for a new pivot', () => {
    expect(wb.pivots).toHaveLength(1);
    const p = wb.pivots[0];
    expect(p).toMatchObject({
      name: 'SalesPivot', sheet: 'Summary', anchor: 'A3', source: { kind: 'table', table: 'Sales' },
      layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true,
    });
    expect(p.rows.map((f) => f.name)).toEqual(['Region', 'Category']);
    expect(p.data).toEqual([
      { field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum', numberFormat: '$#,##0' },
      { field: 'Units', name: 'Count of Units', summarizeBy: 'Count' },
    ]);
  });
});
