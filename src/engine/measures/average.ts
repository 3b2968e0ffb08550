import { type AggDef, makeOp } from './aggregate-def';

/** AVERAGE: sum / count like Excel (not a running mean); #DIV/0! without numbers. */
export const pd_average: AggDef = {
  create: () => makeOp({ value: (s) => (s.valid ? s.pd_sum! / s.valid : '#DIV/0!') }),
  param: [1, 0],
  // Shares pd_sum's running total when both are asked of the same input.
  req: ['pd_sum'],
};

/**
 * AVERAGEWEIGHTED(value, weight) = SUM(value*weight) / SUM(weight), over rows where
 * both are numbers. #DIV/0! when the weights sum to 0 (or there are none).
 */
export const pd_weighted_average: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_wsum = 0;
        s.pd_wxsum = 0;
      },
      add: (s, v, w) => {
        s.pd_wsum! += w as number;
        s.pd_wxsum! += (v as number) * (w as number);
      },
      value: (s) => (s.pd_wsum ? s.pd_wxsum! / s.pd_wsum : '#DIV/0!'),
    }),
  param: [2, 0],
};
