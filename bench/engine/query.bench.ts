/**
 * Engine query bench (issue 4): real flights from vega-datasets, first 1M rows and all 3M.
 * Query: rows origin × columns month (from the date), 7 measures of delay
 * (count, sum, mean, median, p90, distinct count, stdev), no totals.
 *
 * Prints, from one run:
 *  1. engine query time ÷ a hand-written typed-array loop (the floor)          target ≤ 1.5× (issue 18)
 *  2. end to end from Excel-like column arrays to the finished grid ÷ DuckDB's
 *     load (data-chunk appender) + query of the same arrays, 2 threads        target ≤ 0.8× at 3M
 *  3. peak memory of each side, measured in a fresh child process per side
 *     (rss sampled every 5 ms by a worker thread, heapUsed after)
 * and exits non-zero if the engine's numbers differ from the floor's or DuckDB's.
 *
 * Run: npm run bench -- engine/query, or npx tsx bench/engine/query.bench.ts [rows,rows]
 * (default 1000000,3000000; BENCH_ENGINE_ROWS=100000 for a quick look)
 * (node --expose-gc --import tsx ... lets the memory children start from a collected heap.)
 */
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import * as aq from 'arquero';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { executeQuery, gridToCells, type QuerySpec } from '../../src/engine';

const FILE = 'node_modules/vega-datasets/data/flights-3m.parquet';
const sizes = (process.argv[2] && process.argv[2] !== '--memory' ? process.argv[2] : (process.env.BENCH_ENGINE_ROWS ?? '1000000,3000000')).split(',').map(Number);

interface Columns {
  date: number[]; // Excel serials, as Range.values gives dates
  origin: string[];
  delay: number[];
}

/** Excel-like column arrays from the parquet file. hyparquet cannot decode this file's ZSTD pages without hyparquet-compressors, so DuckDB's reader is the fallback. */
async function readFlights(rows: number, db: DuckDBInstance): Promise<{ cols: Columns; reader: string }> {
  try {
    // Optional package: only used when installed.
    const mod = (await import(/* @vite-ignore */ 'hyparquet-compressors' as string).catch(() => null)) as { compressors: unknown } | null;
    if (mod) {
      const { asyncBufferFromFile, parquetRead } = await import('hyparquet');
      const file = await asyncBufferFromFile(FILE);
      // Each chunk lands at its own rows: chunks of different columns arrive in no fixed order, so
      // appending them would misalign the columns (a different data set on every run).
      const parts: Record<string, unknown[]> = { date: new Array(rows), origin: new Array(rows), delay: new Array(rows) };
      let filled = 0;
      await parquetRead({
        file,
        columns: ['date', 'delay', 'origin'],
        rowEnd: rows,
        // hyparquet's compressor map type is not exported in a form we can name here.
        compressors: mod.compressors as never,
        onChunk: (c) => {
          const out = parts[c.columnName];
          const end = Math.min(c.rowEnd, rows);
          for (let r = c.rowStart; r < end; r++) out[r] = c.columnData[r - c.rowStart];
          if (c.columnName === 'delay') filled = Math.max(filled, end);
        },
      });
      // Pages come whole: keep the first `rows` rows (fewer if the file is shorter), as DuckDB's LIMIT does.
      const flat = (k: string) => parts[k].slice(0, filled);
      const date = flat('date').map((d) => (d instanceof Date ? d.getTime() / 86_400_000 + 25569 : Number(d) / 86_400_000_000 + 25569));
      return { cols: { date, origin: flat('origin') as string[], delay: flat('delay').map(Number) }, reader: 'hyparquet' };
    }
  } catch {
    // fall through to DuckDB's reader
  }
  const con = await db.connect();
  const res = await con.runAndReadAll(
    `SELECT epoch("date") / 86400.0 + 25569 AS date, origin, CAST(delay AS DOUBLE) AS delay FROM read_parquet('${FILE}') LIMIT ${rows}`,
  );
  const [date, origin, delay] = res.getColumnsJS() as [number[], string[], number[]];
  con.closeSync();
  return { cols: { date, origin, delay }, reader: 'duckdb read_parquet (hyparquet needs hyparquet-compressors for ZSTD pages; not installed)' };
}

