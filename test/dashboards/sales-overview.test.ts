/**
 * The "Sales overview" template against the Excel simulator, on a ten-row Sales table. Every
 * expected number comes from the plain loops in fixtures.ts (never from the engine), and every
 * address from the template's fixed layout (header A1:O3, KPI cards on rows 5-8, trend and
 * category charts from row 10 with their data at Q and Y, top-10 table at A25, region doughnut
 * data at AG).
 */
import { describe, expect, it } from 'vitest';
import { buildFromTemplate } from '../../src/dashboards';
import type { CellValue } from '../../src/excel/api';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { createDashboard, DashboardSession, refreshDashboard, type DashboardDeps } from '../../src/refresh/dashboards';
import { createSimulator, type Simulator } from '../../src/simulator';
import { blockValues, cellValue, FIELDS, monthOf, ROWS, salesSimulator, serial, sumBy, yearOf, type Row } from './fixtures';

const NOW = new Date(2026, 0, 15, 9, 30);
const SHEET = 'Sales overview';
const deps = (sim: Simulator): DashboardDeps => ({ run: sim.run, now: () => NOW });

async function built(sim: Simulator, doc: PivotDeckDocument = emptyDocument()) {
  const tiles = buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS);
  const r = await createDashboard(deps(sim), doc, { label: 'Sales overview', tiles });
  expect(r.outcome.message).toBe('All 8 tiles refreshed.');
  expect(r.outcome.status).toBe('written');
  return r;
}

/** What the KPI cards must show for these rows: the latest year (or `year`) vs the one before. */
function expectedKpis(rows: readonly Row[], year?: number) {
  const years = rows.map((r) => yearOf(r.date));
  const current = year ?? Math.max(...years);
  const inYear = (y: number) => rows.filter((r) => yearOf(r.date) === y);
  const stats = (y: number) => {
    const rs = inYear(y);
    const revenue = rs.reduce((s, r) => s + r.revenue, 0);
    return { revenue, orders: rs.length, customers: new Set(rs.map((r) => r.customer)).size, average: rs.length ? revenue / rs.length : null };
  };
  const now = stats(current);
  const before = stats(current - 1);
  const delta = (a: number | null, b: number | null) => (a !== null && b !== null && b !== 0 && inYear(current - 1).length ? (a - b) / Math.abs(b) : '');
  return {
    current,
    values: [now.revenue, now.orders, now.customers, now.average],
    deltas: [delta(now.revenue, before.revenue), delta(now.orders, before.orders), delta(now.customers, before.customers), delta(now.average, before.average)],
  };
}

function kpiCells(sim: Simulator) {
  return {
    values: ['A6', 'E6', 'I6', 'M6'].map((a) => cellValue(sim, SHEET, a)),
    deltas: ['A7', 'E7', 'I7', 'M7'].map((a) => cellValue(sim, SHEET, a)),
    periods: ['A8', 'E8', 'I8', 'M8'].map((a) => cellValue(sim, SHEET, a)),
  };
}

function expectClose(actual: CellValue[], expected: Array<number | string | null>) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => {
    const e = expected[i];
    if (typeof e === 'number') expect(v as number).toBeCloseTo(e, 9);
    else expect(v).toBe(e ?? '');
  });
}

/** Month trend, category split, top products and region split by plain loops. */
function expectedCharts(rows: readonly Row[]) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const trend = [...sumBy(rows, (r) => `${yearOf(r.date)}-${pad(monthOf(r.date))}`)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const desc = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    trend,
    category: desc(sumBy(rows, (r) => r.category)),
    products: desc(sumBy(rows, (r) => r.product)).slice(0, 10),
  };
}

function chartBlock(sim: Simulator, col: string, n: number): Array<[CellValue, CellValue]> {
  const end = String.fromCharCode(col.charCodeAt(0) + 1);
  return blockValues(sim, SHEET, `${col}3:${end}${2 + n}`).map((r) => [r[0], r[1]] as [CellValue, CellValue]);
}

