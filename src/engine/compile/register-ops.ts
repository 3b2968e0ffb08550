import { addAggregateFunction, addFunction } from 'arquero';
import { AGGREGATE_OPS } from '../measures/catalogue';
import { ROW_FUNCTIONS } from './row-functions';

let registered = false;

/**
 * Register PivotDeck's `pd_*` aggregate and row functions with Arquero (once
 * per process; Arquero's registry is global). Safe to call repeatedly.
 * @example registerOps(); table.rollup({ m: 'op.pd_median(d.x)' })
 */
export function registerOps(): void {
  if (registered) return;
  for (const [name, def] of Object.entries(AGGREGATE_OPS)) {
    // Arquero's AggregateDef types state as a plain object; ours is a typed superset.
    addAggregateFunction(name, def as unknown as Parameters<typeof addAggregateFunction>[1], { override: true });
  }
  for (const [name, fn] of Object.entries(ROW_FUNCTIONS)) {
    addFunction(name, fn, { override: true });
  }
  registered = true;
}