const spec: QuerySpec = {
  version: 1,
  source: { kind: 'table', name: 'flights' },
  derived: [{ kind: 'datePart', name: 'month', field: 'date', part: 'month' }],
  rows: ['origin'],
  columns: ['month'],
  measures: [
    { id: 'count', kind: 'countNumbers', field: 'delay' },
    { id: 'sum', kind: 'sum', field: 'delay' },
    { id: 'mean', kind: 'average', field: 'delay' },
    { id: 'median', kind: 'median', field: 'delay' },
    { id: 'p90', kind: 'percentile', field: 'delay', p: 0.9 },
    { id: 'distinct', kind: 'distinctCount', field: 'delay' },
    { id: 'stdev', kind: 'stdevSample', field: 'delay' },
  ],
  totals: { subtotals: false, grandTotalRow: false, grandTotalColumn: false },
};

/** Group → 7 values, keyed "origin|month". */
type Answer = Map<string, number[]>;

function engineAnswer(table: aq.ColumnTable): { answer: Answer; cells: number } {
  const r = executeQuery(spec, () => table, { output: 'grid' });
  const grid = r.grid!;
  const cells = gridToCells(grid);
  const answer: Answer = new Map();
  grid.rowItems.forEach((ri, i) =>
    grid.columnItems.forEach((ci, c) => {
      const vals = grid.values[i].slice(c * 7, c * 7 + 7);
      if (vals[0] !== null) answer.set(`${ri.path[0]}|${ci.path[0]}`, vals as number[]);
    }),
  );
  return { answer, cells: cells.values.length * cells.values[0].length };
}

/** Month of an Excel serial (after 1900-03-01) with integer civil-date arithmetic. */
function monthOf(serial: number): number {
  const z = Math.floor(serial) - 25569 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return mp < 10 ? mp + 3 : mp - 9;
}

/** The floor: dictionary-encoded keys, one counting-sort scatter, typed-array sort per group. */
function floorAnswer(cols: Columns): Answer {
  const n = cols.delay.length;
  const dict = new Map<string, number>();
  const labels: string[] = [];
  const code = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = cols.origin[i];
    let c = dict.get(o);
    if (c === undefined) {
      c = labels.length;
      dict.set(o, c);
      labels.push(o);
    }
    code[i] = c * 12 + monthOf(cols.date[i]) - 1;
  }
  const groups = labels.length * 12;
  const offset = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) offset[code[i] + 1]++;
  for (let g = 0; g < groups; g++) offset[g + 1] += offset[g];
  const fill = offset.slice(0, groups);
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) vals[fill[code[i]]++] = cols.delay[i];
  const answer: Answer = new Map();
  for (let g = 0; g < groups; g++) {
    const seg = vals.subarray(offset[g], offset[g + 1]).sort();
    const k = seg.length;
    if (!k) continue;
    let sum = 0;
    let distinct = 0;
    for (let j = 0; j < k; j++) {
      sum += seg[j];
      if (j === 0 || seg[j] !== seg[j - 1]) distinct++;
    }
    const mean = sum / k;
    let m2 = 0;
    for (let j = 0; j < k; j++) m2 += (seg[j] - mean) ** 2;
    const q = (p: number) => {
      const h = (k - 1) * p;
      const lo = Math.floor(h);
      return lo + 1 < k ? seg[lo] + (h - lo) * (seg[lo + 1] - seg[lo]) : seg[lo];
    };
    answer.set(`${labels[Math.floor(g / 12)]}|${(g % 12) + 1}`, [k, sum, mean, q(0.5), q(0.9), distinct, k > 1 ? Math.sqrt(m2 / (k - 1)) : NaN]);
  }
  return answer;
}

const DUCK_SQL = `SELECT origin, month(DATE '1899-12-30' + CAST(floor(date) AS INTEGER)) AS month,
  count(delay), sum(delay), avg(delay), median(delay), quantile_cont(delay, 0.9), count(DISTINCT delay), stddev_samp(delay)
  FROM flights GROUP BY ALL`;

async function duckLoadAndQuery(db: DuckDBInstance, cols: Columns): Promise<Answer> {
  const con = await db.connect();
  await con.run('CREATE OR REPLACE TABLE flights (date DOUBLE, origin VARCHAR, delay DOUBLE)');
  const app = await con.createAppender('flights');
  const n = cols.delay.length;
  for (let start = 0; start < n; start += 2048) {
    const end = Math.min(n, start + 2048);
    const chunk = DuckDBDataChunk.create([DOUBLE, VARCHAR, DOUBLE], end - start);
    chunk.setColumnValues(0, cols.date.slice(start, end));
    chunk.setColumnValues(1, cols.origin.slice(start, end));
    chunk.setColumnValues(2, cols.delay.slice(start, end));
    app.appendDataChunk(chunk);
  }
  app.closeSync();
  const answer = await duckQuery(con);
  con.closeSync();
  return answer;
}

