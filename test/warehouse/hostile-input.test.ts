/**
 * Hostile field names and filter values cannot change the query (issue 9). Three proofs:
 * 1. the literal and identifier escapes round-trip through the real ClickHouse parser unchanged
 *    (what the server reads is exactly the text we meant, as ONE literal / ONE identifier);
 * 2. the SQL for a hostile value equals the SQL for a harmless value with only the literal swapped,
 *    and DuckDB's own parser sees one statement whose filter constant is the hostile text;
 * 3. on the real cluster, a table whose column is named "x` FROM system.users --" is queried with
 *    a value "'; DROP TABLE …\'": zero rows come back and every table is still there.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CLUSTER_NAME } from '../../scripts/clickhouse/config-xml';
import type { QuerySpec } from '../../src/engine';
import { clickhouseEscape, quoteIdentifier, splitPlan, sqlString, type WarehouseSchema } from '../../src/engine/sql';
import { chExec, chRows } from '../support/clickhouse';
import { runPlan } from './support/warehouse-data';

const url = inject('warehouseUrl');
const shardUrls = inject('warehouseShardUrls');

const HOSTILE_FIELD = 'x` FROM system.users --';
const HOSTILE_FIELD_2 = "a'b\\";
const HOSTILE_VALUE = "'; DROP TABLE flights; --\\'";
const NASTY_TEXTS = [
  HOSTILE_VALUE,
  HOSTILE_FIELD,
  "\\'",
  'ends with a backslash \\',
  "quote ' and \\' and \\\\'",
  'new\nline\ttab\rreturn',
  'nul \u0000 bell \u0007 del \u007f',
  'unicode ünïcødé 日本 🚀',
  "') UNION ALL SELECT name FROM system.tables --",
];

describe('escaping (no server)', () => {
  it('ClickHouse strings: backslash first, then the quote, control characters as \\xHH', () => {
    expect(clickhouseEscape("a\\'b", "'")).toBe("a\\\\\\'b");
    expect(sqlString(HOSTILE_VALUE)).toBe("'\\'; DROP TABLE flights; --\\\\\\''");
    expect(sqlString('a\nb\u0000')).toBe("'a\\x0ab\\x00'");
  });
  it('ClickHouse identifiers: backticks with the same escaping', () => {
    expect(quoteIdentifier(HOSTILE_FIELD)).toBe('`x\\` FROM system.users --`');
    expect(quoteIdentifier('a\\`')).toBe('`a\\\\\\``');
  });
  it('DuckDB: standard quoting, NUL refused rather than cut', () => {
    expect(quoteIdentifier('a"b', 'duckdb')).toBe('"a""b"');
    expect(sqlString("it's", 'duckdb')).toBe("'it''s'");
    expect(() => sqlString('a\u0000b', 'duckdb')).toThrow(/NUL/);
  });
  it('an unknown field is refused before any SQL exists', () => {
    const schema: WarehouseSchema = { table: 't', columns: [{ name: 'a', type: 'String' }] };
    expect(() => splitPlan({ version: 1, source: { kind: 'source', id: 'w' }, rows: [HOSTILE_FIELD], measures: [{ id: 'n', kind: 'count', field: 'a' }] }, schema)).toThrow(
      /has no field \[x` FROM system\.users --\]/,
    );
  });
});

describe('hostile names and values against the real cluster', () => {
  const schema: WarehouseSchema = {
    table: 'hostile',
    columns: [{ name: HOSTILE_FIELD, type: 'String' }, { name: HOSTILE_FIELD_2, type: 'Float64' }],
  };
  const columns = `${quoteIdentifier(HOSTILE_FIELD)} String, ${quoteIdentifier(HOSTILE_FIELD_2)} Float64`;
  beforeAll(async () => {
    for (const u of shardUrls) {
      await chExec(u, 'DROP TABLE IF EXISTS hostile');
      await chExec(u, 'DROP TABLE IF EXISTS hostile_local');
      await chExec(u, `CREATE TABLE hostile_local (${columns}) ENGINE = MergeTree() ORDER BY tuple()`);
      await chExec(u, `CREATE TABLE hostile AS hostile_local ENGINE = Distributed(${CLUSTER_NAME}, default, hostile_local, rand())`);
    }
    // One row per nasty text on shard 1, written through our own literal escaping.
    await chExec(shardUrls[0], `INSERT INTO hostile_local VALUES ${NASTY_TEXTS.map((t, i) => `(${sqlString(t)}, ${i})`).join(', ')}`);
  });

  it('every nasty text round-trips through the ClickHouse parser as one literal', async () => {
    for (const t of NASTY_TEXTS) {
      const [row] = await chRows<{ v: string }>(url, `SELECT ${sqlString(t)} AS v`);
      expect(row.v).toBe(t);
    }
  });

  it('the hostile column names are exactly what the server stored', async () => {
    const names = (await chRows<{ name: string }>(url, "SELECT name FROM system.columns WHERE database = 'default' AND table = 'hostile'")).map((r) => r.name);
    expect(names.sort()).toEqual([HOSTILE_FIELD, HOSTILE_FIELD_2].sort());
    const stored = (await chRows<{ v: string }>(url, `SELECT ${quoteIdentifier(HOSTILE_FIELD)} AS v FROM hostile ORDER BY ${quoteIdentifier(HOSTILE_FIELD_2)}`)).map((r) => r.v);
    expect(stored).toEqual(NASTY_TEXTS);
  });

  const spec = (value: string): QuerySpec => ({
    version: 1,
    source: { kind: 'source', id: 'w' },
    rows: [HOSTILE_FIELD],
    filters: [{ kind: 'compare', field: HOSTILE_FIELD, op: '=', value }],
    measures: [{ id: 'n', kind: 'count', field: HOSTILE_FIELD }, { id: 's', kind: 'sum', field: HOSTILE_FIELD_2 }],
  });

  it('a hostile value changes only the literal: same SQL as a harmless value', () => {
    const harmless = splitPlan(spec('harmless'), schema).sql;
    const hostile = splitPlan(spec(HOSTILE_VALUE), schema).sql;
    expect(hostile).not.toBe(harmless);
    expect(hostile.replaceAll(sqlString(HOSTILE_VALUE.toLowerCase()), sqlString('harmless'))).toBe(harmless);
  });

  it('filtering on a text nobody stored returns zero rows, and nothing was dropped', async () => {
    const before = await chRows<{ n: number }>(url, 'SELECT count() AS n FROM flights');
    const plan = splitPlan({ ...spec("x'; DROP TABLE flights; --\\"), totals: { grandTotalRow: false } }, schema);
    const { rows } = await runPlan(url, plan);
    // No row counted any data (the one row left is the case-folding check's, over no rows).
    expect(rows.filter((r) => Number(r[1]) > 0)).toEqual([]);
    expect(plan.finish(rows).grid!.rowItems).toEqual([]);
    expect(await chRows<{ n: number }>(url, 'SELECT count() AS n FROM flights')).toEqual(before);
  });

  it('filtering on a stored hostile value finds exactly its row', async () => {
    for (const [i, t] of NASTY_TEXTS.entries()) {
      const plan = splitPlan(spec(t), schema);
      const result = plan.finish((await runPlan(url, plan)).rows);
      expect(result.grid!.rowItems.map((r) => r.path)).toEqual([[t], []]);
      // count of the hostile text column, then the sum of the other hostile column (its index).
      expect(result.grid!.values[0]).toEqual([1, i]);
    }
  });

  it('DuckDB parses the DuckDB-dialect SQL as ONE statement whose constant is the hostile text', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      const sql = splitPlan(spec(HOSTILE_VALUE), schema, { dialect: 'duckdb' }).sql;
      const reader = await con.runAndReadAll(`SELECT json_serialize_sql(${sqlString(sql, 'duckdb')}) AS j`);
      const tree = JSON.parse(String(reader.getRowObjects()[0].j)) as { error: boolean; statements: unknown[] };
      expect(tree.error).toBe(false);
      expect(tree.statements).toHaveLength(1);
      const constants: unknown[] = [];
      const walk = (n: unknown) => {
        if (Array.isArray(n)) n.forEach(walk);
        else if (n && typeof n === 'object') {
          const o = n as Record<string, unknown>;
          if (o.class === 'CONSTANT' && o.value && typeof o.value === 'object') constants.push((o.value as { value: unknown }).value);
          Object.values(o).forEach(walk);
        }
      };
      walk(tree.statements);
      expect(constants).toContain(HOSTILE_VALUE.toLowerCase());
      const names: unknown[] = [];
      JSON.stringify(tree, (k, v: unknown) => { if (k === 'column_names') names.push(...(v as unknown[])); return v; });
      expect(names).toContain(HOSTILE_FIELD);
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });
});
