/**
 * Chart colours stay with their category across refreshes (issue 16 part 8): Excel colours by
 * position, so without a saved map a region that drops out shifts every colour after it. Three
 * refreshes against the simulator, a category vanishing and coming back, with a category named
 * "__proto__" (a name that clashes with JavaScript's own) and one with an umlaut.
 */
import { describe, expect, it } from 'vitest';
import { assignColours, CHART_PALETTE, coloursOf, flowLayout, type Tile } from '../../src/dashboards';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument, pivotDeckDocument, type PivotDeckDocument } from '../../src/model';
import { createDashboard, refreshDashboard, type DashboardDeps } from '../../src/refresh/dashboards';
import { createSimulator, type Simulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';

const NOW = new Date(2026, 0, 15, 9, 30);
const deps = (sim: Simulator): DashboardDeps => ({ run: sim.run, now: () => NOW });
const SOURCE = { kind: 'table' as const, name: 'Orders' };
const HEADER = ['Month', 'Region', 'Amount'];

function rowsWith(regions: readonly string[]): CellValue[][] {
  const out: CellValue[][] = [];
  regions.forEach((region, i) => {
    out.push(['2025-01', region, 10 * (i + 1)]);
    out.push(['2025-02', region, 5 * (i + 2)]);
  });
  return out;
}

const TILES: Tile[] = flowLayout([
  { version: 1, kind: 'chart', id: 'share', title: 'Amount by region', at: { row: 0, col: 0, rows: 10, cols: 6 }, source: SOURCE, chartType: 'doughnut', category: { field: 'Region' }, measures: [{ id: 'a', kind: 'sum', field: 'Amount' }] },
  { version: 1, kind: 'chart', id: 'split', title: 'Amount by month and region', at: { row: 0, col: 0, rows: 10, cols: 6 }, source: SOURCE, chartType: 'column', category: { field: 'Month' }, series: 'Region', measures: [{ id: 'a', kind: 'sum', field: 'Amount' }] },
]);

/** Writes the table anew with these regions' rows (resized to fit), as a landed refresh would. */
async function setRegions(sim: Simulator, regions: readonly string[], before: number): Promise<void> {
  const rows = rowsWith(regions);
  await sim.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Data');
    ws.getRangeByIndexes(1, 0, Math.max(before, rows.length), 3).clear('Contents');
    ws.getRangeByIndexes(1, 0, rows.length, 3).values = rows;
    ctx.workbook.tables.getItem('Orders').resize(`A1:C${rows.length + 1}`);
  });
}

/** Category → slice colour of the doughnut, and series name → fill of the split column chart. */
async function coloursNow(sim: Simulator): Promise<{ slices: Record<string, string>; series: Record<string, string> }> {
  const sheetModel = sim.toModel().sheets.find((s) => s.name === 'Regions')!;
  const [share, split] = sheetModel.charts!;
  const categories = await sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('Regions').charts.getItem(share!.name).series.getItemAt(0).getDimensionValues('Categories');
    const names = ctx.workbook.worksheets.getItem('Regions').charts.getItem(split!.name).series.load('items/name');
    await ctx.sync();
    return { slices: r.value, series: names.items.map((s) => s.name) };
  });
  const slices: Record<string, string> = Object.create(null) as Record<string, string>;
  categories.slices.forEach((c, i) => { slices[c] = share!.series[0]!.pointColors?.[String(i)] ?? 'none'; });
  const series: Record<string, string> = Object.create(null) as Record<string, string>;
  categories.series.forEach((n, i) => { series[n] = split!.series[i]!.fillColor ?? 'none'; });
  return { slices, series };
}

describe('chart colours across refreshes', () => {
  it('keep each region\'s colour when a region vanishes and returns, in a doughnut and in split columns', async () => {
    const all = ['Nord', '__proto__', 'Zürich'];
    const sim = createSimulator(workbook({ sheets: [sheet('Data', cellsAt([HEADER, ...rowsWith(all)]))], tables: [table('Orders', 'Data', 'A1:C7')] }));
    const made = await createDashboard(deps(sim), emptyDocument(), { label: 'Regions', tiles: TILES });
    expect(made.outcome.status).toBe('written');
    let doc: PivotDeckDocument = made.document;

    const first = await coloursNow(sim);
    expect(Object.keys(first.slices).sort()).toEqual([...all].sort());
    // Three regions, three different colours, from the palette.
    expect(new Set(Object.values(first.slices)).size).toBe(3);
    for (const c of Object.values(first.slices)) expect(CHART_PALETTE).toContain(c);
    expect(first.series).toEqual(first.slices);
    // The map is saved with the dashboard, and survives the document's own validation ("__proto__" included).
    const saved = pivotDeckDocument.parse(JSON.parse(JSON.stringify(doc))).dashboards[0]!.chartColours;
    expect(Object.fromEntries(coloursOf(saved, 'share')!)).toEqual({ ...first.slices });

    // Refresh 2: Nord has no rows; the others keep their colours although their positions moved.
    await setRegions(sim, ['__proto__', 'Zürich'], 6);
    doc = (await refreshDashboard(deps(sim), doc, 'd1')).document;
    const second = await coloursNow(sim);
    expect(Object.keys(second.slices).sort()).toEqual(['Zürich', '__proto__']);
    expect(second.slices.__proto__).toBe(first.slices.__proto__);
    expect(second.slices['Zürich']).toBe(first.slices['Zürich']);
    expect(second.series).toEqual(second.slices);

    // Refresh 3: Nord is back, with its first colour; a new region takes a colour none had.
    await setRegions(sim, ['Zürich', 'Nord', '__proto__', 'Ost'], 4);
    doc = (await refreshDashboard(deps(sim), doc, 'd1')).document;
    const third = await coloursNow(sim);
    for (const r of all) expect(third.slices[r]).toBe(first.slices[r]);
    expect(Object.values(first.slices)).not.toContain(third.slices.Ost);
    expect(third.series).toEqual(third.slices);
    expect(coloursOf(doc.dashboards[0]!.chartColours, 'share')!.map(([name]) => name).sort()).toEqual(['Nord', 'Ost', 'Zürich', '__proto__']);
  });
});

describe('assignColours', () => {
  it('keeps known colours, gives new names free ones (vanished names keep theirs reserved), cycles when full', () => {
    const first = assignColours(undefined, ['a', 'b']);
    expect(first.colours).toEqual([CHART_PALETTE[0], CHART_PALETTE[1]]);
    // "a" vanished: "c" does not take its colour.
    const second = assignColours(first.map, ['b', 'c']);
    expect(second.colours).toEqual([CHART_PALETTE[1], CHART_PALETTE[2]]);
    const names = Array.from({ length: 14 }, (_, i) => `n${i}`);
    const many = assignColours(undefined, names);
    expect(new Set(many.colours.slice(0, 12)).size).toBe(12);
    expect(many.colours[12]).toBe(CHART_PALETTE[0]);
    // A name that clashes with Object.prototype is an ordinary category.
    const clash = assignColours([['constructor', '#000000']], ['__proto__', 'constructor']);
    expect(clash.colours).toEqual([CHART_PALETTE[0], '#000000']);
    expect(clash.map).toEqual([['constructor', '#000000'], ['__proto__', CHART_PALETTE[0]]]);
  });
});
