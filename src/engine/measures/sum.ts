import { type AggDef, makeOp } from './aggregate-def';

/** SUM: 0 when there is no number, as Excel. Plain left-to-right addition, as Excel adds. */
export const pd_sum: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_sum = 0;
      },
      add: (s, v) => {
        s.pd_sum! += v as number;
      },
      value: (s) => s.pd_sum!,
    }),
  param: [1, 0],
};

/** PRODUCT: Excel returns 0 (not 1) when there is no number at all. */
export const pd_product: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_prod = 1;
      },
      add: (s, v) => {
        s.pd_prod! *= v as number;
      },
      value: (s) => (s.valid ? s.pd_prod! : 0),
    }),
  param: [1, 0],
};