function tableRows(sim: Simulator, n: number): Array<[CellValue, CellValue]> {
  return blockValues(sim, SHEET, `A27:G${26 + n}`).map((r) => [r[0], r[6]] as [CellValue, CellValue]);
}

describe('Sales overview from the template', () => {
  it('builds on a new sheet: KPIs, charts, top 10 and dropdowns match plain loops, in 7 syncs', async () => {
    const sim = salesSimulator();
    sim.resetStats();
    const { document, outcome } = await built(sim);
    // add the sheet 2 + read state 1 + locate and read the table 2 + check and write 2
    expect(sim.stats().syncs).toBe(7);
    expect(outcome.syncs).toEqual({ read: 1, source: 2, write: 2 });
    expect(outcome.sources).toEqual([{ key: 'table:Sales', label: 'Sales', ok: true }]);
    // 8 tiles that compute + 2 parameter choice lists, all different
    expect(outcome.queriesComputed).toBe(10);

    expect(cellValue(sim, SHEET, 'A1')).toBe('Sales overview');
    // The Year dropdown starts at the year the KPI cards show (the latest with data), never at
    // "All" above cards that show one year (issue 16 part 8); every tile follows it.
    expect(blockValues(sim, SHEET, 'A2:D2')).toEqual([['Region:', 'All', 'Year:', 2025]]);
    expect(cellValue(sim, SHEET, 'A3')).toBe('Last refreshed 2026-01-15 09:30 · Sales: up to date');

    const want = expectedKpis(ROWS);
    const got = kpiCells(sim);
    expectClose(got.values, want.values);
    expectClose(got.deltas, want.deltas);
    expect(got.periods).toEqual(['2025', '2025', '2025', '2025']);
    expect(cellValue(sim, SHEET, 'B7')).toBe('vs 2024');

    const charts = expectedCharts(ROWS.filter((r) => yearOf(r.date) === 2025));
    expect(chartBlock(sim, 'Q', charts.trend.length)).toEqual(charts.trend);
    expect(chartBlock(sim, 'Y', charts.category.length)).toEqual(charts.category);
    expect(cellValue(sim, SHEET, 'A25')).toBe('Top 10 products');
    expect(tableRows(sim, charts.products.length)).toEqual(charts.products);
    expect(cellValue(sim, SHEET, `A${27 + charts.products.length}`)).toBe('');

    const model = sim.toModel().sheets.find((s) => s.name === SHEET)!;
    expect(model.showGridlines).toBe(false);
    expect(model.freeze).toEqual({ rows: 3, columns: 0 });
    expect(model.charts?.map((c) => [c.name, c.chartType, c.title.text])).toEqual([
      ['PivotDeck_dash_d1_chart_trend', 'Line', 'Revenue by month'],
      ['PivotDeck_dash_d1_chart_category', 'ColumnClustered', 'Revenue by Category'],
      ['PivotDeck_dash_d1_chart_region', 'Doughnut', 'Revenue by Region'],
    ]);
    expect(model.charts?.[0].series[0].valuesRef).toBe(`'${SHEET}'!$R$3:$R$${2 + charts.trend.length}`);
    expect(document.dashboards[0].readFrom).toMatchObject([{ key: 'table:Sales', label: 'Sales', kind: 'table', address: 'Data!A1:F11', rows: 10 }]);
    expect(model.charts?.[0].series[0].categoriesRef).toBe(`'${SHEET}'!$Q$3:$Q$${2 + charts.trend.length}`);
    expect(model.dataValidations?.map((d) => [d.ranges, d.list?.source])).toEqual([[['B2'], 'All,East,West'], [['D2'], 'All,2024,2025']]);
    // Up green / down red on each delta cell.
    const deltaRules = (model.conditionalFormats ?? []).filter((c) => c.ranges[0] === 'A7');
    expect(deltaRules.map((c) => [c.cellValue?.operator, c.format.fontColor]).sort()).toEqual([['GreaterThan', '#107C10'], ['LessThan', '#C50F1F']]);

    const def = document.dashboards[0];
    expect(def).toMatchObject({ id: 'd1', label: 'Sales overview', sheet: SHEET, lastRefresh: { ok: true } });
    expect(def.tiles).toHaveLength(9);
  });

  it('recomputes a parameter change from memory (no source read): Region = West, then Year = 2024', async () => {
    const sim = salesSimulator();
    const session = new DashboardSession();
    const { document } = await built(sim);
    // A value outside the dropdown is refused by Excel's data validation.
    expect(sim.setCellAsUser(SHEET, 'B2', 'North')).toMatchObject({ ok: false });
    expect(sim.setCellAsUser(SHEET, 'B2', 'West')).toEqual({ ok: true });

    // The first refresh of this session reads the source; the next parameter change does not.
    await refreshDashboard(deps(sim), document, 'd1', { session });
    expect(sim.setCellAsUser(SHEET, 'D2', 2024)).toEqual({ ok: true });
    sim.resetStats();
    const { outcome } = await refreshDashboard(deps(sim), document, 'd1', { session, reuseSources: true });
    expect(outcome.status).toBe('written');
    expect(outcome.sources).toEqual([{ key: 'table:Sales', label: 'Sales', ok: true, fromMemory: true }]);
    expect(outcome.parameterValues).toEqual({ p_region: 'West', p_year: 2024 });
    // The KPIs pick their year from the same per-year result (Year is not a filter for them) and
    // the two dropdown lists do not change: only the 3 charts and the table recompute.
    expect(outcome.queriesComputed).toBe(4);
    // read state 1 + the sources' stamps (find, locate, sample) 3, so memory is used only while
    // the table is unchanged + check and write 2
    expect(sim.stats().syncs).toBe(6);

    const west = ROWS.filter((r) => r.region === 'West');
    const west2024 = west.filter((r) => yearOf(r.date) === 2024);
    const want = expectedKpis(west, 2024);
    const got = kpiCells(sim);
    expectClose(got.values, want.values);
    expect(got.deltas).toEqual(['', '', '', '']); // no 2023 rows
    expect(got.periods).toEqual(['2024', '2024', '2024', '2024']);
    const charts = expectedCharts(west2024);
    expect(chartBlock(sim, 'Q', charts.trend.length)).toEqual(charts.trend);
    expect(blockValues(sim, SHEET, `Q${3 + charts.trend.length}:R${3 + charts.trend.length}`)).toEqual([['', '']]);
    expect(tableRows(sim, 3)).toEqual([...charts.products, ['', '']].slice(0, 3));
    // The region split ignores the Region parameter (ignoreParameters) but follows Year.
    const regions = [...sumBy(ROWS.filter((r) => yearOf(r.date) === 2024), (r) => r.region)].sort((a, b) => b[1] - a[1]);
    expect(blockValues(sim, SHEET, 'AG3:AH4')).toEqual(regions);
    // The user's choices stay in the cells.
    expect(blockValues(sim, SHEET, 'B2:D2')).toEqual([['West', 'Year:', 2024]]);
  });

  it('refreshes after the source changes, leaving cells outside the tiles alone', async () => {
    const sim = salesSimulator();
    const { document } = await built(sim);
    expect(sim.setCellAsUser(SHEET, 'D2', 'All')).toEqual({ ok: true });
    sim.setCellAsUser(SHEET, 'A45', 'my note');
    sim.setCellAsUser(SHEET, 'P5', 'beside the grid');
    // Row 2 of the table (2024-01-10, Road, 100) becomes 1,100.
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('F2').values = [[1100]]; });
    const rows = ROWS.map((r, i) => (i === 0 ? { ...r, revenue: 1100 } : r));
    sim.resetStats();
    const { outcome } = await refreshDashboard(deps(sim), document, 'd1');
    expect(outcome.status).toBe('written');
    expect(sim.stats().syncs).toBe(5);
    const want = expectedKpis(rows);
    expectClose(kpiCells(sim).deltas, want.deltas);
    // Year says All: the cards say which year they show, so dropdown and cards never disagree.
    expect(kpiCells(sim).periods).toEqual(Array(4).fill('2025 (latest; Year is All)'));
    const charts = expectedCharts(rows);
    expect(chartBlock(sim, 'Q', charts.trend.length)).toEqual(charts.trend);
    expect(tableRows(sim, charts.products.length)).toEqual(charts.products);
    expect(cellValue(sim, SHEET, 'A45')).toBe('my note');
    expect(cellValue(sim, SHEET, 'P5')).toBe('beside the grid');
    // Charts are updated in place, not added again.
    expect(sim.toModel().sheets.find((s) => s.name === SHEET)!.charts).toHaveLength(3);
  });

  it('refuses to write over a cell the user typed where the dashboard needs room, and changes nothing', async () => {
    const sim = salesSimulator();
    const { document } = await built(sim);
    expect(sim.setCellAsUser(SHEET, 'D2', 'All')).toEqual({ ok: true });
    await refreshDashboard(deps(sim), document, 'd1');
    const before = kpiCells(sim);
    // The trend has 6 months (Q3:R8); a seventh month needs Q9, where the user typed.
    sim.setCellAsUser(SHEET, 'Q9', 'x');
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('A11').values = [[serial(2026, 4, 5)]]; });
    const { outcome, document: after } = await refreshDashboard(deps(sim), document, 'd1');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/Sales overview'?!Q9 holds something PivotDeck did not write/);
    expect(kpiCells(sim)).toEqual(before);
    expect(cellValue(sim, SHEET, 'Q9')).toBe('x');
    expect(after.dashboards[0].lastRefresh).toMatchObject({ ok: false });
  });

  it('keeps its definition through save and reopen, and refreshes in the reopened workbook', async () => {
    const sim = salesSimulator();
    const { document } = await built(sim);
    await saveWorkbookDocument(sim.run, { readOnly: false }, document);
    const reopened = createSimulator(sim.toModel());
    const opened = await loadWorkbookDocument(reopened.run);
    expect(opened.document.dashboards).toEqual(document.dashboards);
    reopened.setCellAsUser(SHEET, 'B2', 'East');
    reopened.resetStats();
    const { outcome } = await refreshDashboard(deps(reopened), opened.document, 'd1');
    expect(outcome.status).toBe('written');
    expect(reopened.stats().syncs).toBe(5);
    const east = ROWS.filter((r) => r.region === 'East');
    expectClose(kpiCells(reopened).values, expectedKpis(east).values);
    const charts = reopened.toModel().sheets.find((s) => s.name === SHEET)!.charts!;
    expect(charts.map((c) => c.name)).toEqual(['PivotDeck_dash_d1_chart_trend', 'PivotDeck_dash_d1_chart_category', 'PivotDeck_dash_d1_chart_region']);
  });

  it('builds a second dashboard on a fresh sheet name', async () => {
    const sim = salesSimulator();
    const first = await built(sim);
    const tiles = buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS);
    const second = await createDashboard(deps(sim), first.document, { label: 'Sales overview', tiles });
    expect(second.id).toBe('d2');
    expect(second.outcome.sheet).toBe('Sales overview (2)');
    expect(second.document.dashboards.map((d) => d.sheet)).toEqual(['Sales overview', 'Sales overview (2)']);
  });

  it('follows its sheet when the user renames it, and records the new name', async () => {
    const sim = salesSimulator();
    const { document } = await built(sim);
    expect(sim.setCellAsUser(SHEET, 'D2', 'All')).toEqual({ ok: true });
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem(SHEET).name = 'Board'; });
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('F2').values = [[1100]]; });
    const { outcome, document: after } = await refreshDashboard(deps(sim), document, 'd1');
    expect(outcome.message).toBe('All 8 tiles refreshed.');
    expect(after.dashboards[0].sheet).toBe('Board');
    const rows = ROWS.map((r, i) => (i === 0 ? { ...r, revenue: 1100 } : r));
    const trend = expectedCharts(rows).trend;
    expect(blockValues(sim, 'Board', `Q3:R${2 + trend.length}`)).toEqual(trend);
    expect(sim.toModel().sheets.find((s) => s.name === 'Board')!.charts).toHaveLength(3);
  });
});
