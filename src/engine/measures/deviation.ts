import { type AggDef, makeOp } from './aggregate-def';

/**
 * Shared running moments (Welford's update: stable without a second pass).
 * VAR.S/STDEV.S need two numbers and VAR.P/STDEV.P one, else #DIV/0! as in Excel.
 */
export const pd_moments: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_mean = 0;
        s.pd_m2 = 0;
      },
      add: (s, v) => {
        // `valid` already counts this value when add runs.
        const d = (v as number) - s.pd_mean!;
        s.pd_mean! += d / s.valid;
        s.pd_m2! += d * ((v as number) - s.pd_mean!);
      },
      value: (s) => s.pd_m2!,
    }),
  param: [1, 0],
};

const moment = (value: (m2: number, n: number) => number | string): AggDef => ({
  create: () => makeOp({ value: (s) => value(s.pd_m2!, s.valid) }),
  param: [1, 0],
  req: ['pd_moments'],
});

export const pd_var_s = moment((m2, n) => (n > 1 ? m2 / (n - 1) : '#DIV/0!'));
export const pd_var_p = moment((m2, n) => (n > 0 ? m2 / n : '#DIV/0!'));
export const pd_stdev_s = moment((m2, n) => (n > 1 ? Math.sqrt(m2 / (n - 1)) : '#DIV/0!'));
export const pd_stdev_p = moment((m2, n) => (n > 0 ? Math.sqrt(m2 / n) : '#DIV/0!'));
