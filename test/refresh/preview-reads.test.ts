/**
 * Inserting a query right after its preview takes the preview's read of the table instead of
 * reading every row again, and only when that read is still what the sheet holds: nothing in the
 * workbook changed since it began (Excel's onChanged) and its stamp still matches (one sync).
 * Expected outputs are sums by a plain loop over the rows the test wrote, changed as the test
 * changes the sheet.
 */
import { describe, expect, it } from 'vitest';
import type { QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument } from '../../src/model';
import { DocumentService, memoryDocumentStorage } from '../../src/refresh/document';
import { PreviewReads, QueryCoordinator, readSourceData, type SourceData } from '../../src/refresh/queries';
import { unchangedReads } from '../../src/refresh/queries/unchanged-reads';
import { WorkbookEvents } from '../../src/refresh/services/workbook-events';
import { sampleIndexes } from '../../src/refresh/source-stamp';
import { createSimulator, type Simulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';

const ROWS = 1000;
const REGIONS = ['Nord', 'Süd', 'Ôst', 'Wëst'];
const data = (): CellValue[][] => [['Région', 'Amount'], ...Array.from({ length: ROWS }, (_, i) => [REGIONS[i % 4]!, (i * 37) % 101 - 50.5])];

function setup(rows = data()) {
  const sim = createSimulator(workbook({ sheets: [sheet('Data', cellsAt(rows)), sheet('Notes')], tables: [table('Sales', 'Data', `A1:B${ROWS + 1}`)] }));
  const documents = new DocumentService(memoryDocumentStorage(emptyDocument()));
  const queries = new QueryCoordinator({ run: sim.run }, documents);
  return { sim, queries, events: new WorkbookEvents(sim.run) };
}

/** Sum of Amount per region by a plain loop, sorted by region as the query sorts them. */
function sums(rows: CellValue[][]): CellValue[][] {
  const out = new Map<string, number>();
  for (const [region, amount] of rows.slice(1)) out.set(String(region), (out.get(String(region)) ?? 0) + Number(amount));
  return [...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, s]) => [r, s]);
}

const spec: QuerySpec = { version: 1, source: { kind: 'table', name: 'Sales' }, rows: ['Région'], measures: [{ id: 'm', label: 'Amount', kind: 'sum', field: 'Amount' }] };

async function output(sim: Simulator, sheetName: string): Promise<CellValue[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheetName).getRange('A2:B5').load('values');
    await ctx.sync();
    return r.values.map(([region, sum]) => [region!, typeof sum === 'number' ? Math.round(sum * 1e6) / 1e6 : sum!]);
  });
}
const rounded = (rows: CellValue[][]) => rows.map(([r, s]) => [r, Math.round(Number(s) * 1e6) / 1e6]);

async function insert(queries: QueryCoordinator, name: string, reuse?: Map<string, Promise<SourceData>>) {
  return queries.insert({ label: name, spec, layout: 'table', target: { kind: 'newSheet', sheet: name } }, reuse ? { reuse } : {});
}

describe('an insert that takes the preview read', () => {
  it('reads a sample of the table instead of every row, and writes the same numbers', async () => {
    const { sim, queries, events } = setup();
    const reads = new PreviewReads(events);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the change handler is registered
    const held = { since: reads.mark(), data: readSourceData(sim.run, { kind: 'table', name: 'Sales' }) };
    await held.data;
    expect(reads.unchangedSince(held.since)).toBe(true);

    const before = sim.stats().responseBytes;
    const fresh = await insert(queries, 'Fresh');
    const freshBytes = sim.stats().responseBytes - before;
    const reused = await insert(queries, 'Reused', new Map([['table:Sales', held.data]]));
    const reusedBytes = sim.stats().responseBytes - before - freshBytes;

    expect([fresh.outcome.status, reused.outcome.status]).toEqual(['written', 'written']);
    expect(await output(sim, 'Reused')).toEqual(rounded(sums(data())));
    expect(await output(sim, 'Fresh')).toEqual(await output(sim, 'Reused'));
    // The fresh insert read all 1,000 rows; the reused one 200 sampled rows and the header.
    expect(reusedBytes).toBeLessThan(freshBytes * 0.6);
    await reads.close();
  });

  it('a user edit outside the sampled rows: the stamp cannot see it, the change event does, and the insert reads again', async () => {
    const { sim, queries, events } = setup();
    const reads = new PreviewReads(events);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const held = { since: reads.mark(), data: readSourceData(sim.run, { kind: 'table', name: 'Sales' }) };
    await held.data;
    const sampled = new Set(sampleIndexes(ROWS));
    const row = Array.from({ length: ROWS }, (_, i) => i).find((i) => !sampled.has(i) && i > 500)!;
    expect(sim.setCellAsUser('Data', `B${row + 2}`, 1e6)).toEqual({ ok: true });
    await sim.eventsDelivered();

    // The stamp alone would take the old read: this is why the event guard is there.
    expect((await unchangedReads(sim.run, new Map([['table:Sales', held.data]]), new Map([['table:Sales', spec.source]]), [])).reads.size).toBe(1);
    expect(reads.unchangedSince(held.since)).toBe(false);
    // So the builder offers nothing, and the insert reads the table as it is now.
    await insert(queries, 'After edit');
    const changed = data();
    changed[row + 1]![1] = 1e6;
    expect(await output(sim, 'After edit')).toEqual(rounded(sums(changed)));
    await reads.close();
  });

  it("PivotDeck's own write to the table (a refreshed source or query table) counts as a change too", async () => {
    const { sim, events } = setup();
    const reads = new PreviewReads(events);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const held = { since: reads.mark(), data: readSourceData(sim.run, { kind: 'table', name: 'Sales' }) };
    await held.data;
    const row = Array.from({ length: ROWS }, (_, i) => i).find((i) => !new Set(sampleIndexes(ROWS)).has(i))!;
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange(`B${row + 2}`).values = [[7]]; await ctx.sync(); });
    await sim.eventsDelivered();
    expect(reads.unchangedSince(held.since)).toBe(false);
    await reads.close();
  });

  it('a change the events did not report, in a sampled row: the stamp check sends the insert back to the sheet', async () => {
    const { sim, queries } = setup();
    const read = readSourceData(sim.run, { kind: 'table', name: 'Sales' });
    await read;
    const row = sampleIndexes(ROWS)[100]!;
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange(`B${row + 2}`).values = [[-1e6]]; await ctx.sync(); });
    await insert(queries, 'Checked', new Map([['table:Sales', read]]));
    const changed = data();
    changed[row + 1]![1] = -1e6;
    expect(await output(sim, 'Checked')).toEqual(rounded(sums(changed)));
  });

  it('without change events (an older host, or none given), nothing is ever offered', async () => {
    const { sim } = setup();
    const none = new PreviewReads(undefined);
    const refused = new PreviewReads({ onChanged: () => Promise.reject(new Error('ExcelApi 1.9 is not supported')) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const reads of [none, refused]) {
      const held = { since: reads.mark(), data: readSourceData(sim.run, { kind: 'table', name: 'Sales' }) };
      await held.data;
      expect(reads.unchangedSince(held.since)).toBe(false);
      await reads.close();
    }
  });
});
