/**
 * A warehouse drill: the drilled rows come from ONE SELECT with the query's WHERE, the cell's items
 * and a LIMIT, run on a real (in-process) DuckDB, and equal the local engine's rows over the same
 * data; the true count comes from an aggregate only when the limit is hit.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillGridCell, selectRows } from '../../src/engine/drill';
import { executeQuery, tableFromExcelValues } from '../../src/engine/query';
import type { QuerySpec } from '../../src/engine/spec';
import { planRows } from '../../src/engine/sql/plan-rows';
import type { WarehouseSchema } from '../../src/engine/sql';

const SCHEMA: WarehouseSchema = {
  table: 'sales',
  columns: [
    { name: 'Id', type: 'INTEGER' },
    { name: 'Region', type: 'VARCHAR' },
    { name: 'Category', type: 'VARCHAR' },
    { name: 'Day', type: 'DATE' },
    { name: 'Revenue', type: 'DOUBLE' },
  ],
};
const REGIONS = ['West', 'west', 'Nörd', "O'Hare", '=SUM(A1)', null, ''];
const CATEGORIES = ['Bikes', 'BIKES', 'Ünïcode', null];
const DAYS = ['2024-02-29', '2025-01-01', '2025-12-31', null];

/** Excel serial of an ISO date (1900 system). */
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

const rows: Array<[number, string | null, string | null, string | null, number | null]> = [];
for (let i = 0; i < 240; i++) rows.push([i + 1, REGIONS[i % 7], CATEGORIES[(i * 3) % 4], DAYS[(i * 5) % 4], i % 11 === 0 ? null : ((i * 37) % 23) - 5]);

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'source', id: 'warehouse' },
  derived: [{ kind: 'datePart', name: 'Year', field: 'Day', part: 'year' }],
  filters: [{ kind: 'compare', field: 'Revenue', op: '>', value: -3 }],
  rows: ['Region'],
  columns: ['Year', 'Category'],
  measures: [{ id: 'rev', kind: 'sum', field: 'Revenue' }],
};

const sqlText = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

describe('planRows on a real DuckDB', () => {
  let db: DuckDBInstance;
  let con: DuckDBConnection;
  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
    await con.run('CREATE TABLE sales ("Id" INTEGER, "Region" VARCHAR, "Category" VARCHAR, "Day" DATE, "Revenue" DOUBLE)');
    await con.run(`INSERT INTO sales VALUES ${rows.map((r) => `(${r[0]}, ${sqlText(r[1])}, ${sqlText(r[2])}, ${r[3] === null ? 'NULL' : `DATE '${r[3]}'`}, ${sqlText(r[4])})`).join(', ')}`);
  });
  afterAll(() => {
    con?.closeSync();
    db?.closeSync();
  });

  const local = tableFromExcelValues(
    SCHEMA.columns.map((c) => c.name),
    rows.map((r) => [r[0], r[1] ?? '', r[2] ?? '', r[3] === null ? '' : serial(r[3]), r[4] ?? '']),
  ).table;
  const run = async (sql: string) => ((await con.runAndReadAll(sql)).getRowsJS() as unknown[][]).map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
  const byId = (a: unknown[], b: unknown[]) => (a[0] as number) - (b[0] as number);
  const blankAsNull = (r: unknown[]) => r.map((v) => (v === '' ? null : v));

  it('every cell: one SELECT with the same WHERE and a LIMIT gives the local rows and total', async () => {
    const grid = executeQuery(SPEC, () => local).grid!;
    let cells = 0;
    for (let r = 0; r < grid.rowItems.length; r++) {
      for (let c = 0; c < grid.columnItems.length; c++) {
        const drill = drillGridCell(SPEC, grid, { row: r, value: c });
        const plan = planRows(drill.rows, SCHEMA, { dialect: 'duckdb', limit: 1_000 });
        expect(plan.sql.match(/\bSELECT\b/g)).toHaveLength(1);
        expect(plan.sql).toMatch(/ LIMIT 1001$/);
        // The DATE column is shown as a date on the rows sheet; the derived Year is a number.
        expect(plan.numberFormats).toEqual([undefined, undefined, undefined, 'yyyy-mm-dd', undefined, undefined]);
        const got = plan.finish(await run(plan.sql));
        const want = selectRows(drill.rows, () => local, 1_000);
        expect(got.columns).toEqual(want.columns);
        expect(got.total).toBe(want.total);
        expect([...got.rows].sort(byId).map(blankAsNull)).toEqual([...want.rows].sort(byId).map(blankAsNull));
        // The rows' sum, by a plain loop, is the cell.
        let sum = 0;
        for (const row of got.rows) if (typeof row[4] === 'number') sum += row[4];
        if (got.total) expect(sum).toBeCloseTo(grid.values[r][c] as number, 9);
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(30);
  });

  it('hits the limit: returns the limit, and the true count from an aggregate', async () => {
    const grid = executeQuery(SPEC, () => local).grid!;
    const drill = drillGridCell(SPEC, grid, { row: grid.rowItems.length - 1, value: grid.columnItems.length - 1 });
    const plan = planRows(drill.rows, SCHEMA, { dialect: 'duckdb', limit: 5 });
    const answer = await run(plan.sql);
    expect(answer).toHaveLength(6);
    expect(() => plan.finish(answer)).toThrow(/countSql/);
    const [[n]] = await run(plan.countSql);
    const got = plan.finish(answer, n as number);
    expect(got.rows).toHaveLength(5);
    expect(got.total).toBe(selectRows(drill.rows, () => local).total);
    expect(plan.countSql).not.toMatch(/LIMIT/);
  });
});
