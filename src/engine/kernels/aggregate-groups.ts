import type { MeasureValue } from '../measures/aggregate-def';
import { varianceFromSums } from '../measures/deviation';
import type { GroupedNumbers } from './grouped-numbers';
import { groupNumbers } from './grouped-numbers';
import { rangeSorter } from './sorted-groups';
import { distinctSorted, quantileSorted, segmentMax, segmentMin, segmentProduct, segmentSum, segmentVariance } from './segment-stats';

/**
 * The aggregate functions the kernels compute, by their formula-language names. COUNT counts the
 * numbers that take part, so COUNTA is COUNT over a presence input (1 or NaN per row), and
 * COUNTDISTINCT of text is COUNTDISTINCT over category codes (measures/skipped.ts).
 */
export const KERNEL_FUNCTIONS = [
  'COUNT', 'SUM', 'AVERAGE', 'MIN', 'MAX', 'PRODUCT', 'VAR.S', 'VAR.P', 'STDEV.S', 'STDEV.P',
  'MEDIAN', 'PERCENTILE.INC', 'QUARTILE.INC', 'COUNTDISTINCT',
] as const;

export type KernelFunction = (typeof KERNEL_FUNCTIONS)[number];

/** One aggregate to compute per group; `p` is PERCENTILE.INC's p or QUARTILE.INC's quart. */
export interface KernelRequest {
  fn: KernelFunction;
  p?: number;
}

const KERNEL_SET: ReadonlySet<string> = new Set(KERNEL_FUNCTIONS);

/**
 * Is `name` (a canonical formula function name) computed by the kernels?
 * @example isKernelFunction('MEDIAN') // true
 * @example isKernelFunction('MODE.SNGL') // false
 */
export function isKernelFunction(name: string): name is KernelFunction {
  return KERNEL_SET.has(name);
}

/**
 * What the kernels compute for a call of the formula function `name` whose arguments after its
 * input are the constants `params`; undefined when they do not compute it. COUNTA becomes COUNT
 * (its input is the presence input). The one decision for the query engine and the pivot extension.
 * @example kernelRequestOf('PERCENTILE.INC', [0.9]) // { fn: 'PERCENTILE.INC', p: 0.9 }
 * @example kernelRequestOf('MODE.SNGL', []) // undefined
 */
export function kernelRequestOf(name: string, params: readonly unknown[]): KernelRequest | undefined {
  const fn = name === 'COUNTA' ? 'COUNT' : name;
  if (!isKernelFunction(fn) || !params.every((p) => typeof p === 'number')) return undefined;
  return { fn, p: params[0] as number | undefined };
}

const NEEDS_SORT: ReadonlySet<KernelFunction> = new Set(['MEDIAN', 'PERCENTILE.INC', 'QUARTILE.INC', 'COUNTDISTINCT']);

/** Excel shows a number that overflowed as #NUM! (as computeMeasures normalizes Arquero's results). */
const excelValue = (v: number | string): MeasureValue => (typeof v === 'number' && !Number.isFinite(v) ? '#NUM!' : v);
const asIs = (v: number | string): MeasureValue => v;

/** How results come out. */
export interface KernelOptions {
  /**
   * Keep numbers that overflowed (±Infinity) instead of #NUM!, as the `pd_*` ops hand them to
   * the rest of a formula (SUM([a]) / SUM([b]) divides first, then the result becomes #NUM!).
   */
  raw?: boolean;
}

