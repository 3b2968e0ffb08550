/**
 * Survival of a dashboard over a landed web table (issue 14 part 3): a user formula on the KPI
 * card, the dashboard's own chart and its dropdown; five refreshes of the web source (served by a
 * real HTTP server on 127.0.0.1), each landed in place and followed by a dashboard refresh. After
 * each, the KPI and the user's formula equal a plain loop, the chart is the same chart with one
 * point per region, served text shows as text (never a formula), nothing is #REF!.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowLayout, type Tile } from '../../src/dashboards';
import type { CellValue } from '../../src/excel/api';
import { landingBlock, landTable } from '../../src/excel/land';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { createDashboard, refreshDashboard } from '../../src/refresh/dashboards';
import { createSimulator, modelFromRows, type Simulator } from '../../src/simulator';
import { startTestServer, type TestServer } from '../support/http-server';
import { STEPS, expectNoRef, ordersOf, read, serveAndPull, sum, totalsByRegion } from './survival-helpers';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

const ORDERS = { kind: 'table' as const, name: 'Orders' };
const at = (rows: number, cols: number) => ({ row: 0, col: 0, rows, cols });
const TILES: Tile[] = flowLayout([
  { version: 1, kind: 'header', id: 'header', title: 'Orders', at: at(3, 12), parameters: [{ id: 'p_region', label: 'Region', kind: 'list', field: 'Region', source: ORDERS }] },
  { version: 1, kind: 'kpi', id: 'amount', title: 'Amount', at: at(4, 3), source: ORDERS, measure: { id: 'a', kind: 'sum', field: 'Amount' } },
  { version: 1, kind: 'chart', id: 'by_region', title: 'Amount by region', at: { row: 0, col: 0, rows: 10, cols: 6 }, source: ORDERS, chartType: 'bar', category: { field: 'Region' }, measures: [{ id: 'a', kind: 'sum', field: 'Amount' }] },
]);

/** The address of the first cell of `sheet` holding `value` (the KPI card's number). */
function find(sim: Simulator, sheet: string, value: CellValue): string {
  const cells = sim.toModel().sheets.find((s) => s.name === sheet)!.cells;
  const key = Object.keys(cells).find((k) => cells[k]!.value === value)!;
  const [r, c] = key.split(',').map(Number);
  return `${String.fromCharCode(65 + c!)}${r! + 1}`;
}

describe('a dashboard over a landed web table, refreshed five times', () => {
  it('keeps the user formula on its KPI, its chart and text as text', async () => {
    const sim = createSimulator(modelFromRows('Mine', [['']]));
    const land = async (step: (typeof STEPS)[number]) => {
      const pulled = await serveAndPull(server, step);
      await landTable(sim.run, landingBlock(pulled.table, pulled.columns), { sourceId: 'orders', tableName: 'Orders', sheet: 'Orders' });
    };
    await land(STEPS[0]!);
    const created = await createDashboard({ run: sim.run }, emptyDocument(), { label: 'Ops', tiles: TILES });
    expect(created.outcome.status).toBe('written');
    let doc: PivotDeckDocument = created.document;
    const first = sum(ordersOf(STEPS[0]!).map((o) => o.amount));
    const kpi = find(sim, 'Ops', first);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Mine').getRange('A1').formulas = [[`=Ops!${kpi}*2`]];
      // The user colours the dashboard chart's series: a refresh must keep the series, not re-make it.
      ctx.workbook.worksheets.getItem('Ops').charts.getItemAt(0).series.getItemAt(0).format.fill.setSolidColor('#00B050');
      await ctx.sync();
    });
    const chartId = sim.toModel().sheets.find((s) => s.name === 'Ops')!.charts![0]!.id;

    for (const step of STEPS) {
      if (step !== STEPS[0]) {
        await land(step);
        const r = await refreshDashboard({ run: sim.run }, doc, created.id);
        expect(r.outcome.status, `${step.name}: ${r.outcome.message}`).toBe('written');
        doc = r.document;
      }
      const when = `after "${step.name}"`;
      const orders = ordersOf(step);
      const total = sum(orders.map((o) => o.amount));
      const [kpiValue] = (await read(sim, 'Ops', kpi))[0]!;
      expect(Number(kpiValue || 0), when).toBeCloseTo(total, 9);
      expect((await read(sim, 'Mine', 'A1'))[0]![0], when).toBeCloseTo(2 * total, 9);

      const charts = sim.toModel().sheets.find((s) => s.name === 'Ops')!.charts!;
      expect(charts.map((c) => c.id), when).toEqual([chartId]);
      expect(charts[0]!.series.map((x) => x.fillColor), when).toEqual(['#00B050']);
      const categories = await sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Ops').charts.getItemAt(0).series.getItemAt(0).getDimensionValues('Categories');
        await ctx.sync();
        return s.value;
      });
      const regions = totalsByRegion(orders);
      // Zero rows: the table keeps one blank row (Excel requires one), which reads as "(blank)",
      // as a PivotTable over it shows it.
      expect(new Set(categories), when).toEqual(regions.size ? new Set(regions.keys()) : new Set(['(blank)']));
      // Served text that Excel would read as a formula is a plain string on the sheet.
      const formulas = Object.values(sim.toModel().sheets.find((s) => s.name === 'Ops')!.cells).filter((c) => c.formula !== undefined);
      expect(formulas, when).toEqual([]);
      expectNoRef(sim, when);
    }
  });
});
