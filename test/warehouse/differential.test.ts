/**
 * Differential tests (issue 9): each spec of the corpus runs twice on the same data — compiled to
 * SQL through the 2-shard cluster's Distributed table and finished by splitPlan, and on the raw
 * rows with the local Arquero engine — and the results must agree: exactly for counts, distinct
 * counts, min/max, medians and percentiles; to a relative 1e-9 for float sums, averages and
 * deviations (the servers add in another order).
 */
import type * as aq from 'arquero';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { executeQuery, type QuerySpec } from '../../src/engine';
import { splitPlan, type WarehouseSchema } from '../../src/engine/sql';
import { CASES, src } from './support/corpus';
import { SCHEMAS, expectSameResult, rawTable, runPlan } from './support/warehouse-data';

const url = inject('warehouseUrl');
describe('ClickHouse (Distributed, 2 shards) = Arquero engine on the same rows', () => {
  const tables = new Map<string, aq.ColumnTable>();
  beforeAll(async () => {
    for (const t of ['gaps', 'sales', 'flights'] as const) tables.set(t, await rawTable(url, SCHEMAS[t]));
  }, 120_000);

  for (const c of CASES) {
    it(c.name, async () => {
      const spec = { version: 1, source: src, ...c.spec } as QuerySpec;
      const schema: WarehouseSchema = SCHEMAS[c.table];
      const plan = splitPlan(spec, schema);
      const { rows } = await runPlan(url, plan);
      const pushed = plan.finish(rows);
      const local = executeQuery(spec, () => tables.get(c.table)!);
      expect(local.grid!.rowItems.length).toBeGreaterThan(1);
      expectSameResult(pushed, local, c.tolerances);
    });
  }

  it('the plan says what ran where', () => {
    const plan = splitPlan({ version: 1, source: src, ...CASES[1].spec } as QuerySpec, SCHEMAS.gaps);
    expect(plan.explain[0]).toMatch(/^On the warehouse \(ClickHouse\):.*grouping by Day × Weekday/);
    expect(plan.explain[1]).toMatch(/In the pane.*show-as runningTotal of runningTotal/);
  });
});
