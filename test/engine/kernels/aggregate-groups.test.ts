import { describe, expect, it } from 'vitest';
import { type KernelRequest, aggregateByGroup, aggregateGroups, groupNumbers } from '../../../src/engine/kernels';
import { aggregateValues, noSkips, toNumericInput } from '../../../src/engine/measures';

const ALL: KernelRequest[] = [
  { fn: 'COUNT' }, { fn: 'SUM' }, { fn: 'AVERAGE' }, { fn: 'MIN' }, { fn: 'MAX' },
  { fn: 'VAR.S' }, { fn: 'VAR.P' }, { fn: 'STDEV.S' }, { fn: 'STDEV.P' },
  { fn: 'MEDIAN' }, { fn: 'PERCENTILE.INC', p: 0.9 }, { fn: 'QUARTILE.INC', p: 1.7 }, { fn: 'COUNTDISTINCT' }, { fn: 'PRODUCT' },
];

/** A naive reference per group: JS arrays, a comparator sort, a Set, textbook formulas. */
function naive(values: number[]): unknown[] {
  const n = values.length;
  const sorted = values.slice().sort((a, b) => a - b);
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  const m2 = values.reduce((acc, v) => acc + (v - mean) ** 2, 0);
  const q = (p: number) => {
    if (!n) return '#NUM!';
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
  };
  const varS = n > 1 ? m2 / (n - 1) : '#DIV/0!';
  const varP = n > 0 ? m2 / n : '#DIV/0!';
  return [
    n, sum, n ? mean : '#DIV/0!', n ? Math.min(...values) : 0, n ? Math.max(...values) : 0,
    varS, varP, typeof varS === 'number' ? Math.sqrt(varS) : varS, typeof varP === 'number' ? Math.sqrt(varP) : varP,
    q(0.5), q(0.9), q(0.25), new Set(values).size, n ? values.reduce((p, v) => p * v, 1) : 0,
  ];
}

function expectClose(got: unknown[], want: unknown[], where: string) {
  got.forEach((g, i) => {
    const w = want[i];
    if (typeof w === 'number' && typeof g === 'number') expect(Math.abs(g - w) <= 1e-12 * Math.max(1, Math.abs(w)), `${where} #${i}: ${g} vs ${w}`).toBe(true);
    else expect(g, `${where} #${i}`).toStrictEqual(w);
  });
}

/** Column j of the per-request arrays: every aggregate of group g. */
const groupRow = (out: unknown[][], g: number) => out.map((col) => col[g]);

