/**
 * Bench: extend a PivotTable over a 1,000,000-row source (real flights from vega-datasets,
 * pulled through PivotDeck's own Parquet reader, ZSTD pages and all), 2 row fields (origin >
 * destination), 6 measures (median, p90, distinct count, average, stdev, sum).
 *
 * Prints, from one run:
 * - Excel-side cost of reading the source, from the simulator: syncs, bytes, the largest
 *   request/response (must stay ≤ 5 MB), and syncs against the ideal ceil(bytes / 5 MB);
 * - the source's stamp: made from the rows that read brought (no sync of its own), and what an
 *   out-of-date check spends reading it again (it must hash the same);
 * - compute time of PivotDeck's planExtension (grouping, all subtotal levels, reconciliation)
 *   as a ratio to a hand-written typed-array loop computing the same measures at the same
 *   levels in the same process (dictionary-encoded keys, counting sort, sort-based quantiles).
 *   Each side starts after a full GC (bench.mjs passes --expose-gc): the source just read
 *   leaves collection work that otherwise lands on whichever runs first. The simulated workbook
 *   is dropped first, as the extension worker's heap holds only the pivot and its source;
 * - whether PivotDeck's six measures agree with the loop's (exit 1 if not).
 * No absolute-time assertions; times are printed only beside their ratio.
 *
 * Run: npx tsx bench/pivot-extension.bench.ts [rows]   (NODE_OPTIONS=--max-old-space-size=8192 helps)
 */
import { performance } from 'node:perf_hooks';
import { planExtension, type ExtensionMeasure } from '../src/engine/pivot-extension';
import type { CellValue } from '../src/excel/api';
import { readPivot } from '../src/excel/pivot/read-pivot';
import { readPivotSource } from '../src/excel/pivot/read-pivot-source';
import { readPivotSourceSample } from '../src/excel/pivot/source-stamp';
import { sampleIndexes, stampOfSample } from '../src/refresh/source-stamp';
import { createSimulator } from '../src/simulator';
import { readFlights } from './support/read-flights';
import type { WorkbookModel } from '../src/simulator/model';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const LIMIT = 5 * 1024 * 1024;
const HEADER = ['origin', 'destination', 'delay', 'distance', 'date'];

/**
 * The first n flights as sheet rows, pulled through PivotDeck's own Parquet reader (ZSTD pages);
 * the date is the day's serial (a whole number), so "distinct days" counts calendar days.
 */
async function loadFlights(n: number): Promise<CellValue[][]> {
  const flights = await readFlights(HEADER);
  const cols = HEADER.map((name) => flights.column(name));
  const date = HEADER.indexOf('date');
  const rows: CellValue[][] = new Array(Math.min(n, flights.rowCount));
  for (let i = 0; i < rows.length; i++) {
    rows[i] = cols.map((c, k) => {
      const v = c[i] as CellValue | null;
      return v === null ? '' : k === date ? Math.floor(v as number) : v;
    });
  }
  return rows;
}

function workbook(n: number): WorkbookModel {
  return {
    sheets: [{ name: 'Flights', cells: Object.fromEntries(HEADER.map((h, c) => [`0,${c}`, { value: h }])) }, { name: 'Pivot', cells: {} }],
    tables: [{ name: 'Flights', sheet: 'Flights', address: `A1:E${n + 1}`, showHeaders: true, showTotals: false }],
    pivots: [{
      name: 'FlightsPivot', sheet: 'Pivot', anchor: 'A3', source: { kind: 'table', table: 'Flights' },
      rows: [{ name: 'origin' }, { name: 'destination' }], columns: [], filters: [],
      data: [{ field: 'delay', name: 'Sum of delay', summarizeBy: 'Sum' }, { field: 'delay', name: 'Count of delay', summarizeBy: 'Count' }],
      layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true,
    }],
    names: [],
    settings: {},
  };
}

const MEASURES: ExtensionMeasure[] = [
  { id: 'median', label: 'Median delay', kind: 'median', field: 'delay' },
  { id: 'p90', label: 'P90 delay', kind: 'percentile', field: 'delay', p: 0.9 },
  { id: 'days', label: 'Distinct days', kind: 'distinctCount', field: 'date' },
  { id: 'avg', label: 'Average delay', kind: 'average', field: 'delay' },
  { id: 'sd', label: 'StDev delay', kind: 'stdevSample', field: 'delay' },
  { id: 'dist', label: 'Total distance', kind: 'sum', field: 'distance' },
];

