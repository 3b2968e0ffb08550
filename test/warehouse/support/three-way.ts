/**
 * The three-way check of issue 19: one spec computed by the local engine (Arquero), by the
 * pushdown (splitPlan → the 2-shard cluster → finish) and by the test's own oracle (plain loops,
 * exact arithmetic), and — when a DuckDB connection holding the same rows is given — by the
 * DuckDB dialect too. Items, their order and labels must be equal; values equal, or within 1e-12
 * relative of the oracle for floats.
 */
import type * as aq from 'arquero';
import { expect } from 'vitest';
import { executeQuery, type QueryResult, type QuerySpec } from '../../../src/engine';
import { splitPlan, type WarehouseSchema } from '../../../src/engine/sql';
import { type Cell, close, oItems } from './oracle';
import { runPlan } from './warehouse-data';

export type Row = Record<string, Cell>;

/** The oracle of one measure: rows of a cell → the value the pane must show. */
export type OracleMeasure = (rows: Row[]) => number | string | null;

export interface ThreeWayCase {
  spec: Omit<QuerySpec, 'version' | 'source'>;
  /** Rows kept by the spec's filters (the oracle's own loop), default all. */
  keep?: (rows: Row[]) => Row[];
  /** One oracle per measure, in spec order. */
  oracle: OracleMeasure[];
  /** Relative tolerance for floats against the oracle (default 1e-12). */
  rel?: number;
}

const base = { version: 1 as const, source: { kind: 'source' as const, id: 'w' } };

/** Runs the spec three ways and checks them against each other and the oracle; returns the results. */
export async function threeWay(
  url: string,
  schema: WarehouseSchema,
  local: aq.ColumnTable,
  rows: Row[],
  c: ThreeWayCase,
  duck?: (sql: string) => Promise<unknown[][]>,
): Promise<{ pushed: QueryResult; local: QueryResult; duck?: QueryResult }> {
  const spec = { ...base, ...c.spec } as QuerySpec;
  const plan = splitPlan(spec, schema);
  const pushed = plan.finish((await runPlan(url, plan)).rows);
  const engine = executeQuery(spec, () => local);
  let duckResult: QueryResult | undefined;
  if (duck) {
    const dplan = splitPlan(spec, schema, { dialect: 'duckdb' });
    duckResult = dplan.finish(await duck(dplan.sql));
  }
  const kept = c.keep ? c.keep(rows) : rows;
  const rowField = spec.rows[0];
  const colField = spec.columns?.[0];
  const rowItems = rowField ? oItems(kept, (r) => r[rowField]) : [];
  const colItems = colField ? oItems(kept, (r) => r[colField]) : [];
  const expectedRows = rowItems.map((i) => [i.label]);
  const check = (name: string, result: QueryResult) => {
    const grid = result.grid!;
    expect(grid.rowItems.filter((r) => r.kind === 'item').map((r) => r.path), `${name}: row items`).toEqual(expectedRows);
    expect(grid.columnItems.filter((r) => r.kind === 'item').map((r) => r.path), `${name}: column items`).toEqual(colItems.map((i) => [i.label]));
    const M = spec.measures.length;
    grid.rowItems.forEach((ri, r) => {
      const rIt = ri.kind === 'item' ? rowItems.find((x) => x.label === ri.path[0]) : undefined;
      const inRow = ri.kind === 'item' ? rIt!.rows : kept;
      grid.columnItems.forEach((ci, col) => {
        const cIt = ci.kind === 'item' ? colItems.find((x) => x.label === ci.path[0]) : undefined;
        const cellRows = ci.kind === 'item' ? inRow.filter((x) => cIt!.rows.includes(x)) : inRow;
        for (let m = 0; m < M; m++) {
          const got = grid.values[r][col * M + m];
          const want = cellRows.length ? c.oracle[m](cellRows) : null;
          if (!close(got, want, c.rel ?? 1e-12))
            expect.fail(`${name}: ${spec.measures[m].id} at row ${JSON.stringify(ri.path)} col ${JSON.stringify(ci.path)}: got ${String(got)}, oracle ${String(want)}`);
        }
      });
    });
  };
  check('local engine', engine);
  check('ClickHouse pushdown', pushed);
  if (duckResult) check('DuckDB dialect', duckResult);
  return { pushed, local: engine, duck: duckResult };
}