async function duckQuery(con: Awaited<ReturnType<DuckDBInstance['connect']>>): Promise<Answer> {
  const res = await con.runAndReadAll(DUCK_SQL);
  const answer: Answer = new Map();
  // NULL (e.g. stddev_samp of one value) stays NaN; the engine shows an Excel error there.
  for (const row of res.getRowsJS()) answer.set(`${row[0]}|${row[1]}`, row.slice(2).map((v) => (v === null ? NaN : Number(v))));
  return answer;
}

function compare(name: string, a: Answer, b: Answer): string[] {
  const out: string[] = [];
  if (a.size !== b.size) out.push(`${name}: ${a.size} groups vs ${b.size}`);
  for (const [k, va] of a) {
    const vb = b.get(k);
    if (!vb) {
      out.push(`${name}: group ${k} missing`);
      continue;
    }
    va.forEach((x, i) => {
      const y = vb[i];
      const missingX = typeof x !== 'number' || Number.isNaN(x);
      const missingY = typeof y !== 'number' || Number.isNaN(y);
      const same = missingX || missingY ? missingX === missingY : Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
      if (!same && out.length < 10) out.push(`${name}: ${k} measure ${spec.measures[i].id}: ${x} vs ${y}`);
    });
  }
  return out;
}

/** A worker samples the process's rss every 5 ms (it keeps running while the main thread computes). */
function rssSampler() {
  const shared = new BigInt64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = workerData;
     setInterval(() => { const r = BigInt(process.memoryUsage.rss()); if (r > Atomics.load(peak, 0)) Atomics.store(peak, 0, r); }, 5);`,
    { eval: true, workerData: shared },
  );
  worker.unref();
  return {
    reset: () => Atomics.store(shared, 0, BigInt(process.memoryUsage.rss())),
    peak: () => Number(Atomics.load(shared, 0)),
    stop: () => worker.terminate(),
  };
}

const MB = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const now = () => performance.now();

interface MemoryFigures {
  baseRss: number;
  peakRss: number;
  heapAfter: number;
}

/** The arrays in a scratch dir: numbers as Float64 files, origin as codes + labels (restored as one string per cell). */
function writeScratch(cols: Columns): string {
  const dir = mkdtempSync(join(tmpdir(), 'pd-bench-'));
  writeFileSync(join(dir, 'date.f64'), new Uint8Array(Float64Array.from(cols.date).buffer));
  writeFileSync(join(dir, 'delay.f64'), new Uint8Array(Float64Array.from(cols.delay).buffer));
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(cols.origin, (o) => {
    let c = index.get(o);
    if (c === undefined) index.set(o, (c = labels.push(o) - 1));
    return c;
  });
  writeFileSync(join(dir, 'origin.i32'), new Uint8Array(codes.buffer));
  writeFileSync(join(dir, 'origin.json'), JSON.stringify(labels));
  return dir;
}

function readScratch(dir: string): Columns {
  const f64 = (name: string) => Array.from(new Float64Array(new Uint8Array(readFileSync(join(dir, name))).buffer));
  const labels = JSON.parse(readFileSync(join(dir, 'origin.json'), 'utf8')) as string[];
  const codes = new Int32Array(new Uint8Array(readFileSync(join(dir, 'origin.i32'))).buffer);
  // Range.values gives a string object per cell; slice(0) keeps them from sharing one object.
  const origin = Array.from(codes, (c) => (labels[c] + ' ').slice(0, -1));
  return { date: f64('date.f64'), delay: f64('delay.f64'), origin };
}

function measureChild(which: 'engine' | 'duckdb', dir: string): MemoryFigures {
  const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', process.argv[1], '--memory', which, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as MemoryFigures;
}

/** Child mode: load the arrays, then run one side end to end while a worker samples rss. */
async function memoryChild(which: string, dir: string) {
  const cols = readScratch(dir);
  gc();
  const sampler = rssSampler();
  await new Promise((r) => setTimeout(r, 50));
  sampler.reset();
  const baseRss = process.memoryUsage.rss();
  if (which === 'engine') engineAnswer(aq.table({ date: cols.date, origin: cols.origin, delay: cols.delay }));
  else {
    const db = await DuckDBInstance.create(':memory:', { threads: '2' });
    await duckLoadAndQuery(db, cols);
    db.closeSync();
  }
  const heapAfter = process.memoryUsage().heapUsed;
  await new Promise((r) => setTimeout(r, 20));
  const peakRss = sampler.peak();
  await sampler.stop();
  console.log(JSON.stringify({ baseRss, peakRss, heapAfter } satisfies MemoryFigures));
}

async function main() {
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  let failed = false;
  for (const rows of sizes) {
    const { cols, reader } = await readFlights(rows, db);
    console.log(`\n== ${cols.delay.length.toLocaleString('en-US')} rows (flights-3m.parquet via ${reader}) ==`);

    // Warm the JIT on a 50k-row slice first (untimed): the pane runs many queries (live preview).
    const warm = { date: cols.date.slice(0, 50_000), origin: cols.origin.slice(0, 50_000), delay: cols.delay.slice(0, 50_000) };
    for (let k = 0; k < 3; k++) {
      engineAnswer(aq.table({ ...warm }));
      floorAnswer(warm);
    }

    // 2. End to end from Excel-like arrays, and 3. peak memory of each phase (first, on a quiet heap).
    let t = now();
    const e2e = engineAnswer(aq.table({ date: cols.date, origin: cols.origin, delay: cols.delay }));
    const tE2E = now() - t;
    t = now();
    const duck = await duckLoadAndQuery(db, cols);
    const tDuck = now() - t;
    const con = await db.connect();
    t = now();
    await duckQuery(con);
    const tDuckQuery = now() - t;
    con.closeSync();
    // 1. Query time vs the floor: best of 5 each (3 above 1M rows), interleaved.
    const table = aq.table({ date: cols.date, origin: cols.origin, delay: cols.delay });
    let tEngine = Infinity;
    let tFloor = Infinity;
    let engine: ReturnType<typeof engineAnswer> | undefined;
    let floor: Answer | undefined;
    for (let k = 0; k < (rows > 1_000_000 ? 3 : 5); k++) {
      let t = now();
      engine = engineAnswer(table);
      tEngine = Math.min(tEngine, now() - t);
      t = now();
      floor = floorAnswer(cols);
      tFloor = Math.min(tFloor, now() - t);
    }
    console.log(`groups: ${engine!.answer.size}, grid cells: ${engine!.cells}`);
    console.log(`query: engine ${tEngine.toFixed(0)} ms, typed-array floor ${tFloor.toFixed(0)} ms -> ratio ${(tEngine / tFloor).toFixed(2)}x (target <= 1.5x, issue 18)`);

    console.log(`end to end (arrays -> grid, one run): engine ${tE2E.toFixed(0)} ms, DuckDB load+query ${tDuck.toFixed(0)} ms -> ratio ${(tE2E / tDuck).toFixed(2)}x (target <= 0.8x at 3M, issue 18)`);
    console.log(`DuckDB query alone (2 threads) ${tDuckQuery.toFixed(0)} ms -> engine query / DuckDB query ${(tEngine / tDuckQuery).toFixed(2)}x`);
    // 3. Peak memory: each side in a fresh child process that loads the same arrays from a
    // scratch file (so neither inherits the other's heap or the parquet reader's garbage).
    const scratch = writeScratch(cols);
    const mem = { engine: measureChild('engine', scratch), duckdb: measureChild('duckdb', scratch) };
    rmSync(scratch, { recursive: true, force: true });
    const show = (m: MemoryFigures) => `peak rss ${MB(m.peakRss)} (+${MB(m.peakRss - m.baseRss)} over ${MB(m.baseRss)} with the input arrays loaded)`;
    console.log(`memory: engine ${show(mem.engine)}, JS heap after ${MB(mem.engine.heapAfter)}; DuckDB ${show(mem.duckdb)}`);

    const problems = [...compare('engine vs floor', engine!.answer, floor!), ...compare('engine vs DuckDB', e2e.answer, duck)];
    if (problems.length) {
      failed = true;
      for (const p of problems) console.log(`MISMATCH ${p}`);
    } else console.log('results: engine = floor = DuckDB (all 7 measures, every group)');
    const con2 = await db.connect();
    await con2.run('DROP TABLE IF EXISTS flights');
    con2.closeSync();
  }
  db.closeSync();
  if (failed) process.exit(1);
}

(process.argv[2] === '--memory' ? memoryChild(process.argv[3], process.argv[4]) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
