/**
 * Survival of what a user builds on query outputs (issue 14 part 3): a native chart and
 * `=SUM(PivotDeck_qt[Amount])` over a query table, an A1 formula into a query grid; five
 * refreshes of the web source (served by a real HTTP server on 127.0.0.1) with the data growing,
 * shrinking to one row and to zero rows, reordering its columns and adding one. After each, the
 * formulas equal a plain loop, the chart covers the new rows, text stays text, nothing is #REF!.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeQuery, type QuerySpec } from '../../src/engine';
import { flatBlock, gridBlock, writeQueryOutput } from '../../src/excel/query-output';
import { createSimulator, modelFromRows } from '../../src/simulator';
import { startTestServer, type TestServer } from '../support/http-server';
import { STEPS, expectNoRef, ordersOf, read, serveAndPull, sum, totalsByRegion } from './survival-helpers';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'table', name: 'Orders' },
  rows: ['Region'],
  columns: [],
  measures: [{ id: 'amt', label: 'Amount', kind: 'sum', field: 'Amount' }],
};

describe.each(['resize', 'rows'] as const)('query outputs refreshed five times (%s)', (resizeMode) => {
  it('a query table keeps the chart and formulas on it; a query grid keeps A1 formulas into it', async () => {
    const sim = createSimulator(modelFromRows('Mine', [['']]));
    const write = async (step: (typeof STEPS)[number]) => {
      const pulled = await serveAndPull(server, step);
      const result = executeQuery(SPEC, () => pulled.table);
      await writeQueryOutput(sim.run, flatBlock(result.flat!), { queryId: 'qt', target: { kind: 'at', sheet: 'Q', cell: 'B2' }, resizeMode });
      await writeQueryOutput(sim.run, gridBlock(result.grid!), { queryId: 'qg', target: { kind: 'at', sheet: 'G', cell: 'A1' }, resizeMode });
    };
    await write(STEPS[0]!);
    await sim.run(async (ctx) => {
      const mine = ctx.workbook.worksheets.getItem('Mine');
      mine.getRange('A1:A3').formulas = [['=SUM(PivotDeck_qt[Amount])'], ['=SUM(G!B2:B200)'], ['=COUNTIFS(PivotDeck_qt[Region],"<>")']];
      mine.charts.add('ColumnClustered', ctx.workbook.tables.getItem('PivotDeck_qt').getRange(), 'Columns').name = 'Mine';
      await ctx.sync();
    });

    for (const step of STEPS) {
      if (step !== STEPS[0]) await write(step);
      const when = `after "${step.name}" (${resizeMode})`;
      const orders = ordersOf(step);
      const totals = totalsByRegion(orders);
      const total = sum(orders.map((o) => o.amount));
      const got = (await read(sim, 'Mine', 'A1:A3')).map((r) => r[0]);
      expect(got[0], when).toBeCloseTo(total, 9);
      // The grid's measure column holds each region's total and the grand total: twice the total.
      expect(got[1], when).toBeCloseTo(2 * total, 9);
      expect(got[2], when).toBe(totals.size);

      // The query table kept its place and name; its rows are the regions, text exactly as served.
      const t = sim.toModel().tables.find((x) => x.name === 'PivotDeck_qt')!;
      expect(t.address.startsWith('B2:'), when).toBe(true);
      const rows = Math.max(1, totals.size);
      const regions = (await read(sim, 'Q', `B3:B${2 + rows}`)).map((r) => r[0]);
      expect(new Set(regions), when).toEqual(totals.size ? new Set(totals.keys()) : new Set(['']));
      const gridLabels = (await read(sim, 'G', `A1:A${totals.size + 3}`)).map((r) => r[0]);
      for (const region of totals.keys()) expect(gridLabels, when).toContain(region);

      // The user's chart over the query table covers its new rows.
      const dims = await sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Mine').charts.getItem('Mine').series.getItemAt(0).getDimensionValues('Values');
        await ctx.sync();
        return s.value;
      });
      expect(dims.length, when).toBe(rows);
      expectNoRef(sim, when);
    }
  });
});