/**
 * Every requested aggregate for every group, with Excel's results (numbers, or '#DIV/0!' /
 * '#NUM!' where Excel gives those), equal bit for bit to the general path's `pd_*` aggregates.
 * Source-order statistics (SUM, AVERAGE, MIN, MAX, variances) are taken first; then, only when
 * a request needs order, each group's range is sorted in place (rangeSorter: counting for whole
 * numbers in a modest range, else the typed-array sort; skipped when `grouped.sorted` says it
 * is already), so `grouped.values` is left sorted per group afterwards.
 *
 * Empty groups: COUNT, SUM, MIN, MAX, PRODUCT and COUNTDISTINCT give 0; AVERAGE, VAR and STDEV #DIV/0!;
 * MEDIAN, PERCENTILE.INC and QUARTILE.INC #NUM!.
 *
 * @returns one array per request, each with one value per group
 * @example
 * const g = groupNumbers(Int32Array.of(0, 0, 1), 2, Float64Array.of(1, 3, 5));
 * aggregateGroups(g, [{ fn: 'SUM' }, { fn: 'MEDIAN' }]) // [[4, 5], [2, 5]]
 */
export function aggregateGroups(grouped: GroupedNumbers, requests: readonly KernelRequest[], options: KernelOptions = {}): MeasureValue[][] {
  const { offsets, values, groups } = grouped;
  const excel = options.raw ? asIs : excelValue;
  const out: MeasureValue[][] = requests.map(() => new Array<MeasureValue>(groups));
  const sort = requests.some((r) => NEEDS_SORT.has(r.fn));
  const sortRange = rangeSorter();
  // QUARTILE.INC truncates its quart like Excel, once.
  const ps = requests.map((r) => (r.fn === 'QUARTILE.INC' ? (Math.trunc(r.p!) >= 0 && Math.trunc(r.p!) <= 4 ? Math.trunc(r.p!) / 4 : NaN) : (r.p ?? NaN)));
  for (let g = 0; g < groups; g++) {
    const start = offsets[g];
    const end = offsets[g + 1];
    const n = end - start;
    let sum = 0;
    let haveSum = false;
    for (let r = 0; r < requests.length; r++) {
      let v: number | string;
      switch (requests[r].fn) {
        case 'COUNT':
          v = n;
          break;
        case 'SUM':
        case 'AVERAGE':
          if (!haveSum) {
            sum = segmentSum(values, start, end);
            haveSum = true;
          }
          if (requests[r].fn === 'SUM') {
            v = sum;
            break;
          }
          v = n ? sum / n : '#DIV/0!';
          break;
        case 'MIN':
          v = segmentMin(values, start, end);
          break;
        case 'MAX':
          v = segmentMax(values, start, end);
          break;
        case 'PRODUCT':
          v = segmentProduct(values, start, end);
          break;
        case 'VAR.S':
          v = segmentVariance(values, start, end, true);
          break;
        case 'VAR.P':
          v = segmentVariance(values, start, end, false);
          break;
        case 'STDEV.S':
          v = root(segmentVariance(values, start, end, true));
          break;
        case 'STDEV.P':
          v = root(segmentVariance(values, start, end, false));
          break;
        default:
          continue; // order statistics below
      }
      out[r][g] = excel(v);
    }
    if (!sort) continue;
    if (!grouped.sorted) sortRange(values, start, end);
    for (let r = 0; r < requests.length; r++) {
      switch (requests[r].fn) {
        case 'MEDIAN':
          out[r][g] = excel(quantileSorted(values, start, end, 0.5));
          break;
        case 'PERCENTILE.INC':
        case 'QUARTILE.INC':
          out[r][g] = excel(quantileSorted(values, start, end, ps[r]));
          break;
        case 'COUNTDISTINCT':
          out[r][g] = distinctSorted(values, start, end);
          break;
      }
    }
  }
  if (sort) grouped.sorted = true;
  return out;
}

const root = (v: number | string) => (typeof v === 'number' ? Math.sqrt(v) : v);

/**
 * Every requested aggregate per group straight from the rows: the same values as
 * `aggregateGroups(groupNumbers(ids, groups, input), requests)`, bit for bit, computed faster.
 * Without order statistics, COUNT, SUM, AVERAGE, MIN, MAX and the variances accumulate per
 * group in one or two passes over the rows (the same additions in the same order as a pass
 * over each group's range), with no scatter. With them, the numbers are scattered by group once
 * and everything is read from the ranges (aggregateGroups).
 * NaN in `input` means the cell does not take part; a negative id leaves the row out.
 * @example aggregateByGroup(Int32Array.of(0, 1, 0), 2, Float64Array.of(2, 9, 4), [{ fn: 'AVERAGE' }]) // [[3, 9]]
 */
