/**
 * Small tables built to be awkward, on both shards of the test cluster: `<name>_local` MergeTree
 * tables and a Distributed `<name>` over them, the rows split between the shards (so every
 * aggregate is merged across servers), inserted as SQL literals written here (so -0, subnormals
 * and NULLs arrive exactly).
 */
import * as aq from 'arquero';
import { CLUSTER_NAME } from '../../../scripts/clickhouse/config-xml';
import { quoteIdentifier, sqlString } from '../../../src/engine/sql';
import { chExec } from '../../support/clickhouse';
import type { Cell } from './oracle';

export interface AwkwardColumn {
  name: string;
  /** ClickHouse type, e.g. "Nullable(Float64)". */
  type: string;
}

/** A SQL literal for a cell (numbers keep -0 and subnormals; NULL for null unless the column is text). */
export function literal(v: Cell): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return sqlString(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Object.is(v, -0)) return '-0.';
  if (v !== 0 && Math.abs(v) < 2.2250738585072014e-308) return `toFloat64('${String(v)}')`;
  return String(v);
}

/**
 * Creates the table on both shards and inserts `rows` (objects by column name), the first half on
 * shard 1. Returns the rows as the local engine sees them after an Excel read (an Arquero table).
 */
export async function createAwkwardTable(
  shardUrls: string[],
  name: string,
  columns: AwkwardColumn[],
  rows: Array<Record<string, Cell>>,
  literalOf: (column: AwkwardColumn, v: Cell) => string = (_, v) => literal(v),
): Promise<void> {
  const cols = columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ');
  for (const u of shardUrls) {
    await chExec(u, `DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
    await chExec(u, `DROP TABLE IF EXISTS ${quoteIdentifier(`${name}_local`)}`);
    await chExec(u, `CREATE TABLE ${quoteIdentifier(`${name}_local`)} (${cols}) ENGINE = MergeTree() ORDER BY tuple()`, { allow_experimental_low_cardinality_type: 1 });
    await chExec(u, `CREATE TABLE ${quoteIdentifier(name)} AS ${quoteIdentifier(`${name}_local`)} ENGINE = Distributed(${CLUSTER_NAME}, default, ${name}_local, rand())`, { allow_experimental_low_cardinality_type: 1 });
  }
  const half = Math.ceil(rows.length / 2);
  const parts = [rows.slice(0, half), rows.slice(half)];
  for (const [s, part] of parts.entries()) {
    if (!part.length) continue;
    const values = part.map((r) => `(${columns.map((c) => literalOf(c, r[c.name] ?? null)).join(', ')})`).join(', ');
    await chExec(shardUrls[s], `INSERT INTO ${quoteIdentifier(`${name}_local`)} VALUES ${values}`);
  }
}

/** The rows as an Arquero table (Excel values: numbers, text, null for blank). */
export function localTable(columns: string[], rows: Array<Record<string, Cell>>): aq.ColumnTable {
  const obj: Record<string, Cell[]> = Object.create(null);
  for (const c of columns) obj[c] = rows.map((r) => r[c] ?? null);
  return aq.table(obj);
}

const DUCK_TYPES: Record<string, string> = { String: 'VARCHAR', Float64: 'DOUBLE', Int32: 'INTEGER' };

/** A DuckDB literal for a cell (numbers exactly: -0 and subnormals through a cast from text). */
function duckLiteral(v: Cell): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return sqlString(v, 'duckdb');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return `CAST('${Object.is(v, -0) ? '-0.0' : String(v)}' AS DOUBLE)`;
}

/**
 * The same rows in an in-process DuckDB table (for the DuckDB dialect's run of the corpus), and a
 * function that runs a plan's SQL there and returns plain rows (BigInt counts as numbers).
 */
export async function duckTable(
  con: { run(sql: string): Promise<unknown>; runAndReadAll(sql: string): Promise<{ getRowsJS(): unknown[][] }> },
  name: string,
  columns: AwkwardColumn[],
  rows: Array<Record<string, Cell>>,
): Promise<(sql: string) => Promise<unknown[][]>> {
  const type = (t: string) => DUCK_TYPES[t.replace(/^Nullable\((.*)\)$/, '$1')] ?? 'VARCHAR';
  await con.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(name, 'duckdb')} (${columns.map((c) => `${quoteIdentifier(c.name, 'duckdb')} ${type(c.type)}`).join(', ')})`);
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    await con.run(`INSERT INTO ${quoteIdentifier(name, 'duckdb')} VALUES ${part.map((r) => `(${columns.map((c) => duckLiteral(r[c.name] ?? null)).join(', ')})`).join(', ')}`);
  }
  return async (sql) => (await con.runAndReadAll(sql)).getRowsJS().map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
}
