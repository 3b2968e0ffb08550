/**
 * Warehouse bench (issue 9): the same 2-key, 7-measure query — origin × month with count, sum,
 * mean, median, p90, distinct count and stdev of delay — on the real flights rows in a 2-shard
 * ClickHouse cluster on 127.0.0.1, two ways, in one run:
 * - pushdown: splitPlan's SQL runs on the cluster, only the groups come back (JSONCompact), the
 *   pane finishes them;
 * - pull raw: the query's raw columns come back (TabSeparated, the leanest text format this server
 *   has), are parsed into an Arquero table and the local engine runs the query.
 * Prints bytes received by the client and end-to-end time for each, as ratios, and checks that
 * both give the same grid (exit 1 if not). Size: BENCH_WAREHOUSE_ROWS (default 3,000,000; e.g.
 * BENCH_WAREHOUSE_ROWS=200000 for a quick run). Skips with one line when ClickHouse is missing.
 */
import * as aq from 'arquero';
import { gzipSync } from 'node:zlib';
import { findClickHouseServer } from '../../scripts/clickhouse/ensure-clickhouse.mjs';
import { startCluster } from '../../scripts/clickhouse/cluster';
import { executeQuery, type QueryResult, type QuerySpec } from '../../src/engine';
import { splitPlan, type WarehouseSchema } from '../../src/engine/sql';

const rows = Number(process.env.BENCH_WAREHOUSE_ROWS ?? 3_000_000);

const schema: WarehouseSchema = {
  table: 'flights',
  columns: [
    { name: 'date', type: 'DateTime' }, { name: 'delay', type: 'Int32' }, { name: 'distance', type: 'Int32' },
    { name: 'origin', type: 'String' }, { name: 'destination', type: 'String' },
  ],
};

const spec: QuerySpec = {
  version: 1,
  source: { kind: 'source', id: 'flights' },
  derived: [{ kind: 'datePart', name: 'Month', field: 'date', part: 'month' }],
  rows: ['origin'],
  columns: ['Month'],
  measures: [
    { id: 'flights', kind: 'count', field: 'delay' },
    { id: 'total delay', kind: 'sum', field: 'delay' },
    { id: 'mean', kind: 'average', field: 'delay' },
    { id: 'median', kind: 'median', field: 'delay' },
    { id: 'p90', kind: 'percentile', field: 'delay', p: 0.9 },
    { id: 'destinations', kind: 'distinctCount', field: 'destination' },
    { id: 'stdev', kind: 'stdevSample', field: 'delay' },
  ],
};
/** Per measure: 0 = must be equal, else relative tolerance (float sums in another order). */
const TOL = [0, 0, 1e-9, 0, 0, 0, 1e-9];

async function post(url: string, sql: string): Promise<string> {
  const res = await fetch(`${url}/?wait_end_of_query=1`, { method: 'POST', body: sql });
  const text = await res.text();
  if (!res.ok) throw new Error(`ClickHouse ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

async function pushdown(url: string): Promise<{ result: QueryResult; bytes: number; ms: number; groups: number }> {
  const t0 = performance.now();
  const plan = splitPlan(spec, schema);
  const text = await post(url, `${plan.sql} FORMAT JSONCompact`);
  const data = (JSON.parse(text) as { data: unknown[][] }).data;
  const result = plan.finish(data, 'grid');
  return { result, bytes: Buffer.byteLength(text), ms: performance.now() - t0, groups: data.length };
}

async function pullRaw(url: string): Promise<{ result: QueryResult; bytes: number; gzipBytes: number; ms: number }> {
  const t0 = performance.now();
  const text = await post(url, 'SELECT toFloat64(toUInt32(`date`)) / 86400 + 25569, `delay`, `origin`, `destination` FROM `flights` FORMAT TabSeparated');
  const n = text.length ? text.split('\n').length - 1 : 0;
  const date = new Float64Array(n);
  const delay = new Float64Array(n);
  const origin: string[] = new Array(n);
  const destination: string[] = new Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const t1 = text.indexOf('\t', pos);
    const t2 = text.indexOf('\t', t1 + 1);
    const t3 = text.indexOf('\t', t2 + 1);
    const nl = text.indexOf('\n', t3 + 1);
    date[i] = Number(text.slice(pos, t1));
    delay[i] = Number(text.slice(t1 + 1, t2));
    origin[i] = text.slice(t2 + 1, t3);
    destination[i] = text.slice(t3 + 1, nl);
    pos = nl + 1;
  }
  const table = aq.table({ date: Array.from(date), delay: Array.from(delay), origin, destination, distance: new Array(n).fill(null) });
  const result = executeQuery(spec, () => table, { output: 'grid' });
  const ms = performance.now() - t0;
  return { result, bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text, { level: 1 }).length, ms };
}

function sameGrid(a: QueryResult, b: QueryResult): string | null {
  const x = a.grid!;
  const y = b.grid!;
  if (JSON.stringify(x.rowItems) !== JSON.stringify(y.rowItems)) return 'row items differ';
  if (JSON.stringify(x.columnItems) !== JSON.stringify(y.columnItems)) return 'column items differ';
  const M = y.measures.length;
  for (let r = 0; r < y.values.length; r++)
    for (let c = 0; c < y.values[r].length; c++) {
      const u = x.values[r][c];
      const v = y.values[r][c];
      const tol = TOL[c % M];
      if (typeof u === 'number' && typeof v === 'number' && tol) {
        if (Math.abs(u - v) > tol * Math.max(Math.abs(u), Math.abs(v))) return `row ${r} col ${c}: ${u} vs ${v}`;
      } else if (u !== v) return `row ${r} col ${c}: ${String(u)} vs ${String(v)}`;
    }
  return null;
}

const MB = (b: number) => `${(b / 1e6).toFixed(2)} MB`;

async function main(): Promise<void> {
  if (!findClickHouseServer()) {
    console.log('warehouse bench SKIPPED: clickhouse-server is not installed (apt-get install clickhouse-server clickhouse-client)');
    return;
  }
  const cluster = await startCluster({ rows, log: (l) => console.log(l) });
  try {
    const url = cluster.httpUrl;
    await pushdown(url); // warm both paths once (server caches, JIT), then measure
    const push = await pushdown(url);
    const raw = await pullRaw(url);
    const diff = sameGrid(push.result, raw.result);
    console.log(`\n== ${rows.toLocaleString('en-US')} flights rows, 2 shards; origin × month, 7 measures (count, sum, mean, median, p90, distinct, stdev) ==`);
    console.log(`pushdown : ${MB(push.bytes)} received (${push.groups.toLocaleString('en-US')} groups incl. totals), ${push.ms.toFixed(0)} ms end to end`);
    console.log(`pull raw : ${MB(raw.bytes)} received (TSV of 4 columns; ${MB(raw.gzipBytes)} even if gzip-compressed), ${raw.ms.toFixed(0)} ms end to end`);
    console.log(`ratios   : bytes raw/pushdown ${(raw.bytes / push.bytes).toFixed(0)}× (gzip raw/pushdown ${(raw.gzipBytes / push.bytes).toFixed(0)}×), time raw/pushdown ${(raw.ms / push.ms).toFixed(1)}×`);
    console.log(`results  : ${diff ? `DIFFER (${diff})` : 'same grid (exact for counts, medians, p90, distinct; 1e-9 for mean and stdev)'}`);
    if (diff) process.exitCode = 1;
  } finally {
    await cluster.stop();
  }
}

main().catch((err: unknown) => { console.error(err); process.exit(1); });
