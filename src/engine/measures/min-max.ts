import { type AggDef, makeOp } from './aggregate-def';

/** MIN: Excel returns 0 when there is no number. */
export const pd_min: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_min = Infinity;
      },
      add: (s, v) => {
        if ((v as number) < s.pd_min!) s.pd_min = v as number;
      },
      value: (s) => (s.valid ? s.pd_min! : 0),
    }),
  param: [1, 0],
};

/** MAX: Excel returns 0 when there is no number. */
export const pd_max: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_max = -Infinity;
      },
      add: (s, v) => {
        if ((v as number) > s.pd_max!) s.pd_max = v as number;
      },
      value: (s) => (s.valid ? s.pd_max! : 0),
    }),
  param: [1, 0],
};
