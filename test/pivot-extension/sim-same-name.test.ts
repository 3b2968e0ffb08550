/**
 * Two PivotTables named "PivotTable1" on two sheets, over different data: Excel allows it (names
 * are unique per sheet), so every lookup must carry the sheet. Expected values come from a plain
 * loop over each pivot's own source rows.
 */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import type { CellValue } from '../../src/excel/api';
import { getSelectedPivot } from '../../src/excel/selected-pivot';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, openDocument, type PivotDeckDocument } from '../../src/model';
import { DocumentService, ExtensionCoordinator, memoryDocumentStorage, refreshAllExtensions, type ExtendDeps } from '../../src/refresh';
import { refreshAllCommand } from '../../src/commands/ribbon';
import { createServices } from '../../src/refresh/services';
import { createSimulator } from '../../src/simulator';
import { HEADER, ROWS } from './hand-data';
import { basePivot, handSimulator, sheetWith } from './sim-workbook';

type Sim = ReturnType<typeof handSimulator>;
const MEDIAN: ExtensionMeasure = { id: 'med', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };

// Other data for the second pivot: non-ASCII labels, -0, a tie and a one-row group.
const OTHER_ROWS: CellValue[][] = [
  ['Nörd', 'Bikes', 'Åsa', 1, 7, 1],
  ['Nörd', 'Bikes', 'Åsa', 1, -0, 2],
  ['Nörd', 'Cars', 'Bo', 1, 7, 3],
  ['Süd', 'Cars', 'Bo', 2, 1000, 4],
  ['Ost', 'Bikes', 'Cé', 1, 3, 5],
  ['Ost', 'Bikes', 'Cé', 1, 5, 6],
];
const sum = { data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' as const }], rows: [{ name: 'Region' }] };

function twoSheets(): Sim {
  return handSimulator([
    basePivot({ ...sum, name: 'PivotTable1', sheet: 'Pivot', anchor: 'A3' }),
    basePivot({ ...sum, name: 'PivotTable1', sheet: 'Other', anchor: 'A3', source: { kind: 'range', sheet: 'Data2', address: 'A1:F7' } }),
  ], [sheetWith('Data2', [HEADER, ...OTHER_ROWS]), { name: 'Other', cells: {} }]);
}

/** MEDIAN as Excel computes it: numbers only, text and blanks ignored. */
function median(values: CellValue[]): number {
  const xs: number[] = [];
  for (const v of values) if (typeof v === 'number') xs.push(v);
  xs.sort((a, b) => a - b);
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Expected column beside a Region pivot: header, one median per label, then the grand total. */
function expectedBeside(labels: CellValue[], rows: CellValue[][]): CellValue[] {
  const out: CellValue[] = ['Median of Revenue'];
  for (const label of labels.slice(1)) {
    const group: CellValue[] = [];
    for (const r of rows) {
      const region = r[0] === '' ? '(blank)' : r[0];
      if (label === 'Grand Total' || region === label) group.push(r[4]);
    }
    out.push(median(group));
  }
  return out;
}

async function column(sim: Sim, sheet: string, address: string): Promise<CellValue[]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load('values');
    await ctx.sync();
    return r.values.map((row) => row[0]);
  });
}
async function select(sim: Sim, sheet: string, address: string): Promise<void> {
  await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem(sheet).getRange(address).select(); await ctx.sync(); });
}
const deps = (sim: Sim): ExtendDeps => ({ run: sim.run, canReadDataSource: true });

// Pivot on "Pivot": North, South, West, (blank), Grand Total → A3:B8. On "Other": 3 regions → A3:B7.
const PIVOT_LABELS = 'A3:A8';
const OTHER_LABELS = 'A3:A7';

async function checkBoth(sim: Sim): Promise<void> {
  expect(await column(sim, 'Pivot', 'C3:C8')).toEqual(expectedBeside(await column(sim, 'Pivot', PIVOT_LABELS), ROWS));
  expect(await column(sim, 'Other', 'C3:C7')).toEqual(expectedBeside(await column(sim, 'Other', OTHER_LABELS), OTHER_ROWS));
}

