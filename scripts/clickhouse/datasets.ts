/**
 * The tables the warehouse tier loads into the 2-shard cluster. Each has a MergeTree `<name>_local`
 * table on both shards and a Distributed `<name>` table over them on both shards, so either server
 * can take queries. Rows are split deterministically (first half to shard 1, rest to shard 2) and
 * inserted straight into the local tables: no sharding randomness, no inter-server insert queue.
 *
 * - flights: real vega-datasets flights (flights-3m.parquet, read through DuckDB because its pages
 *   are ZSTD), the first `rows` rows: date DateTime, delay Int32, distance Int32, origin, destination.
 * - sales: the workbench's sample "Sales" table (same generator, same columns, "Unit Price" with
 *   its space), so the query builder can be shown on the warehouse exactly as on the sample.
 * - gaps: a slice of flights with NULLs and empty strings in known places, for blank semantics.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSalesRows } from '../../src/workbench/sample/sales-rows';
import { CLUSTER_NAME } from './config-xml';
import { chExec } from './http';

export const FLIGHTS_FILE = join(process.cwd(), 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');

export interface TableDef {
  name: string;
  /** Column list for CREATE TABLE, ClickHouse syntax. */
  columns: string;
  orderBy: string;
}

export const TABLES: readonly TableDef[] = [
  {
    name: 'flights',
    columns: '`date` DateTime, `delay` Int32, `distance` Int32, `origin` String, `destination` String',
    orderBy: '(`origin`, `date`)',
  },
  {
    name: 'sales',
    columns:
      '`Date` Date, `Region` String, `Country` String, `Channel` String, `Product` String, `Category` String, ' +
      '`Customer` String, `Units` Int32, `Unit Price` Float64, `Revenue` Float64, `Cost` Float64',
    orderBy: '`Date`',
  },
  {
    name: 'gaps',
    columns:
      '`date` DateTime, `origin` Nullable(String), `destination` String, `ratio` Nullable(Float64), `amount` Float64',
    orderBy: '`date`',
  },
];

/** Creates `<t>_local` (MergeTree) and `<t>` (Distributed) for every table on one shard. */
export async function createSchema(httpUrl: string): Promise<void> {
  for (const t of TABLES) {
    await chExec(httpUrl, `CREATE TABLE IF NOT EXISTS \`${t.name}_local\` (${t.columns}) ENGINE = MergeTree() ORDER BY ${t.orderBy}`);
    await chExec(httpUrl, `CREATE TABLE IF NOT EXISTS \`${t.name}\` AS \`${t.name}_local\` ENGINE = Distributed(${CLUSTER_NAME}, default, ${t.name}_local, rand())`);
  }
}

/** Splits n rows into one contiguous [offset, count] range per shard. */
export function shardRanges(n: number, shards: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let s = 0; s < shards; s++) {
    const count = Math.floor((n * (s + 1)) / shards) - start;
    out.push([start, count]);
    start += count;
  }
  return out;
}

/** Loads the first `rows` flights, split across the shards, via DuckDB → CSV → HTTP INSERT. */
export async function loadFlights(shardUrls: string[], rows: number): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-flights-'));
  try {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const ranges = shardRanges(rows, shardUrls.length);
    for (let s = 0; s < shardUrls.length; s++) {
      const [offset, count] = ranges[s];
      const file = join(dir, `part${s}.csv`);
      // strftime keeps the DateTime text exactly as ClickHouse's CSV reader wants it.
      await con.run(
        `COPY (SELECT strftime("date", '%Y-%m-%d %H:%M:%S') AS d, delay, distance, origin, destination
               FROM read_parquet('${FLIGHTS_FILE.replace(/'/g, "''")}') LIMIT ${count} OFFSET ${offset})
         TO '${file.replace(/'/g, "''")}' (FORMAT csv, HEADER false)`,
      );
      await chExec(shardUrls[s], 'INSERT INTO `flights_local` FORMAT CSV', {}, readFileSync(file));
    }
    con.closeSync();
    db.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** TabSeparated escaping for a text cell. */
const tsv = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

/** ISO date of an Excel serial (after 1900-03-01). */
export const serialToIso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);

/** Loads the workbench sample's Sales rows (same generator and seed as the sample workbook). */
export async function loadSales(shardUrls: string[], rows: number): Promise<void> {
  const all = generateSalesRows({ rows });
  const ranges = shardRanges(all.length, shardUrls.length);
  for (let s = 0; s < shardUrls.length; s++) {
    const [offset, count] = ranges[s];
    const lines = all.slice(offset, offset + count).map((r) =>
      [serialToIso(r.date), r.region, r.country, r.channel, r.product, r.category, r.customer, r.units, r.unitPrice, r.revenue, r.cost]
        .map((v) => (typeof v === 'string' ? tsv(v) : String(v)))
        .join('\t'),
    );
    await chExec(shardUrls[s], 'INSERT INTO `sales_local` FORMAT TabSeparated', {}, `${lines.join('\n')}\n`);
  }
}

/**
 * Fills gaps_local on each shard from that shard's flights_local (no data crosses the wire):
 * origin NULL where distance % 13 = 0, destination '' where delay % 5 = 0, ratio NULL where
 * delay % 7 = 0, else delay / 3 + distance / 1000 (fractional floats for sums and deviations).
 */
export async function loadGaps(shardUrls: string[], rowsPerShard: number): Promise<void> {
  for (const url of shardUrls) {
    await chExec(
      url,
      `INSERT INTO \`gaps_local\` SELECT \`date\`,
         if(\`distance\` % 13 = 0, NULL, \`origin\`),
         if(\`delay\` % 5 = 0, '', \`destination\`),
         if(\`delay\` % 7 = 0, NULL, \`delay\` / 3 + \`distance\` / 1000),
         \`distance\` * 1.37
       FROM \`flights_local\` ORDER BY \`date\`, \`origin\`, \`destination\`, \`delay\`, \`distance\` LIMIT ${rowsPerShard}`,
    );
  }
}

