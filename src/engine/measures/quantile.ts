import { type AggDef, type AggState, makeOp } from './aggregate-def';

/**
 * Collects a group's numbers in a growable Float64Array, sorted once on
 * demand with the typed-array sort (numeric, no comparator calls) and then
 * shared by every median/percentile/quartile of the same input.
 */
export const pd_values: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_vals = new Float64Array(8);
        s.pd_len = 0;
        s.pd_sorted = false;
      },
      add: (s, v) => {
        let vals = s.pd_vals!;
        if (s.pd_len === vals.length) {
          const grown = new Float64Array(vals.length * 2);
          grown.set(vals);
          s.pd_vals = vals = grown;
        }
        vals[s.pd_len!++] = v as number;
      },
      value: (s) => s.pd_len!,
    }),
  param: [1, 0],
};

/** The group's collected numbers, sorted once and shared by every op that needs them. */
export function sortedValues(s: AggState): Float64Array {
  return sorted(s);
}

/**
 * A sorted copy: pd_vals keeps row order, so a variance of the same input (deviation.ts) adds in
 * row order whichever op Arquero asks first, and equals the kernels' (kernels/segment-stats.ts).
 */
function sorted(s: AggState): Float64Array {
  if (!s.pd_sorted) {
    s.pd_sortedVals = s.pd_vals!.slice(0, s.pd_len).sort();
    s.pd_sorted = true;
  }
  return s.pd_sortedVals!;
}

/**
 * Excel's PERCENTILE.INC: rank h = (n-1)p, linear interpolation between the
 * neighbouring sorted values (the same as DuckDB's quantile_cont and R type 7).
 * @example percentileInc(Float64Array.of(1, 2, 3, 4), 0.9) // 3.7
 */
export function percentileInc(sortedValues: Float64Array, p: number): number | '#NUM!' {
  return percentileOfRange(sortedValues, 0, sortedValues.length, p);
}

/**
 * PERCENTILE.INC of the ascending subrange sorted[start, end): what percentileInc computes, for
 * the engine's kernels too (kernels/segment-stats.ts), which keep every group in one array.
 * @example percentileOfRange(Float64Array.of(9, 1, 2, 3, 4), 1, 5, 0.9) // 3.7
 */
export function percentileOfRange(sorted: Float64Array, start: number, end: number, p: number): number | '#NUM!' {
  const n = end - start;
  if (n === 0 || !(p >= 0 && p <= 1)) return '#NUM!';
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const v0 = sorted[start + lo];
  return frac === 0 ? v0 : v0 + frac * (sorted[start + lo + 1] - v0);
}

/** MEDIAN: #NUM! without numbers. */
export const pd_median: AggDef = {
  create: () => makeOp({ value: (s) => percentileInc(sorted(s), 0.5) }),
  param: [1, 0],
  req: ['pd_values'],
};

/** PERCENTILE.INC(value, p): #NUM! without numbers or when p is outside [0, 1]. */
export const pd_percentile_inc: AggDef = {
  create: (p: number) => makeOp({ value: (s) => percentileInc(sorted(s), p) }),
  param: [1, 1],
  req: ['pd_values'],
};

/** QUARTILE.INC(value, q): q is truncated to an integer like Excel; #NUM! unless 0 <= q <= 4. */
export const pd_quartile_inc: AggDef = {
  create: (q: number) => {
    const quart = Math.trunc(q);
    return makeOp({ value: (s) => (quart >= 0 && quart <= 4 ? percentileInc(sorted(s), quart / 4) : '#NUM!') });
  },
  param: [1, 1],
  req: ['pd_values'],
};