describe('aggregateGroups', () => {
  it('computes every kernel per group like a naive loop (awkward groups: one row, ties, -0, skipped cells, empty)', () => {
    const ids = Int32Array.of(0, 1, 1, 2, 2, 2, 2, 3, 3, 0, 4, 2, 1);
    // NaN marks cells that do not take part; group 3 has only those; group 4 a single -0.
    const input = Float64Array.of(7, 2, 2, 5, -0, 0, 5, NaN, NaN, -3.5, -0, 1e-9, 2);
    const out = aggregateByGroup(ids, 5, input, ALL);
    const groups: number[][] = [[7, -3.5], [2, 2, 2], [5, -0, 0, 5, 1e-9], [], [-0]];
    groups.forEach((vals, g) => expectClose(groupRow(out, g), naive(vals), `group ${g}`));
    // By hand: group 1 is all ties; group 2 counts -0 and 0 as one value.
    expect(groupRow(out, 1)).toEqual([3, 6, 2, 2, 2, 0, 0, 0, 0, 2, 2, 2, 1, 8]);
    expect(out[12][2]).toBe(3); // 5, 0 (and -0), 1e-9
    expect(groupRow(out, 3)).toEqual([0, 0, '#DIV/0!', 0, 0, '#DIV/0!', '#DIV/0!', '#DIV/0!', '#DIV/0!', '#NUM!', '#NUM!', '#NUM!', 0, 0]);
    expect(Object.is(out[3][4], -0)).toBe(true); // MIN of the single -0 is that -0
  });

  it('keeps a variance exact with a large mean and a small spread', () => {
    const out = aggregateByGroup(Int32Array.of(0, 0, 0), 1, Float64Array.of(1e9, 1e9 + 1, 1e9 + 2), [{ fn: 'VAR.S' }, { fn: 'STDEV.P' }]);
    expect(out[0][0]).toBe(1);
    expect(out[1][0]).toBeCloseTo(Math.sqrt(2 / 3), 15);
  });

  it('gives #NUM! where the numbers overflow, and for p outside [0, 1] or a quart outside 0..4', () => {
    const out = aggregateByGroup(Int32Array.of(0, 0), 1, Float64Array.of(1e308, 1e308), [
      { fn: 'SUM' }, { fn: 'AVERAGE' }, { fn: 'VAR.S' }, { fn: 'MEDIAN' }, { fn: 'PERCENTILE.INC', p: 1.5 }, { fn: 'QUARTILE.INC', p: 5 }, { fn: 'QUARTILE.INC', p: 4.9 },
    ]);
    // Equal numbers have variance 0 without squaring anything.
    expect(out.map((c) => c[0])).toEqual(['#NUM!', '#NUM!', 0, 1e308, '#NUM!', '#NUM!', 1e308]);
    expect(aggregateByGroup(Int32Array.of(0, 0), 1, Float64Array.of(1e308, -1e308), [{ fn: 'VAR.S' }, { fn: 'SUM' }])).toEqual([['#NUM!'], [0]]);
    // raw: the numbers as the pd_* ops give them to the rest of a formula.
    const raw = { raw: true };
    expect(aggregateByGroup(Int32Array.of(0, 0), 1, Float64Array.of(1e308, 1e308), [{ fn: 'SUM' }, { fn: 'MEDIAN' }], raw)).toEqual([[Infinity], [1e308]]);
    expect(aggregateByGroup(Int32Array.of(0, 0), 1, Float64Array.of(-1e308, 1e308), [{ fn: 'PERCENTILE.INC', p: 0.75 }, { fn: 'PRODUCT' }], raw)).toEqual([[Infinity], [-Infinity]]);
  });

  it('skips the cells cleaning marked (text, blanks, logicals, errors, infinities) and leaves rows with id -1 out', () => {
    const tally = noSkips();
    const input = toNumericInput([1, '', 'x', true, '#N/A', Infinity, -Infinity, 3, 100], tally);
    const ids = Int32Array.of(0, 0, 0, 0, 0, 0, 0, 0, -1);
    const out = aggregateByGroup(ids, 1, input, [{ fn: 'COUNT' }, { fn: 'SUM' }, { fn: 'MAX' }]);
    expect(out).toEqual([[2], [4], [3]]);
    expect(tally).toEqual({ blank: 1, text: 1, logical: 1, error: 3 });
  });

  it('equals the general path (the pd_* ops Arquero runs) bit for bit, sums in row order', () => {
    // Values whose sum depends on the order of addition, so row order matters.
    const vals = [0.1, 1e16, 0.2, -1e16, 0.3, 3, 3, -0, 7.25, 1e-300];
    const fns: Array<[KernelRequest, string, number[]]> = [
      [{ fn: 'SUM' }, 'SUM', []], [{ fn: 'AVERAGE' }, 'AVERAGE', []], [{ fn: 'MIN' }, 'MIN', []], [{ fn: 'MAX' }, 'MAX', []],
      [{ fn: 'VAR.S' }, 'VAR.S', []], [{ fn: 'STDEV.P' }, 'STDEV.P', []], [{ fn: 'MEDIAN' }, 'MEDIAN', []],
      [{ fn: 'PERCENTILE.INC', p: 0.37 }, 'PERCENTILE.INC', [0.37]], [{ fn: 'QUARTILE.INC', p: 3 }, 'QUARTILE.INC', [3]],
      [{ fn: 'COUNT' }, 'COUNT', []], [{ fn: 'PRODUCT' }, 'PRODUCT', []],
    ];
    const grouped = groupNumbers(new Int32Array(vals.length), 1, Float64Array.from(vals));
    const out = aggregateGroups(grouped, fns.map((f) => f[0]));
    fns.forEach(([, name, params], i) => expect(Object.is(out[i][0], aggregateValues(name, [vals], params).value), name).toBe(true));
  });

  it('leaves each group sorted after order statistics, and untouched without them', () => {
    const ids = Int32Array.of(1, 0, 1, 0);
    const g = groupNumbers(ids, 2, Float64Array.of(9, 4, 1, 2));
    expect(Array.from(g.values)).toEqual([4, 2, 9, 1]); // row order within each group
    aggregateGroups(g, [{ fn: 'SUM' }]);
    expect(Array.from(g.values)).toEqual([4, 2, 9, 1]);
    aggregateGroups(g, [{ fn: 'MEDIAN' }]);
    expect(Array.from(g.values)).toEqual([2, 4, 1, 9]);
  });

  it('handles no groups and no rows', () => {
    expect(aggregateByGroup(new Int32Array(0), 0, new Float64Array(0), ALL)).toEqual(ALL.map(() => []));
    expect(groupRow(aggregateByGroup(new Int32Array(0), 1, new Float64Array(0), ALL), 0)).toEqual(naive([]).map((v) => (typeof v === 'number' && Number.isNaN(v) ? '#DIV/0!' : v)));
  });
});
