/**
 * Planner behaviour: only allow-listed functions in the SQL, the row cap, dates back as Excel
 * serials, 64-bit integers arriving quoted, and clear refusals for what cannot run on a warehouse.
 */
import * as aq from 'arquero';
import { describe, expect, inject, it } from 'vitest';
import { executeQuery, type QuerySpec } from '../../src/engine';
import { DEFAULT_ROW_CAP, splitPlan, WarehouseCompileError, WarehouseRowCapError } from '../../src/engine/sql';
import { generateSalesRows } from '../../src/workbench/sample/sales-rows';
import { CASES, src } from './support/corpus';
import { SCHEMAS, runPlan } from './support/warehouse-data';

const url = inject('warehouseUrl');
const base = { version: 1 as const, source: src };

describe('splitPlan', () => {
  it('never emits sampled, *Stable, Kahan or overflow aggregates, in either dialect', () => {
    const forbidden = /\b(median|quantile|quantiles|quantileTiming|\w+Stable|sumKahan|sumWithOverflow|uniq|uniqCombined|uniqHLL12|any|anyLast)\s*\(/i;
    for (const c of CASES) {
      for (const dialect of ['clickhouse', 'duckdb'] as const) {
        const sql = splitPlan({ ...base, ...c.spec } as QuerySpec, SCHEMAS[c.table], { dialect }).sql;
        expect(sql, `${c.name} (${dialect})`).not.toMatch(forbidden);
        // One more row when the answer carries the case-folding check's row.
        expect(sql).toMatch(new RegExp(`LIMIT (${DEFAULT_ROW_CAP + 1}|${DEFAULT_ROW_CAP + 2})$`));
        expect(sql).not.toContain(';');
      }
    }
  });

  it('refuses more rows than the cap with a message that says what to do', async () => {
    const spec: QuerySpec = { ...base, rows: ['origin', 'destination'], measures: [{ id: 'n', kind: 'count', field: 'delay' }] };
    const plan = splitPlan(spec, SCHEMAS.flights, { rowCap: 50 });
    // 51 rows, plus the row of the case-folding check.
    expect(plan.sql.endsWith('LIMIT 52')).toBe(true);
    const { rows } = await runPlan(url, plan);
    expect(rows).toHaveLength(52);
    expect(() => plan.finish(rows)).toThrow(WarehouseRowCapError);
    expect(() => plan.finish(rows)).toThrow(/more than 50 rows.*Add a filter, or group by fewer or coarser fields/);
  });

  it('brings dates back as Excel serials and quoted 64-bit counts as numbers', async () => {
    const spec: QuerySpec = {
      ...base,
      rows: ['Date'],
      filters: [{ kind: 'between', field: 'Date', low: 45292, high: 45294 }],
      measures: [{ id: 'orders', kind: 'count', field: 'Region' }, { id: 'first', kind: 'min', field: 'Date' }],
    };
    const plan = splitPlan(spec, SCHEMAS.sales);
    const { rows } = await runPlan(url, plan);
    expect(typeof rows[0][1]).toBe('string'); // count() is UInt64: quoted by default in JSON formats
    const grid = plan.finish(rows).grid!;
    // Independent expectation: the generator's own rows on 2024-01-01 … 2024-01-03 (serials 45292-45294).
    const sample = generateSalesRows({ rows: 20_000 }).filter((r) => r.date >= 45292 && r.date <= 45294);
    const byDay = [45292, 45293, 45294].map((d) => sample.filter((r) => r.date === d).length).filter((n) => n > 0);
    expect(grid.rowItems.filter((r) => r.kind === 'item').map((r) => r.path[0])).toEqual([45292, 45293, 45294].filter((d) => sample.some((r) => r.date === d)));
    expect(grid.values.slice(0, byDay.length).map((v) => v[0])).toEqual(byDay);
    expect(grid.values.at(-1)).toEqual([sample.length, Math.min(...sample.map((r) => r.date))]);
  });

  it('refuses what cannot run on a warehouse, naming the part and what to do', () => {
    const plan = (spec: Partial<QuerySpec>) => () => splitPlan({ ...base, rows: ['origin'], measures: [{ id: 'n', kind: 'count', field: 'delay' }], ...spec } as QuerySpec, SCHEMAS.flights);
    expect(plan({ measures: [{ id: 'm', kind: 'mode', field: 'delay' }] })).toThrow(/measure m: MODE\.SNGL cannot run on the warehouse: among equally frequent numbers .* Put the field in Rows with COUNT/);
    expect(plan({ measures: [{ id: 'f', kind: 'first', field: 'delay', otherField: 'date' }] })).toThrow(/FIRST cannot run on the warehouse: it reads the table's row order.*Use MIN or MAX/);
    expect(plan({ lookups: [{ source: { kind: 'table', name: 'Airports' }, key: 'origin', lookupKey: 'iata', fields: [{ field: 'city' }] }] })).toThrow(/Lookups into other tables.*view/);
    expect(plan({ filters: [{ kind: 'text', field: 'delay', match: 'contains', value: '1' }] })).toThrow(/filters\[0\]: text filters on the number field \[delay\]/);
    expect(plan({ rows: ['nope'] })).toThrow(WarehouseCompileError);
    expect(plan({ derived: [{ kind: 'formula', name: 'x', formula: '[delay] ^ 2' }] })).toThrow(/derived\[0\] \(x\): the \^ operator \(ClickHouse's pow may differ from Excel in the last digit; multiply instead, e\.g\. \[x\] \* \[x\]\) cannot run on the warehouse yet/);
  });

  it('finishes arithmetic around aggregates in the pane with Excel errors', async () => {
    const spec: QuerySpec = {
      ...base,
      rows: ['origin'],
      filters: [{ kind: 'in', field: 'origin', values: ['ORD', 'SFO'] }],
      measures: [{ id: 'ratio', kind: 'formula', formula: 'SUM([delay]) / (COUNT([delay]) - COUNT([delay]))' }, { id: 'avg', kind: 'formula', formula: 'SUM([delay]) / COUNT([delay])' }],
    };
    const plan = splitPlan(spec, SCHEMAS.flights);
    expect(plan.explain[1]).toMatch(/the formula around the aggregates of ratio/);
    const grid = plan.finish((await runPlan(url, plan)).rows).grid!;
    expect(grid.values.every((v) => v[0] === '#DIV/0!')).toBe(true);
    expect(grid.values.every((v) => typeof v[1] === 'number')).toBe(true);
  });

  it('a filter that keeps no row gives the local engine\'s empty result (#NUM!, #DIV/0!, 0)', async () => {
    for (const rows of [['origin'], []]) {
      const spec: QuerySpec = {
        ...base,
        rows,
        filters: [{ kind: 'compare', field: 'origin', op: '=', value: 'no such airport' }],
        measures: [{ id: 'n', kind: 'count', field: 'delay' }, { id: 'm', kind: 'median', field: 'delay' }, { id: 'a', kind: 'average', field: 'delay' }, { id: 'lo', kind: 'min', field: 'delay' }],
      };
      const plan = splitPlan(spec, SCHEMAS.flights);
      const pushed = plan.finish((await runPlan(url, plan)).rows);
      const local = executeQuery(spec, () => aq.table({ date: [36892], delay: [1], distance: [2], origin: ['ORD'], destination: ['SFO'] }));
      expect(pushed.grid).toEqual(local.grid);
      expect(pushed.grid!.values).toEqual([[0, '#NUM!', '#DIV/0!', 0]]);
    }
  });
});
