import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { QueryFormulaError, computeMeasures } from '../../../src/engine/compile';
import { parseFormula } from '../../../src/engine/formula';
import { expectRowsEqual } from '../table-equal';

// 45292 = 2024-01-01, 45293 = 2024-01-02, 45323 = 2024-02-01, 45658 = 2025-01-01
const sales = () =>
  aq.table({
    Region: ['N', 'N', 'N', 'S', 'S', ''],
    Category: ['A', 'A', 'B', 'A', 'B', 'B'],
    Revenue: [10, 20, 30, '#N/A', 40, 'n/a'],
    Units: [1, 2, '', 1, 4, 1],
    Customer: ['c1', 'c2', 'c1', 'c3', 'c3', ''],
    'Order Date': [45292, 45293, 45323, 45292, 45658, 45292],
  });

const MEASURES = [
  { id: 'sum', formula: 'SUM([Revenue])' },
  { id: 'median', formula: 'MEDIAN([Revenue])' },
  { id: 'counta', formula: 'COUNTA([Customer])' },
  { id: 'customers', formula: 'COUNTDISTINCT([Customer])' },
  { id: 'perUnit', formula: 'SUM([Revenue]) / SUM([Units])' },
  { id: 'avg', formula: 'AVERAGE([Revenue])' },
];

describe('computeMeasures', () => {
  it('computes every level with Excel semantics (hand-computed)', () => {
    const r = computeMeasures(sales(), { groupBy: ['Region', 'Category'], measures: MEASURES, subtotals: true });
    expect(r.levels.map((l) => l.groupBy)).toEqual([['Region', 'Category'], ['Region'], []]);
    expectRowsEqual(r.levels[0].rows, [
      [['N', 'A'], [30, 15, 2, 2, 10, 15]], // 10+20; median 15; 30/(1+2)
      [['N', 'B'], [30, 30, 1, 1, '#DIV/0!', 30]], // units blank -> SUM 0 -> 30/0
      [['S', 'A'], [0, '#NUM!', 1, 1, 0, '#DIV/0!']], // revenue #N/A is skipped
      [['S', 'B'], [40, 40, 1, 1, 10, 40]],
      [[null, 'B'], [0, '#NUM!', 0, 0, 0, '#DIV/0!']], // the "(blank)" region
    ]);
    expectRowsEqual(r.levels[1].rows, [
      [['N'], [60, 20, 3, 2, 20, 20]], // 60/3 units
      [['S'], [40, 40, 2, 1, 8, 40]], // 40/(1+4)
      [[null], [0, '#NUM!', 0, 0, 0, '#DIV/0!']],
    ]);
    expectRowsEqual(r.levels[2].rows, [[[], [100, 25, 5, 3, 100 / 9, 25]]]); // median of 10,20,30,40
    expect(r.skipped.sum).toEqual({ blank: 0, text: 1, logical: 0, error: 1 });
    expect(r.skipped.perUnit).toEqual({ blank: 1, text: 1, logical: 0, error: 1 });
    expect(r.skipped.counta).toEqual({ blank: 1, text: 0, logical: 0, error: 0 });
    expect(r.rowCount).toBe(6);
  });

  it('applies a row filter before grouping and tallying', () => {
    const r = computeMeasures(sales(), {
      groupBy: [],
      measures: [MEASURES[0], MEASURES[1], { id: 'n', formula: 'COUNTA([Region])' }],
      filter: 'YEAR([Order Date]) = 2024',
    });
    // S/B (2025) is out: revenue 10, 20, 30 (+ #N/A and n/a skipped)
    expectRowsEqual(r.levels[0].rows, [[[], [60, 20, 4]]]);
    expect(r.rowCount).toBe(5);
    expect(r.skipped.sum).toEqual({ blank: 0, text: 1, logical: 0, error: 1 });
  });

  it('groups text items case-insensitively like pivot items, labelled with the smallest spelling by code point (as a warehouse can)', () => {
    const t = aq.table({ k: ['North', 'north', 'NORTH', 1, '1', null, ''], v: [1, 2, 3, 4, 5, 6, 7] });
    const r = computeMeasures(t, { groupBy: ['k'], measures: [{ id: 's', formula: 'SUM([v])' }] });
    expectRowsEqual(r.levels[0].rows, [
      [['NORTH'], [6]],
      [[1], [4]],
      [['1'], [5]],
      [[null], [13]],
    ]);
  });

  it('evaluates row expressions inside aggregates, with IF giving blank when false', () => {
    const t = aq.table({ Channel: ['Online', 'Store', 'online', 'Online'], Customer: ['a', 'b', 'c', 'a'], Price: [2, 3, 4, '5'], Qty: [1, 2, 3, 4] });
    const r = computeMeasures(t, {
      groupBy: [],
      measures: [
        { id: 'online', formula: 'COUNTDISTINCT(IF([Channel]="Online", [Customer]))' }, // a, c, a -> 2 (= ignores case)
        { id: 'revenue', formula: 'SUM([Price] * [Qty])' }, // 2 + 6 + 12 + 20 ("5" coerces in arithmetic)
        { id: 'wavg', formula: 'AVERAGEWEIGHTED([Price], [Qty])' }, // "5" is text in a range: (2+6+12)/(1+2+3)
        { id: 'p', formula: 'PERCENTILE.INC([Qty], 50%) + 1' }, // 2.5 + 1
      ],
    });
    expectRowsEqual(r.levels[0].rows, [[[], [2, 40, 20 / 6, 3.5]]]);
    expect(r.skipped.wavg).toEqual({ blank: 0, text: 1, logical: 0, error: 0 });
  });

  it('reports every formula problem with the measure id and position', () => {
    const run = () =>
      computeMeasures(sales(), {
        groupBy: ['Region'],
        measures: [
          { id: 'bad1', formula: 'MEDIN([Revenue])' },
          { id: 'bad2', formula: 'SUM([Revenu])' },
          { id: 'bad3', formula: '[Revenue]' },
        ],
        filter: 'SUM([Units]) > 1',
      });
    expect(run).toThrow(QueryFormulaError);
    try {
      run();
    } catch (e) {
      expect((e as Error).message.split('\n')).toEqual([
        'bad1: Unknown function MEDIN at 1:1 — did you mean MEDIAN?',
        'bad2: Unknown field [Revenu] at 1:5 — did you mean [Revenue]?',
        'bad3: Field [Revenue] is used outside an aggregate at 1:1 — a measure needs one value per group, e.g. SUM([Revenue]) or MEDIAN([Revenue])',
        'filter: Aggregate SUM is not allowed here at 1:1 — filters and derived fields work row by row; use it in a measure',
      ]);
    }
  });

  it('accepts parsed ASTs (as stored in a workbook)', () => {
    const ast = JSON.parse(JSON.stringify(parseFormula('MAX([Units])')));
    const r = computeMeasures(sales(), { groupBy: [], measures: [{ id: 'm', formula: ast }] });
    expectRowsEqual(r.levels[0].rows, [[[], [4]]]);
  });
});

