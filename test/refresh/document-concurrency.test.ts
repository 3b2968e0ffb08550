/**
 * Two writers of the workbook document at once, against the Excel simulator and real HTTP
 * servers on 127.0.0.1 (issue 15): a ribbon "Refresh all" whose web source answers only when the
 * test opens a gate, racing a query inserted from the pane; a dashboard edit racing its scheduled
 * refresh; saves that fail halfway. After each, no definition is lost and the sheet agrees with
 * the document: every PivotDeck output on the sheet has its definition and every definition its
 * output. Expected numbers come from plain loops over the rows served or seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAllCommand } from '../../src/commands/ribbon';
import type { StepReport } from '../../src/commands/refresh-everything';
import { memoryCredentialStore } from '../../src/connectors';
import { dashboardNamePrefix, type Tile } from '../../src/dashboards';
import type { QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { workbookDocumentStorage, type DocumentStorage } from '../../src/refresh/document';
import { createServices, type ServiceHost } from '../../src/refresh/services';
import { createSimulator, type Simulator } from '../../src/simulator';
import { cellsAt, SALES_ROWS, sheet, table, workbook } from '../excel/workbooks';
import { startGatedServer, type GatedServer } from './gated-server';

let server: GatedServer;
beforeAll(async () => { server = await startGatedServer(); });
afterAll(async () => { await server.stop(); });

function salesSim(): Simulator {
  return createSimulator(workbook({ sheets: [sheet('Data', cellsAt(SALES_ROWS))], tables: [table('Sales', 'Data', 'A1:E13')] }));
}

function host(sim: Simulator, more: Partial<ServiceHost> = {}): ServiceHost {
  return {
    run: sim.run, canReadDataSource: true, fetch: globalThis.fetch, credentials: memoryCredentialStore(),
    allowHttpLocalhost: true, policy: { timeoutMs: 20_000, maxRetries: 0 }, ...more,
  };
}

/** Orders CSV with awkward text on purpose; Amount by region is checked by a plain loop. */
const ORDERS: Array<[string, number]> = [['Nörth', 10], ['Süd', -0], ['Nörth', 2.5], ['Ouest “W”', 1e6], ['Süd', 7]];
const ordersCsv = (rows: Array<[string, number]>) => `Region,Amount\n${rows.map(([r, a]) => `${r},${a}`).join('\n')}\n`;

/** Sum of a column per region of SALES_ROWS, by a plain loop, sorted by region. */
function salesBy(column: string): Array<[string, number]> {
  const [header, ...rows] = SALES_ROWS;
  const c = header!.indexOf(column);
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(String(r[0]), (sums.get(String(r[0])) ?? 0) + Number(r[c]));
  return [...sums].sort(([a], [b]) => a.localeCompare(b));
}

const unitsSpec: QuerySpec = { version: 1, source: { kind: 'table', name: 'Sales' }, rows: ['Region'], measures: [{ id: 'u', label: 'Units', kind: 'sum', field: 'Units' }] };
const revenueSpec: QuerySpec = { version: 1, source: { kind: 'table', name: 'Sales' }, rows: ['Region'], measures: [{ id: 'r', label: 'Revenue', kind: 'sum', field: 'Revenue' }] };

const clean = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');

/**
 * Where the sheet and the document disagree: PivotDeck names on the workbook no definition owns,
 * and definitions with an output whose name is not on the workbook.
 */
