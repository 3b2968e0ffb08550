import { varianceFromSums } from '../measures/deviation';

/**
 * Statistics of one subrange [start, end) of a Float64Array with Excel's results, written as
 * plain loops so they compute bit for bit what the general path's aggregates (measures/*.ts)
 * compute: same order of additions, same comparisons, same interpolation.
 * Inputs hold only numbers that take part (no NaN).
 */

/** Left-to-right sum from 0, as pd_sum adds (so SUM of [-0] is 0). */
export function segmentSum(values: Float64Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i];
  return sum;
}

/** Left-to-right product from 1, as pd_product multiplies; Excel's 0 when empty. */
export function segmentProduct(values: Float64Array, start: number, end: number): number {
  let prod = 1;
  for (let i = start; i < end; i++) prod *= values[i];
  return end > start ? prod : 0;
}

/** Smallest value, the first of equals (-0 before 0 when -0 comes first); Excel's 0 when empty. */
export function segmentMin(values: Float64Array, start: number, end: number): number {
  let min = Infinity;
  for (let i = start; i < end; i++) if (values[i] < min) min = values[i];
  return end > start ? min : 0;
}

/** Largest value, the first of equals; Excel's 0 when empty. */
export function segmentMax(values: Float64Array, start: number, end: number): number {
  let max = -Infinity;
  for (let i = start; i < end; i++) if (values[i] > max) max = values[i];
  return end > start ? max : 0;
}

/**
 * VAR.S (sample) or VAR.P with the corrected two-pass sums of measures/deviation.ts, in the
 * values' order. #DIV/0! with fewer than two (one) numbers, #NUM! on overflow.
 * @example segmentVariance(Float64Array.of(1e9, 1e9 + 1, 1e9 + 2), 0, 3, true) // 1
 */
export function segmentVariance(values: Float64Array, start: number, end: number, sample: boolean): number | '#DIV/0!' | '#NUM!' {
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

/**
 * PERCENTILE.INC over an ascending subrange: rank (n-1)p, linear interpolation (as
 * measures/quantile.ts percentileInc). #NUM! when empty or p is outside [0, 1].
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0, 4, 0.9) // 3.7
 */
export function quantileSorted(sorted: Float64Array, start: number, end: number, p: number): number | '#NUM!' {
  const n = end - start;
  if (n === 0 || !(p >= 0 && p <= 1)) return '#NUM!';
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const v0 = sorted[start + lo];
  return frac === 0 ? v0 : v0 + frac * (sorted[start + lo + 1] - v0);
}

/** Number of different values in an ascending subrange (-0 and 0 are one value). */
export function distinctSorted(sorted: Float64Array, start: number, end: number): number {
  let runs = 0;
  for (let i = start; i < end; i++) if (i === start || sorted[i] !== sorted[i - 1]) runs++;
  return runs;
}
