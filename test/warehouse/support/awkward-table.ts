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
