/**
 * Excel's summary functions over one group's source rows, with the worksheet functions'
 * treatment of blanks, text, logicals and errors:
 * - numeric functions (SUM, AVERAGE, MEDIAN, PERCENTILE.INC, MODE.SNGL, STDEV/VAR, PRODUCT,
 *   MIN/MAX) look at numbers only and ignore blank, text and TRUE/FALSE cells, as they do for a
 *   range reference; an error cell makes the result that error (the first in source order);
 * - COUNTA-style counts count every non-blank cell; COUNT counts numbers;
 * - too few numbers give the worksheet function's error: AVERAGE #DIV/0!, MEDIAN/PERCENTILE #NUM!,
 *   MODE.SNGL #N/A (also when no value repeats), STDEV.S/VAR.S need 2 numbers.
 */
import { Kind, type PreparedColumn } from './prepared-column';
import type { PivotFunction, XlValue } from './types';

export const DIV0 = '#DIV/0!';
export const NUM = '#NUM!';
export const NA = '#N/A';

/** A slice of source row indexes: `rows[from..to)`. */
export interface RowSlice { rows: Int32Array; from: number; to: number }

let scratch = new Float64Array(1024);

/** The numbers of the slice (into a shared buffer) or the first error met. */
function numbers(col: PreparedColumn, s: RowSlice): { xs: Float64Array; n: number; error?: string } {
  if (scratch.length < s.to - s.from) scratch = new Float64Array(Math.max(s.to - s.from, scratch.length * 2));
  let n = 0;
  for (let i = s.from; i < s.to; i++) {
    const r = s.rows[i];
    const k = col.kind[r];
    if (k === Kind.Number) scratch[n++] = col.num[r];
    else if (k === Kind.Error) return { xs: scratch, n, error: col.raw[r] as string };
  }
  return { xs: scratch, n };
}

/** Non-blank cells (COUNTA). */
export function countA(col: PreparedColumn, s: RowSlice): number {
  let c = 0;
  for (let i = s.from; i < s.to; i++) if (col.kind[s.rows[i]] !== Kind.Blank) c++;
  return c;
}

/** Numeric cells (COUNT). */
export function countNumbers(col: PreparedColumn, s: RowSlice): number {
  let c = 0;
  for (let i = s.from; i < s.to; i++) if (col.kind[s.rows[i]] === Kind.Number) c++;
  return c;
}

/** Sum, mean-based statistics in two passes (accurate variance without cancellation). */
export function numericSummary(col: PreparedColumn, s: RowSlice, fn: Exclude<PivotFunction, 'Count' | 'CountNumbers'>): XlValue {
  const { xs, n, error } = numbers(col, s);
  if (error !== undefined) return error;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  switch (fn) {
    case 'Sum': return sum;
    case 'Average': return n > 0 ? sum / n : DIV0;
    case 'Max': { let m = -Infinity; for (let i = 0; i < n; i++) if (xs[i] > m) m = xs[i]; return n > 0 ? m : 0; }
    case 'Min': { let m = Infinity; for (let i = 0; i < n; i++) if (xs[i] < m) m = xs[i]; return n > 0 ? m : 0; }
    case 'Product': { let p = 1; for (let i = 0; i < n; i++) p *= xs[i]; return n > 0 ? p : 0; }
    default: break;
  }
  const sample = fn === 'StandardDeviation' || fn === 'Variance';
  if (n < (sample ? 2 : 1)) return DIV0;
  const mean = sum / n;
  let m2 = 0;
  for (let i = 0; i < n; i++) { const d = xs[i] - mean; m2 += d * d; }
  const variance = m2 / (sample ? n - 1 : n);
  return fn === 'Variance' || fn === 'VarianceP' ? variance : Math.sqrt(variance);
}

/** What a PivotTable cell shows for the function: blank when the group has no values at all. */
export function pivotSummary(col: PreparedColumn, s: RowSlice, fn: PivotFunction): XlValue {
  const nonBlank = countA(col, s);
  if (nonBlank === 0) return '';
  if (fn === 'Count') return nonBlank;
  if (fn === 'CountNumbers') return countNumbers(col, s);
  return numericSummary(col, s, fn);
}

