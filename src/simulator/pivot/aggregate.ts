/**
 * Running statistics for one data field over one group of source records, and Excel's
 * summary functions computed from them.
 *
 * One accumulator serves every function, so subtotal rows with a different function
 * ("A Count", "A Average") need no second pass. Variance uses Welford's update, which stays
 * accurate on large sums where the textbook sum-of-squares formula cancels badly.
 *
 * Excel semantics (and where they come from):
 * - Count is COUNTA-like: it counts every non-empty cell, text and errors included
 *   (Value Field Settings: "Count ... the same as the COUNTA function").
 * - Every other function looks at numbers only; text and booleans are ignored, like the
 *   worksheet functions SUM, AVERAGE, MAX, MIN, PRODUCT, COUNT, STDEV.S/P, VAR.S/P.
 * - An error value in the group makes the numeric functions show that error (the first one in
 *   source order), as the worksheet functions propagate errors. Count and Count Numbers still
 *   return a number. This is our reading; no Microsoft page states it for PivotTables.
 * - Functions with too few numbers return the worksheet function's result: SUM/MAX/MIN/PRODUCT
 *   of nothing give 0, AVERAGE gives #DIV/0!, STDEV/VAR (sample) need 2 numbers, the
 *   population versions need 1.
 * - A group whose records are all blank in this field shows an empty cell, like a group with
 *   no records at all (the pivot cache has no value to summarise).
 * - Totals are computed from the underlying records, never from the displayed subtotals
 *   (Microsoft KB Q104403: "grand totals are based on all of the data ... rather than the
 *   totals displayed").
 */
import type { CellValue } from '../../excel/api';
import type { SummarizeBy } from '../model';
import { isErrorValue } from './items';

export interface Stats {
  /** Non-empty cells (numbers, text, booleans, errors). */
  count: number;
  /** Numeric cells. */
  nums: number;
  sum: number;
  mean: number;
  /** Sum of squared deviations from the mean (Welford). */
  m2: number;
  min: number;
  max: number;
  product: number;
  /** First error value met, if any, and the source record it came from. */
  error: string | undefined;
  errorAt: number;
}

export function newStats(): Stats {
  return { count: 0, nums: 0, sum: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, product: 1, error: undefined, errorAt: Infinity };
}

/** Adds one source cell (record number `at`, for "first error") to the statistics. */
export function addValue(s: Stats, v: CellValue, at: number): void {
  if (v === '') return;
  s.count++;
  if (typeof v === 'number') {
    const n = ++s.nums;
    s.sum += v;
    const d = v - s.mean;
    s.mean += d / n;
    s.m2 += d * (v - s.mean);
    if (v < s.min) s.min = v;
    if (v > s.max) s.max = v;
    s.product *= v;
  } else if (s.error === undefined && isErrorValue(v)) {
    s.error = v;
    s.errorAt = at;
  }
}

/**
 * Adds the statistics of a disjoint group `b` into `a` (Chan et al.'s pairwise update for the
 * variance), so subtotals and totals are rolled up from leaf groups instead of re-reading records.
 */
export function mergeStats(a: Stats, b: Stats): void {
  a.count += b.count;
  if (b.nums > 0) {
    const n = a.nums + b.nums;
    const delta = b.mean - a.mean;
    a.m2 += b.m2 + (delta * delta * a.nums * b.nums) / n;
    a.mean += (delta * b.nums) / n;
    a.nums = n;
    a.sum += b.sum;
    if (b.min < a.min) a.min = b.min;
    if (b.max > a.max) a.max = b.max;
    a.product *= b.product;
  }
  if (b.errorAt < a.errorAt) {
    a.error = b.error;
    a.errorAt = b.errorAt;
  }
}

const DIV0 = '#DIV/0!';

/**
 * The value Excel shows for a group.
 *
 * @example
 * const s = newStats(); addValue(s, 2, 0); addValue(s, 'x', 1); addValue(s, 4, 2);
 * summarize(s, 'Sum');     // 6
 * summarize(s, 'Count');   // 3 (text counts)
 * summarize(s, 'Average'); // 3
 */
export function summarize(s: Stats | undefined, fn: SummarizeBy): CellValue {
  if (s === undefined || s.count === 0) return '';
  switch (fn) {
    case 'Count': return s.count;
    case 'CountNumbers': return s.nums;
    default: break;
  }
  if (s.error !== undefined) return s.error;
  const n = s.nums;
  switch (fn) {
    case 'Sum': return s.sum;
    case 'Average': return n > 0 ? s.sum / n : DIV0;
    case 'Max': return n > 0 ? s.max : 0;
    case 'Min': return n > 0 ? s.min : 0;
    case 'Product': return n > 0 ? s.product : 0;
    case 'StandardDeviation': return n > 1 ? Math.sqrt(s.m2 / (n - 1)) : DIV0;
    case 'StandardDeviationP': return n > 0 ? Math.sqrt(s.m2 / n) : DIV0;
    case 'Variance': return n > 1 ? s.m2 / (n - 1) : DIV0;
    case 'VarianceP': return n > 0 ? s.m2 / n : DIV0;
    default: return assertNever(fn);
  }
}

function assertNever(x: never): never {
  throw new Error(`Unknown summary function ${String(x)}`);
}
