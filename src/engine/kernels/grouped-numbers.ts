/**
 * A counting-sort scatter: each group's numbers laid out contiguously in one Float64Array, in
 * source order within the group. Per-group statistics then run over plain subranges (no
 * per-group arrays growing row by row), and quantiles sort each subrange in place.
 */

/** Numbers of each group, contiguous: group g owns values[offsets[g] .. offsets[g + 1]). */
export interface GroupedNumbers {
  offsets: Int32Array;
  values: Float64Array;
  groups: number;
  /** True once each group's range is ascending (sortGroups, aggregateGroups set it). */
  sorted?: boolean;
}

/**
 * Scatter `input` by group. NaN in `input` means "this cell does not take part" (the cleaned
 * inputs of measures/skipped.ts mark skipped cells so); a negative id leaves the row out.
 * Within a group, values keep their row order, so SUM adds them in the order Excel adds.
 * @example
 * groupNumbers(Int32Array.of(0, 1, 0), 2, Float64Array.of(5, NaN, 7))
 * // { offsets: [0, 2, 2], values: [5, 7], groups: 2 }
 */
export function groupNumbers(ids: Int32Array, groups: number, input: Float64Array): GroupedNumbers {
  const n = ids.length;
  const offsets = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) {
    const v = input[i];
    if (v === v && ids[i] >= 0) offsets[ids[i] + 1]++;
  }
  for (let g = 0; g < groups; g++) offsets[g + 1] += offsets[g];
  const cursor = offsets.slice(0, groups);
  const values = new Float64Array(offsets[groups]);
  for (let i = 0; i < n; i++) {
    const v = input[i];
    if (v === v && ids[i] >= 0) values[cursor[ids[i]]++] = v;
  }
  return { offsets, values, groups };
}
