/**
 * Survival of what a user builds on a landed web table (issue 14 part 3): a native PivotTable on
 * it, `=SUM(Orders[Amount])`, a VLOOKUP, SUMIFS/COUNTIFS/XLOOKUP, a calculated column inside the
 * table, a chart over it, and a PivotDeck extension with conditional formatting on the user's
 * pivot; then five refreshes from a real HTTP server on 127.0.0.1 with the data growing,
 * shrinking to one row and to zero rows, reordering its columns and adding one.
 *
 * After each refresh every formula equals a plain loop over the served rows, the PivotTable
 * refreshes without error and shows the new totals, the chart covers the new rows, the
 * extension's medians match, the conditional format is still there, and nothing is #REF!.
 * Runs once with Table.resize (ExcelApi 1.13) and once with the row insert/delete fallback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { landingBlock, landTable } from '../../src/excel/land';
import { extendPivot } from '../../src/refresh';
import { createSimulator, modelFromRows } from '../../src/simulator';
import { startTestServer, type TestServer } from '../support/http-server';
import {
  STEPS, expectNoRef, median, ordersOf, read, refreshedPivot, serveAndPull, sum, totalsByRegion,
} from './survival-helpers';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

const target = { sourceId: 'orders', tableName: 'Orders', sheet: 'Orders' };

describe.each(['resize', 'rows'] as const)('a landed web table refreshed five times (%s)', (resizeMode) => {
  it('keeps every user formula, the PivotTable, the calculated column, the chart and the extension right', async () => {
    const sim = createSimulator(modelFromRows('Report', [['']]));
    const first = await serveAndPull(server, STEPS[0]!);
    await landTable(sim.run, landingBlock(first.table, first.columns), target, { resizeMode });

    // What a user builds on the landed table.
    await sim.run(async (ctx) => {
      const wb = ctx.workbook;
      const table = wb.tables.getItem('Orders');
      table.columns.add(null, undefined, 'Value');
      table.columns.getItem('Value').getDataBodyRange().formulas = [['=[@Amount]*[@Units]']];
      const report = wb.worksheets.getItem('Report');
      report.getRange('A1:A7').formulas = [
        ['=SUM(Orders[Amount])'],
        ['=VLOOKUP("Nord",Orders,2,FALSE)'],
        ['=SUM(Orders[Value])'],
        ['=COUNTIFS(Orders[Region],"Nord")'],
        ['=SUMIFS(Orders[Amount],Orders[Region],"Süd")'],
        ['=XLOOKUP("Ost",Orders[Region],Orders[Units],"none")'],
        ['=AVERAGE(Orders[Units])'],
      ];
      const pivot = report.pivotTables.add('ByRegion', table, 'Report!D3');
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Region'));
      pivot.dataHierarchies.add(pivot.hierarchies.getItem('Amount'));
      report.charts.add('ColumnClustered', wb.worksheets.getItem('Orders').getRange('B1:B7'), 'Columns').name = 'AmountChart';
      await ctx.sync();
    });
    const extend = async () => {
      const outcome = await extendPivot({ run: sim.run, canReadDataSource: true }, {
        extensionId: 'med', pivotName: 'ByRegion', placement: { kind: 'beside' },
        measures: [{ id: 'm', label: 'Median of Amount', kind: 'median', field: 'Amount' }],
      });
      expect(outcome.status, JSON.stringify(outcome).slice(0, 400)).toBe('written');
      return outcome.status === 'written' ? outcome.write.area : undefined;
    };
    const area = (await extend())!;
    // Conditional formatting the user puts on the extension's column.
    await sim.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Report').getRangeByIndexes(area.row + 1, area.column, 40, 1).conditionalFormats.add('CellValue');
      cf.cellValue.rule = { formula1: '5', operator: 'GreaterThan' };
      cf.cellValue.format.fill.color = '#FFC7CE';
      await ctx.sync();
    });
    const cfBefore = JSON.stringify(sim.toModel().sheets.find((s) => s.name === 'Report')!.conditionalFormats);

    for (const step of STEPS) {
      if (step !== STEPS[0]) {
        const pulled = await serveAndPull(server, step);
        const landed = await landTable(sim.run, landingBlock(pulled.table, pulled.columns), target, { resizeMode });
        expect(landed.tableName, step.name).toBe('Orders');
      }
      const orders = ordersOf(step);
      const when = `after "${step.name}" (${resizeMode})`;
      const nord = orders.find((o) => o.region === 'Nord');
      const ost = orders.find((o) => o.region === 'Ost');
      const expected: CellValue[] = [
        sum(orders.map((o) => o.amount)),
        nord ? nord.amount : '#N/A',
        sum(orders.map((o) => o.amount * o.units)),
        orders.filter((o) => o.region === 'Nord').length,
        sum(orders.filter((o) => o.region === 'Süd').map((o) => o.amount)),
        ost ? ost.units : 'none',
        // AVERAGE over a blank body row (zero rows) is #DIV/0!, as in Excel.
        orders.length ? sum(orders.map((o) => o.units)) / orders.length : '#DIV/0!',
      ];
      const got = (await read(sim, 'Report', 'A1:A7')).map((r) => r[0]);
      got.forEach((v, i) => {
        if (typeof v === 'number' && typeof expected[i] === 'number') expect(v, `${when}: Report!A${i + 1}`).toBeCloseTo(expected[i] as number, 9);
        else expect(v, `${when}: Report!A${i + 1}`).toBe(expected[i]);
      });

      // The table kept its name, style, place and the user's calculated column, filled down.
      const model = sim.toModel();
      const t = model.tables.find((x) => x.name === 'Orders')!;
      expect(t.address.startsWith('A1:'), when).toBe(true);
      const header = (await read(sim, 'Orders', 'A1:E1'))[0]!;
      expect(header.slice(0, 4), when).toEqual(['Region', 'Amount', 'Units', 'Value']);
      const body = Math.max(1, orders.length);
      expect((await read(sim, 'Orders', `D2:D${body + 1}`, 'formulas')).every((r) => r[0] === '=[@Amount]*[@Units]'), when).toBe(true);
      // Text that looks like a formula or a number stays exactly as served.
      const regions = (await read(sim, 'Orders', `A2:A${body + 1}`)).map((r) => r[0]);
      expect(regions, when).toEqual(orders.length ? orders.map((o) => o.region) : ['']);

      // The user's PivotTable refreshes and shows the new totals.
      const pivot = await refreshedPivot(sim, 'ByRegion');
      for (const [region, total] of totalsByRegion(orders)) expect(Number(pivot.get(region)), `${when}: pivot ${region}`).toBeCloseTo(total, 9);
      expect(Number(pivot.get('Grand Total') || 0), `${when}: pivot grand total`).toBeCloseTo(sum(orders.map((o) => o.amount)), 9);

      // The chart's series follows the table's rows.
      const dims = await sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Report').charts.getItem('AmountChart').series.getItemAt(0).getDimensionValues('Values');
        await ctx.sync();
        return s.value;
      });
      expect(dims, when).toEqual(orders.length ? orders.map((o) => String(o.amount === 0 ? 0 : o.amount)) : ['']);

      // The extension follows the pivot; the user's conditional format is still on its column.
      if (orders.length) {
        const ext = (await extend())!;
        const labels = await read(sim, 'Report', `D${ext.row + 2}:D${ext.row + ext.rows}`);
        const medians = await read(sim, 'Report', `${String.fromCharCode(65 + ext.column)}${ext.row + 2}:${String.fromCharCode(65 + ext.column)}${ext.row + ext.rows}`);
        labels.forEach((l, i) => {
          const label = String(l[0]);
          const xs = label === 'Grand Total' ? orders.map((o) => o.amount) : orders.filter((o) => o.region === label).map((o) => o.amount);
          expect(Number(medians[i]![0]), `${when}: median ${label}`).toBeCloseTo(median(xs), 9);
        });
      }
      expect(JSON.stringify(sim.toModel().sheets.find((s) => s.name === 'Report')!.conditionalFormats), when).toBe(cfBefore);
      expectNoRef(sim, when);
    }
  });
});
