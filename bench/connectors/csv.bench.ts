/**
 * CSV → typed Arquero table, measured against d3-dsv csvParseRows in the same run.
 *
 *   npx tsx bench/connectors/csv.bench.ts
 *
 * Data: the 3,000,000 real rows of vega-datasets' flights-3m.parquet, written once as CSV (~105 MB)
 * by DuckDB into the temp directory. Each contender runs in its own child process so its peak
 * memory (max RSS) is its own; rounds alternate the contenders and the ratio uses the best time.
 * Contenders:
 *   d3        csvParseRows(text): untyped rows of strings (the floor for a library parser)
 *   pivotdeck parseDelimited(text) + arquero table: detected, typed columns (dates → serials)
 *   pull      pullCsv over HTTP from a local server: download + decode + the above
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { table } from 'arquero';
import { memoryCredentialStore, parseDelimited, pullCsv, type PullOk } from '../../src/connectors';
import { startTestServer } from '../../test/support/http-server';

const ROUNDS = 2;
const dir = join(tmpdir(), 'pivotdeck-bench');
const csvPath = join(dir, 'flights-3m.csv');

async function ensureCsv(): Promise<void> {
  if (existsSync(csvPath)) return;
  mkdirSync(dir, { recursive: true });
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (SELECT * FROM '${join('node_modules', 'vega-datasets', 'data', 'flights-3m.parquet')}') TO '${csvPath}' (HEADER)`);
  c.closeSync();
}

interface ChildResult {
  ms: number;
  maxRssMB: number;
  rows: number;
  types: string;
}

async function child(which: string): Promise<ChildResult> {
  const text = readFileSync(csvPath, 'utf8');
  if (which === 'd3') {
    const t0 = performance.now();
    const rows = csvParseRows(text);
    const ms = performance.now() - t0;
    return { ms, maxRssMB: process.resourceUsage().maxRSS / 1024, rows: rows.length - 1, types: 'strings' };
  }
  if (which === 'pivotdeck') {
    const t0 = performance.now();
    const parsed = parseDelimited(text);
    const t = table(parsed.data, parsed.columns.map((c) => c.name));
    const ms = performance.now() - t0;
    return { ms, maxRssMB: process.resourceUsage().maxRSS / 1024, rows: t.numRows(), types: parsed.columns.map((c) => `${c.name}:${c.type}`).join(' ') };
  }
  const server = await startTestServer({ files: { 'flights-3m.csv': csvPath } });
  try {
    const t0 = performance.now();
    const result = (await pullCsv({ id: 'b', label: 'b', kind: 'csv', url: server.url('/data/flights-3m.csv') }, { fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true, timeoutMs: 600_000 } })) as PullOk;
    const ms = performance.now() - t0;
    return { ms, maxRssMB: process.resourceUsage().maxRSS / 1024, rows: result.rowCount, types: result.columns.map((c) => `${c.name}:${c.type}`).join(' ') };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--child');
  if (at !== -1) {
    process.stdout.write(JSON.stringify(await child(process.argv[at + 1]!)));
    return;
  }
  await ensureCsv();
  const mb = statSync(csvPath).size / 1e6;
  const best: Record<string, ChildResult> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const which of ['d3', 'pivotdeck', 'pull']) {
      const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', which], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (run.status !== 0) throw new Error(`${which} failed: ${run.stderr}`);
      const result = JSON.parse(run.stdout) as ChildResult;
      if (!best[which] || result.ms < best[which]!.ms) best[which] = { ...result, maxRssMB: Math.max(result.maxRssMB, best[which]?.maxRssMB ?? 0) };
    }
  }
  const d3 = best.d3!;
  console.log(`CSV ${mb.toFixed(1)} MB, ${d3.rows.toLocaleString('en-US')} rows (flights-3m), best of ${ROUNDS} rounds, one process per run`);
  for (const [which, r] of Object.entries(best)) {
    const rate = mb / (r.ms / 1000);
    console.log(
      `${which.padEnd(10)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${rate.toFixed(1).padStart(6)} MB/s  ${(rate / (mb / (d3.ms / 1000))).toFixed(2)}× d3 csvParseRows  peak RSS ${r.maxRssMB.toFixed(0)} MB  rows ${r.rows.toLocaleString('en-US')}  ${r.types}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