/**
 * The floor: the same six measures at leaf, origin and grand-total level, by hand. Returns, per
 * measure (in MEASURES order), the sum of its values over every group of every level.
 */
function typedArrayLoop(origin: string[], dest: string[], delay: Float64Array, distance: Float64Array, date: Float64Array): number[] {
  const n = origin.length;
  const dict = new Map<string, number>();
  const code = (s: string) => { let c = dict.get(s); if (c === undefined) { c = dict.size; dict.set(s, c); } return c; };
  const o = new Int32Array(n), d = new Int32Array(n);
  for (let i = 0; i < n; i++) { o[i] = code(origin[i]); d[i] = code(dest[i]); }
  const k = dict.size;
  const leafMap = new Map<number, number>();
  const leaf = new Int32Array(n);
  for (let i = 0; i < n; i++) { const key = o[i] * k + d[i]; let g = leafMap.get(key); if (g === undefined) { g = leafMap.size; leafMap.set(key, g); } leaf[i] = g; }
  const sums = [0, 0, 0, 0, 0, 0];
  for (const [groups, count] of [[leaf, leafMap.size], [o, k], [new Int32Array(n), 1]] as const) {
    const start = new Int32Array(count + 1);
    for (let i = 0; i < n; i++) start[groups[i] + 1]++;
    for (let g = 0; g < count; g++) start[g + 1] += start[g];
    const pos = start.slice(0, count);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[pos[groups[i]]++] = i;
    const xs = new Float64Array(n), ds = new Float64Array(n);
    for (let g = 0; g < count; g++) {
      const a = start[g], b = start[g + 1], m = b - a;
      if (m === 0) continue;
      let sum = 0, dsum = 0;
      for (let j = a; j < b; j++) { const r = order[j]; xs[j - a] = delay[r]; ds[j - a] = date[r]; sum += delay[r]; dsum += distance[r]; }
      const sorted = xs.subarray(0, m).sort();
      const q = (p: number) => { const h = (m - 1) * p, lo = Math.floor(h), hi = Math.min(lo + 1, m - 1); return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]); };
      const mean = sum / m;
      let m2 = 0;
      for (let j = 0; j < m; j++) { const e = sorted[j] - mean; m2 += e * e; }
      const days = ds.subarray(0, m).sort();
      let distinct = 1;
      for (let j = 1; j < m; j++) if (days[j] !== days[j - 1]) distinct++;
      const values = [q(0.5), q(0.9), distinct, mean, Math.sqrt(m2 / Math.max(1, m - 1)), dsum];
      for (let k = 0; k < values.length; k++) sums[k] += values[k];
    }
  }
  return sums;
}

/**
 * The same per-measure sums over PivotDeck's plan: every pivot row that shows a group (leaf items,
 * subtotals, the grand total) once. A text value (Excel's #DIV/0! for the sample deviation of a
 * one-row group, where the loop gives 0) counts as 0.
 */
function planSums(plan: ReturnType<typeof planExtension>): number[] {
  return plan.columns.map((column) => {
    let sum = 0;
    plan.roles.forEach((role, r) => {
      const v = column.values[r];
      if ((role.kind === 'item' || role.kind === 'grand' || (role.kind === 'subtotal' && role.index === 0)) && typeof v === 'number') sum += v;
    });
    return sum;
  });
}

/** Relative agreement of two sums computed in different orders. */
const agrees = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** CPU time of this process (all its threads, GC helpers included), in ms. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** Collect the garbage of the setup before a timed section, so neither side pays for it. */
const settle = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * The Excel side: load the flights into a simulated workbook, read the pivot and its source as
 * extendPivot does. Returns only what the computation gets, so the workbook and the loaded rows
 * are garbage afterwards: planExtension runs in a worker whose heap holds just the pivot and its
 * source, not the workbook.
 */
async function excelSide() {
  const t0 = performance.now();
  const rows = await loadFlights(ROWS);
  const sim = createSimulator(workbook(rows.length));
  const chunk = 40_000;
  for (let s = 0; s < rows.length; s += chunk) {
    const part = rows.slice(s, s + chunk);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Flights').getRangeByIndexes(1 + s, 0, part.length, HEADER.length).values = part;
      await ctx.sync();
    });
  }
  await sim.run(async (ctx) => { ctx.workbook.pivotTables.getItem('FlightsPivot').refresh(); await ctx.sync(); });
  const setup = performance.now() - t0;

  sim.resetStats();
  const snapshot = await readPivot(sim.run, 'FlightsPivot', { canReadDataSource: true });
  const pivotStats = sim.stats();
  sim.resetStats();
  // As extendPivot reads it: the stamp's rows kept from the read.
  const read = await readPivotSource(sim.run, snapshot, { sample: sampleIndexes });
  const sourceStats = sim.stats();
  const ideal = Math.ceil(sourceStats.responseBytes / LIMIT);
  const stamp = stampOfSample(read.sample!);
  sim.resetStats();
  const checked = stampOfSample(await readPivotSourceSample(sim.run, snapshot, sampleIndexes));
  const checkStats = sim.stats();
  const stampsAgree = checked.rows === stamp.rows && checked.sample === stamp.sample;
  return { setup, snapshot, pivotStats, read, sourceStats, ideal, checkStats, stampsAgree };
}

