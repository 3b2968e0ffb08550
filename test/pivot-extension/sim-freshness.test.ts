/**
 * Out of date is said, never "match" (issue 14 part 5): an extension remembers what it was
 * computed against; when the pivot or its source changes, checking marks the block's header on
 * the sheet and records why; unchanged stays quiet; the automatic option refreshes instead.
 * Expected numbers are worked out by hand from hand-data.ts's 12 rows.
 */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { DocumentService, ExtensionCoordinator, memoryDocumentStorage, type ExtendDeps } from '../../src/refresh';
import { PIVOT_CHANGED, SOURCE_CHANGED } from '../../src/refresh/extensions/freshness';
import { NO_RECORD } from '../../src/refresh/extensions/check-extension';
import { watchExtensions } from '../../src/refresh/extensions/extension-watch';
import { basePivot, handSimulator } from './sim-workbook';

type Sim = ReturnType<typeof handSimulator>;
const MEDIAN: ExtensionMeasure = { id: 'med', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };
const NOW = () => new Date('2025-01-02T03:04:05Z');
const single = (over = {}) => basePivot({ data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }], ...over });

async function column(sim: Sim, sheet: string, address: string): Promise<CellValue[]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load('values');
    await ctx.sync();
    return r.values.map((row) => row[0]);
  });
}
async function setCells(sim: Sim, sheet: string, address: string, v: CellValue[][]) {
  await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem(sheet).getRange(address).values = v; await ctx.sync(); });
}

/** A simulator with pivot P (rows as given) on "Pivot", and a coordinator holding one extension of it, written. */
async function extended(rows: Array<{ name: string }>, extra: Partial<PivotDeckDocument['extensions'][number]> = {}) {
  const sim = handSimulator([single({ rows })]);
  const storage = memoryDocumentStorage(emptyDocument());
  const documents = new DocumentService(storage);
  const deps: ExtendDeps = { run: sim.run, canReadDataSource: true };
  const coordinator = new ExtensionCoordinator(deps, documents);
  const outcome = await coordinator.add({ extensionId: 'e1', pivotName: 'P', pivotSheet: 'Pivot', measures: [MEDIAN], placement: { kind: 'beside' } }, { now: NOW });
  expect(outcome.status).toBe('written');
  if (Object.keys(extra).length) {
    await documents.update('test', (d) => ({ ...d, extensions: d.extensions.map((e) => ({ ...e, ...extra })) }));
  }
  return { sim, documents, coordinator, storage };
}

