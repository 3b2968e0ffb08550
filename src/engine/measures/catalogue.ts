import { lookupFunction } from '../formula/functions';
import type { AggDef, AggState, MeasureValue } from './aggregate-def';
import { pd_average, pd_weighted_average } from './average';
import { pd_count, pd_distinct, pd_distinct_num } from './count';
import { pd_moments, pd_stdev_p, pd_stdev_s, pd_var_p, pd_var_s } from './deviation';
import { pd_first, pd_last } from './first-last';
import { pd_max, pd_min } from './min-max';
import { pd_mode_sngl } from './mode';
import { pd_median, pd_percentile_inc, pd_quartile_inc, pd_values } from './quantile';
import { type SkippedCells, cleanInput, noSkips } from './skipped';
import { pd_product, pd_sum } from './sum';

/**
 * Every aggregate op, by the name it is registered under in Arquero.
 * Names carry a `pd_` prefix so they never shadow Arquero's own ops.
 */
export const AGGREGATE_OPS: Readonly<Record<string, AggDef>> = {
  pd_sum,
  pd_product,
  pd_count,
  pd_distinct,
  pd_distinct_num,
  pd_average,
  pd_weighted_average,
  pd_min,
  pd_max,
  pd_moments,
  pd_var_s,
  pd_var_p,
  pd_stdev_s,
  pd_stdev_p,
  pd_values,
  pd_median,
  pd_percentile_inc,
  pd_quartile_inc,
  pd_mode_sngl,
  pd_first,
  pd_last,
};

/** Formula function (canonical name) -> op name. COUNT and COUNTA share pd_count: the input cleaning differs. */
const OP_OF_FUNCTION: ReadonlyMap<string, string> = new Map([
  ['SUM', 'pd_sum'],
  ['PRODUCT', 'pd_product'],
  ['COUNT', 'pd_count'],
  ['COUNTA', 'pd_count'],
  ['COUNTDISTINCT', 'pd_distinct'],
  ['AVERAGE', 'pd_average'],
  ['AVERAGEWEIGHTED', 'pd_weighted_average'],
  ['MIN', 'pd_min'],
  ['MAX', 'pd_max'],
  ['VAR.S', 'pd_var_s'],
  ['VAR.P', 'pd_var_p'],
  ['STDEV.S', 'pd_stdev_s'],
  ['STDEV.P', 'pd_stdev_p'],
  ['MEDIAN', 'pd_median'],
  ['PERCENTILE.INC', 'pd_percentile_inc'],
  ['QUARTILE.INC', 'pd_quartile_inc'],
  ['MODE.SNGL', 'pd_mode_sngl'],
  ['FIRST', 'pd_first'],
  ['LAST', 'pd_last'],
]);

/**
 * The op that computes an aggregate function (aliases accepted).
 * @example aggregateOpName('median') // 'pd_median'
 * @example aggregateOpName('ABS') // undefined: not an aggregate
 */
export function aggregateOpName(fn: string): string | undefined {
  const def = lookupFunction(fn);
  return def && def.kind === 'aggregate' ? OP_OF_FUNCTION.get(def.name) : undefined;
}

export interface AggregateResult {
  value: MeasureValue;
  skipped: SkippedCells;
}

/**
 * Apply an aggregate function to plain cell values with Excel semantics, using
 * the same op code Arquero runs. Handy for one-off values and as the reference
 * in tests of the compiled path.
 * @example aggregateValues('MEDIAN', [[1, 2, 3, 4]]).value // 2.5
 * @example aggregateValues('PERCENTILE.INC', [[1, 2, 3, 4]], [0.9]).value // 3.7
 * @example aggregateValues('AVERAGE', [['', 'n/a', 3]]).skipped // { blank: 1, text: 1, logical: 0, error: 0 }
 */
export function aggregateValues(fn: string, inputs: ReadonlyArray<ArrayLike<unknown>>, params: number[] = []): AggregateResult {
  const def = lookupFunction(fn);
  const opName = aggregateOpName(fn);
  if (!def || !opName || !def.input) throw new Error(`${fn} is not an aggregate function`);
  if (inputs.length !== def.input.length) throw new Error(`${def.name} takes ${def.input.length} input column(s)`);
  const skipped = noSkips();
  const cleaned = def.input.map((kind, k) => Array.from(cleanInput(kind, inputs[k], skipped)));

  // Instantiate the op and its requirements on one shared state, as Arquero does.
  const ops = collectOps(opName, params);
  const state: AggState = { count: 0, valid: 0 };
  for (const op of ops) op.init(state);
  const n = cleaned[0].length;
  for (let i = 0; i < n; i++) {
    state.count++;
    const v1 = cleaned[0][i];
    const v2 = cleaned.length > 1 ? cleaned[1][i] : undefined;
    if (!isValid(v1) || (cleaned.length > 1 && !isValid(v2))) continue;
    state.valid++;
    for (const op of ops) op.add(state, v1, v2);
  }
  return { value: ops[ops.length - 1].value(state), skipped };
}

const isValid = (v: unknown) => v != null && v === v;

/** Requirements first, the op itself last (mirrors Arquero's expand()). */
function collectOps(name: string, params: number[]) {
  const out: ReturnType<AggDef['create']>[] = [];
  const seen = new Set<string>();
  const add = (n: string, p: number[]) => {
    if (seen.has(n)) return;
    seen.add(n);
    const def = AGGREGATE_OPS[n];
    for (const req of def.req ?? []) add(req, []);
    out.push(def.create(...p));
  };
  add(name, params);
  return out;
}
