/**
 * Extensions are editable like queries (issue 16 part 3): add, remove, reorder, rename single
 * measures and change a number format; "Add to pivot" again joins PivotDeck's own block instead
 * of calling it "your data"; a write that fails halfway puts the previous block back.
 * Expected values by hand from hand-data.ts (Region rows: North, South, West, (blank), Grand Total).
 */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument } from '../../src/model';
import { DocumentService, ExtensionCoordinator, memoryDocumentStorage } from '../../src/refresh';
import { faultyRun } from '../landing/helpers';
import { basePivot, handSimulator } from './sim-workbook';

type Sim = ReturnType<typeof handSimulator>;
const MEDIAN: ExtensionMeasure = { id: 'm1', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };
// The second editor session hands out the same id "m1" again.
const MAX: ExtensionMeasure = { id: 'm1', label: 'Max of Revenue', kind: 'max', field: 'Revenue' };
// Median: North [100,50,150,300,500] 150, South [200,400,400] 400, West 250, (blank) 80, all 225.
const MEDIANS = [150, 400, 250, 80, 225];
// Max: North 500, South 400, West 250, (blank) 80, all 500.
const MAXES = [500, 400, 250, 80, 500];

async function cells(sim: Sim, address: string, what: 'values' | 'numberFormat' = 'values'): Promise<CellValue[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('Pivot').getRange(address).load(what);
    await ctx.sync();
    return r[what] as CellValue[][];
  });
}
const names = async (sim: Sim) => sim.run(async (ctx) => {
  const n = ctx.workbook.names.load('items/name, items/formula');
  await ctx.sync();
  return n.items.map((i) => [i.name, i.formula]);
});

async function setup() {
  const sim = handSimulator([basePivot({ rows: [{ name: 'Region' }], data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }] })]);
  const documents = new DocumentService(memoryDocumentStorage(emptyDocument()));
  const coordinator = new ExtensionCoordinator({ run: sim.run, canReadDataSource: true }, documents);
  const first = await coordinator.add({ pivotName: 'P', pivotSheet: 'Pivot', measures: [MEDIAN], placement: { kind: 'beside' } });
  expect(first.status).toBe('written');
  const id = (await documents.read()).extensions[0]!.id;
  return { sim, documents, coordinator, id };
}

