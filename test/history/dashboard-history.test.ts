/**
 * History on a dashboard (issue 17) against the Excel simulator: each refresh appends its tiles'
 * values stamped with the time and the dropdown choices; the history tile is a native line chart
 * whose points are the KPI's snapshots (read back through the chart's own series references);
 * "vs last snapshot" shows the change and the %; snapshots with other dropdown choices are not
 * mixed in; a cancelled refresh appends nothing. Expected values by plain loops over the rows.
 */
import { describe, expect, it } from 'vitest';
import { flowLayout, type Tile } from '../../src/dashboards';
import type { CellValue } from '../../src/excel/api';
import { readHistoryTable } from '../../src/excel/history';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { createDashboard, refreshDashboard, updateDashboard, type DashboardDeps } from '../../src/refresh/dashboards';
import type { Simulator } from '../../src/simulator';
import { blockValues, cellValue, ROWS, salesSimulator, type Row } from '../dashboards/fixtures';

const SALES = { kind: 'table' as const, name: 'Sales' };
const at = (rows: number, cols: number) => ({ row: 0, col: 0, rows, cols });

const TILES: Tile[] = flowLayout([
  { version: 1, kind: 'header', id: 'header', title: 'Ops', at: at(3, 15), parameters: [{ id: 'p_region', label: 'Region', kind: 'list', field: 'Region', source: SALES }] },
  { version: 1, kind: 'kpi', id: 'revenue', title: 'Revenue', at: at(4, 3), source: SALES, measure: { id: 'r', kind: 'sum', field: 'Revenue' }, numberFormat: '#,##0', vsLastSnapshot: true },
  { version: 1, kind: 'table', id: 'top', title: 'By category', at: at(6, 7), source: SALES, rows: [{ field: 'Category' }], measures: [{ id: 'r', kind: 'sum', field: 'Revenue', label: 'Revenue' }] },
  { version: 1, kind: 'history', id: 'trend', title: 'Revenue over refreshes', at: at(10, 7), kpi: 'revenue' },
]);

/** Revenue of the rows, by a plain loop. */
function revenue(rows: readonly Row[], region?: string): number {
  let s = 0;
  for (const r of rows) if (!region || r.region === region) s += r.revenue;
  return s;
}

/** What the history tile's chart draws: its category labels and values, through its series references. */
function chartPoints(sim: Simulator): { categories: CellValue[]; values: CellValue[]; type: string } {
  const sheet = sim.toModel().sheets.find((s) => s.name === 'Ops')!;
  const chart = sheet.charts!.find((c) => c.name === 'PivotDeck_dash_d1_trend')!;
  const series = chart.series[0]!;
  const local = (ref: string) => ref.slice(ref.lastIndexOf('!') + 1).replace(/\$/g, '');
  return {
    categories: blockValues(sim, 'Ops', local(series.categoriesRef!)).map((r) => r[0]!),
    values: blockValues(sim, 'Ops', local(series.valuesRef!)).map((r) => r[0]!),
    type: chart.chartType,
  };
}

async function setRevenue(sim: Simulator, row: number, value: number): Promise<void> {
  await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRangeByIndexes(row + 1, 5, 1, 1).values = [[value]]; await ctx.sync(); });
}

