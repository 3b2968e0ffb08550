/**
 * One source stamp (review follow-up of issue 14 part 5 / issue 18's sync counts): an extension
 * records its source's stamp from the rows it already read, in the same form dashboards and saved
 * queries record theirs, and checks it with a cheap read of the same positions. Against the
 * simulator: a just-extended pivot checks "up to date" without a sync spent on the stamp; a change
 * inside the sampled rows, a change of row count and a renamed header each give out of date; a
 * record saved by the previous PivotDeck (the older 64-row form, captured from that version's
 * code) is compared the old way and never gives a false "up to date"; the extension's stamp of a
 * table equals a dashboard's stamp of the same table.
 */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import type { CellValue } from '../../src/excel/api';
import { readSourceSamples } from '../../src/excel/dashboard/read-source-samples';
import { emptyDocument, type ComputedAgainst, type PivotDeckDocument } from '../../src/model';
import { DocumentService, ExtensionCoordinator, memoryDocumentStorage } from '../../src/refresh';
import type { DocumentStorage } from '../../src/refresh/document/document-service';
import { stampOf } from '../../src/refresh/dashboards/source-stamps';
import { workbookDocumentStorage } from '../../src/refresh/document/workbook-document-storage';
import { SOURCE_CHANGED, hasSampleStamp } from '../../src/refresh/extensions/freshness';
import { readSourceData } from '../../src/refresh/queries/source-data';
import { legacySampleIndexes, sampleChange, sampleIndexes, stampOfSample } from '../../src/refresh/source-stamp';
import { createSimulator, type Simulator } from '../../src/simulator';
import type { PivotModel } from '../../src/simulator/model';
import { basePivot, handWorkbook, sheetWith } from './sim-workbook';

const MEDIAN: ExtensionMeasure = { id: 'med', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };
const single = (over: Partial<PivotModel> = {}) => basePivot({ rows: [{ name: 'Region' }], data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }], ...over });

/**
 * What the previous PivotDeck (commit 08da0ab) recorded for `single()` over hand-data's 12 rows,
 * range and table source alike: captured by running that version's extendPivot, not computed here.
 */
const SAVED_BY_PREVIOUS_VERSION: ComputedAgainst = {
  rows: ['Region'], columns: [], rowItemCount: 5,
  rowItems: '10fa8f51bb5a7f12', values: '3ca5185d966fa4a0', filters: '741638a5ba8e594e',
  sourceRows: 12, source: '376a1016ddd63b71',
};

/** A 500-row source on "Big" (Region, Customer, Revenue) with awkward values, and a pivot P by Region over it. */
function bigWorkbook(): { sim: Simulator; rows: CellValue[][] } {
  const regions = ['Nörth', 'Süd', '東京', '', 'West'];
  const rows: CellValue[][] = Array.from({ length: 500 }, (_, i) => [regions[i % 5]!, `Zoë ${i % 7}`, i % 11 === 0 ? -0 : (i * 37) % 101]);
  const model = handWorkbook([], [sheetWith('Big', [['Region', 'Customer', 'Revenue'], ...rows])]);
  model.pivots.push(single({ source: { kind: 'range', sheet: 'Big', address: 'A1:C501' } }));
  return { sim: createSimulator(model), rows };
}

async function setCell(sim: Simulator, sheet: string, address: string, value: CellValue): Promise<void> {
  await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]]; await ctx.sync(); });
}

async function extendP(sim: Simulator, storage: DocumentStorage = memoryDocumentStorage(emptyDocument())) {
  const documents = new DocumentService(storage);
  const coordinator = new ExtensionCoordinator({ run: sim.run, canReadDataSource: true }, documents);
  sim.resetStats();
  const outcome = await coordinator.add({ extensionId: 'e1', pivotName: 'P', pivotSheet: 'Pivot', measures: [MEDIAN], placement: { kind: 'beside' } });
  const cost = sim.stats();
  expect(outcome.status).toBe('written');
  if (outcome.status !== 'written') throw new Error('not written');
  return { documents, coordinator, outcome, cost };
}

async function record(documents: DocumentService): Promise<ComputedAgainst> {
  const against = (await documents.read()).extensions[0]!.computedAgainst;
  expect(against).toBeDefined();
  return against!;
}

