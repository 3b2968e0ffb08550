/**
 * A 6-tile dashboard over a 100,000-row Sales table in the simulated workbook (issue 6).
 *
 *   npx tsx bench/dashboards/dashboard.bench.ts          (BENCH_DASHBOARD_ROWS=20000 for a quick look)
 *
 * Data: the workbench's sample Sales table (deterministic generator: dates over three years,
 * regions, categories, products, customers, revenue), at N rows. Tiles: the starter layout
 * PivotDeck proposes for it: header with Region and Year dropdowns, total revenue with growth,
 * order count with growth, revenue by month (line), revenue by region (column), top 10 products.
 *
 * Figures:
 *   syncs and bytes (deterministic, from the simulator's counters) for the build, a full refresh
 *   and a parameter change (from the session's memory, no source read);
 *   compute time as a ratio to the time to read the source (best of 3 each, one process), for all
 *   distinct queries of a refresh.
 * Exits non-zero when the revenue KPI disagrees with a plain loop over the generated rows.
 */
import { proposeStarterLayout, planTileQueries, parseTiles, type DashboardField } from '../../src/dashboards';
import { emptyDocument } from '../../src/model';
import { computeDashboardQueries, createDashboard, DashboardSession, refreshDashboard, type DashboardOutcome } from '../../src/refresh/dashboards';
import { readSourceData, type SourceData } from '../../src/refresh/queries/source-data';
import { createSimulator, type Simulator } from '../../src/simulator';
import { buildSampleWorkbook, generateSalesRows } from '../../src/workbench/sample';

const ROWS = Number(process.env.BENCH_DASHBOARD_ROWS ?? '100000');
const LIMIT = 5 * 1024 * 1024;
const SALES = { kind: 'table' as const, name: 'Sales' };

const FIELDS: DashboardField[] = [
  { name: 'Date', type: 'date', numberFormat: 'yyyy-mm-dd' },
  { name: 'Region', type: 'text' }, { name: 'Country', type: 'text' }, { name: 'Channel', type: 'text' },
  { name: 'Product', type: 'text' }, { name: 'Category', type: 'text' }, { name: 'Customer', type: 'text' },
  { name: 'Units', type: 'number' }, { name: 'Unit Price', type: 'number', numberFormat: '$#,##0.00' },
  { name: 'Revenue', type: 'number', numberFormat: '$#,##0.00' }, { name: 'Cost', type: 'number', numberFormat: '$#,##0.00' },
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function costs(label: string, sim: Simulator, outcome: DashboardOutcome): void {
  const s = sim.stats();
  console.log(
    `${label.padEnd(18)} syncs ${String(s.syncs).padStart(2)} (read ${outcome.syncs.read}, source ${outcome.syncs.source}, write ${outcome.syncs.write})` +
    `  request ${kb(s.requestBytes)}  response ${kb(s.responseBytes)}  largest sync ${(Math.max(s.maxRequestBytes, s.maxResponseBytes) / LIMIT * 100).toFixed(1)}% of 5 MB` +
    `  queries ${outcome.queriesComputed}`,
  );
}

async function best<T>(times: number, f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    value = await f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

async function main(): Promise<void> {
  const sim = createSimulator(buildSampleWorkbook({ rows: ROWS }));
  const tiles = proposeStarterLayout(SALES, FIELDS, 'Sales');
  console.log(`${ROWS.toLocaleString('en-US')} rows, ${tiles.length} tiles: ${tiles.map((t) => t.kind).join(', ')}`);

  sim.resetStats();
  const built = await createDashboard({ run: sim.run }, emptyDocument(), { label: 'Sales dashboard', tiles });
  if (built.outcome.status !== 'written') throw new Error(built.outcome.message);
  costs('build', sim, built.outcome);

  sim.resetStats();
  const session = new DashboardSession();
  const full = await refreshDashboard({ run: sim.run }, built.document, built.id, { session });
  costs('full refresh', sim, full.outcome);

  const sheet = built.outcome.sheet!;
  const edit = sim.setCellAsUser(sheet, 'B2', 'West');
  if (!edit.ok) throw new Error(edit.message);
  sim.resetStats();
  const param = await refreshDashboard({ run: sim.run }, built.document, built.id, { session, reuseSources: true });
  costs('parameter change', sim, param.outcome);

  // Compute vs read: the same work a refresh does, timed apart.
  const read = await best(3, () => readSourceData(sim.run, SALES));
  const plan = planTileQueries(parseTiles(tiles).tiles, { p_category: 'All', p_year: 'All' });
  const sources: Record<string, SourceData> = { 'table:Sales': read.value };
  const compute = await best(3, () => computeDashboardQueries(plan.queries, sources));
  console.log(`compute / read     ${(compute.ms / read.ms).toFixed(2)}× (${plan.queries.size} distinct queries vs reading ${ROWS.toLocaleString('en-US')} rows through the simulator)`);

  // Reference: latest year's revenue in the West by a plain loop over the generated rows.
  const rows = generateSalesRows({ rows: ROWS });
  const yearOf = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).getUTCFullYear();
  const latest = Math.max(...rows.map((r) => yearOf(r.date)));
  let expected = 0;
  for (const r of rows) if (r.region === 'West' && yearOf(r.date) === latest) expected += r.revenue;
  const shown = await sim.run(async (ctx) => {
    const cell = ctx.workbook.worksheets.getItem(sheet).getRange('A6').load('values');
    await ctx.sync();
    return cell.values[0][0];
  });
  const ok = typeof shown === 'number' && Math.abs(shown - expected) < 1e-6 * Math.max(1, Math.abs(expected));
  console.log(`check              revenue KPI ${String(shown)} vs plain loop ${expected.toFixed(2)}: ${ok ? 'same' : 'DIFFERENT'}`);
  if (!ok) process.exitCode = 1;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