describe('a dashboard that keeps history', () => {
  it('appends each refresh, draws the KPI over its snapshots as a line, and compares with the last snapshot', async () => {
    const sim = salesSimulator();
    let clock = new Date('2026-12-01T09:00:00.000Z');
    const deps: DashboardDeps = { run: sim.run, now: () => clock };
    const created = await createDashboard(deps, emptyDocument(), { label: 'Ops', tiles: TILES });
    expect(created.outcome.status).toBe('partial');
    // Without "Keep history" the tile says what to do.
    expect(created.outcome.tiles.trend).toEqual({ status: 'stale', reason: 'this dashboard keeps no history yet; turn on "Keep history" in its settings' });
    let doc: PivotDeckDocument = (await updateDashboard(deps, created.document, 'd1', { history: { keep: true, lastRefreshes: 3 } })).document;
    expect(doc.dashboards[0]!.history).toEqual({ keep: true, lastRefreshes: 3 });

    const rows = ROWS.map((r) => ({ ...r }));
    const totals: number[] = [];
    const stamps: string[] = [];
    for (let k = 0; k < 4; k++) {
      rows[0]!.revenue = 100 + 250 * k * (k % 2 ? -1 : 1) + k; // goes up and down
      await setRevenue(sim, 0, rows[0]!.revenue);
      clock = new Date(Date.parse('2026-12-01T09:00:00.000Z') + (k + 1) * 3_600_000);
      const r = await refreshDashboard(deps, doc, 'd1');
      doc = r.document;
      expect(r.outcome.status).toBe('written');
      expect(r.outcome.history?.status).toBe('appended');
      totals.push(revenue(rows));
      stamps.push(clock.toISOString());

      // The KPI card: its value, the % change against the last snapshot, the change in words.
      expect(cellValue(sim, 'Ops', 'A6')).toBe(totals[k]);
      const delta = cellValue(sim, 'Ops', 'A7');
      const words = String(cellValue(sim, 'Ops', 'B7'));
      if (k === 0) {
        expect(delta).toBe('');
        expect(words).toBe('No earlier snapshot yet');
      } else {
        const before = totals[k - 1]!;
        expect(delta).toBeCloseTo((totals[k]! - before) / Math.abs(before), 12);
        const change = totals[k]! - before;
        const sign = change > 0 ? '+' : '−';
        expect(words).toBe(`${sign}${Math.abs(change).toLocaleString('en-US')} (${sign}${(Math.abs(change / before) * 100).toFixed(1)}%) vs last snapshot ${stamps[k - 1]!.slice(0, 10)} ${stamps[k - 1]!.slice(11, 16)}`);
      }

      // The history tile: one point per snapshot kept (retention: the last 3), this refresh's last.
      const points = chartPoints(sim);
      expect(points.type).toBe('Line');
      const first = Math.max(0, k - 2);
      expect(points.values).toEqual(totals.slice(first));
      expect(points.categories).toEqual(stamps.slice(first).map((s) => `${s.slice(0, 10)} ${s.slice(11, 16)}`));
    }

    // The table: per refresh, the KPI row and one row per category of the table tile, stamped.
    const h = await readHistoryTable(sim.run, 'PivotDeck_History_d1', { columns: 'all' });
    expect(h.header).toEqual(['Refreshed at (UTC)', 'Parameters', 'Tile', 'Title', 'Item', 'Series', 'Value']);
    const body = Array.from({ length: h.bodyRows }, (_, r) => h.header.map((_, c) => h.columns.get(c)![r]!));
    const want: CellValue[][] = [];
    for (let k = 1; k < 4; k++) {
      const rowsAtK = ROWS.map((r, i) => (i === 0 ? { ...r, revenue: 100 + 250 * k * (k % 2 ? -1 : 1) + k } : r));
      want.push([stamps[k]!, 'Region = All', 'revenue', 'Revenue', '', '', totals[k]!]);
      const byCategory = new Map<string, number>();
      for (const r of rowsAtK) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.revenue);
      const tableRows = body.filter((b) => b[0] === stamps[k] && b[2] === 'top');
      expect(new Map(tableRows.filter((t) => t[4] !== 'Total').map((t) => [t[4], t[6]]))).toEqual(byCategory);
      want.push(...tableRows);
    }
    expect(body).toEqual(want);
  });

  it('keeps dropdown choices apart and appends nothing when cancelled', async () => {
    const sim = salesSimulator();
    let clock = new Date('2026-12-02T09:00:00.000Z');
    const deps: DashboardDeps = { run: sim.run, now: () => clock };
    const created = await createDashboard(deps, emptyDocument(), { label: 'Ops', tiles: TILES });
    let doc = (await updateDashboard(deps, created.document, 'd1', { history: { keep: true } })).document;
    doc = (await refreshDashboard(deps, doc, 'd1')).document;

    expect(sim.setCellAsUser('Ops', 'B2', 'West')).toEqual({ ok: true });
    clock = new Date('2026-12-02T10:00:00.000Z');
    const west = await refreshDashboard(deps, doc, 'd1');
    doc = west.document;
    expect(west.outcome.parameterValues).toEqual({ p_region: 'West' });
    // West has no earlier snapshot: the "All" snapshot is not compared with it.
    expect(cellValue(sim, 'Ops', 'B7')).toBe('No earlier snapshot yet');
    expect(chartPoints(sim).values).toEqual([revenue(ROWS, 'West')]);
    const stamps = (await readHistoryTable(sim.run, 'PivotDeck_History_d1', { columns: ['Parameters'] }));
    expect(new Set(stamps.columns.get(1))).toEqual(new Set(['Region = All', 'Region = West']));

    const before = JSON.stringify(sim.toModel());
    const abort = new AbortController();
    clock = new Date('2026-12-02T11:00:00.000Z');
    const cancelled = await refreshDashboard(deps, doc, 'd1', { signal: abort.signal, onProgress: (p) => { if (p.phase === 'compute') abort.abort(); } });
    expect(cancelled.outcome.status).toBe('cancelled');
    expect(cancelled.outcome.history).toBeUndefined();
    expect(JSON.stringify(sim.toModel()) === before).toBe(true);
  });
});
