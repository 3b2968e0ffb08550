/**
 * Refresh, remove, save/reopen and cost figures of extensions in the simulator.
 */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import type { CellValue } from '../../src/excel/api';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { extendPivot, refreshAllExtensions, refreshExtension, removeExtension, ExtensionCoordinator, DocumentService, memoryDocumentStorage, type ExtendDeps } from '../../src/refresh';
import { createSimulator } from '../../src/simulator';
import { basePivot, handSimulator } from './sim-workbook';

type Sim = ReturnType<typeof handSimulator>;
const MEDIAN: ExtensionMeasure = { id: 'med', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };
const deps = (sim: Sim): ExtendDeps => ({ run: sim.run, canReadDataSource: true });
const NOW = () => new Date('2025-01-02T03:04:05Z');

async function values(sim: Sim, sheet: string, address: string): Promise<CellValue[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load('values');
    await ctx.sync();
    return r.values;
  });
}
async function setCells(sim: Sim, sheet: string, address: string, v: CellValue[][]) {
  await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem(sheet).getRange(address).values = v; await ctx.sync(); });
}
async function refreshPivot(sim: Sim) {
  await sim.run(async (ctx) => { ctx.workbook.pivotTables.getItem('P').refresh(); await ctx.sync(); });
}
function docWith(...ids: string[]): PivotDeckDocument {
  return { ...emptyDocument(), extensions: ids.map((id) => ({ id, pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' as const } })) };
}
const single = (over = {}) => basePivot({ data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }], ...over });

describe('refreshing extensions', () => {
  it('follows the pivot when it grows and shrinks, clearing exactly the old block', async () => {
    const sim = handSimulator([single({ rows: [{ name: 'Region' }] })]);
    let doc = docWith('e1');
    doc = (await refreshExtension(deps(sim), doc, 'e1', { now: NOW })).document;
    // Pivot A3:B8: North, South, West, (blank), Grand Total; block C3:C8.
    expect((await values(sim, 'Pivot', 'C3:C8')).map((r) => r[0])).toEqual(['Median of Revenue', 150, 400, 250, 80, 225]);
    expect(doc.extensions[0].lastRefresh).toEqual({ at: '2025-01-02T03:04:05.000Z', ok: true, message: 'Checked against Excel: 5 rows, 1 value field match.' });

    // Grow: the (blank) region becomes "East" and a South row becomes "Zed": 6 items.
    await setCells(sim, 'Data', 'A13', [['East']]);
    await setCells(sim, 'Data', 'A7', [['Zed']]);
    await refreshPivot(sim);
    doc = (await refreshExtension(deps(sim), doc, 'e1', { now: NOW })).document;
    // East [80], North 150, South [blank,400,'n/a',400] → 400, West 250, Zed [200] ; grand 225
    expect((await values(sim, 'Pivot', 'C3:C10')).map((r) => r[0])).toEqual(['Median of Revenue', 80, 150, 400, 250, 200, 225, '']);
    expect(doc.extensions[0].output).toEqual({ name: 'PivotDeck_e1', sheet: 'Pivot', address: 'Pivot!C3:C9' });

    // Shrink: everything becomes North → North, Grand Total.
    await setCells(sim, 'Data', 'A2:A13', Array.from({ length: 12 }, () => ['North']));
    await refreshPivot(sim);
    doc = (await refreshExtension(deps(sim), doc, 'e1', { now: NOW })).document;
    expect((await values(sim, 'Pivot', 'C3:C9')).map((r) => r[0])).toEqual(['Median of Revenue', 225, 225, '', '', '', '']);
  });

  it('a failing extension keeps its previous values and is marked, the others refresh', async () => {
    const sim = handSimulator([single({ rows: [{ name: 'Region' }] }), single({ name: 'Q', anchor: 'H3', rows: [{ name: 'Category' }] })]);
    let doc: PivotDeckDocument = { ...emptyDocument(), extensions: [
      { id: 'a', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } },
      { id: 'b', pivotName: 'Q', measures: [MEDIAN], placement: { kind: 'beside' } },
    ] };
    doc = (await refreshAllExtensions(deps(sim), doc, { now: NOW })).document;
    // Q: Bikes [100,50,150,200,250,80] → 125; Cars [300,500,400,400] → 400; grand 225.
    expect((await values(sim, 'Pivot', 'J3:J6')).map((r) => r[0])).toEqual(['Median of Revenue', 125, 400, 225]);
    // Change the source without refreshing the pivots: both are stale now; refresh only Q's pivot.
    await setCells(sim, 'Data', 'E2', [[1000]]);
    await sim.run(async (ctx) => { ctx.workbook.pivotTables.getItem('Q').refresh(); await ctx.sync(); });
    const result = await refreshAllExtensions(deps(sim), doc, { now: NOW });
    expect(result.outcomes.get('a')?.status).toBe('disagrees');
    expect(result.document.extensions[0].lastRefresh?.ok).toBe(false);
    expect(result.document.extensions[0].lastRefresh?.message).toMatch(/refresh it/);
    expect((await values(sim, 'Pivot', 'C3:C8')).map((r) => r[0])).toEqual(['Median of Revenue', 150, 400, 250, 80, 225]);
    // Bikes now [1000,50,150,200,250,80] → 175.
    expect(result.document.extensions[1].lastRefresh?.ok).toBe(true);
    expect((await values(sim, 'Pivot', 'J3:J6')).map((r) => r[0])).toEqual(['Median of Revenue', 175, 400, 275]);
  });

  it('remove deletes exactly the block and its name', async () => {
    const sim = handSimulator([single({ rows: [{ name: 'Region' }] })]);
    await setCells(sim, 'Pivot', 'C2', [['keep me']]);
    await setCells(sim, 'Pivot', 'C9', [['and me']]);
    let doc = (await refreshExtension(deps(sim), docWith('e1'), 'e1')).document;
    doc = await removeExtension(sim.run, doc, 'e1');
    expect(doc.extensions).toEqual([]);
    expect((await values(sim, 'Pivot', 'C2:C9')).map((r) => r[0])).toEqual(['keep me', '', '', '', '', '', '', 'and me']);
    const name = await sim.run(async (ctx) => { const n = ctx.workbook.names.getItemOrNullObject('PivotDeck_e1'); n.load('name'); await ctx.sync(); return n.isNullObject; });
    expect(name).toBe(true);
  });

  it('the definition survives save and reopen, and refreshes in the reopened workbook', async () => {
    const sim = handSimulator([single({ rows: [{ name: 'Region' }] })]);
    const opened = await loadWorkbookDocument(sim.run);
    expect(opened.status).toBe('empty');
    const doc = (await refreshExtension(deps(sim), docWith('e1'), 'e1', { now: NOW })).document;
    await saveWorkbookDocument(sim.run, opened, doc);
    const reopened = createSimulator(JSON.parse(JSON.stringify(sim.toModel())));
    const again = await loadWorkbookDocument(reopened.run);
    expect(again.status).toBe('ok');
    expect(again.document).toEqual(doc);
    await setCells(reopened, 'Data', 'E2', [[1000]]);
    await reopened.run(async (ctx) => { ctx.workbook.pivotTables.getItem('P').refresh(); await ctx.sync(); });
    const next = await refreshExtension({ run: reopened.run, canReadDataSource: true }, again.document, 'e1');
    expect(next.outcomes.get('e1')?.status).toBe('written');
    // North [1000,50,150,300,500] → 300; grand [50,80,150,200,250,300,400,400,500,1000] → 275.
    expect((await values(reopened, 'Pivot', 'C3:C8')).map((r) => r[0])).toEqual(['Median of Revenue', 300, 400, 250, 80, 275]);
  });

  it('refuses to save over a document from a newer PivotDeck', async () => {
    const sim = handSimulator();
    await sim.run(async (ctx) => { ctx.workbook.settings.add('PivotDeck.document', JSON.stringify({ schemaVersion: 99 })); await ctx.sync(); });
    const opened = await loadWorkbookDocument(sim.run);
    expect(opened.readOnly).toBe(true);
    await expect(saveWorkbookDocument(sim.run, opened, emptyDocument())).rejects.toThrow(/newer PivotDeck/);
  });

  it('concurrent refresh-all requests coalesce into one run', async () => {
    const sim = handSimulator([single({ rows: [{ name: 'Region' }] })]);
    const storage = memoryDocumentStorage(docWith('e1'));
    const documents = new DocumentService(storage);
    const coordinator = new ExtensionCoordinator(deps(sim), documents);
    const [a, b] = [coordinator.refreshAll(), coordinator.refreshAll()];
    expect(a).toBe(b);
    expect(coordinator.busy).toBe(true);
    await a;
    expect(storage.saves()).toBe(1);
    expect(coordinator.busy).toBe(false);
    expect((await documents.read()).extensions[0].lastRefresh?.ok).toBe(true);
  });

  it('costs a fixed number of syncs and bytes (deterministic figures)', async () => {
    const sim = handSimulator();
    sim.resetStats();
    const outcome = await extendPivot(deps(sim), { extensionId: 'c', pivotName: 'P', pivotSheet: 'Pivot', measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(outcome.status).toBe('written');
    const stats = sim.stats();
    // read pivot 1 + source 1 (geometry, header, formats and all 12 rows together; the source's
    // stamp, what later out-of-date checks compare, is made from these rows) + write 2 = 4.
    // (Before the one source stamp: 6 syncs over 4 runs, the stamp reading a sample again.)
    expect({ runs: stats.runs, syncs: stats.syncs }).toEqual({ runs: 3, syncs: 4 });
    expect(stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats).toMatchSnapshot();
  });
});

describe('pivots with column fields', () => {
  for (const showRowGrandTotals of [true, false]) {
    it(`computes per row across all columns and reconciles (${showRowGrandTotals ? 'Grand Total column' : 'sum across columns'})`, async () => {
      const sim = handSimulator([single({ rows: [{ name: 'Region' }], columns: [{ name: 'Category' }], showRowGrandTotals })]);
      const outcome = await extendPivot(deps(sim), { extensionId: 'c', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } });
      expect(outcome.status).toBe('written');
      if (outcome.status !== 'written') return;
      expect(outcome.summary).toBe('Checked against Excel: 5 rows, 1 value field match.');
      expect(outcome.notes).toContain('The pivot has column fields (Category); PivotDeck computes each new measure per row, across all columns.');
      // Body: Bikes | Cars (| Grand Total) → block starts right of it, header on the row above the body.
      const column = showRowGrandTotals ? 'E' : 'D';
      expect(outcome.write.address).toBe(`Pivot!${column}4:${column}9`);
      expect((await values(sim, 'Pivot', `${column}4:${column}9`)).map((r) => r[0])).toEqual(['Median of Revenue', 150, 400, 250, 80, 225]);
    });
  }
});