describe('computeMeasures: hostile names and text never run as code', () => {
  const g = globalThis as { pwned?: number };

  it('handles field names that look like code or prototype members', () => {
    const t = aq.table({
      // (Arquero 8 itself cannot hold a column named __proto__: its column store is a plain object.)
      hasOwnProperty: [1, 2],
      constructor: [10, 20],
      '"); globalThis.pwned = 1; ("': [100, 200],
      'd => d': [1000, 2000],
      'a]b': [5, 6],
    });
    const r = computeMeasures(t, {
      groupBy: ['constructor'],
      measures: [
        { id: 'a', formula: 'SUM([hasOwnProperty])' },
        { id: 'b', formula: 'SUM(["); globalThis.pwned = 1; ("])' },
        { id: 'c', formula: 'SUM([d => d]) + SUM([a]]b])' },
      ],
      subtotals: true,
    });
    expectRowsEqual(r.levels[1].rows, [[[], [3, 300, 3011]]]);
    expect(g.pwned).toBeUndefined();
  });

  it('binds literal text as data', () => {
    const t = aq.table({ x: ['"); globalThis.pwned = 1; ("', 'y'] });
    const r = computeMeasures(t, {
      groupBy: [],
      measures: [{ id: 'n', formula: 'COUNTA(IF([x] = """); globalThis.pwned = 1; (""", [x]))' }],
    });
    expectRowsEqual(r.levels[0].rows, [[[], [1]]]);
    expect(g.pwned).toBeUndefined();
  });

  it('rejects crafted ASTs instead of emitting their text', () => {
    const span = { start: 0, end: 1 };
    const crafted = (root: unknown) => ({ version: 1, source: 'x', root }) as never;
    const field = { kind: 'field', name: 'x', span };
    const cases = [
      crafted({ kind: 'call', name: 'SUM', nameSpan: span, span, args: [{ kind: 'binary', op: '); globalThis.pwned = 1; (', left: field, right: field, span }] }),
      crafted({ kind: 'call', name: 'SUM', nameSpan: span, span, args: [{ kind: 'unary', op: '__proto__', arg: field, span }] }),
      crafted({ kind: 'call', name: 'constructor', nameSpan: span, span, args: [field] }),
      crafted({ kind: 'call', name: 'SUM', nameSpan: span, span, args: [{ kind: 'field', name: 'nope', span }] }),
    ];
    for (const formula of cases) {
      expect(() => computeMeasures(aq.table({ x: [1] }), { groupBy: [], measures: [{ id: 'm', formula }] })).toThrow();
    }
    expect(g.pwned).toBeUndefined();
  });
});