describe('extending records the source stamp from the rows it read', () => {
  for (const kind of ['range', 'table'] as const) {
    it(`${kind} source: no sync is spent on the stamp, and the block checks up to date at once`, async () => {
      const sim = createSimulator(handWorkbook([single(kind === 'table' ? { source: { kind: 'table', table: 'SalesT' } } : {})]));
      const { coordinator, documents, outcome, cost } = await extendP(sim);
      // Read the pivot 1 + the source (sourceSyncs) + write the block 2: nothing else.
      expect(outcome.sourceSyncs).toBe(1);
      expect({ runs: cost.runs, syncs: cost.syncs }).toEqual({ runs: 3, syncs: 1 + outcome.sourceSyncs + 2 });
      const against = await record(documents);
      expect(against.sourceRows).toBe(12);
      expect(against.sourceSample).toMatch(/^[0-9a-f]{8}$/);
      expect(against.source).toBe(against.sourceSample);
      sim.resetStats();
      expect(await coordinator.check('e1')).toEqual({ state: 'current' });
      // The check: the pivot 1, the sample 2 (row count, then the sampled rows as one range).
      expect(sim.stats().syncs).toBe(3);
    });
  }

  it('a 500-row source: the stamp from the full read equals the stamp from reading its 200 sampled rows now', async () => {
    const { sim } = bigWorkbook();
    const { coordinator, documents } = await extendP(sim);
    expect((await record(documents)).sourceRows).toBe(500);
    expect(await coordinator.check('e1')).toEqual({ state: 'current' });
  });
});

describe('a changed source is out of date', () => {
  it('a change inside the sampled rows (the last row is always sampled)', async () => {
    const { sim } = bigWorkbook();
    const { coordinator } = await extendP(sim);
    // Data row 499 is sheet row 501. -0 → 0 is no change (Excel shows both as 0); 0 → 1 is.
    expect(sampleIndexes(500)).toContain(499);
    await setCell(sim, 'Big', 'C501', 1);
    expect(await coordinator.check('e1')).toEqual({ state: 'stale', changed: 'source', headline: SOURCE_CHANGED, reasons: ['the source data changed'] });
  });

  it('a change outside the sampled rows with the same row count is not seen by the stamp (the stated limit)', async () => {
    const { sim } = bigWorkbook();
    const { coordinator } = await extendP(sim);
    // 500 rows: the sample is round(i × 499 / 199) for i = 0…199, so data row 1 (sheet row 3) is not in it.
    expect(Array.from({ length: 200 }, (_, i) => Math.round((i * 499) / 199))).not.toContain(1);
    await setCell(sim, 'Big', 'C3', 9999);
    expect(await coordinator.check('e1')).toEqual({ state: 'current' });
  });

  it('a change of row count (the table shrinks by a row)', async () => {
    const sim = createSimulator(handWorkbook([single({ source: { kind: 'table', table: 'SalesT' } })]));
    const { coordinator } = await extendP(sim);
    await sim.run(async (ctx) => { ctx.workbook.tables.getItem('SalesT').resize('A1:F12'); await ctx.sync(); });
    expect(await coordinator.check('e1')).toMatchObject({ state: 'stale', changed: 'source', reasons: ['the source data has 11 rows now (it had 12)'] });
  });

  it('a renamed header (the pivot not refreshed yet)', async () => {
    const sim = createSimulator(handWorkbook([single()]));
    const { coordinator } = await extendP(sim);
    await setCell(sim, 'Data', 'E1', 'Revenue €');
    expect(await coordinator.check('e1')).toMatchObject({ state: 'stale', changed: 'source', reasons: ['the source data changed'] });
  });
});

