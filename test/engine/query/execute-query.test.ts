import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { QueryFieldError, ResultTooLargeError, executeQuery, flatToCells, gridToCells } from '../../../src/engine/query';
import { QuerySpecError, type QuerySpec, type SourceRef } from '../../../src/engine/spec';
import { partsToSerial } from '../../../src/engine/values';

const d = (y: number, m: number, day: number) => partsToSerial(y, m, day);
const sales = aq.table({
  Date: [d(2023, 1, 5), d(2023, 2, 1), d(2024, 1, 9), d(2024, 3, 2), d(2024, 3, 30), ''],
  Region: ['West', 'East', 'west', 'East', 'West', 'East'],
  Product: ['p1', 'p2', 'p1', 'p3', 'p9', 'p2'],
  Units: [1, 2, 3, 4, 5, 6],
  Revenue: [100, 200, 300, 400, 500, 600],
});
const products = aq.table({ Sku: ['P1', 'p2', 'p3'], Category: ['Tools', 'Toys', 'Tools'] });
const resolve = (ref: SourceRef) => {
  if (ref.kind === 'table' && ref.name === 'Sales') return sales;
  if (ref.kind === 'table' && ref.name === 'Products') return products;
  throw new Error(`no source ${JSON.stringify(ref)}`);
};
const spec = (over: Partial<QuerySpec>): QuerySpec => ({
  version: 1,
  source: { kind: 'table', name: 'Sales' },
  rows: ['Region'],
  measures: [{ id: 'rev', kind: 'sum', field: 'Revenue' }],
  ...over,
});

