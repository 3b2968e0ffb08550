import { type AggDef, makeOp } from './aggregate-def';

/**
 * MODE.SNGL: the most frequent number; on ties, the one that occurs first in
 * source order (a Map keeps first-insertion order). Excel returns #N/A when no
 * number repeats, and so do we: a "mode" of all-distinct data would be noise.
 */
export const pd_mode_sngl: AggDef = {
  create: () =>
    makeOp({
      init: (s) => {
        s.pd_counts = new Map();
      },
      add: (s, v) => {
        const counts = s.pd_counts!;
        counts.set(v as number, (counts.get(v as number) ?? 0) + 1);
      },
      value: (s) => {
        let best = 1;
        let mode: number | null = null;
        for (const [v, n] of s.pd_counts!) {
          if (n > best) {
            best = n;
            mode = v;
          }
        }
        return mode ?? '#N/A';
      },
    }),
  param: [1, 0],
};
