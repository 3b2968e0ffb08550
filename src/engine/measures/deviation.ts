import { type AggDef, type AggState, makeOp } from './aggregate-def';

/**
 * Variance from the corrected two-pass sums over n numbers: ss = Σ(x − m)², s1 = Σ(x − m) with
 * m = Σx / n, and their min and max. The correction s1²/n removes the error of m, so the result
 * matches an exact computation to ~1e-15 relative even with a large mean and a small spread
 * (VAR.S of 1e9, 1e9+1, 1e9+2 is exactly 1), is never negative, and is 0 when all numbers are
 * equal. Shared by the local engine and the SQL back end (which gets ss, s1, n, min, max from the
 * warehouse), so both follow one arithmetic. VAR.S needs two numbers and VAR.P one, else #DIV/0!.
 * @example varianceFromSums(2, 0, 3, 1e9, 1e9 + 2, true) // 1
 */
export function varianceFromSums(ss: number, s1: number, n: number, min: number, max: number, sample: boolean): number | '#DIV/0!' | '#NUM!' {
  if (n <= (sample ? 1 : 0)) return '#DIV/0!';
  if (min === max) return 0;
  const m2 = ss - (s1 * s1) / n;
  const v = (m2 > 0 ? m2 : 0) / (sample ? n - 1 : n);
  return Number.isFinite(v) ? v : '#NUM!';
}

/**
 * VAR.S (sample) or VAR.P of values[start, end), two passes in the values' order: the sum, min
 * and max, then the corrected sums of deviations (varianceFromSums). The general path's
 * aggregates and the engine's kernels (segmentVariance) both call it, so both add alike.
 * @example varianceOfRange(Float64Array.of(1e9, 1e9 + 1, 1e9 + 2), 0, 3, true) // 1
 */
export function varianceOfRange(values: Float64Array, start: number, end: number, sample: boolean): number | '#DIV/0!' | '#NUM!' {
  const n = end - start;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = start; i < end; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const m = sum / n;
  let ss = 0;
  let s1 = 0;
  for (let i = start; i < end; i++) {
    const d = values[i] - m;
    ss += d * d;
    s1 += d;
  }
  return varianceFromSums(ss, s1, n, min, max, sample);
}

/** The group's numbers (collected by pd_values, sorted or not) → variance, two passes. */
function groupVariance(s: AggState, sample: boolean): number | '#DIV/0!' | '#NUM!' {
  return varianceOfRange(s.pd_vals!, 0, s.pd_len!, sample);
}

/**
 * The group's numbers, shared with MEDIAN & co. (pd_values): a variance needs two passes over
 * them to be sound (a one-pass update such as Welford's loses ~1e-8 relative with a mean of 1e9
 * and a spread of 1).
 */
export const pd_moments: AggDef = {
  create: () => makeOp({ value: (s) => s.pd_len! }),
  param: [1, 0],
  req: ['pd_values'],
};

const moment = (value: (s: AggState) => number | string): AggDef => ({
  create: () => makeOp({ value }),
  param: [1, 0],
  req: ['pd_values'],
});

const root = (v: number | string) => (typeof v === 'number' ? Math.sqrt(v) : v);
export const pd_var_s = moment((s) => groupVariance(s, true));
export const pd_var_p = moment((s) => groupVariance(s, false));
export const pd_stdev_s = moment((s) => root(groupVariance(s, true)));
export const pd_stdev_p = moment((s) => root(groupVariance(s, false)));