async function disagreements(sim: Simulator): Promise<{ orphans: string[]; missing: string[] }> {
  const opened = await loadWorkbookDocument(sim.run);
  expect(opened.readOnly).toBe(false);
  const doc = opened.document;
  // Grids and landings are tracked by a defined name, query tables by the table's own name.
  const model = sim.toModel();
  const names = [...model.names.map((n) => n.name), ...model.tables.map((t) => t.name)].filter((n) => n.startsWith('PivotDeck_'));
  const owned = new Map<string, string>();
  for (const q of doc.queries) if (q.output) owned.set(`PivotDeck_${clean(q.id)}`, `query ${q.id}`);
  for (const s of doc.sources) if (s.output) owned.set(`PivotDeck_${clean(s.id)}`, `source ${s.id}`);
  for (const e of doc.extensions) if (e.output) owned.set(`PivotDeck_${clean(e.id)}`, `extension ${e.id}`);
  const orphans = names.filter((n) => (n.startsWith('PivotDeck_dash_') ? !doc.dashboards.some((d) => n.startsWith(dashboardNamePrefix(d.id))) : !owned.has(n)));
  const missing = [
    ...[...owned].filter(([n]) => !names.includes(n)).map(([, what]) => what),
    ...doc.dashboards.filter((d) => !names.some((n) => n.startsWith(dashboardNamePrefix(d.id)))).map((d) => `dashboard ${d.id}`),
  ];
  // Queries without output are only ones duplicated and never refreshed; none here.
  missing.push(...doc.queries.filter((q) => !q.output).map((q) => `query ${q.id} (no output recorded)`));
  return { orphans, missing };
}

async function rangeValues(sim: Simulator, sheetName: string, address: string): Promise<CellValue[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheetName).getRange(address).load('values');
    await ctx.sync();
    return r.values;
  });
}

const completion = () => ({ completed: () => undefined });

describe('a ribbon Refresh all with a slow web source, racing a query inserted from the pane', () => {
  async function seeded(sim: Simulator, path: string): Promise<void> {
    server.set(path, ordersCsv(ORDERS));
    server.open();
    const doc: PivotDeckDocument = {
      ...emptyDocument(),
      sources: [{ id: 'orders', label: 'Orders', kind: 'csv', url: server.url(path), landing: { tableName: 'Orders', sheet: 'Orders' } }],
    };
    await saveWorkbookDocument(sim.run, { readOnly: false }, doc);
    // The source is landed once and a query on Sales exists before the race.
    const setup = createServices(host(sim));
    expect((await setup.sources.refresh('orders'))?.status).toBe('landed');
    expect((await setup.queries.insert({ label: 'Revenue by region', spec: revenueSpec, layout: 'table', target: { kind: 'newSheet', sheet: 'Revenue' } })).outcome.status).toBe('written');
  }

  for (const runtimes of ['one shared runtime', 'separate pane and ribbon runtimes'] as const) {
    it(`keeps the inserted query and its output (${runtimes})`, async () => {
      const sim = salesSim();
      const path = `/orders-${runtimes.startsWith('one') ? 'shared' : 'separate'}.csv`;
      await seeded(sim, path);
      const pane = createServices(host(sim));
      const ribbonServices = runtimes.startsWith('one') ? pane : createServices(host(sim));
      const changed: Array<[string, number]> = [...ORDERS, ['Ost', 3]];
      server.set(path, ordersCsv(changed));
      server.close();
      const before = server.requests().length;

      let report: StepReport[] = [];
      const ribbon = refreshAllCommand(() => ribbonServices, { onReport: (r) => { report = r; } })(completion());
      await server.arrived(before + 1); // the ribbon is now waiting on the web source

      const inserted = await pane.queries.insert({ label: 'Units by region', spec: unitsSpec, layout: 'table', target: { kind: 'newSheet', sheet: 'Units' } });
      expect(inserted.outcome.status).toBe('written');
      // Saved while the ribbon's refresh is still under way.
      expect((await loadWorkbookDocument(sim.run)).document.queries.map((q) => q.label)).toEqual(['Revenue by region', 'Units by region']);

      server.open();
      await ribbon;
      expect(report).toEqual([
        { step: 'pivots', count: 0, failed: 0 },
        { step: 'sources', count: 1, failed: 0 },
        { step: 'extensions', count: 0, failed: 0 },
        // The query inserted during the refresh is refreshed with the rest.
        { step: 'queries', count: 2, failed: 0 },
        { step: 'dashboards', count: 0, failed: 0 },
      ]);
      const doc = (await loadWorkbookDocument(sim.run)).document;
      expect(doc.queries.map((q) => q.label)).toEqual(['Revenue by region', 'Units by region']);
      expect(doc.queries.every((q) => q.lastRefresh?.ok)).toBe(true);
      expect(doc.sources[0]!.lastRefresh).toMatchObject({ ok: true, message: expect.stringMatching(/^Loaded 6 rows/) });
      expect(await rangeValues(sim, 'Units', 'A2:B4')).toEqual(salesBy('Units'));
      expect(await rangeValues(sim, 'Revenue', 'A2:B4')).toEqual(salesBy('Revenue'));
      // The landed table holds the changed rows (-0 is stored as 0, as Excel keeps it).
      expect((await rangeValues(sim, 'Orders', 'A2:B7')).map(([r, a]) => [r, Object.is(a, -0) ? 0 : a])).toEqual(changed.map(([r, a]) => [r, Object.is(a, -0) ? 0 : a]));
      expect(await disagreements(sim)).toEqual({ orphans: [], missing: [] });
    });
  }
});

