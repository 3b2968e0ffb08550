import { type AggDef, makeOp } from './aggregate-def';
import { sortedValues } from './quantile';

/**
 * COUNT over a numeric input counts numbers; COUNTA over a value input counts
 * non-blank cells (text, logicals and errors included). Both are `valid`,
 * because the input was cleaned for the function before it got here.
 */
export const pd_count: AggDef = {
  create: () => makeOp({ value: (s) => s.valid }),
  param: [1, 0],
};

/**
 * COUNTDISTINCT over a category input (values already encoded to numbers,
 * text case-insensitively): collect the codes, sort them once with the
 * typed-array sort and count the runs. No per-row Set or string work.
 */
export const pd_distinct: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_codes = new Float64Array(8);
        s.pd_ncodes = 0;
      },
      add: (s, v) => {
        let codes = s.pd_codes!;
        if (s.pd_ncodes === codes.length) {
          const grown = new Float64Array(codes.length * 2);
          grown.set(codes);
          s.pd_codes = codes = grown;
        }
        codes[s.pd_ncodes!++] = v as number;
      },
      value: (s) => {
        const codes = s.pd_codes!.subarray(0, s.pd_ncodes).sort();
        return distinctOfRange(codes, 0, codes.length);
      },
    }),
  param: [1, 0],
};

/**
 * COUNTDISTINCT over a numbers-only field: counts the runs of the group's
 * sorted numbers that MEDIAN/PERCENTILE already collect (pd_values), so the
 * field is cleaned, collected and sorted once for all of them.
 */
export const pd_distinct_num: AggDef = {
  create: () =>
    makeOp({
      value: (s) => {
        const vals = sortedValues(s);
        return distinctOfRange(vals, 0, vals.length);
      },
    }),
  param: [1, 0],
  req: ['pd_values'],
};

/**
 * Number of different values in the ascending subrange sorted[start, end) (-0 and 0 are one
 * value): the runs COUNTDISTINCT counts, here and in the engine's kernels (kernels/segment-stats.ts).
 * @example distinctOfRange(Float64Array.of(1, 1, 2, 5, 5), 0, 5) // 3
 */
export function distinctOfRange(sorted: Float64Array, start: number, end: number): number {
  let runs = 0;
  for (let i = start; i < end; i++) if (i === start || sorted[i] !== sorted[i - 1]) runs++;
  return runs;
}
