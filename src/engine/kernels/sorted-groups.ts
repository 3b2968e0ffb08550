import { type GroupedNumbers, groupNumbers } from './grouped-numbers';

/**
 * Each group's numbers in ascending order, contiguous (as GroupedNumbers): what MEDIAN,
 * PERCENTILE.INC and COUNTDISTINCT read. The same as `groupNumbers` followed by the typed-array
 * sort of every group (-0 before 0 included); see `sortGroups` for how it is faster.
 * NaN in `input` and negative ids leave a row out, as in groupNumbers.
 * @example
 * sortedGroupNumbers(Int32Array.of(0, 1, 0, 0), 2, Float64Array.of(9, 4, -0, 3)).values // [-0, 3, 9, 4]
 */
export function sortedGroupNumbers(ids: Int32Array, groups: number, input: Float64Array): GroupedNumbers {
  const grouped = groupNumbers(ids, groups, input);
  sortGroups(grouped);
  return grouped;
}

/** Whole numbers below this size (in magnitude) are exact in 2v + base (doubles: 53 bits). */
const EXACT = 2 ** 50;

/**
 * Sort each group's range ascending, in place, with the result of the typed-array sort.
 *
 * Most numeric columns hold whole numbers in a modest range (minutes, units, days, counts). A
 * group of those is sorted by counting: one pass tallies each value in a histogram over the
 * group's range, one pass over the histogram writes the values back in order (equal values are
 * equal bits, and -0 has its own slot just before 0). No comparisons and no random access
 * outside a small histogram. Groups of fractions, or whose range is wide for their size, take
 * the typed-array sort.
 * @example sortGroups(groupNumbers(Int32Array.of(0, 0, 1), 2, Float64Array.of(3, 1, 2))) // values [1, 3, 2]
 */
export function sortGroups(grouped: GroupedNumbers): void {
  if (grouped.sorted) return;
  grouped.sorted = true;
  const { offsets, values, groups } = grouped;
  const sorter = rangeSorter();
  for (let g = 0; g < groups; g++) sorter(values, offsets[g], offsets[g + 1]);
}

/**
 * A function that sorts values[start, end) ascending in place as `sortGroups` does (counting for
 * whole numbers in a range narrow for their count, else the typed-array sort); it keeps its
 * histogram between calls.
 * @example const sort = rangeSorter(); sort(values, 0, 10); sort(values, 10, 25);
 */
export function rangeSorter(): (values: Float64Array, start: number, end: number) => void {
  let count = new Int32Array(0);
  return (values, start, end) => {
    const len = end - start;
    if (len < 2) return;
    let min = Infinity;
    let max = -Infinity;
    let whole = true;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
      if (Math.floor(v) !== v) {
        whole = false;
        break;
      }
    }
    // Two slots per whole number: 2v + base for v, and negZero (just before 0's slot) for -0.
    const slots = 2 * (max - min + 1);
    // Counting costs about len + slots simple steps, a comparison sort len log2(len) costlier ones.
    if (!whole || min <= -EXACT || max >= EXACT || slots > 16 * len + 256) {
      values.subarray(start, end).sort();
      return;
    }
    if (count.length < slots) count = new Int32Array(Math.max(slots, 2 * count.length));
    else count.fill(0, 0, slots);
    const base = 1 - 2 * min;
    const negZero = -2 * min;
    for (let i = start; i < end; i++) {
      const v = values[i];
      // | 0: index with small integers, not doubles (several times slower in V8).
      count[v === 0 && 1 / v < 0 ? negZero : (2 * v + base) | 0]++;
    }
    let at = start;
    for (let s = 0; s < slots; s++) {
      const c = count[s];
      if (c === 0) continue;
      const v = s === negZero ? -0 : (s - base) / 2;
      for (let k = 0; k < c; k++) values[at++] = v;
    }
  };
}