describe('a dashboard edit racing its scheduled refresh', () => {
  const kpi = (id: string, field: string): Tile => ({
    version: 1, kind: 'kpi', id, title: `Total ${field}`, at: { row: 0, col: 0, rows: 3, cols: 2 },
    source: { kind: 'source', id: 'feed' }, measure: { id, label: field, kind: 'sum', field }, numberFormat: '0.##',
  });

  it('never interleaves: the edit waits for the refresh, and the sheet ends with exactly the edited tiles', async () => {
    const sim = salesSim();
    const path = '/feed.csv';
    const rows: Array<[string, number, number]> = [['Nörth', 4, 1], ['Süd', -0, 2], ['Nörth', 0.5, 3]];
    server.set(path, `Region,Amount,Qty\n${rows.map((r) => r.join(',')).join('\n')}\n`);
    server.open();
    await saveWorkbookDocument(sim.run, { readOnly: false }, {
      ...emptyDocument(),
      sources: [{ id: 'feed', label: 'Feed', kind: 'csv', url: server.url(path), keepOutOfSheet: true }],
    });
    const services = createServices(host(sim));
    const made = await services.dashboards.create({ label: 'Feed board', tiles: [kpi('amount', 'Amount')] });
    expect(made.outcome.status).toBe('written');
    const prefix = dashboardNamePrefix(made.id);
    const tileNames = () => sim.toModel().names.map((n) => n.name).filter((n) => n.startsWith(prefix)).sort();
    expect(tileNames()).toEqual([`${prefix}amount`]);

    server.close();
    const before = server.requests().length;
    const scheduled = services.dashboards.refresh(made.id); // what the every-N-minutes timer calls
    await server.arrived(before + 1);
    const edited = services.dashboards.edit(made.id, { tiles: [kpi('qty', 'Qty')] });
    // Give the edit every chance to start: it must wait for the dashboard's lock instead.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(server.requests().length).toBe(before + 1);
    expect(tileNames()).toEqual([`${prefix}amount`]);

    server.open();
    const [refreshOutcome, editOutcome] = await Promise.all([scheduled, edited]);
    expect(refreshOutcome.status).toBe('written');
    expect(editOutcome.status).toBe('written');
    const doc = (await loadWorkbookDocument(sim.run)).document;
    expect(doc.dashboards[0]!.tiles.map((t) => t.id)).toEqual(['qty']);
    expect(tileNames()).toEqual([`${prefix}qty`]);
    const qty = rows.reduce((sum, r) => sum + r[2], 0);
    expect(sim.toModel().sheets.find((s) => s.name === doc.dashboards[0]!.sheet)).toBeDefined();
    expect((await rangeValues(sim, doc.dashboards[0]!.sheet, 'A2'))[0]![0]).toBe(qty);
    expect(await disagreements(sim)).toEqual({ orphans: [], missing: [] });
  });
});

