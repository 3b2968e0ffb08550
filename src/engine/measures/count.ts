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
        let runs = 0;
        for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) runs++;
        return runs;
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
        let runs = 0;
        for (let i = 0; i < vals.length; i++) if (i === 0 || vals[i] !== vals[i - 1]) runs++;
        return runs;
      },
    }),
  param: [1, 0],
  req: ['pd_values'],
};
