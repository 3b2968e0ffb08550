import { type AggDef, makeOp } from './aggregate-def';

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
 * COUNTDISTINCT: different non-blank values. Text compares case-insensitively
 * (as Excel's UNIQUE and pivot items do); the number 1 and the text "1" differ.
 */
export const pd_distinct: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_distinct = new Set();
      },
      add: (s, v) => {
        s.pd_distinct!.add(typeof v === 'string' ? v.toLowerCase() : v);
      },
      value: (s) => s.pd_distinct!.size,
    }),
  param: [1, 0],
};