describe('a record saved by the previous PivotDeck (64-row form)', () => {
  /** A workbook whose settings hold a document with the previous version's record of e1. */
  async function savedByPreviousVersion(): Promise<Simulator> {
    const sim = createSimulator(handWorkbook([single()]));
    const storage = workbookDocumentStorage(sim.run);
    const { documents } = await extendP(sim, storage);
    await documents.update('as the previous version saved it', (d): PivotDeckDocument => ({
      ...d, extensions: d.extensions.map((e) => ({ ...e, computedAgainst: SAVED_BY_PREVIOUS_VERSION })),
    }));
    // Reopened: the document comes from the workbook's settings.
    return createSimulator(JSON.parse(JSON.stringify(sim.toModel())));
  }
  const open = (sim: Simulator) => {
    const documents = new DocumentService(workbookDocumentStorage(sim.run));
    return { documents, coordinator: new ExtensionCoordinator({ run: sim.run, canReadDataSource: true }, documents) };
  };

  it('is read as the older form and compared the old way: unchanged is up to date, at the same cost', async () => {
    const sim = await savedByPreviousVersion();
    const { documents, coordinator } = open(sim);
    expect(hasSampleStamp(await record(documents))).toBe(false);
    sim.resetStats();
    expect(await coordinator.check('e1')).toEqual({ state: 'current' });
    // The pivot 1 + the 64-row form's sample 2 + the document read 1.
    expect(sim.stats().syncs).toBe(4);
  });

  it('a changed sampled cell, a renamed header, a removed row: out of date, never up to date', async () => {
    const changes: Array<[string, (sim: Simulator) => Promise<void>]> = [
      ['sampled cell', (sim) => setCell(sim, 'Data', 'E13', 81)],
      ['-0 where 0 was blank', (sim) => setCell(sim, 'Data', 'E8', -0)],
      ['header', (sim) => setCell(sim, 'Data', 'A1', 'Région')],
      ['non-ASCII value', (sim) => setCell(sim, 'Data', 'C2', 'Änn')],
    ];
    for (const [what, change] of changes) {
      const sim = await savedByPreviousVersion();
      const { coordinator } = open(sim);
      await change(sim);
      expect(await coordinator.check('e1'), what).toMatchObject({ state: 'stale', changed: 'source' });
    }
  });

  it('a record whose hash is in neither form, or the new hash read as the old form, is never up to date', async () => {
    const sim = await savedByPreviousVersion();
    const { documents, coordinator } = open(sim);
    const withSource = (source: string, extra: Partial<ComputedAgainst> = {}) => documents.update('test', (d) => ({
      ...d, extensions: d.extensions.map((e) => ({ ...e, outOfDate: undefined, computedAgainst: { ...SAVED_BY_PREVIOUS_VERSION, source, ...extra } })),
    }));
    for (const source of ['', '376a1016ddd63b70', 'zzzzzzzz', '376a1016']) {
      await withSource(source);
      expect((await coordinator.check('e1')).state, source).toBe('stale');
    }
    // The old form's hash labelled as the new one: compared as the new form, so it reads as changed.
    await withSource('376a1016ddd63b71', { sourceSample: '376a1016ddd63b71' });
    expect((await coordinator.check('e1')).state).toBe('stale');
  });

  it('the next write replaces it with the one stamp, which then checks up to date', async () => {
    const sim = await savedByPreviousVersion();
    const { documents, coordinator } = open(sim);
    await coordinator.refreshOne('e1');
    const against = await record(documents);
    expect(hasSampleStamp(against)).toBe(true);
    expect(against.sourceSample).toMatch(/^[0-9a-f]{8}$/);
    expect(await coordinator.check('e1')).toEqual({ state: 'current' });
  });

  it('a new record re-saved by the previous version (which drops sourceSample) is still told apart by its hash', async () => {
    const sim = createSimulator(handWorkbook([single()]));
    const { documents, coordinator } = await extendP(sim);
    const { sourceSample: _dropped, ...resaved } = await record(documents);
    await documents.update('re-saved by the previous version', (d) => ({ ...d, extensions: d.extensions.map((e) => ({ ...e, computedAgainst: resaved })) }));
    expect(hasSampleStamp(resaved)).toBe(true);
    expect(await coordinator.check('e1')).toEqual({ state: 'current' });
    await setCell(sim, 'Data', 'E2', 101);
    expect((await coordinator.check('e1')).state).toBe('stale');
  });
});

describe('one form for every output', () => {
  it('the stamp an extension records of a table is the stamp a dashboard or saved query records of it, and what the cheap read gives', async () => {
    const sim = createSimulator(handWorkbook([single({ source: { kind: 'table', table: 'SalesT' } })]));
    await setCell(sim, 'TData', 'E3', -0);
    await setCell(sim, 'TData', 'A4', 'Nörth ✓');
    await sim.run(async (ctx) => { ctx.workbook.pivotTables.getItem('P').refresh(); await ctx.sync(); });
    const { documents } = await extendP(sim);
    const ext = await record(documents);
    const ref = { kind: 'table' as const, name: 'SalesT' };
    const dash = stampOf(ref, await readSourceData(sim.run, ref), []);
    expect({ rows: dash.rows, sample: dash.sample }).toEqual({ rows: ext.sourceRows, sample: ext.sourceSample });
    const { samples } = await readSourceSamples(sim.run, [{ key: 'table:SalesT', kind: 'table', name: 'SalesT' }], sampleIndexes);
    const now = samples.get('table:SalesT');
    expect(now).toBeDefined();
    expect(stampOfSample(now!)).toEqual({ rows: ext.sourceRows, sample: ext.sourceSample });
  });

  it('the comparison: gone, rows, values, nothing', () => {
    expect(sampleChange({ rows: 3, sample: 'a' }, undefined)).toBe('gone');
    expect(sampleChange({ rows: 3, sample: 'a' }, { rows: 4, sample: 'a' })).toBe('rows');
    expect(sampleChange({ rows: 3, sample: 'a' }, { rows: 3, sample: 'b' })).toBe('values');
    expect(sampleChange({ rows: 3 }, { rows: 3, sample: 'a' })).toBe('values');
    expect(sampleChange({ rows: 3, sample: 'a' }, { rows: 3, sample: 'a' })).toBeUndefined();
  });

  it('the older form sampled 64 rows with both ends', () => {
    expect(legacySampleIndexes(0)).toEqual([]);
    expect(legacySampleIndexes(64)).toHaveLength(64);
    const big = legacySampleIndexes(1000);
    expect([big.length, big[0], big.at(-1)]).toEqual([64, 0, 999]);
  });
});
