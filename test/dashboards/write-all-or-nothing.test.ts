/**
 * Dashboard writes are all-or-nothing (issue 14 part 2): Excel stops a batch halfway without
 * rolling back (the simulator does the same), and the writer puts the previous cells, names and
 * charts back. Charts keep their series on the data area: pointed at the new rows, never re-made.
 */
import { describe, expect, it } from 'vitest';
import { buildFromTemplate, type ChartTile, type Tile } from '../../src/dashboards';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument } from '../../src/model';
import { createDashboard, refreshDashboard, updateDashboard, type DashboardDeps } from '../../src/refresh/dashboards';
import type { Simulator } from '../../src/simulator';
import { faultyRun } from '../landing/helpers';
import { FIELDS, salesSimulator, serial } from './fixtures';

const NOW = new Date(2026, 0, 15, 9, 30);
const SHEET = 'Sales overview';
const deps = (sim: Simulator): DashboardDeps => ({ run: sim.run, now: () => NOW });

/** Every non-empty cell of the dashboard sheet (value and number format), as the model holds it. */
function sheetCells(sim: Simulator): Record<string, [CellValue, string | undefined]> {
  const s = sim.toModel().sheets.find((x) => x.name === SHEET)!;
  const out: Record<string, [CellValue, string | undefined]> = {};
  for (const [k, c] of Object.entries(s.cells)) if (c.value !== '' && c.value !== undefined) out[k] = [c.value, c.numberFormat];
  return out;
}

function chartState(sim: Simulator) {
  const s = sim.toModel().sheets.find((x) => x.name === SHEET)!;
  return (s.charts ?? []).map((c) => ({ id: c.id, name: c.name, type: c.chartType, title: c.title.text, series: c.series.map((x) => [x.valuesRef, x.categoriesRef]) }));
}

async function namesOf(sim: Simulator): Promise<Array<[string, unknown]>> {
  return sim.run(async (ctx) => {
    const names = ctx.workbook.names.load('items/name, items/value');
    await ctx.sync();
    return names.items.map((n) => [n.name, n.value] as [string, unknown]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  });
}

describe('a dashboard write that Excel stops halfway', () => {
  it('puts the previous cells, names and charts back, and says so', async () => {
    const sim = salesSimulator();
    const built = await createDashboard(deps(sim), emptyDocument(), { label: 'Sales overview', tiles: buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS) });
    expect(built.outcome.status).toBe('written');
    // The user looks at every year; the dashboard is refreshed once so the sheet shows that.
    expect(sim.setCellAsUser(SHEET, 'D2', 'All')).toEqual({ ok: true });
    await refreshDashboard(deps(sim), built.document, 'd1');
    const cells = sheetCells(sim);
    const charts = chartState(sim);
    const names = await namesOf(sim);

    // A new month (2026-04) and a new region make the next write longer, wider and different.
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('A12:F12').values = [[serial(2026, 4, 5), 'Nord-Ost', 'Parts', 'Bell', 'Z', 7]];
      ctx.workbook.tables.getItem('Sales').resize('A1:F12');
    });
    // Syncs of a refresh: read state 1, locate + read the table 2, check 1, write 1: the 5th fails.
    const faulty = faultyRun(sim, 5);
    const { outcome, document } = await refreshDashboard({ ...deps(sim), run: faulty.run }, built.document, 'd1');
    expect(faulty.syncs()).toBeGreaterThanOrEqual(5);
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/^Excel stopped while writing the dashboard \(.*\)\. PivotDeck put the previous values, colours, merged cells, charts and names back as they were/);
    expect(document.dashboards[0]!.lastRefresh).toMatchObject({ ok: false });

    expect(sheetCells(sim)).toEqual(cells);
    expect(chartState(sim)).toEqual(charts);
    expect(await namesOf(sim)).toEqual(names);

    // The next refresh (Excel well again) writes the new data, charts resized in place.
    const again = await refreshDashboard(deps(sim), built.document, 'd1');
    expect(again.outcome.status).toBe('written');
    const after = chartState(sim);
    expect(after.map((c) => c.id)).toEqual(charts.map((c) => c.id));
    // The trend had 6 months (Q3:Q8); it now has 7, the same series pointed at one more row.
    expect(charts[0]!.series[0]).toEqual([`'${SHEET}'!$R$3:$R$8`, `'${SHEET}'!$Q$3:$Q$8`]);
    expect(after[0]!.series[0]).toEqual([`'${SHEET}'!$R$3:$R$9`, `'${SHEET}'!$Q$3:$Q$9`]);
    expect(sheetCells(sim)['8,16']).toEqual(['2026-04', '@']);
  });

  it('changes nothing when the failure comes before anything is written (the checking sync)', async () => {
    const sim = salesSimulator();
    const built = await createDashboard(deps(sim), emptyDocument(), { label: 'Sales overview', tiles: buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS) });
    const cells = sheetCells(sim);
    const charts = chartState(sim);
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('F8').values = [[999]]; });
    const { outcome } = await refreshDashboard({ ...deps(sim), run: faultyRun(sim, 4).run }, built.document, 'd1');
    expect(outcome.status).toBe('failed');
    expect(sheetCells(sim)).toEqual(cells);
    expect(chartState(sim)).toEqual(charts);
  });

  it('puts a chart back with its old series when the failed write had re-laid them out (a second measure added)', async () => {
    const sim = salesSimulator();
    const tiles = buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS);
    const built = await createDashboard(deps(sim), emptyDocument(), { label: 'Sales overview', tiles });
    const cells = sheetCells(sim);
    const charts = chartState(sim);
    const names = await namesOf(sim);
    // The category chart gets a second measure: its data block widens and its series are laid out again.
    const edited: Tile[] = tiles.map((t) => (t.id === 'chart_category' && t.kind === 'chart'
      ? { ...t, measures: [...(t as ChartTile).measures, { id: 'units', kind: 'count', field: 'Revenue' }] }
      : t));
    const faulty = faultyRun(sim, 5);
    const r = await updateDashboard({ ...deps(sim), run: faulty.run }, built.document, 'd1', { tiles: edited });
    expect(r.outcome.status).toBe('failed');
    expect(r.document).toBe(built.document);
    expect(chartState(sim)).toEqual(charts);
    expect(sheetCells(sim)).toEqual(cells);
    expect(await namesOf(sim)).toEqual(names);
    // Without the fault the same edit gives the chart two series, on the same chart object.
    const ok = await updateDashboard(deps(sim), built.document, 'd1', { tiles: edited });
    expect(ok.outcome.status).toBe('written');
    const after = chartState(sim).find((c) => c.name.endsWith('_chart_category'))!;
    expect(after.id).toBe(charts.find((c) => c.name.endsWith('_chart_category'))!.id);
    expect(after.series).toHaveLength(2);
  });
});