describe('executeQuery', () => {
  it('groups rows × columns with subtotals and grand totals in tabular grid cells', () => {
    const r = executeQuery(
      spec({
        derived: [{ kind: 'datePart', name: 'Year', field: 'Date', part: 'year' }],
        rows: ['Region', 'Product'],
        columns: ['Year'],
        filters: [{ kind: 'blank', field: 'Date', blank: false }],
      }),
      resolve,
    );
    const cells = gridToCells(r.grid!);
    expect(cells.headerRows).toBe(2);
    expect(cells.headerColumns).toBe(2);
    expect(cells.values).toEqual([
      ['Year', '', 2023, 2024, 'Grand Total'],
      ['Region', 'Product', 'rev', 'rev', 'rev'],
      ['East', 'p2', 200, '', 200],
      ['', 'p3', '', 400, 400],
      ['East Total', '', 200, 400, 600],
      ['West', 'p1', 100, 300, 400],
      ['', 'p9', '', 500, 500],
      ['West Total', '', 100, 800, 900],
      ['Grand Total', '', 300, 1200, 1500],
    ]);
    expect(r.rowCount).toBe(5);
    expect(r.sourceRowCount).toBe(6);
    expect(r.flat!.header).toEqual(['Region', 'Product', 'Year', 'rev']);
    expect(r.flat!.rows).toEqual([
      ['East', 'p2', 2023, 200],
      ['East', 'p3', 2024, 400],
      ['West', 'p1', 2023, 100],
      ['West', 'p1', 2024, 300],
      ['West', 'p9', 2024, 500],
    ]);
  });

  it('turns subtotals and grand totals off', () => {
    const r = executeQuery(spec({ rows: ['Region', 'Product'], totals: { subtotals: false, grandTotalRow: false } }), resolve);
    expect(r.grid!.rowItems.every((i) => i.kind === 'item')).toBe(true);
    expect(r.grid!.rowItems).toHaveLength(4);
  });

  it('sorts by label descending and by a measure', () => {
    const byLabel = executeQuery(spec({ rows: ['Product'], sort: [{ field: 'Product', by: 'label', order: 'desc' }], totals: { grandTotalRow: false } }), resolve);
    expect(byLabel.grid!.rowItems.map((i) => i.path[0])).toEqual(['p9', 'p3', 'p2', 'p1']);
    // p1 400, p2 800, p3 400, p9 500: descending by revenue, ties by label.
    const byMeasure = executeQuery(spec({ rows: ['Product'], sort: [{ field: 'Product', by: 'measure', measure: 'rev' }] }), resolve, { output: 'flat' });
    expect(byMeasure.flat!.rows).toEqual([['p2', 800], ['p9', 500], ['p1', 400], ['p3', 400]]);
    const ascending = executeQuery(spec({ rows: ['Product'], sort: [{ field: 'Product', by: 'measure', measure: 'rev', order: 'asc' }] }), resolve, { output: 'flat' });
    expect(ascending.flat!.rows.map((x) => x[0])).toEqual(['p1', 'p3', 'p9', 'p2']);
  });

  it('left-joins a lookup table on a key (case-insensitive items, unmatched blank)', () => {
    const r = executeQuery(
      spec({ lookups: [{ source: { kind: 'table', name: 'Products' }, key: 'Product', lookupKey: 'Sku', fields: [{ field: 'Category' }] }], rows: ['Category'] }),
      resolve,
      { output: 'flat' },
    );
    // p1 100+300, p3 400 -> Tools 800; p2 200+600 -> Toys 800; p9 500 unmatched -> (blank).
    expect(r.flat!.rows).toEqual([['Tools', 800], ['Toys', 800], [null, 500]]);
    expect(flatToCells(r.flat!).values).toEqual([['Category', 'rev'], ['Tools', 800], ['Toys', 800], ['', 500]]);
  });

  it('refuses a lookup whose key repeats', () => {
    const dup = aq.table({ Sku: ['p1', 'P1'], Category: ['a', 'b'] });
    const run = () =>
      executeQuery(
        spec({ lookups: [{ source: { kind: 'source', id: 'dup' }, key: 'Product', lookupKey: 'Sku', fields: [{ field: 'Category' }] }] }),
        (ref) => (ref.kind === 'source' ? dup : sales),
      );
    expect(run).toThrow(/appears more than once/);
  });

  it('derives date parts and numeric bins', () => {
    const r = executeQuery(
      spec({
        derived: [
          { kind: 'datePart', name: 'Q', field: 'Date', part: 'quarter' },
          { kind: 'bin', name: 'Band', field: 'Revenue', width: 250, origin: 50 },
        ],
        rows: ['Q', 'Band'],
        measures: [{ id: 'n', kind: 'count', field: 'Revenue' }],
        totals: { subtotals: false, grandTotalRow: false },
      }),
      resolve,
      { output: 'flat' },
    );
    // Quarters 1,1,1,1,1 and blank; bands from 50: 100->50, 200->50, 300->300, 400->300, 500->300, 600->550.
    expect(r.flat!.rows).toEqual([
      [1, 50, 2],
      [1, 300, 3],
      [null, 550, 1],
    ]);
  });

  it('derives every date part (ISO week, weekday Monday=1, day)', () => {
    const t = aq.table({ D: [d(2021, 1, 3), d(2024, 12, 30)] });
    const r = executeQuery(
      {
        version: 1,
        source: { kind: 'table', name: 'T' },
        derived: (['year', 'quarter', 'month', 'isoWeek', 'weekday', 'day'] as const).map((part) => ({ kind: 'datePart' as const, name: part, field: 'D', part })),
        rows: ['year', 'quarter', 'month', 'isoWeek', 'weekday', 'day'],
        measures: [{ id: 'n', kind: 'count', field: 'D' }],
      },
      () => t,
      { output: 'flat' },
    );
    // 2021-01-03 is a Sunday in ISO week 53 (of 2020); 2024-12-30 is a Monday in ISO week 1 (of 2025).
    expect(r.flat!.rows).toEqual([
      [2021, 1, 1, 53, 7, 3, 1],
      [2024, 4, 12, 1, 1, 30, 1],
    ]);
  });

  it('catalogue measures and formulas agree', () => {
    const r = executeQuery(
      spec({
        rows: [],
        measures: [
          { id: 'med', kind: 'median', field: 'Revenue' },
          { id: 'p90', kind: 'percentile', field: 'Revenue', p: 0.9 },
          { id: 'q1', kind: 'quartile', field: 'Revenue', quartile: 1 },
          { id: 'wavg', kind: 'weightedAverage', field: 'Revenue', otherField: 'Units' },
          { id: 'ratio', kind: 'ratioOfSums', field: 'Revenue', otherField: 'Units' },
          { id: 'dc', kind: 'distinctCount', field: 'Region' },
          { id: 'f', kind: 'formula', formula: 'MAX([Revenue]) - MIN([Revenue])', label: 'Range', numberFormat: '#,##0' },
        ],
      }),
      resolve,
    );
    // Revenue 100..600: median 350, p90 = 500 + 0.5*100 = 550, Q1 = 100 + 1.25*100 = 225;
    // weighted: sum(r*u)=100+400+900+1600+2500+3600=9100 / 21; ratio 2100/21 = 100; regions East, West.
    expect(r.flat!.rows).toEqual([[350, 550, 225, 9100 / 21, 100, 2, 500]]);
    expect(r.flat!.header.at(-1)).toBe('Range');
    expect(r.flat!.numberFormats.at(-1)).toBe('#,##0');
  });

  it('refuses a result larger than a sheet before building it', () => {
    const n = 1_048_576;
    const ids = new Float64Array(n);
    for (let i = 0; i < n; i++) ids[i] = i;
    const big = aq.table({ id: ids });
    const run = (output: 'grid' | 'flat') =>
      executeQuery({ version: 1, source: { kind: 'table', name: 'Big' }, rows: ['id'], measures: [{ id: 'n', kind: 'count', field: 'id' }] }, () => big, { output });
    expect(() => run('grid')).toThrow(ResultTooLargeError);
    expect(() => run('grid')).toThrow(/1,048,578 rows \(a sheet holds 1,048,576\)/);
    expect(() => run('flat')).toThrow(/1,048,577 rows/);
    const wide = aq.table({ c: Array.from({ length: 8200 }, (_, i) => i), v: new Float64Array(8200) });
    expect(() =>
      executeQuery(
        { version: 1, source: { kind: 'table', name: 'W' }, rows: [], columns: ['c'], measures: [{ id: 'a', kind: 'sum', field: 'v' }, { id: 'b', kind: 'count', field: 'v' }] },
        () => wide,
        { output: 'grid' },
      ),
    ).toThrow(/16,403 columns/);
  });

  it('names unknown fields and invalid specs clearly', () => {
    expect(() => executeQuery(spec({ rows: ['Regoin'] }), resolve)).toThrow(QueryFieldError);
    expect(() => executeQuery(spec({ rows: ['Regoin'] }), resolve)).toThrow(/Unknown field \[Regoin\] in rows\[0\] — did you mean \[Region\]/);
    expect(() => executeQuery({ ...spec({}), measures: [] }, resolve)).toThrow(QuerySpecError);
    expect(() => executeQuery(spec({ measures: [{ id: 'm', kind: 'formula', formula: 'MEDIN([Revenue])' }] }), resolve)).toThrow(/did you mean MEDIAN/);
    expect(() => executeQuery(spec({ filters: [{ kind: 'blank', field: 'Units', blank: false }, { kind: 'formula', formula: '[Untis] > 1' }] }), resolve)).toThrow(
      /^filters\[1\]: Unknown field \[Untis\]/,
    );
    expect(() => executeQuery(spec({ derived: [{ kind: 'formula', name: 'Net', formula: 'SUM([Units])' }] }), resolve)).toThrow(/^derived\[0\] \(Net\): Aggregate SUM is not allowed here/);
  });
});
