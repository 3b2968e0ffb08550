import { distinctOfRange } from '../measures/count';
import { varianceOfRange } from '../measures/deviation';
import { percentileOfRange } from '../measures/quantile';

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
 * values' order (the very function the general path uses). #DIV/0! with fewer than two (one)
 * numbers, #NUM! on overflow.
 * @example segmentVariance(Float64Array.of(1e9, 1e9 + 1, 1e9 + 2), 0, 3, true) // 1
 */
export const segmentVariance = varianceOfRange;

/**
 * PERCENTILE.INC over an ascending subrange: rank (n-1)p, linear interpolation; the general
 * path's own function (measures/quantile.ts). #NUM! when empty or p is outside [0, 1].
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0, 4, 0.9) // 3.7
 */
export const quantileSorted = percentileOfRange;

/** Number of different values in an ascending subrange (-0 and 0 are one value); measures/count.ts's. */
export const distinctSorted = distinctOfRange;
