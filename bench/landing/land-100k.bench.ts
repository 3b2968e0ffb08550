/**
 * Landing 100k pulled rows into the simulated workbook: syncs and payload bytes (issue 5).
 *
 *   npx tsx bench/landing/land-100k.bench.ts          (BENCH_LANDING_ROWS=20000 for a quick look)
 *
 * Data: the first N rows of vega-datasets' flights-3m.parquet (real flights: date, delay,
 * distance, origin, destination), written once as CSV by DuckDB into the temp directory, served
 * by the test HTTP server and pulled with pullCsv, so the cells are typed as a real pull types
 * them (dates → serials with a date format, text under "@").
 *
 * Figures (deterministic, from the simulator's counters; no times):
 *   first landing   new sheet + table: syncs, request bytes, largest sync vs the 5 MB limit
 *   refresh         rewrite the landed table in place (the old cells are backed up first): the
 *                   same, plus response bytes of the back-up; also with the pre-1.13 fallback
 *                   (table rows inserted/deleted), growing by 10% and shrinking back. Issue 14's
 *                   budget: at most 6 syncs and 1.05× the values' own JSON
 *   floor           JSON bytes of the values alone, the least any write could send; the ratio
 *                   of request bytes to it is the overhead of formats, table and tracking
 *   one sync        the naive write of all values at once, which Excel on the web refuses
 * Exits non-zero when the landed cells differ from the pulled block.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryCredentialStore, pullCsv, type PullOk } from '../../src/connectors';
import { landingBlock, landTable } from '../../src/excel/land';
import { estimateJsonBytes } from '../../src/excel/payload';
import { createSimulator, modelFromRows, type Simulator } from '../../src/simulator';
import { startTestServer } from '../../test/support/http-server';

const ROWS = Number(process.env.BENCH_LANDING_ROWS ?? '100000');
const LIMIT = 5 * 1024 * 1024;
const dir = join(tmpdir(), 'pivotdeck-bench');
const csvPath = join(dir, `flights-first-${ROWS}.csv`);

async function ensureCsv(): Promise<void> {
  if (existsSync(csvPath)) return;
  mkdirSync(dir, { recursive: true });
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (SELECT * FROM '${join('node_modules', 'vega-datasets', 'data', 'flights-3m.parquet')}' LIMIT ${ROWS}) TO '${csvPath}' (HEADER)`);
  c.closeSync();
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

async function landed(sim: Simulator): Promise<unknown[][]> {
  return sim.run(async (ctx) => {
    const body = ctx.workbook.tables.getItem('Flights').getDataBodyRange().load('values');
    await ctx.sync();
    return body.values;
  });
}

async function main(): Promise<void> {
  await ensureCsv();
  const server = await startTestServer({ files: { 'flights.csv': csvPath } });
  let pulled: PullOk;
  try {
    pulled = (await pullCsv({ id: 'flights', label: 'Flights', kind: 'csv', url: server.url('/data/flights.csv') }, {
      fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true, timeoutMs: 600_000 },
    })) as PullOk;
  } finally {
    await server.close();
  }
  const block = landingBlock(pulled.table, pulled.columns);
  const floor = estimateJsonBytes(block.rows);
  console.log(`rows ${block.rows.length.toLocaleString('en-US')} × ${block.header.length} columns (${pulled.columns.map((c) => `${c.name}:${c.type}`).join(' ')})`);
  console.log(`floor: values as JSON ${mb(floor)} = ${(floor / block.rows.length).toFixed(1)} bytes/row`);

  const sim = createSimulator(modelFromRows('Sheet1', [['']]));
  const target = { sourceId: 'flights', tableName: 'Flights', sheet: 'Flights' };
  let bad = false;
  // 'refresh' rewrites the table in place with Table.resize (ExcelApi 1.13); 'refresh, rows'
  // with the ExcelApi 1.1 fallback (rows inserted/deleted inside the table); '+10% rows' grows it.
  const grown = { ...block, rows: [...block.rows, ...block.rows.slice(0, Math.ceil(block.rows.length / 10))] };
  const steps = [
    { step: 'first landing', data: block, options: {} },
    { step: 'refresh', data: block, options: {} },
    { step: 'refresh, rows', data: block, options: { resizeMode: 'rows' as const } },
    { step: 'refresh +10%', data: grown, options: {} },
    { step: 'back to 100%', data: block, options: { resizeMode: 'rows' as const } },
  ];
  for (const { step, data, options } of steps) {
    sim.resetStats();
    const r = await landTable(sim.run, data, target, options);
    const s = sim.stats();
    const own = estimateJsonBytes(data.rows);
    console.log(`${step.padEnd(15)} syncs ${s.syncs} (chunks ${r.chunks}) · request ${mb(s.requestBytes)} (${(s.requestBytes / own).toFixed(2)}× its values) · largest sync ${mb(s.maxRequestBytes)} (${((100 * s.maxRequestBytes) / LIMIT).toFixed(0)}% of 5 MB) · response ${mb(s.responseBytes)}`);
    const values = await landed(sim);
    if (values.length !== data.rows.length || values.some((row, i) => row.some((v, j) => v !== data.rows[i]![j]))) {
      console.log(`  MISMATCH: landed cells differ from the pulled block after ${step}`);
      bad = true;
    }
  }

  const naive = createSimulator(modelFromRows('Sheet1', [['']]));
  try {
    await naive.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, block.rows.length, block.header.length).values = block.rows;
      await ctx.sync();
    });
    console.log('one sync: accepted (the block is under the 5 MB limit)');
  } catch (error) {
    console.log(`one sync: refused by the simulated Excel (${error instanceof Error ? error.message.slice(0, 120) : String(error)})`);
  }
  if (bad) process.exit(1);
}

void main();
