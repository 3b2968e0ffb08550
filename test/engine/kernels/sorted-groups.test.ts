import { describe, expect, it } from 'vitest';
import { type KernelRequest, aggregateByGroup, aggregateGroups, groupNumbers, sortedGroupNumbers } from '../../../src/engine/kernels';

function lcg(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The reference: scatter, then the typed-array sort of every group. */
function scatterAndSort(ids: Int32Array, groups: number, input: Float64Array) {
  const g = groupNumbers(ids, groups, input);
  for (let k = 0; k < groups; k++) g.values.subarray(g.offsets[k], g.offsets[k + 1]).sort();
  return g;
}

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

const ALL: KernelRequest[] = [
  { fn: 'COUNT' }, { fn: 'SUM' }, { fn: 'AVERAGE' }, { fn: 'MIN' }, { fn: 'MAX' }, { fn: 'VAR.S' }, { fn: 'VAR.P' },
  { fn: 'STDEV.S' }, { fn: 'STDEV.P' }, { fn: 'MEDIAN' }, { fn: 'PERCENTILE.INC', p: 0.9 }, { fn: 'QUARTILE.INC', p: 1 }, { fn: 'COUNTDISTINCT' }, { fn: 'PRODUCT' },
];

/** Data sets that take each path: whole numbers in a small range (counting sort), a wide range and fractions (typed sort). */
function dataSets() {
  const rnd = lcg(7);
  const n = 5000;
  const groups = 37;
  const ids = Int32Array.from({ length: n }, () => (rnd() < 0.03 ? -1 : Math.floor(rnd() * groups)));
  const pick = (f: () => number) => Float64Array.from({ length: n }, () => (rnd() < 0.1 ? NaN : rnd() < 0.05 ? -0 : f()));
  return {
    ids,
    groups,
    sets: {
      'whole, small range (counting sort)': pick(() => Math.floor(rnd() * 60) - 20),
      'whole, one value': pick(() => 0),
      'whole, wide range': pick(() => Math.floor(rnd() * 1e12) - 5e11),
      'whole, narrow with rare outliers (some groups count, some compare)': pick(() => (rnd() < 0.01 ? 1e6 : Math.floor(rnd() * 10))),
      'whole, beyond 2^50': pick(() => 2 ** 52 - Math.floor(rnd() * 8)),
      fractions: pick(() => (rnd() - 0.5) * 1e3),
    },
  };
}

describe('sortedGroupNumbers', () => {
  const { ids, groups, sets } = dataSets();
  for (const [name, input] of Object.entries(sets)) {
    it(`equals scatter + typed-array sort, -0 before 0, bit for bit: ${name}`, () => {
      const got = sortedGroupNumbers(ids, groups, input);
      const want = scatterAndSort(ids, groups, input);
      expect(Array.from(got.offsets)).toEqual(Array.from(want.offsets));
      expect(sameBits(got.values, want.values)).toBe(true);
    });
  }

  it('by hand: groups in value order, -0 before 0, rows left out', () => {
    const g = sortedGroupNumbers(Int32Array.of(1, 0, 1, 0, 1, -1, 0), 3, Float64Array.of(0, 5, -0, 2, -3, 1, NaN));
    expect(Array.from(g.offsets)).toEqual([0, 2, 5, 5]);
    expect(sameBits(g.values, Float64Array.of(2, 5, -3, -0, 0))).toBe(true);
  });

  it('handles no rows and groups with no numbers', () => {
    expect(sortedGroupNumbers(new Int32Array(0), 2, new Float64Array(0))).toEqual({ offsets: new Int32Array(3), values: new Float64Array(0), groups: 2, sorted: true });
    expect(sortedGroupNumbers(Int32Array.of(0, 1), 2, Float64Array.of(NaN, NaN)).values.length).toBe(0);
  });
});

describe('aggregateByGroup equals aggregateGroups over the typed-array sort of every group', () => {
  const { ids, groups, sets } = dataSets();
  // Without order statistics aggregateByGroup takes passes over the rows, with them the ranges.
  const ROW_ONLY = ALL.filter((r) => !['MEDIAN', 'PERCENTILE.INC', 'QUARTILE.INC', 'COUNTDISTINCT'].includes(r.fn));
  for (const [name, input] of Object.entries(sets)) {
    for (const requests of [ROW_ONLY, ALL]) {
      it(`${name}, ${requests.length} aggregates`, () => {
        const fast = aggregateByGroup(ids, groups, input, requests);
        const reference = groupNumbers(ids, groups, input);
        // Row-order statistics first (on the unsorted ranges), then the typed-array sort.
        const rowOrder = aggregateGroups(reference, ROW_ONLY);
        const sorted = scatterAndSort(ids, groups, input);
        const orderStats = aggregateGroups(sorted, requests.filter((r) => !ROW_ONLY.includes(r)));
        const want = requests.map((r) => (ROW_ONLY.includes(r) ? rowOrder[ROW_ONLY.indexOf(r)] : orderStats[requests.filter((q) => !ROW_ONLY.includes(q)).indexOf(r)]));
        fast.forEach((col, k) => col.forEach((v, g) => expect(Object.is(v, want[k][g]), `${requests[k].fn} group ${g}: ${v} vs ${want[k][g]}`).toBe(true)));
      });
    }
  }
});
