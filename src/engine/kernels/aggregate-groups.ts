import type { MeasureValue } from '../measures/aggregate-def';
import { type GroupedNumbers, groupNumbers } from './grouped-numbers';
import { distinctSorted, quantileSorted, segmentMax, segmentMin, segmentSum, segmentVariance } from './segment-stats';

/**
 * The aggregate functions the kernels compute, by their formula-language names. COUNT counts the
 * numbers that take part, so COUNTA is COUNT over a presence input (1 or NaN per row), and
 * COUNTDISTINCT of text is COUNTDISTINCT over category codes (measures/skipped.ts).
 */
export const KERNEL_FUNCTIONS = [
  'COUNT', 'SUM', 'AVERAGE', 'MIN', 'MAX', 'VAR.S', 'VAR.P', 'STDEV.S', 'STDEV.P',
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

const NEEDS_SORT: ReadonlySet<KernelFunction> = new Set(['MEDIAN', 'PERCENTILE.INC', 'QUARTILE.INC', 'COUNTDISTINCT']);

/** Excel shows a number that overflowed as #NUM! (as computeMeasures normalizes Arquero's results). */
const excel = (v: number | string): MeasureValue => (typeof v === 'number' && !Number.isFinite(v) ? '#NUM!' : v);

/**
 * Every requested aggregate for every group, with Excel's results (numbers, or '#DIV/0!' /
 * '#NUM!' where Excel gives those), equal bit for bit to the general path's `pd_*` aggregates.
 * Source-order statistics (SUM, AVERAGE, MIN, MAX, variances) are taken first; then, only when
 * a request needs order, each group's range is sorted in place with the typed-array sort, so
 * `grouped.values` is left sorted per group afterwards.
 *
 * Empty groups: COUNT, SUM, MIN, MAX and COUNTDISTINCT give 0; AVERAGE, VAR and STDEV #DIV/0!;
 * MEDIAN, PERCENTILE.INC and QUARTILE.INC #NUM!.
 *
 * @returns one array per request, each with one value per group
 * @example
 * const g = groupNumbers(Int32Array.of(0, 0, 1), 2, Float64Array.of(1, 3, 5));
 * aggregateGroups(g, [{ fn: 'SUM' }, { fn: 'MEDIAN' }]) // [[4, 5], [2, 5]]
 */
export function aggregateGroups(grouped: GroupedNumbers, requests: readonly KernelRequest[]): MeasureValue[][] {
  const { offsets, values, groups } = grouped;
  const out: MeasureValue[][] = requests.map(() => new Array<MeasureValue>(groups));
  const sort = requests.some((r) => NEEDS_SORT.has(r.fn));
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
    values.subarray(start, end).sort();
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
  return out;
}

const root = (v: number | string) => (typeof v === 'number' ? Math.sqrt(v) : v);

/**
 * Group, scatter and aggregate in one call: `groupNumbers` then `aggregateGroups`.
 * @example aggregateByGroup(Int32Array.of(0, 1, 0), 2, Float64Array.of(2, 9, 4), [{ fn: 'AVERAGE' }]) // [[3, 9]]
 */
export function aggregateByGroup(ids: Int32Array, groups: number, input: Float64Array, requests: readonly KernelRequest[]): MeasureValue[][] {
  return aggregateGroups(groupNumbers(ids, groups, input), requests);
}