describe('editing an extension', () => {
  it('"Add to pivot" again joins the block beside the pivot: no "your data", one extension, a fresh id', async () => {
    const { sim, documents, coordinator } = await setup();
    const again = await coordinator.add({ pivotName: 'P', pivotSheet: 'Pivot', measures: [MAX], placement: { kind: 'beside' } });
    expect(again.status).toBe('written');
    expect(JSON.stringify(again)).not.toMatch(/your data/);
    const doc = await documents.read();
    expect(doc.extensions).toHaveLength(1);
    expect(doc.extensions[0]!.measures.map((m) => [m.id, m.label])).toEqual([['m1', 'Median of Revenue'], ['m1_2', 'Max of Revenue']]);
    expect(await cells(sim, 'C3:D8')).toEqual([['Median of Revenue', 'Max of Revenue'], ...MEDIANS.map((v, i) => [v, MAXES[i]])]);
  });

  it('another extension\'s block in the way is called PivotDeck\'s, not "your data"; a user\'s cell still is', async () => {
    const { sim, coordinator, id } = await setup();
    const before = JSON.stringify(sim.toModel());
    const other = await coordinator.add({ extensionId: 'second', pivotName: 'P', pivotSheet: 'Pivot', measures: [MAX], placement: { kind: 'beside' } });
    expect(other.status).toBe('refused');
    if (other.status !== 'refused') return;
    expect(other.message).toMatch(/another PivotDeck extension's columns are there/);
    expect(other.message).not.toMatch(/your data/);
    expect(JSON.stringify(sim.toModel())).toBe(before);
    // Once that block is gone, a cell of the user's in its place is theirs.
    await coordinator.remove(id);
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Pivot').getRange('C6').values = [['ünïcode note']]; await ctx.sync(); });
    const mixed = await coordinator.add({ extensionId: 'third', pivotName: 'P', pivotSheet: 'Pivot', measures: [MAX], placement: { kind: 'beside' } });
    expect(mixed.status === 'refused' && mixed.message).toMatch(/1 cell there holds your data \(C6\)\. Nothing was changed\. Move that cell/);
  });

  it('reorders, renames, formats and removes single columns, each rewriting the block in place', async () => {
    const { sim, documents, coordinator, id } = await setup();
    await coordinator.add({ pivotName: 'P', pivotSheet: 'Pivot', measures: [MAX], placement: { kind: 'beside' } });

    expect((await coordinator.edit(id, { kind: 'move', id: 'm1_2', to: 0 })).status).toBe('written');
    expect(await cells(sim, 'C3:D4')).toEqual([['Max of Revenue', 'Median of Revenue'], [500, 150]]);

    expect((await coordinator.edit(id, { kind: 'rename', id: 'm1', label: '  Médiane — revenue  ' })).status).toBe('written');
    expect(await cells(sim, 'D3:D3')).toEqual([['Médiane — revenue']]);

    expect((await coordinator.edit(id, { kind: 'format', id: 'm1', numberFormat: '0.0' })).status).toBe('written');
    expect((await cells(sim, 'D4:D8', 'numberFormat')).flat()).toEqual(['0.0', '0.0', '0.0', '0.0', '0.0']);

    expect((await coordinator.edit(id, { kind: 'remove', id: 'm1_2' })).status).toBe('written');
    expect(await cells(sim, 'C3:D8')).toEqual([['Médiane — revenue', ''], ...MEDIANS.map((v) => [v, ''])]);
    const ext = (await documents.read()).extensions[0]!;
    expect(ext.measures).toEqual([{ ...MEDIAN, label: 'Médiane — revenue', numberFormat: '0.0' }]);
    expect(ext.output?.address).toBe('Pivot!C3:C8');
    expect(await names(sim)).toEqual([[`PivotDeck_${id}`, '=Pivot!$C$3:$C$8']]);
  });

  it('refuses to remove the only column, and says why without touching anything', async () => {
    const { sim, coordinator, id } = await setup();
    const before = JSON.stringify(sim.toModel());
    const outcome = await coordinator.edit(id, { kind: 'remove', id: 'm1' });
    expect(outcome).toEqual({ status: 'invalid', message: '"Median of Revenue" is the only column of this extension: use Remove on the extension to delete it.' });
    expect(JSON.stringify(sim.toModel())).toBe(before);
  });

  it('a write that Excel fails halfway puts the previous block and its name back, and keeps the definition', async () => {
    const { sim, documents, id } = await setup();
    await new ExtensionCoordinator({ run: sim.run, canReadDataSource: true }, documents)
      .add({ pivotName: 'P', pivotSheet: 'Pivot', measures: [MAX], placement: { kind: 'beside' } });
    const blockBefore = await cells(sim, 'C3:E9');
    const formatsBefore = await cells(sim, 'C3:E9', 'numberFormat');
    const namesBefore = await names(sim);
    const docBefore = await documents.read();
    // Removing a column: read pivot 1, source 1 (the source's stamp comes from these rows), write 2
    // (the last one empties the old block and writes the new one in the same batch). Fail each sync in turn.
    for (let k = 1; k <= 4; k++) {
      const faulty = faultyRun(sim, k);
      const coordinator = new ExtensionCoordinator({ run: faulty.run, canReadDataSource: true }, documents);
      const outcome = await coordinator.edit(id, { kind: 'remove', id: 'm1' });
      expect(outcome.status, `fault at sync ${k}`).toBe('refused');
      expect(await cells(sim, 'C3:E9'), `fault at sync ${k}`).toEqual(blockBefore);
      expect(await cells(sim, 'C3:E9', 'numberFormat'), `fault at sync ${k}`).toEqual(formatsBefore);
      expect(await names(sim)).toEqual(namesBefore);
      expect(await documents.read()).toEqual(docBefore);
    }
    // And without a fault the same edit goes through.
    const ok = await new ExtensionCoordinator({ run: sim.run, canReadDataSource: true }, documents).edit(id, { kind: 'remove', id: 'm1' });
    expect(ok.status).toBe('written');
    expect(await cells(sim, 'C3:D8')).toEqual([['Max of Revenue', ''], ...MAXES.map((v) => [v, ''])]);
  });
});
