/**
 * Refresh behaviour against the simulator: a failing source leaves its tiles stale (previous
 * cells kept, a note saying why) while the others refresh; tiles sharing a query compute it
 * once; the coordinator coalesces concurrent refreshes and recomputes on a parameter-cell edit
 * (debounced, from memory, ignoring its own writes); thresholds become conditional formats.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildFromTemplate, flowLayout, type Tile } from '../../src/dashboards';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { createDashboard, DashboardCoordinator, refreshDashboard, type DashboardDeps, type DashboardOutcome } from '../../src/refresh/dashboards';
import { DocumentService, memoryDocumentStorage } from '../../src/refresh/document';
import { createSimulator, type Simulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';
import { cellValue, FIELDS, monthOf, ROWS, salesValues, serial, yearOf } from './fixtures';

const NOW = new Date(2026, 0, 15, 9, 30);
const deps = (sim: Simulator): DashboardDeps => ({ run: sim.run, now: () => NOW });
const SALES = { kind: 'table' as const, name: 'Sales' };
const RETURNS = { kind: 'table' as const, name: 'Returns' };
const at = (rows: number, cols: number) => ({ row: 0, col: 0, rows, cols });

const RETURN_ROWS: CellValue[][] = [['Date', 'Amount'], [serial(2025, 1, 5), 12], [serial(2025, 2, 9), 30]];

function twoSourceSim(): Simulator {
  const sales = salesValues();
  return createSimulator(workbook({
    sheets: [sheet('Data', cellsAt(sales)), sheet('Returns', cellsAt(RETURN_ROWS))],
    tables: [table('Sales', 'Data', `A1:F${sales.length}`), table('Returns', 'Returns', 'A1:B3')],
  }));
}

const TILES: Tile[] = flowLayout([
  { version: 1, kind: 'header', id: 'header', title: 'Ops', at: at(3, 15), parameters: [{ id: 'p_region', label: 'Region', kind: 'list', field: 'Region', source: SALES }] },
  { version: 1, kind: 'kpi', id: 'revenue', title: 'Revenue', at: at(4, 3), source: SALES, measure: { id: 'r', kind: 'sum', field: 'Revenue' } },
  // Same query as "revenue" (only the tile differs): computed once.
  { version: 1, kind: 'kpi', id: 'revenue_again', title: 'Revenue (again)', at: at(4, 3), source: SALES, measure: { id: 'r', kind: 'sum', field: 'Revenue' }, numberFormat: '$#,##0' },
  { version: 1, kind: 'kpi', id: 'returns', title: 'Returns', at: at(4, 3), source: RETURNS, measure: { id: 'a', kind: 'sum', field: 'Amount' } },
  {
    version: 1, kind: 'kpi', id: 'margin', title: 'Average order', at: at(4, 3), source: SALES, measure: { id: 'avg', kind: 'average', field: 'Revenue' },
    thresholds: { direction: 'higherIsBetter', amber: 150, red: 100 },
  },
]);

async function build(sim: Simulator): Promise<PivotDeckDocument> {
  const r = await createDashboard(deps(sim), emptyDocument(), { label: 'Ops', tiles: TILES });
  expect(r.outcome.status).toBe('written');
  return r.document;
}

const total = (rows = ROWS) => rows.reduce((s, r) => s + r.revenue, 0);

describe('refresh with a failing source', () => {
  it('keeps the failing tile\'s value with a note (table renamed away); the other tiles refresh', async () => {
    const sim = twoSourceSim();
    const doc = await build(sim);
    // Cards: header A1:O3; revenue A5, revenue_again E5, returns I5, margin M5 (values on row 6).
    expect([cellValue(sim, 'Ops', 'A6'), cellValue(sim, 'Ops', 'E6'), cellValue(sim, 'Ops', 'I6')]).toEqual([total(), total(), 42]);

    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Returns').name = 'OldReturns';
      ctx.workbook.worksheets.getItem('Data').getRange('F2').values = [[1100]];
    });
    const { outcome, document } = await refreshDashboard(deps(sim), doc, 'd1');
    expect(outcome.status).toBe('partial');
    expect(outcome.tiles.returns.status).toBe('stale');
    expect(outcome.tiles.returns.reason).toMatch(/^Returns could not be read\./);
    expect(outcome.tiles.revenue).toEqual({ status: 'fresh' });
    expect(outcome.sources.map((s) => [s.label, s.ok])).toEqual([['Sales', true], ['Returns', false]]);
    expect(outcome.message).toBe('3 of 4 tiles refreshed; 1 kept their previous values (Returns).');

    const newTotal = total() - 100 + 1100;
    expect(cellValue(sim, 'Ops', 'A6')).toBe(newTotal);
    expect(cellValue(sim, 'Ops', 'I6')).toBe(42); // previous value kept
    expect(String(cellValue(sim, 'Ops', 'I8'))).toMatch(/^⚠ Not refreshed: Returns could not be read\./);
    expect(String(cellValue(sim, 'Ops', 'A3'))).toBe('Last refreshed 2026-01-15 09:30 · Sales: up to date, Returns: failed · 1 tile not refreshed');
    expect(document.dashboards[0].lastRefresh).toMatchObject({ ok: false, message: outcome.message });

    // The table comes back: the tile is fresh again and its note is gone.
    await sim.run(async (ctx) => { ctx.workbook.tables.getItem('OldReturns').name = 'Returns'; });
    const again = await refreshDashboard(deps(sim), document, 'd1');
    expect(again.outcome.status).toBe('written');
    expect(cellValue(sim, 'Ops', 'I8')).toBe('');
  });

  it('computes a query two tiles share once', async () => {
    const sim = twoSourceSim();
    const doc = await build(sim);
    const { outcome } = await refreshDashboard(deps(sim), doc, 'd1');
    // revenue = revenue_again; + returns + margin + the Region choices
    expect(outcome.queriesComputed).toBe(4);
    expect(outcome.syncs).toEqual({ read: 1, source: 4, write: 2 });
  });

  it('turns thresholds into amber and red conditional formats on the value cell', async () => {
    const sim = twoSourceSim();
    await build(sim);
    const rules = sim.toModel().sheets.find((s) => s.name === 'Ops')!.conditionalFormats!.filter((c) => c.ranges[0] === 'M6');
    expect(rules.map((c) => [c.cellValue?.operator, c.cellValue?.formula1, c.cellValue?.formula2 ?? null, c.format.fill]).sort()).toEqual([
      ['Between', '=100', '=150', '#FFF4CE'],
      ['LessThan', '=100', null, '#FDE7E9'],
    ]);
  });
});

describe('DashboardCoordinator', () => {
  function memoryStore(initial: PivotDeckDocument) {
    return new DocumentService(memoryDocumentStorage(initial));
  }

  it('coalesces concurrent Refresh all requests into one refresh', async () => {
    const sim = twoSourceSim();
    const coordinator = new DashboardCoordinator(deps(sim), memoryStore(await build(sim)));
    sim.resetStats();
    const [a, b] = await Promise.all([coordinator.refreshAll(), coordinator.refreshAll()]);
    expect(a).toBe(b);
    // one refresh: read state 1 + two tables (locate + read each) 4 + check and write 2
    expect(sim.stats().syncs).toBe(7);
  });

  it('recomputes from memory when the user picks a parameter, once, ignoring its own writes', async () => {
    const sim = twoSourceSim();
    const coordinator = new DashboardCoordinator(deps(sim), memoryStore(await build(sim)), { parameterDebounceMs: 5 });
    await coordinator.refresh('d1'); // the session now holds both tables
    const refreshed: DashboardOutcome[] = [];
    let done: (o: DashboardOutcome) => void = () => undefined;
    const first = new Promise<DashboardOutcome>((resolve) => { done = resolve; });
    const stop = await coordinator.watchParameters('d1', { onRefreshed: (o) => { refreshed.push(o); done(o); } });

    expect(sim.setCellAsUser('Ops', 'B2', 'West')).toEqual({ ok: true });
    await sim.eventsDelivered();
    const outcome = await first;
    expect(outcome.parameterValues).toEqual({ p_region: 'West' });
    // The returns KPI (another table) and the Region list are kept; the two Sales KPIs recompute.
    expect(outcome.queriesComputed).toBe(2);
    expect(outcome.syncs.source).toBe(0);
    expect(outcome.sources.every((s) => s.fromMemory)).toBe(true);
    expect(cellValue(sim, 'Ops', 'A6')).toBe(total(ROWS.filter((r) => r.region === 'West')));
    // The returns KPI reads another table: the Region parameter does not filter it.
    expect(cellValue(sim, 'Ops', 'I6')).toBe(42);

    // Its own writes raised events too; they must not start another refresh.
    await sim.eventsDelivered();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await sim.eventsDelivered();
    expect(refreshed).toHaveLength(1);
    await stop();
  });
});

describe('Monitoring template and targets', () => {
  it('compares months (previous and a year before), flags falls with amber/red rules, draws a combo with a secondary axis', async () => {
    const sim = salesSimulatorWithTargets();
    const tiles = buildFromTemplate('monitoring', SALES, FIELDS);
    const { outcome } = await createDashboard(deps(sim), emptyDocument(), { label: 'Monitoring', tiles });
    expect(outcome.status).toBe('written');
    // Cards: A (this month vs last month), E (vs same month last year), I (orders vs last month).
    const month = (y: number, m: number) => ROWS.filter((r) => yearOf(r.date) === y && monthOf(r.date) === m);
    const rev = (rs: typeof ROWS) => rs.reduce((s, r) => s + r.revenue, 0);
    expect(cellValue(sim, 'Monitoring', 'A6')).toBe(rev(month(2025, 3)));
    expect(cellValue(sim, 'Monitoring', 'A7') as number).toBeCloseTo(rev(month(2025, 3)) / rev(month(2025, 2)) - 1, 12);
    expect(cellValue(sim, 'Monitoring', 'B7')).toBe('vs 2025-02');
    expect(cellValue(sim, 'Monitoring', 'A8')).toBe('2025-03');
    expect(cellValue(sim, 'Monitoring', 'E7') as number).toBeCloseTo(rev(month(2025, 3)) / rev(month(2024, 3)) - 1, 12);
    expect(cellValue(sim, 'Monitoring', 'F7')).toBe('vs 2024-03');
    expect(cellValue(sim, 'Monitoring', 'I6')).toBe(month(2025, 3).length);

    const model = sim.toModel().sheets.find((s) => s.name === 'Monitoring')!;
    const onDelta = model.conditionalFormats!.filter((c) => c.ranges[0] === 'A7' && c.format.fill);
    expect(onDelta.map((c) => [c.cellValue?.operator, c.cellValue?.formula1, c.cellValue?.formula2 ?? null]).sort()).toEqual([
      ['Between', '=-0.1', '=0'],
      ['LessThan', '=-0.1', null],
    ]);
    const combo = model.charts!.find((c) => c.name.endsWith('chart_trend'))!;
    // Series names come from the data block's header row (nameRef), as Excel's chart wizard does.
    const nameOf = (ref: string | undefined) => cellValue(sim, 'Monitoring', (ref ?? '').slice(ref!.lastIndexOf('!') + 1).replace(/\$/g, ''));
    expect(combo.series.map((s) => [nameOf(s.nameRef), s.chartType, s.axisGroup])).toEqual([
      ['Revenue', 'ColumnClustered', 'Primary'],
      ['Orders', 'Line', 'Secondary'],
    ]);
  });

  it('compares with a target cell the user keeps elsewhere, reading it on every refresh', async () => {
    const sim = salesSimulatorWithTargets();
    const tiles: Tile[] = [{
      version: 1, kind: 'kpi', id: 'vs_target', title: 'Revenue vs target', at: at(4, 3), source: SALES,
      measure: { id: 'r', kind: 'sum', field: 'Revenue' }, comparison: { kind: 'target', cell: 'Targets!B1' },
    }];
    const { document } = await createDashboard(deps(sim), emptyDocument(), { label: 'Target', tiles });
    expect(cellValue(sim, 'Target', 'A2')).toBe(total());
    expect(cellValue(sim, 'Target', 'A3') as number).toBeCloseTo(total() / 1000 - 1, 12);
    expect(cellValue(sim, 'Target', 'B3')).toBe('vs target');
    sim.setCellAsUser('Targets', 'B1', 2900);
    await refreshDashboard(deps(sim), document, 'd1');
    expect(cellValue(sim, 'Target', 'A3') as number).toBeCloseTo(total() / 2900 - 1, 12);
  });
});

function salesSimulatorWithTargets(): Simulator {
  const sales = salesValues();
  return createSimulator(workbook({
    sheets: [sheet('Data', cellsAt(sales)), sheet('Targets', cellsAt([['Revenue target', 1000]]))],
    tables: [table('Sales', 'Data', `A1:F${sales.length}`)],
  }));
}

describe('DashboardCoordinator opt-ins', () => {
  function memoryStore(initial: PivotDeckDocument) {
    return new DocumentService(memoryDocumentStorage(initial));
  }
  const oneKpi: Tile[] = [{ version: 1, kind: 'kpi', id: 'rev', title: 'Revenue', at: at(4, 3), source: SALES, measure: { id: 'r', kind: 'sum', field: 'Revenue' } }];

  async function twoDashboards(sim: Simulator) {
    const a = await createDashboard(deps(sim), emptyDocument(), { label: 'On open', tiles: oneKpi, refreshOnOpen: true, refreshEveryMinutes: 5 });
    const b = await createDashboard(deps(sim), a.document, { label: 'Manual', tiles: oneKpi });
    return b.document;
  }

  it('refreshes only the dashboards marked "refresh when the workbook opens"', async () => {
    const sim = twoSourceSim();
    const coordinator = new DashboardCoordinator(deps(sim), memoryStore(await twoDashboards(sim)));
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('F2').values = [[1100]]; });
    const outcomes = await coordinator.refreshOnOpen();
    expect([...outcomes.keys()]).toEqual(['d1']);
    expect(cellValue(sim, 'On open', 'A2')).toBe(total() + 1000);
    expect(cellValue(sim, 'Manual', 'A2')).toBe(total());
  });

  it('refreshes every N minutes while started, and stops', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const sim = twoSourceSim();
      const store = memoryStore(await twoDashboards(sim));
      const coordinator = new DashboardCoordinator(deps(sim), store);
      const stop = await coordinator.startSchedules();
      await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('F2').values = [[1100]]; });
      vi.advanceTimersByTime(5 * 60_000);
      await vi.waitFor(async () => expect((await store.read()).dashboards[0].lastRefresh?.at).toBeDefined());
      await vi.waitFor(() => expect(cellValue(sim, 'On open', 'A2')).toBe(total() + 1000));
      expect(cellValue(sim, 'Manual', 'A2')).toBe(total());
      stop();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refreshes after the user edits a source table (debounced), reading it again', async () => {
    const sim = twoSourceSim();
    const coordinator = new DashboardCoordinator(deps(sim), memoryStore(await twoDashboards(sim)), { sourceDebounceMs: 5 });
    await coordinator.refresh('d2');
    let done: (o: DashboardOutcome) => void = () => undefined;
    const refreshed = new Promise<DashboardOutcome>((resolve) => { done = resolve; });
    const stop = await coordinator.watchSources('d2', { onRefreshed: done });
    sim.setCellAsUser('Data', 'F3', 1200);
    await sim.eventsDelivered();
    const outcome = await refreshed;
    expect(outcome.syncs.source).toBe(2);
    expect(cellValue(sim, 'Manual', 'A2')).toBe(total() - 200 + 1200);
    await stop();
  });
});

describe('pivot-style table tile and bad tiles', () => {
  it('writes a small Region × Year grid with totals equal to plain loops', async () => {
    const sim = twoSourceSim();
    const tiles: Tile[] = [{
      version: 1, kind: 'table', id: 'grid', title: 'Revenue by region and year', at: at(6, 7), source: SALES,
      rows: [{ field: 'Region' }], column: { field: 'Date', by: 'year' }, measures: [{ id: 'rev', kind: 'sum', field: 'Revenue', label: 'Revenue' }],
    }];
    const { outcome } = await createDashboard(deps(sim), emptyDocument(), { label: 'Grid', tiles });
    expect(outcome.status).toBe('written');
    const sum = (f: (r: (typeof ROWS)[number]) => boolean) => ROWS.filter(f).reduce((s, r) => s + r.revenue, 0);
    const y = (r: (typeof ROWS)[number]) => yearOf(r.date);
    // 4 columns of data in a 7-wide tile: the label column spans A:D, then 2024, 2025, Total in E:G.
    const cells = (row: number) => ['A', 'E', 'F', 'G'].map((c) => cellValue(sim, 'Grid', `${c}${row}`));
    expect(cells(2)).toEqual(['Date (year)', '2024', '2025', 'Total'].map((v, i) => (i === 0 ? 'Region' : v)));
    expect(cells(3)).toEqual(['East', sum((r) => r.region === 'East' && y(r) === 2024), sum((r) => r.region === 'East' && y(r) === 2025), sum((r) => r.region === 'East')]);
    expect(cells(4)).toEqual(['West', sum((r) => r.region === 'West' && y(r) === 2024), sum((r) => r.region === 'West' && y(r) === 2025), sum((r) => r.region === 'West')]);
    expect(cells(5)).toEqual(['Total', sum((r) => y(r) === 2024), sum((r) => y(r) === 2025), sum(() => true)]);
  });

  it('refuses tiles that overlap, before touching the workbook', async () => {
    const sim = twoSourceSim();
    const kpiAt = (id: string, col: number): Tile => ({ version: 1, kind: 'kpi', id, title: id, at: { row: 0, col, rows: 4, cols: 3 }, source: SALES, measure: { id: 'r', kind: 'sum', field: 'Revenue' } });
    sim.resetStats();
    const r = await createDashboard(deps(sim), emptyDocument(), { label: 'Bad', tiles: [kpiAt('a', 0), kpiAt('b', 2)] });
    expect(r.outcome).toMatchObject({ status: 'failed', message: '"b" overlaps "a". Move or resize one of them.' });
    expect(sim.stats().syncs).toBe(0);
    expect(r.document.dashboards).toEqual([]);
  });
});

describe('date range parameters', () => {
  it('filters by a From and a To date typed in the header; "All" leaves that end open', async () => {
    const sim = twoSourceSim();
    const tiles: Tile[] = flowLayout([
      {
        version: 1, kind: 'header', id: 'header', title: 'Range', at: at(3, 15), parameters: [
          { id: 'from', label: 'From', kind: 'from', field: 'Date' }, { id: 'to', label: 'To', kind: 'to', field: 'Date' },
        ],
      },
      { version: 1, kind: 'kpi', id: 'rev', title: 'Revenue', at: at(4, 3), source: SALES, measure: { id: 'r', kind: 'sum', field: 'Revenue' } },
    ]);
    const { document } = await createDashboard(deps(sim), emptyDocument(), { label: 'Range', tiles });
    expect(cellValue(sim, 'Range', 'A6')).toBe(total());
    expect(sim.setCellAsUser('Range', 'B2', serial(2024, 2, 1))).toEqual({ ok: true });
    await refreshDashboard(deps(sim), document, 'd1');
    const from = serial(2024, 2, 1);
    const to = serial(2025, 1, 31);
    expect(cellValue(sim, 'Range', 'A6')).toBe(total(ROWS.filter((r) => r.date >= from)));
    expect(sim.setCellAsUser('Range', 'D2', to)).toEqual({ ok: true });
    const { outcome } = await refreshDashboard(deps(sim), document, 'd1');
    expect(outcome.parameterValues).toEqual({ from, to });
    expect(cellValue(sim, 'Range', 'A6')).toBe(total(ROWS.filter((r) => r.date >= from && r.date <= to)));
    // The typed dates stay, shown as dates.
    expect(sim.toModel().sheets.find((s) => s.name === 'Range')!.cells['1,1']).toMatchObject({ value: from, numberFormat: 'yyyy-mm-dd' });
  });
});