describe('PivotTables with the same name on two sheets', () => {
  it('the simulator accepts the same name on another sheet and refuses it on the same sheet, as Excel does', async () => {
    const sim = twoSheets();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Other').pivotTables.add('PivotTable1', 'Data2!A1:F7', 'Other!K1');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
    await sim.run(async (ctx) => {
      const pivot = ctx.workbook.worksheets.getItem('Data').pivotTables.add('PivotTable1', 'Data2!A1:F7', 'Data!K1').load('name, worksheet/name');
      await ctx.sync();
      expect([pivot.name, pivot.worksheet.name]).toEqual(['PivotTable1', 'Data']);
    });
  });

  it('selecting a cell of each pivot and extending writes beside that pivot, from its own source', async () => {
    const sim = twoSheets();
    const documents = new DocumentService(memoryDocumentStorage(emptyDocument()));
    const coordinator = new ExtensionCoordinator(deps(sim), documents);

    await select(sim, 'Other', 'B4');
    const other = await getSelectedPivot(sim.run);
    expect(other).toEqual({ sheet: 'Other', name: 'PivotTable1' });
    const a = await coordinator.add({ extensionId: 'other', pivotName: other!.name, pivotSheet: other!.sheet, measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(a.status).toBe('written');
    // By hand: Nörd [7,-0,7] → 7, Ost [3,5] → 4, Süd [1000] → 1000, all → 6.
    expect(await column(sim, 'Other', 'A3:A7')).toEqual(['Row Labels', 'Nörd', 'Ost', 'Süd', 'Grand Total']);
    expect(await column(sim, 'Other', 'C3:C7')).toEqual(['Median of Revenue', 7, 4, 1000, 6]);
    expect(await column(sim, 'Pivot', 'C3:C8')).toEqual(['', '', '', '', '', '']);

    await select(sim, 'Pivot', 'A5');
    const pivot = await getSelectedPivot(sim.run);
    expect(pivot).toEqual({ sheet: 'Pivot', name: 'PivotTable1' });
    const b = await coordinator.add({ extensionId: 'pivot', pivotName: pivot!.name, pivotSheet: pivot!.sheet, measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(b.status).toBe('written');
    await checkBoth(sim);
    expect((await documents.read()).extensions.map((e) => [e.id, e.pivotSheet])).toEqual([['other', 'Other'], ['pivot', 'Pivot']]);
  });

  it('refresh after save and reopen targets each pivot on its own sheet', async () => {
    const sim = twoSheets();
    const opened = await loadWorkbookDocument(sim.run);
    const doc: PivotDeckDocument = { ...emptyDocument(), extensions: [
      { id: 'o', pivotName: 'PivotTable1', pivotSheet: 'Other', measures: [MEDIAN], placement: { kind: 'beside' } },
      { id: 'p', pivotName: 'PivotTable1', pivotSheet: 'Pivot', measures: [MEDIAN], placement: { kind: 'beside' } },
    ] };
    await saveWorkbookDocument(sim.run, opened, doc);
    const reopened = createSimulator(JSON.parse(JSON.stringify(sim.toModel())));
    const again = await loadWorkbookDocument(reopened.run);
    expect(again.document.extensions.map((e) => e.pivotSheet)).toEqual(['Other', 'Pivot']);
    const result = await refreshAllExtensions({ run: reopened.run, canReadDataSource: true }, again.document);
    expect([...result.outcomes.values()].map((o) => o.status)).toEqual(['written', 'written']);
    await checkBoth(reopened);
  });

  it('an extension saved before the sheet was recorded takes it from its block beside the pivot', async () => {
    const sim = twoSheets();
    // A version-3 document as older PivotDeck saved it: no pivotSheet, output on "Other".
    const opened = openDocument(JSON.stringify({ ...emptyDocument(), schemaVersion: 3, extensions: [
      { id: 'o', pivotName: 'PivotTable1', measures: [MEDIAN], placement: { kind: 'beside' }, output: { name: 'PivotDeck_o', sheet: 'Other', address: 'Other!C3:C7' } },
    ] }));
    expect(opened.readOnly).toBe(false);
    const old = opened.document;
    expect(old.extensions[0].pivotSheet).toBe('Other');
    const result = await refreshAllExtensions(deps(sim), old);
    expect(result.outcomes.get('o')?.status).toBe('written');
    expect(await column(sim, 'Other', 'C3:C7')).toEqual(['Median of Revenue', 7, 4, 1000, 6]);
    expect(await column(sim, 'Pivot', 'C3:C8')).toEqual(['', '', '', '', '', '']);
  });

  it('an old extension whose sheet cannot be told refuses plainly instead of guessing', async () => {
    const sim = twoSheets();
    // Placed on a sheet of its own: its output says nothing about the pivot's sheet.
    const opened = openDocument(JSON.stringify({ ...emptyDocument(), schemaVersion: 3, extensions: [
      { id: 'o', pivotName: 'PivotTable1', measures: [MEDIAN], placement: { kind: 'sheet', sheet: 'Measures' }, output: { name: 'PivotDeck_o', sheet: 'Measures', address: 'Measures!A1:A5' } },
    ] }));
    expect(opened.document.extensions[0].pivotSheet).toBeUndefined();
    const result = await refreshAllExtensions(deps(sim), opened.document);
    const outcome = result.outcomes.get('o');
    expect(outcome?.status).toBe('refused');
    expect(outcome && 'message' in outcome ? outcome.message : '').toMatch(/cannot tell which PivotTable named "PivotTable1".*"Pivot", "Other".*Choose the PivotTable again/);
    expect(await column(sim, 'Other', 'C3:C7')).toEqual(['', '', '', '', '']);
  });

  it("the ribbon's Refresh all refreshes both pivots, then recomputes each block from its own pivot", async () => {
    const sim = twoSheets();
    const doc: PivotDeckDocument = { ...emptyDocument(), extensions: [
      { id: 'o', pivotName: 'PivotTable1', pivotSheet: 'Other', measures: [MEDIAN], placement: { kind: 'beside' } },
      { id: 'p', pivotName: 'PivotTable1', pivotSheet: 'Pivot', measures: [MEDIAN], placement: { kind: 'beside' } },
    ] };
    await saveWorkbookDocument(sim.run, { readOnly: false }, (await refreshAllExtensions(deps(sim), doc)).document);
    // Both sources change; nobody refreshes the pivots by hand.
    const rows = ROWS.map((r) => [...r]);
    rows[0][4] = 1000;
    const otherRows = OTHER_ROWS.map((r) => [...r]);
    otherRows[4][4] = -3;
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('E2').values = [[1000]];
      ctx.workbook.worksheets.getItem('Data2').getRange('E6').values = [[-3]];
      await ctx.sync();
    });
    let completed = 0;
    await refreshAllCommand(() => createServices({ run: sim.run, canReadDataSource: true }))({ completed: () => { completed++; } });
    expect(completed).toBe(1);
    expect(await column(sim, 'Pivot', 'C3:C8')).toEqual(expectedBeside(await column(sim, 'Pivot', PIVOT_LABELS), rows));
    expect(await column(sim, 'Other', 'C3:C7')).toEqual(expectedBeside(await column(sim, 'Other', OTHER_LABELS), otherRows));
    // By hand: Ost [-3,5] → 1; all [7,-0,7,1000,-3,5] → 6.
    expect(await column(sim, 'Other', 'C3:C7')).toEqual(['Median of Revenue', 7, 1, 1000, 6]);
    const saved = await loadWorkbookDocument(sim.run);
    expect(saved.document.extensions.map((e) => e.lastRefresh?.ok)).toEqual([true, true]);
  });
});
