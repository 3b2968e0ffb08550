import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { type ComputeMeasuresOptions, computeMeasures } from '../../../src/engine/compile';

/**
 * The kernels (src/engine/kernels) are a fast path for measures that are one built-in
 * aggregate; Arquero runs the rest. Here every measure runs both ways and the results must be
 * the same values (Object.is: -0 stays -0), the same groups in the same order, the same skips.
 */

// A deterministic pseudo-random sequence (no Math.random in tests).
function lcg(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function awkwardTable(n: number) {
  const rnd = lcg(42);
  const regions = ['Nord', 'nord', 'Süd', 'Öst', '', '東京', 'West'];
  const odd: unknown[] = ['', null, 'n/a', true, false, '#N/A', Infinity, -Infinity, -0, 0];
  const Region: unknown[] = [];
  const Month: unknown[] = [];
  const Delay: unknown[] = [];
  const Clean: number[] = [];
  const Customer: unknown[] = [];
  for (let i = 0; i < n; i++) {
    Region.push(regions[Math.floor(rnd() * regions.length)]);
    Month.push(rnd() < 0.05 ? '' : 1 + Math.floor(rnd() * 12));
    // Ties on purpose: few distinct values, plus the odd cell that must be skipped.
    Delay.push(rnd() < 0.15 ? odd[Math.floor(rnd() * odd.length)] : Math.round((rnd() - 0.3) * 40) / 4);
    Clean.push(rnd() < 0.1 ? -0 : Math.floor(rnd() * 9) - 3);
    Customer.push(rnd() < 0.1 ? '' : ['c1', 'C1', 'ç2', 3, '3', true][Math.floor(rnd() * 6)]);
  }
  // One-row groups: a region seen once, and one whose only cell is not a number.
  Region.push('Einzeln', 'Leer');
  Month.push(7, 7);
  Delay.push(5.5, 'text');
  Clean.push(-0, 2);
  Customer.push('', '');
  return aq.table({ Region, Month, Delay, Clean, Customer });
}

const MEASURES = [
  'COUNT([Delay])', 'COUNTA([Delay])', 'SUM([Delay])', 'AVERAGE([Delay])', 'MIN([Delay])', 'MAX([Delay])',
  'VAR.S([Delay])', 'VAR.P([Delay])', 'STDEV.S([Delay])', 'STDEV.P([Delay])', 'MEDIAN([Delay])',
  'PERCENTILE.INC([Delay], 0.9)', 'PERCENTILE.INC([Delay], 1.5)', 'QUARTILE.INC([Delay], 1.7)', 'QUARTILE.INC([Delay], 5)',
  'COUNTDISTINCT([Delay])', 'COUNTDISTINCT([Clean])', 'COUNTDISTINCT([Customer])', 'MIN([Clean])', 'MEDIAN([Clean])', 'SUM([Clean])',
  'PRODUCT([Clean])', 'PRODUCT([Delay])',
  // Formulas over several kernel aggregates: the kernels' raw per-group values, then the formula.
  'SUM([Delay]) / SUM([Clean])', 'MEDIAN([Delay] * 2)', 'STDEV.S([Delay]) + MEDIAN([Delay])',
  'IF(SUM([Delay]) > 10, MEDIAN([Delay]), "low")', 'SUM([Delay]) * 1E+307 * 100 - SUM([Delay]) * 1E+307 * 100',
  'SUM([Delay]) / COUNT([Delay]) - AVERAGE([Delay])', 'PERCENTILE.INC([Delay], 0.25) & " to " & PERCENTILE.INC([Delay], 0.75)',
  // General path only (mixed into the same levels): MODE, two-input aggregates, and a mix.
  'MODE.SNGL([Clean])', 'AVERAGEWEIGHTED([Delay], [Clean])', 'MODE.SNGL([Clean]) + SUM([Clean])',
].map((formula, i) => ({ id: `m${i}`, formula }));

const both = (table: aq.ColumnTable, options: ComputeMeasuresOptions) => [
  computeMeasures(table, { ...options, fastPaths: true }),
  computeMeasures(table, { ...options, fastPaths: false }),
];

describe('computeMeasures: kernels and Arquero agree', () => {
  const table = awkwardTable(3000);

  it('on every grouping set, with awkward cells, ties, -0 and one-row groups', () => {
    const [fast, general] = both(table, {
      groupBy: ['Region', 'Month'],
      measures: MEASURES,
      groupingSets: [['Region', 'Month'], ['Month'], ['Region'], []],
    });
    expect(fast.levels.map((l) => l.rows.length)).toEqual(general.levels.map((l) => l.rows.length));
    expect(fast).toEqual(general);
    // The one-row groups are there, with hand-checked values.
    const one = fast.levels[2].rows.find((r) => r.key[0] === 'Einzeln')!;
    expect(one.values.slice(0, 12)).toEqual([1, 1, 5.5, 5.5, 5.5, 5.5, '#DIV/0!', 0, '#DIV/0!', 0, 5.5, 5.5]);
    const none = fast.levels[2].rows.find((r) => r.key[0] === 'Leer')!;
    expect(none.values.slice(0, 12)).toEqual([0, 1, 0, '#DIV/0!', 0, 0, '#DIV/0!', '#DIV/0!', '#DIV/0!', '#DIV/0!', '#NUM!', '#NUM!']);
  });

  it('under a row filter and a kept-rows list, and over no rows at all', () => {
    const rows = Uint32Array.from({ length: 1500 }, (_, i) => i * 2);
    const filter = '[Clean] <> 0';
    const [fast, general] = both(table, { groupBy: ['Region'], measures: MEASURES, subtotals: true, rows, filter });
    expect(fast).toEqual(general);
    const [emptyFast, emptyGeneral] = both(table, { groupBy: ['Region'], measures: MEASURES, subtotals: true, rows: new Uint32Array(0) });
    expect(emptyFast).toEqual(emptyGeneral);
    expect(emptyFast.levels.map((l) => l.rows.length)).toEqual([0, 1]);
  });

  it('hands a formula the aggregate as the pd_* op gives it: an overflowed SUM is a number until the end', () => {
    const big = aq.table({ g: ['a', 'a', 'b'], x: [1e308, 1e308, 1] });
    const measures = [
      { id: 'cmp', formula: 'IF(SUM([x]) > 0, 1, 2)' },
      { id: 'diff', formula: 'SUM([x]) - SUM([x])' },
      { id: 'sum', formula: 'SUM([x])' },
    ];
    const [fast, general] = both(big, { groupBy: ['g'], measures });
    expect(fast).toEqual(general);
    // By hand: Infinity > 0 is TRUE; Infinity - Infinity and the sum itself show as #NUM!.
    expect(fast.levels[0].rows.map((r) => r.values)).toEqual([[1, '#NUM!', '#NUM!'], [1, 0, 1]]);
  });

  it('on a kernel-only query (no Arquero rollup at all)', () => {
    const only = MEASURES.slice(0, 23);
    const [fast, general] = both(table, { groupBy: ['Month', 'Region'], measures: only });
    expect(fast).toEqual(general);
  });
});
