import { type AggDef, makeOp } from './aggregate-def';

/**
 * FIRST(value, order) / LAST(value, order): the value on the row whose order
 * is smallest / largest (SQL's arg_min / arg_max). Rows where the value is
 * blank or the order is not a number do not take part. On ties the earliest
 * row in source order wins. #N/A when no row takes part.
 */
export const pd_first: AggDef = {
  create: () =>
    makeOp({
      add: (s, v, order) => {
        if (s.valid === 1 || (order as number) < s.pd_firstOrder!) {
          s.pd_firstOrder = order as number;
          s.pd_firstValue = v;
        }
      },
      value: (s) => (s.valid ? (s.pd_firstValue as number | string | boolean) : '#N/A'),
    }),
  param: [2, 0],
};

export const pd_last: AggDef = {
  create: () =>
    makeOp({
      add: (s, v, order) => {
        if (s.valid === 1 || (order as number) > s.pd_lastOrder!) {
          s.pd_lastOrder = order as number;
          s.pd_lastValue = v;
        }
      },
      value: (s) => (s.valid ? (s.pd_lastValue as number | string | boolean) : '#N/A'),
    }),
  param: [2, 0],
};
