/**
 * The second dialect: the same corpus compiled for DuckDB runs in an in-process DuckDB holding the
 * same rows (copied out of the cluster) and equals the Arquero engine. This keeps the visitor
 * honest about being a dialect visitor, not ClickHouse text with holes.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type * as aq from 'arquero';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { executeQuery, type QuerySpec } from '../../src/engine';
import { splitPlan } from '../../src/engine/sql';
import { chExec } from '../support/clickhouse';
import { CASES, src } from './support/corpus';
import { SCHEMAS, expectSameResult, rawTable } from './support/warehouse-data';

const url = inject('warehouseUrl');
const DUCK_TYPES: Record<string, string> = {
  'DateTime': 'TIMESTAMP', 'Date': 'DATE', 'Int32': 'INTEGER', 'Float64': 'DOUBLE', 'String': 'VARCHAR',
  'Nullable(String)': 'VARCHAR', 'Nullable(Float64)': 'DOUBLE',
};

describe('DuckDB dialect = Arquero engine on the same rows', () => {
  let db: DuckDBInstance;
  let con: DuckDBConnection;
  const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-duck-'));
  const tables = new Map<string, aq.ColumnTable>();
  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
    for (const t of ['gaps', 'sales'] as const) {
      const schema = SCHEMAS[t];
      tables.set(t, await rawTable(url, schema));
      // ClickHouse writes NULL as \N and '' as ""; DuckDB reads an empty unquoted field as NULL
      // and (allow_quoted_nulls = false) "" as ''. No stored text contains \N.
      const csv = await chExec(url, `SELECT * FROM \`${t}\` FORMAT CSV`);
      const file = join(dir, `${t}.csv`);
      writeFileSync(file, csv.replace(/\\N/g, ''));
      const cols = schema.columns.map((c) => `'${c.name.replace(/'/g, "''")}': '${DUCK_TYPES[c.type]}'`).join(', ');
      await con.run(`CREATE TABLE "${t}" AS SELECT * FROM read_csv('${file}', header = false, columns = {${cols}}, allow_quoted_nulls = false)`);
    }
  }, 120_000);
  afterAll(() => {
    con?.closeSync();
    db?.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES.filter((x) => x.table !== 'flights')) {
    it(c.name, async () => {
      const spec = { version: 1, source: src, ...c.spec } as QuerySpec;
      const plan = splitPlan(spec, SCHEMAS[c.table], { dialect: 'duckdb' });
      const reader = await con.runAndReadAll(plan.sql);
      const rows = reader.getRowsJS() as unknown[][];
      const pushed = plan.finish(rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v))));
      expectSameResult(pushed, executeQuery(spec, () => tables.get(c.table)!), c.tolerances);
    });
  }
});