describe('a save that fails halfway', () => {
  /** The workbook's storage, with the next save failing before or after Excel stored it. */
  function failing(sim: Simulator): DocumentStorage & { failNext(when: 'before' | 'after'): void } {
    const real = workbookDocumentStorage(sim.run);
    let next: 'before' | 'after' | undefined;
    return {
      load: () => real.load(),
      async save(text) {
        const when = next;
        next = undefined;
        if (when === 'before') throw new Error('Excel is busy (the save did not reach the workbook).');
        await real.save(text);
        if (when === 'after') throw new Error('The connection dropped before Excel answered.');
      },
      failNext(when) { next = when; },
    };
  }

  it('an insert whose definition is not saved takes its output away again; nothing else changes', async () => {
    const sim = salesSim();
    const storage = failing(sim);
    const services = createServices(host(sim, { storage }));
    expect((await services.queries.insert({ label: 'Revenue by region', spec: revenueSpec, layout: 'table', target: { kind: 'newSheet', sheet: 'Revenue' } })).outcome.status).toBe('written');
    storage.failNext('before');
    const r = await services.queries.insert({ label: 'Units by region', spec: unitsSpec, layout: 'grid', target: { kind: 'at', sheet: 'Data', cell: 'H1' } });
    expect(r.outcome).toMatchObject({ status: 'failed', code: 'document', message: expect.stringMatching(/^Nothing was inserted: .*Excel is busy/) });
    expect((await loadWorkbookDocument(sim.run)).document.queries.map((q) => q.label)).toEqual(['Revenue by region']);
    expect(await rangeValues(sim, 'Data', 'H1:I4')).toEqual([['', ''], ['', ''], ['', ''], ['', '']]);
    expect(await disagreements(sim)).toEqual({ orphans: [], missing: [] });
  });

  it('a save Excel stored before the answer was lost counts as saved: the output stays with its definition', async () => {
    const sim = salesSim();
    const storage = failing(sim);
    const services = createServices(host(sim, { storage }));
    storage.failNext('after');
    const r = await services.queries.insert({ label: 'Units by region', spec: unitsSpec, layout: 'table', target: { kind: 'newSheet', sheet: 'Units' } });
    expect(r.outcome.status).toBe('written');
    expect((await loadWorkbookDocument(sim.run)).document.queries.map((q) => q.id)).toEqual([r.id]);
    expect(await rangeValues(sim, 'Units', 'A2:B4')).toEqual(salesBy('Units'));
    expect(await disagreements(sim)).toEqual({ orphans: [], missing: [] });
  });

  it('a new dashboard whose definition is not saved has its sheet removed again', async () => {
    const sim = salesSim();
    const storage = failing(sim);
    const services = createServices(host(sim, { storage }));
    const tile: Tile = {
      version: 1, kind: 'kpi', id: 'rev', title: 'Revenue', at: { row: 1, col: 1, rows: 3, cols: 2 },
      source: { kind: 'table', name: 'Sales' }, measure: { id: 'r', label: 'Revenue', kind: 'sum', field: 'Revenue' },
    };
    storage.failNext('before');
    const made = await services.dashboards.create({ label: 'Board', tiles: [tile] });
    expect(made.outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/^Nothing was created/) });
    expect(sim.toModel().sheets.map((s) => s.name)).toEqual(['Data']);
    expect((await loadWorkbookDocument(sim.run)).document.dashboards).toEqual([]);
    expect(await disagreements(sim)).toEqual({ orphans: [], missing: [] });
  });

  it('a refresh whose record fails keeps the previous definition, and the next refresh records it', async () => {
    const sim = salesSim();
    const storage = failing(sim);
    let tick = 0;
    const services = createServices(host(sim, { storage, now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, tick++)) }));
    const { id } = await services.queries.insert({ label: 'Units by region', spec: unitsSpec, layout: 'table', target: { kind: 'newSheet', sheet: 'Units' } });
    const first = (await loadWorkbookDocument(sim.run)).document.queries[0]!;
    storage.failNext('before');
    await expect(services.queries.refresh(id)).rejects.toThrow(/Excel is busy/);
    expect((await loadWorkbookDocument(sim.run)).document.queries[0]).toEqual(first);
    expect((await services.queries.refresh(id))?.status).toBe('written');
    expect(await disagreements(sim)).toEqual({ orphans: [], missing: [] });
  });
});