async function main(): Promise<void> {
  const { setup, snapshot, pivotStats, read, sourceStats, ideal, checkStats, stampsAgree } = await excelSide();
  settle();
  const c0 = performance.now();
  const u0 = cpuMs();
  const plan = planExtension({ snapshot, source: read.source, measures: MEASURES });
  const oursCpu = cpuMs() - u0;
  const ours = performance.now() - c0;

  const col = (name: string) => read.source.columns[read.source.headers.indexOf(name)];
  const num = (name: string) => Float64Array.from(col(name), (v) => (typeof v === 'number' ? v : NaN));
  const origin = col('origin') as string[], dest = col('destination') as string[];
  const delay = num('delay'), distance = num('distance'), date = num('date');
  settle();
  const f0 = performance.now();
  const v0 = cpuMs();
  const floorSums = typedArrayLoop(origin, dest, delay, distance, date);
  const floorCpu = cpuMs() - v0;
  const floor = performance.now() - f0;
  const checksum = floorSums.reduce((a, b) => a + b, 0);
  const ourSums = planSums(plan);
  const disagree = MEASURES.filter((_, k) => !agrees(ourSums[k], floorSums[k])).map((m, k) => `${m.label} ${ourSums[k]} vs ${floorSums[k]}`);

  const mb = (b: number) => (b / 1e6).toFixed(1);
  const lines = [
    `pivot-extension bench: ${read.source.rowCount.toLocaleString('en-US')} source rows (vega-datasets flights-3m), rows origin > destination, ${plan.roles.length.toLocaleString('en-US')} pivot rows, 6 measures`,
    `  reconciliation: ${plan.reconciliation.ok ? 'ok' : 'FAILED'} (${plan.reconciliation.checkedRows} rows, ${plan.reconciliation.checkedFields.length} value fields)`,
    `  read pivot: ${pivotStats.syncs} sync(s), ${mb(pivotStats.responseBytes)} MB`,
    `  read source: ${sourceStats.syncs} syncs, ${mb(sourceStats.responseBytes)} MB response, largest response ${mb(sourceStats.maxResponseBytes)} MB, largest request ${mb(sourceStats.maxRequestBytes)} MB (limit ${mb(LIMIT)} MB)`,
    `  syncs vs ideal ceil(bytes / 5 MB) = ${ideal}: ${(sourceStats.syncs / ideal).toFixed(2)}× (target ≤ 1.20×) ${sourceStats.syncs <= ideal * 1.2 ? 'OK' : 'OVER'}`,
    `  source stamp: from the rows read, 0 syncs (extending = read pivot ${pivotStats.syncs} + source ${sourceStats.syncs} + write 2); an out-of-date check reads it again in ${checkStats.syncs} syncs, ${(checkStats.responseBytes / 1e3).toFixed(1)} KB: ${stampsAgree ? 'same stamp' : 'DIFFERENT STAMP'}`,
    `  compute: PivotDeck ${(ours / floor).toFixed(2)}× the typed-array loop (${ours.toFixed(0)} ms vs ${floor.toFixed(0)} ms; checksum ${checksum.toFixed(0)}; each after a settling GC)`,
    `  compute in CPU time (steadier than wall time on a shared machine): ${(oursCpu / floorCpu).toFixed(2)}× (${oursCpu.toFixed(0)} ms vs ${floorCpu.toFixed(0)} ms)`,
    `  results: ${disagree.length === 0 ? 'every measure agrees with the loop (per-measure sums over all groups, relative 1e-9)' : `DISAGREE: ${disagree.join('; ')}`}`,
    `  (setup: load + write into the simulator ${(setup / 1000).toFixed(1)} s, not part of the figures)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (sourceStats.maxResponseBytes > LIMIT || sourceStats.maxRequestBytes > LIMIT || !stampsAgree || !plan.reconciliation.ok || disagree.length > 0) process.exitCode = 1;
}

void main();