/** The slice's numbers sorted ascending (a copy, safe to keep), or the first error met. */
export function sortedNumbers(col: PreparedColumn, s: RowSlice): Float64Array | string {
  const { xs, n, error } = numbers(col, s);
  if (error !== undefined) return error;
  return xs.slice(0, n).sort();
}

/** PERCENTILE.INC over numbers already sorted ascending. */
export function percentileOfSorted(sorted: Float64Array, p: number): XlValue {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NUM;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * PERCENTILE.INC: rank h = (n-1)·p between the sorted numbers, linearly interpolated.
 * @example percentileInc over [1,2,3,4], p=0.9 → 3.7
 */
export function percentileInc(col: PreparedColumn, s: RowSlice, p: number): XlValue {
  const { xs, n, error } = numbers(col, s);
  if (error !== undefined) return error;
  if (n === 0 || !(p >= 0 && p <= 1)) return NUM;
  const sorted = xs.subarray(0, n).sort();
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** MODE.SNGL: the most frequent number, the earliest in source order on ties; #N/A if none repeats. */
export function modeSngl(col: PreparedColumn, s: RowSlice): XlValue {
  const { xs, n, error } = numbers(col, s);
  if (error !== undefined) return error;
  const counts = new Map<number, number>();
  let best = 1;
  for (let i = 0; i < n; i++) {
    const c = (counts.get(xs[i]) ?? 0) + 1;
    counts.set(xs[i], c);
    if (c > best) best = c;
  }
  if (best < 2) return NA;
  for (let i = 0; i < n; i++) if (counts.get(xs[i]) === best) return xs[i];
  return NA;
}

/** Distinct non-blank values; text compared case-insensitively, numbers and text kept apart. */
export function distinctCount(col: PreparedColumn, s: RowSlice): number {
  const seenNumbers = new Set<number>();
  const seenOther = new Set<string>();
  for (let i = s.from; i < s.to; i++) {
    const r = s.rows[i];
    const k = col.kind[r];
    if (k === Kind.Blank) continue;
    if (k === Kind.Number) seenNumbers.add(col.num[r]);
    else seenOther.add(k + String(col.raw[r]).toLowerCase());
  }
  return seenNumbers.size + seenOther.size;
}

/**
 * The value of `col` on the group's first (or last) row by `order`: the smallest (largest)
 * number in the order column, the earliest source row on ties; rows whose order cell is not a
 * number are skipped. Without an order column, the first (last) non-blank value in source order.
 */
export function firstOrLast(col: PreparedColumn, order: PreparedColumn | undefined, s: RowSlice, last: boolean): XlValue {
  let pick = -1;
  let best = last ? -Infinity : Infinity;
  for (let i = s.from; i < s.to; i++) {
    const r = s.rows[i];
    if (!order) {
      if (col.kind[r] === Kind.Blank) continue;
      pick = r;
      if (!last) break;
      continue;
    }
    if (order.kind[r] !== Kind.Number) continue;
    const o = order.num[r];
    if (last ? o > best : o < best) { best = o; pick = r; }
  }
  return pick < 0 ? '' : col.raw[pick];
}

/** SUMPRODUCT(x, w) / SUM(w) over rows where both are numbers; errors propagate. */
export function weightedAverage(col: PreparedColumn, weight: PreparedColumn, s: RowSlice): XlValue {
  let num = 0, den = 0;
  for (let i = s.from; i < s.to; i++) {
    const r = s.rows[i];
    if (col.kind[r] === Kind.Error) return col.raw[r];
    if (weight.kind[r] === Kind.Error) return weight.raw[r];
    if (col.kind[r] !== Kind.Number || weight.kind[r] !== Kind.Number) continue;
    num += col.num[r] * weight.num[r];
    den += weight.num[r];
  }
  return den === 0 ? DIV0 : num / den;
}

/** SUM(col) / SUM(other). */
export function ratioOfSums(col: PreparedColumn, other: PreparedColumn, s: RowSlice): XlValue {
  const a = numericSummary(col, s, 'Sum');
  if (typeof a !== 'number') return a;
  const b = numericSummary(other, s, 'Sum');
  if (typeof b !== 'number') return b;
  return b === 0 ? DIV0 : a / b;
}