export function aggregateByGroup(ids: Int32Array, groups: number, input: Float64Array, requests: readonly KernelRequest[], options: KernelOptions = {}): MeasureValue[][] {
  const excel = options.raw ? asIs : excelValue;
  // Order statistics need each group's numbers together anyway: scatter once (row order kept)
  // and take the row-order statistics from the same ranges before sorting them.
  if (requests.some((r) => NEEDS_SORT.has(r.fn))) return aggregateGroups(groupNumbers(ids, groups, input), requests, options);
  const out: MeasureValue[][] = requests.map(() => new Array<MeasureValue>(groups));
  const stats = rowOrderStats(ids, groups, input, requests.some((r) => VARIANCE.has(r.fn)), requests.some((r) => r.fn === 'PRODUCT'));
  const { count, sum, min, max, prod, ss, s1 } = stats;
  requests.forEach((r, k) => {
    const col = out[k];
    for (let g = 0; g < groups; g++) {
      const n = count[g];
      let v: number | string;
      switch (r.fn) {
        case 'COUNT': v = n; break;
        case 'SUM': v = sum[g]; break;
        case 'AVERAGE': v = n ? sum[g] / n : '#DIV/0!'; break;
        case 'MIN': v = n ? min[g] : 0; break;
        case 'MAX': v = n ? max[g] : 0; break;
        case 'PRODUCT': v = n ? prod[g] : 0; break;
        case 'VAR.S': v = varianceFromSums(ss![g], s1![g], n, min[g], max[g], true); break;
        case 'VAR.P': v = varianceFromSums(ss![g], s1![g], n, min[g], max[g], false); break;
        case 'STDEV.S': v = root(varianceFromSums(ss![g], s1![g], n, min[g], max[g], true)); break;
        case 'STDEV.P': v = root(varianceFromSums(ss![g], s1![g], n, min[g], max[g], false)); break;
        default: return; // order statistics: handled by aggregateGroups above
      }
      col[g] = excel(v);
    }
  });
  return out;
}

const VARIANCE: ReadonlySet<KernelFunction> = new Set(['VAR.S', 'VAR.P', 'STDEV.S', 'STDEV.P']);

/**
 * Per-group count, sum, min and max in one pass over the rows, and with `variance` the
 * corrected two-pass sums about each group's mean (measures/deviation.ts) in a second pass.
 */
function rowOrderStats(ids: Int32Array, groups: number, input: Float64Array, variance: boolean, product: boolean) {
  const n = ids.length;
  const count = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const min = new Float64Array(groups).fill(Infinity);
  const max = new Float64Array(groups).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const v = input[i];
    const g = ids[i];
    if (v !== v || g < 0) continue;
    count[g]++;
    sum[g] += v;
    if (v < min[g]) min[g] = v;
    if (v > max[g]) max[g] = v;
  }
  // PRODUCT in its own pass: rare, and a multiply per row is not free.
  const prod = new Float64Array(product ? groups : 0).fill(1);
  if (product) {
    for (let i = 0; i < n; i++) {
      const v = input[i];
      const g = ids[i];
      if (v === v && g >= 0) prod[g] *= v;
    }
  }
  if (!variance) return { count, sum, min, max, prod };
  const mean = new Float64Array(groups);
  for (let g = 0; g < groups; g++) mean[g] = sum[g] / count[g];
  const ss = new Float64Array(groups);
  const s1 = new Float64Array(groups);
  for (let i = 0; i < n; i++) {
    const v = input[i];
    const g = ids[i];
    if (v !== v || g < 0) continue;
    const d = v - mean[g];
    ss[g] += d * d;
    s1[g] += d;
  }
  return { count, sum, min, max, prod, ss, s1 };
}
