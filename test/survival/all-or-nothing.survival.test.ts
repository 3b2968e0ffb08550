/**
 * All or nothing, with the user's work on the table (issue 14 part 2): a landed web table and a
 * query table, each carrying a calculated column, formulas (`SUM`, `SUMIFS`, an A1 reference)
 * and a native PivotTable, are refreshed with data that grows, reorders, adds a column and loses
 * one nobody uses — and Excel fails at each sync of that refresh in turn (the simulator runs the
 * batch's queued operations, then fails the sync, as Excel does: no rollback). After every
 * failure the workbook is exactly as it was: cells, formulas and their values, the table, its
 * name and size, the PivotTable. Both ways of resizing (Table.resize and row insert/delete).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeQuery, type QuerySpec } from '../../src/engine';
import { landingBlock, landTable } from '../../src/excel/land';
import { flatBlock, writeQueryOutput } from '../../src/excel/query-output';
import { createSimulator, modelFromRows, type Simulator } from '../../src/simulator';
import type { WorkbookModel } from '../../src/simulator/model';
import { faultyRun } from '../landing/helpers';
import { startTestServer, type TestServer } from '../support/http-server';
import { STEPS, read, serveAndPull, type Step } from './survival-helpers';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

/** The workbook as a user sees it, without what PivotDeck re-applies on the next refresh (styles, widths). */
function content(sim: Simulator): string {
  const model: WorkbookModel = sim.toModel();
  for (const s of model.sheets) {
    delete s.columnWidths;
    for (const c of Object.values(s.cells)) delete c.style;
  }
  return JSON.stringify(model);
}

// The refresh that fails: more rows, columns reordered, one added ("Channel"), one lost ("Extra").
const FIRST: Step = { name: 'with Extra', header: ['Region', 'Amount', 'Units', 'Extra'], rows: [['Nord', 5, 1, 'x'], ['Süd', -0, 2, 'y'], ['=1+1', 12.5, 3, 'z']] };
const NEXT: Step = {
  name: 'grown, reordered, Channel added, Extra lost',
  header: ['Units', 'Channel', 'Amount', 'Region'],
  rows: STEPS[1]!.rows.map((r, i) => [r[2]!, i % 2 ? 'Web' : 'Shop', r[1]!, r[0]!]),
};

