/**
 * The saved-query use-cases outside React (issue 15 part 6), through the workbook's
 * QueryCoordinator against the Excel simulator: insert, edit, refresh (coalesced), rename,
 * duplicate, remove. Expected cells come from plain loops over the seeded rows.
 */
import { describe, expect, it } from 'vitest';
import type { QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument } from '../../src/model';
import { DocumentService, memoryDocumentStorage } from '../../src/refresh/document';
import { QueryCoordinator } from '../../src/refresh/queries';
import { createSimulator, type Simulator } from '../../src/simulator';
import { cellsAt, SALES_ROWS, sheet, table, workbook } from '../excel/workbooks';

function setup(): { sim: Simulator; queries: QueryCoordinator; documents: DocumentService; storage: ReturnType<typeof memoryDocumentStorage> } {
  const sim = createSimulator(workbook({ sheets: [sheet('Data', cellsAt(SALES_ROWS))], tables: [table('Sales', 'Data', 'A1:E13')] }));
  const storage = memoryDocumentStorage(emptyDocument());
  const documents = new DocumentService(storage);
  let tick = 0;
  const queries = new QueryCoordinator({ run: sim.run, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)) }, documents);
  return { sim, queries, documents, storage };
}

/** Sum of a column per region, by a plain loop, sorted by region. */
function sumBy(column: string): Array<[string, number]> {
  const [header, ...rows] = SALES_ROWS;
  const c = header!.indexOf(column);
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(String(r[0]), (sums.get(String(r[0])) ?? 0) + Number(r[c]));
  return [...sums].sort(([a], [b]) => a.localeCompare(b));
}

const spec = (field: string): QuerySpec => ({ version: 1, source: { kind: 'table', name: 'Sales' }, rows: ['Region'], measures: [{ id: 'm', label: field, kind: 'sum', field }] });

async function values(sim: Simulator, sheetName: string, address: string): Promise<CellValue[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheetName).getRange(address).load('values');
    await ctx.sync();
    return r.values;
  });
}

const outputNames = (sim: Simulator) => [...sim.toModel().names.map((n) => n.name), ...sim.toModel().tables.map((t) => t.name)].filter((n) => n.startsWith('PivotDeck_')).sort();

describe('QueryCoordinator', () => {
  it('two inserts at once get different ids, and both are recorded with their outputs', async () => {
    const { sim, queries, documents } = setup();
    const [a, b] = await Promise.all([
      queries.insert({ label: 'Units', spec: spec('Units'), layout: 'table', target: { kind: 'newSheet', sheet: 'Units' } }),
      queries.insert({ label: 'Revenue', spec: spec('Revenue'), layout: 'table', target: { kind: 'newSheet', sheet: 'Revenue' } }),
    ]);
    expect(a.id).not.toBe(b.id);
    expect([a.outcome.status, b.outcome.status]).toEqual(['written', 'written']);
    expect((await documents.read()).queries.map((q) => q.label).sort()).toEqual(['Revenue', 'Units']);
    expect(await values(sim, 'Units', 'A2:B4')).toEqual(sumBy('Units'));
    expect(await values(sim, 'Revenue', 'A2:B4')).toEqual(sumBy('Revenue'));
    expect(outputNames(sim)).toEqual([`PivotDeck_${a.id}`, `PivotDeck_${b.id}`].sort());
  });

  it('a failed insert records nothing', async () => {
    const { queries, storage } = setup();
    const r = await queries.insert({ label: 'Bad', spec: spec('No such field'), layout: 'grid', target: { kind: 'newSheet', sheet: 'Bad' } });
    expect(r.outcome.status).toBe('failed');
    expect(storage.saves()).toBe(0);
  });

  it('edit: a new name alone only renames; a new spec rewrites the output in place', async () => {
    const { sim, queries, documents } = setup();
    const { id } = await queries.insert({ label: 'Units', spec: spec('Units'), layout: 'table', target: { kind: 'newSheet', sheet: 'Out' } });
    expect(await queries.update(id, { label: '  Ünits ✓ ' })).toEqual({ status: 'saved', message: 'Renamed.' });
    expect((await documents.read()).queries[0]!.label).toBe('Ünits ✓');
    expect((await queries.update(id, { spec: spec('Revenue') })).status).toBe('written');
    expect(await values(sim, 'Out', 'A2:B4')).toEqual(sumBy('Revenue'));
    expect((await documents.read()).queries[0]!.spec).toEqual(spec('Revenue'));
  });

  it('refreshes of one query coalesce; a refresh of a query removed meanwhile does nothing', async () => {
    const { sim, queries, documents } = setup();
    const { id } = await queries.insert({ label: 'Units', spec: spec('Units'), layout: 'table', target: { kind: 'newSheet', sheet: 'Out' } });
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('E2').values = [[101]]; await ctx.sync(); });
    const first = queries.refresh(id);
    expect(queries.refresh(id)).toBe(first);
    expect((await first)?.status).toBe('written');
    const expected = sumBy('Units').map(([r, u]) => [r, r === 'North' ? u - 1 + 101 : u]);
    expect(await values(sim, 'Out', 'A2:B4')).toEqual(expected);
    const [all1, all2] = [queries.refreshAll(), queries.refreshAll()];
    expect(all1).toBe(all2);
    expect([...(await all1).outcomes.values()].map((o) => o.status)).toEqual(['written']);
    await queries.remove(id);
    expect(await queries.refresh(id)).toBeUndefined();
    expect((await documents.read()).queries).toEqual([]);
  });

  it('duplicate copies without output; rename and remove touch only their query', async () => {
    const { sim, queries, documents } = setup();
    const { id } = await queries.insert({ label: 'Units', spec: spec('Units'), layout: 'grid', target: { kind: 'newSheet', sheet: 'Out' } });
    const copy = await queries.duplicate(id);
    expect(copy).not.toBe(id);
    let doc = await documents.read();
    expect(doc.queries.map((q) => [q.label, q.output === undefined])).toEqual([['Units', false], ['Units (copy)', true]]);
    await queries.rename(copy, 'Copie');
    expect((await queries.refresh(copy))?.status).toBe('written');
    await queries.remove(id);
    doc = await documents.read();
    expect(doc.queries.map((q) => q.label)).toEqual(['Copie']);
    expect(outputNames(sim)).toEqual([`PivotDeck_${copy}`]);
  });
});