describe('an extension knows when it is out of date', () => {
  it('unchanged pivot and source: current, and checking writes nothing to the sheet or the document', async () => {
    const { sim, coordinator, storage, documents } = await extended([{ name: 'Region' }]);
    expect((await documents.read()).extensions[0]!.computedAgainst).toMatchObject({ rows: ['Region'], columns: [], rowItemCount: 5, sourceRows: 12 });
    const saves = storage.saves();
    const before = JSON.stringify(sim.toModel());
    expect(await coordinator.check('e1', { now: NOW })).toEqual({ state: 'current' });
    expect(storage.saves()).toBe(saves);
    expect(JSON.stringify(sim.toModel())).toBe(before);
  });

  it('a row field removed: "Out of date — the PivotTable changed", the header marked on the sheet, then a refresh realigns and unmarks', async () => {
    const { sim, coordinator, documents } = await extended([{ name: 'Region' }, { name: 'Category' }]);
    // Compact, subtotals at top: header + North, Bikes, Cars, South, Bikes, Cars, West, Bikes, (blank), Bikes, Grand Total.
    expect(await column(sim, 'Pivot', 'C3:C3')).toEqual(['Median of Revenue']);
    await sim.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Pivot').pivotTables.getItem('P');
      p.rowHierarchies.remove(p.rowHierarchies.getItem('Category'));
      await ctx.sync();
    });
    const f = await coordinator.check('e1', { now: NOW });
    expect(f).toMatchObject({ state: 'stale', changed: 'pivot', headline: PIVOT_CHANGED });
    if (f.state !== 'stale') return;
    expect(f.reasons).toContain('the row fields changed: "Category" was removed');
    expect(f.reasons).toContain('the PivotTable shows 5 rows now (it showed 11)');
    // Taking a field off is not a filter change.
    expect(f.reasons).not.toContain('a filter of the PivotTable changed');
    // The old 12-row block stays (nothing is recomputed without the user) but says it is out of date.
    expect(await column(sim, 'Pivot', 'C3:C4')).toEqual(['Out of date — Median of Revenue', 150]);
    const ext = (await documents.read()).extensions[0]!;
    expect(ext.outOfDate).toEqual({ at: '2025-01-02T03:04:05.000Z', changed: 'pivot', reasons: f.reasons });

    // A second check finds the same: no new document save.
    await coordinator.check('e1', { now: NOW });
    expect(await column(sim, 'Pivot', 'C3:C3')).toEqual(['Out of date — Median of Revenue']);

    await coordinator.refreshOne('e1', { now: NOW });
    // Region only: North 150, South 400, West 250, (blank) 80, Grand Total 225; the old rows below emptied.
    expect(await column(sim, 'Pivot', 'C3:C10')).toEqual(['Median of Revenue', 150, 400, 250, 80, 225, '', '']);
    const after = (await documents.read()).extensions[0]!;
    expect(after.outOfDate).toBeUndefined();
    expect(after.computedAgainst?.rows).toEqual(['Region']);
    expect(await coordinator.check('e1', { now: NOW })).toEqual({ state: 'current' });
  });

  it('source rows changed without refreshing the pivot: the source is named; after the pivot refresh, the pivot', async () => {
    const { sim, coordinator } = await extended([{ name: 'Region' }]);
    await setCells(sim, 'Data', 'E2', [[1000]]);
    expect(await coordinator.check('e1', { now: NOW })).toEqual({ state: 'stale', changed: 'source', headline: SOURCE_CHANGED, reasons: ['the source data changed'] });
    expect(await column(sim, 'Pivot', 'C3:C3')).toEqual(['Out of date — Median of Revenue']);
    await sim.run(async (ctx) => { ctx.workbook.pivotTables.getItem('P').refresh(); await ctx.sync(); });
    const f = await coordinator.check('e1', { now: NOW });
    expect(f).toMatchObject({ state: 'stale', changed: 'pivot', reasons: ['the PivotTable\'s numbers changed', 'the source data changed'] });
  });

  it('a table source that grows by a row says how many rows it has now', async () => {
    const sim = handSimulator([single({ rows: [{ name: 'Region' }], source: { kind: 'table', table: 'SalesT' } })]);
    const documents = new DocumentService(memoryDocumentStorage(emptyDocument()));
    const coordinator = new ExtensionCoordinator({ run: sim.run, canReadDataSource: true }, documents);
    expect((await coordinator.add({ extensionId: 'e1', pivotName: 'P', pivotSheet: 'Pivot', measures: [MEDIAN], placement: { kind: 'beside' } })).status).toBe('written');
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('TData').getRange('A14:F14').values = [['Nörth', 'Bikes', 'Zoë', 1, -0, 13]];
      ctx.workbook.tables.getItem('SalesT').resize('A1:F14');
      await ctx.sync();
    });
    const f = await coordinator.check('e1');
    expect(f).toMatchObject({ state: 'stale', changed: 'source', reasons: ['the source data has 13 rows now (it had 12)'] });
  });

  it('a filter change (an item hidden) is out of date even before anything else is compared', async () => {
    const { sim, coordinator } = await extended([{ name: 'Region' }]);
    await sim.run(async (ctx) => {
      const p = ctx.workbook.pivotTables.getItem('P');
      p.rowHierarchies.getItem('Region').fields.getItem('Region').items.getItem('West').visible = false;
      await ctx.sync();
    });
    const f = await coordinator.check('e1');
    expect(f.state).toBe('stale');
    if (f.state !== 'stale') return;
    expect(f.reasons[0]).toBe('a filter of the PivotTable changed');
    expect(f.headline).toBe(PIVOT_CHANGED);
  });

  it('with the automatic option on, a changed pivot is refreshed instead of marked', async () => {
    const { sim, coordinator, documents } = await extended([{ name: 'Region' }, { name: 'Category' }], { autoRefresh: true });
    await sim.run(async (ctx) => {
      const p = ctx.workbook.pivotTables.getItem('P');
      p.rowHierarchies.remove(p.rowHierarchies.getItem('Category'));
      await ctx.sync();
    });
    expect(await coordinator.check('e1', { now: NOW })).toEqual({ state: 'current' });
    expect(await column(sim, 'Pivot', 'C3:C8')).toEqual(['Median of Revenue', 150, 400, 250, 80, 225]);
    expect((await documents.read()).extensions[0]!.outOfDate).toBeUndefined();
  });

  it('the automatic option cannot refresh a pivot whose source changed but was not refreshed: it marks instead', async () => {
    const { sim, coordinator, documents } = await extended([{ name: 'Region' }], { autoRefresh: true });
    await setCells(sim, 'Data', 'E2', [[1000]]);
    const f = await coordinator.check('e1', { now: NOW });
    expect(f.state).toBe('stale');
    expect(await column(sim, 'Pivot', 'C3:C4')).toEqual(['Out of date — Median of Revenue', 150]);
    expect((await documents.read()).extensions[0]!.outOfDate?.changed).toBe('source');
  });

  it('an extension saved before the record existed is "unknown", never current', async () => {
    const { coordinator, documents } = await extended([{ name: 'Region' }]);
    await documents.update('test', (d) => ({ ...d, extensions: d.extensions.map(({ computedAgainst: _c, ...e }) => e) }));
    expect(await coordinator.check('e1')).toEqual({ state: 'unknown', message: NO_RECORD });
  });

  it('the watch checks when a sheet is activated and ignores PivotDeck\'s own writes', async () => {
    const { sim, coordinator, documents } = await extended([{ name: 'Region' }, { name: 'Category' }]);
    let rounds = 0;
    const stop = await watchExtensions(coordinator, { delayMs: 0, onChecked: () => { rounds++; } });
    const settle = async (n: number) => { for (let i = 0; i < 50 && rounds < n; i++) { await sim.eventsDelivered(); await new Promise((r) => setTimeout(r, 5)); } };
    await settle(1); // the check on start
    expect(rounds).toBe(1);
    await sim.run(async (ctx) => {
      const p = ctx.workbook.pivotTables.getItem('P');
      p.rowHierarchies.remove(p.rowHierarchies.getItem('Category'));
      await ctx.sync();
    });
    sim.activate('TData');
    await settle(2);
    expect(rounds).toBe(2);
    expect((await documents.read()).extensions[0]!.outOfDate?.changed).toBe('pivot');
    // Marking the header was PivotDeck's own write: it raised no further round.
    await sim.eventsDelivered();
    await new Promise((r) => setTimeout(r, 20));
    expect(rounds).toBe(2);
    // A user's edit anywhere does.
    sim.setCellAsUser('Data', 'H1', 'note');
    await settle(3);
    expect(rounds).toBe(3);
    await stop();
  });
});