describe.each(['resize', 'rows'] as const)('a failure at each sync of a refresh puts everything back (%s)', (resizeMode) => {
  it('a landed table with a calculated column, formulas and a PivotTable on it', async () => {
    const first = await serveAndPull(server, FIRST);
    const next = await serveAndPull(server, NEXT);
    const target = { sourceId: 'orders', tableName: 'Orders', sheet: 'Orders' };
    const block = landingBlock(next.table, next.columns);
    const build = async () => {
      const sim = createSimulator(modelFromRows('Report', [['']]));
      await landTable(sim.run, landingBlock(first.table, first.columns), target, { resizeMode });
      await sim.run(async (ctx) => {
        const wb = ctx.workbook;
        const t = wb.tables.getItem('Orders');
        t.columns.add(null, undefined, 'Value');
        t.columns.getItem('Value').getDataBodyRange().formulas = [['=[@Amount]*[@Units]']];
        const report = wb.worksheets.getItem('Report');
        report.getRange('A1:A3').formulas = [['=SUM(Orders[Value])'], ['=SUMIFS(Orders[Amount],Orders[Region],"Nord")'], ['=Orders!B4']];
        const p = report.pivotTables.add('ByRegion', t, 'Report!D3');
        p.rowHierarchies.add(p.hierarchies.getItem('Region'));
        p.dataHierarchies.add(p.hierarchies.getItem('Amount'));
        await ctx.sync();
      });
      return sim;
    };
    const counting = faultyRun(await build(), 0);
    await landTable(counting.run, block, target, { resizeMode });
    const total = counting.syncs();
    expect(total).toBeGreaterThan(5);
    for (let k = 1; k <= total; k++) {
      const sim = await build();
      const before = content(sim);
      // By hand: Value 5·1 + 0·2 + 12.5·3 = 42.5; Nord's Amount 5; Orders!B4 is the third row's Amount.
      expect(await read(sim, 'Report', 'A1:A3'), 'before').toEqual([[42.5], [5], [12.5]]);
      await expect(landTable(faultyRun(sim, k).run, block, target, { resizeMode })).rejects.toThrow();
      expect(content(sim), `fault at sync ${k} of ${total}`).toBe(before);
      expect(await read(sim, 'Report', 'A1:A3'), `fault at sync ${k} of ${total}`).toEqual([[42.5], [5], [12.5]]);
    }
  });

  it('a query table with a calculated column, formulas and a PivotTable on it', async () => {
    const spec = (rows: string[]): QuerySpec => ({ version: 1, source: { kind: 'table', name: 'Orders' }, rows, columns: [], measures: [{ id: 'a', label: 'Amount', kind: 'sum', field: 'Amount' }] });
    const first = await serveAndPull(server, FIRST);
    const next = await serveAndPull(server, NEXT);
    // The edit adds Channel and drops Units from the rows: a column added, one lost that nothing uses.
    const oldBlock = flatBlock(executeQuery(spec(['Region', 'Units']), () => first.table).flat!);
    const newBlock = flatBlock(executeQuery(spec(['Channel', 'Region']), () => next.table).flat!);
    const options = { queryId: 'q', target: { kind: 'at' as const, sheet: 'Q', cell: 'B2' }, resizeMode };
    const build = async () => {
      const sim = createSimulator(modelFromRows('Mine', [['']]));
      await writeQueryOutput(sim.run, oldBlock, options);
      await sim.run(async (ctx) => {
        const t = ctx.workbook.tables.getItem('PivotDeck_q');
        t.columns.add(null, undefined, 'Double');
        t.columns.getItem('Double').getDataBodyRange().formulas = [['=[@Amount]*2']];
        const mine = ctx.workbook.worksheets.getItem('Mine');
        mine.getRange('A1:A2').formulas = [['=SUM(PivotDeck_q[Double])'], ['=SUMIFS(PivotDeck_q[Amount],PivotDeck_q[Region],"Süd")']];
        const p = mine.pivotTables.add('OnQuery', t, 'Mine!D3');
        p.rowHierarchies.add(p.hierarchies.getItem('Region'));
        p.dataHierarchies.add(p.hierarchies.getItem('Amount'));
        await ctx.sync();
      });
      return sim;
    };
    const counting = faultyRun(await build(), 0);
    await writeQueryOutput(counting.run, newBlock, options);
    const total = counting.syncs();
    expect(total).toBeGreaterThan(3);
    for (let k = 1; k <= total; k++) {
      const sim = await build();
      const before = content(sim);
      // By hand: Amount 5 + -0 + 12.5 = 17.5, doubled 35; Süd's Amount -0 (shown 0).
      expect(await read(sim, 'Mine', 'A1:A2'), 'before').toEqual([[35], [0]]);
      await expect(writeQueryOutput(faultyRun(sim, k).run, newBlock, options)).rejects.toThrow();
      expect(content(sim), `fault at sync ${k} of ${total}`).toBe(before);
      expect(await read(sim, 'Mine', 'A1:A2'), `fault at sync ${k} of ${total}`).toEqual([[35], [0]]);
    }
  });

  it('a landed table shrinking to two rows: A1 references to its first and last rows are back in place after every failure', async () => {
    const first = await serveAndPull(server, FIRST);
    const two = await serveAndPull(server, { name: 'two rows', header: ['Region', 'Amount', 'Units', 'Extra'], rows: [['Ost', 7, 1, 'w'], ['West', 0.25, 2, 'v']] });
    const target = { sourceId: 'orders', tableName: 'Orders', sheet: 'Orders' };
    const block = landingBlock(two.table, two.columns);
    const build = async () => {
      const sim = createSimulator(modelFromRows('Report', [['']]));
      await landTable(sim.run, landingBlock(first.table, first.columns), target, { resizeMode });
      await sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Report').getRange('A1:A3').formulas = [['=Orders!B2'], ['=Orders!B4'], ['=SUM(Orders[Amount])']];
        await ctx.sync();
      });
      return sim;
    };
    const counting = faultyRun(await build(), 0);
    await landTable(counting.run, block, target, { resizeMode });
    const total = counting.syncs();
    for (let k = 1; k <= total; k++) {
      const sim = await build();
      const before = content(sim);
      await expect(landTable(faultyRun(sim, k).run, block, target, { resizeMode })).rejects.toThrow();
      expect(content(sim), `fault at sync ${k} of ${total}`).toBe(before);
      // By hand: the first row's Amount 5, the last row's 12.5; 5 + -0 + 12.5 = 17.5.
      expect(await read(sim, 'Report', 'A1:A3'), `fault at sync ${k} of ${total}`).toEqual([[5], [12.5], [17.5]]);
    }
    // The refresh that succeeds: the first row holds Ost; the second (and last) row West.
    const sim = await build();
    await landTable(sim.run, block, target, { resizeMode });
    const values = await read(sim, 'Report', 'A1:A3');
    expect(values[0]).toEqual([7]);
    expect(values[2]).toEqual([7.25]);
    // Table.resize clears the rows below; row deletion moved the old last row up to row 3.
    expect(values[1]).toEqual(resizeMode === 'resize' ? [0] : [0.25]);
  });
});
