import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAllCommand } from '../../src/commands/ribbon';
import type { StepReport } from '../../src/commands/refresh-everything';
import { memoryCredentialStore } from '../../src/connectors';
import type { QuerySpec } from '../../src/engine';
import type { ExcelRun } from '../../src/excel/api';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import type { Tile } from '../../src/dashboards';
import { createServices } from '../../src/refresh/services';
import { createDashboard } from '../../src/refresh/dashboards';
import { insertQuery, webPullSource } from '../../src/refresh/queries';
import { refreshSource } from '../../src/refresh/sources';
import { startTestServer, type TestServer } from '../support/http-server';
import { createSimulator } from '../../src/simulator';
import { SALES_ROWS, cellsAt, sheet, table, workbook } from './workbooks';

/** The ribbon's services over a simulator; web sources only where `sources` is given. */
function ribbon(run: ExcelRun, sources?: { fetch: typeof fetch; credentials: ReturnType<typeof memoryCredentialStore>; policy: { allowHttpLocalhost: boolean; timeoutMs: number; maxRetries?: number } }) {
  const { allowHttpLocalhost, ...policy } = sources?.policy ?? { allowHttpLocalhost: false };
  return () => createServices({ run, canReadDataSource: true, ...(sources ? { fetch: sources.fetch, credentials: sources.credentials, allowHttpLocalhost, policy } : {}) });
}

function completion(): { event: { completed(): void }; count: () => number } {
  let n = 0;
  return { event: { completed: () => { n++; } }, count: () => n };
}

describe('ribbon Refresh all', () => {
  it('refreshes pivots and completes the event', async () => {
    const sim = createSimulator(workbook({
      sheets: [sheet('Data', cellsAt(SALES_ROWS)), sheet('Summary')],
      tables: [table('Sales', 'Data', 'A1:E13')],
      pivots: [{
        name: 'P', sheet: 'Summary', anchor: 'A3', source: { kind: 'table', table: 'Sales' },
        rows: [{ name: 'Region' }], columns: [], filters: [],
        data: [{ field: 'Units', name: 'Sum of Units', summarizeBy: 'Sum' }],
        layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true,
      }],
    }));
    const { event, count } = completion();
    await refreshAllCommand(ribbon(sim.run))(event);
    expect(count()).toBe(1);
    expect(sim.lastRunStats().syncs).toBe(1);
  });

  it('completes the event even when Excel fails', async () => {
    const failing: ExcelRun = () => Promise.reject(Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' }));
    const { event, count } = completion();
    const quiet = console.error;
    console.error = () => {};
    try {
      await refreshAllCommand(ribbon(failing))(event);
    } finally {
      console.error = quiet;
    }
    expect(count()).toBe(1);
  });
});

describe('ribbon Refresh all: pivots, web sources, extensions, queries, dashboards in order', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { await server.close(); });

  const csv = (amounts: number[]) => `Region,Amount\n${amounts.map((a, i) => `${i % 2 ? 'South' : 'North'},${a}`).join('\n')}\n`;
  /** Sum of Amount per region by a plain loop, as the query's flat table should show it. */
  const byRegion = (amounts: number[]) => [['North', amounts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0)], ['South', amounts.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0)]];

  it('pulls the changed source before recomputing the query on its table, and records both in the workbook', async () => {
    const sim = createSimulator(workbook({
      sheets: [sheet('Data', cellsAt(SALES_ROWS)), sheet('Summary')],
      tables: [table('Sales', 'Data', 'A1:E13')],
      pivots: [{
        name: 'P', sheet: 'Summary', anchor: 'A3', source: { kind: 'table', table: 'Sales' },
        rows: [{ name: 'Region' }], columns: [], filters: [],
        data: [{ field: 'Units', name: 'Sum of Units', summarizeBy: 'Sum' }],
        layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true,
      }],
    }));
    const sources = { fetch: globalThis.fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true, timeoutMs: 10_000 } };
    const first = [10, 20, 30, 40];
    server.setResource('orders.csv', csv(first), 'text/csv');
    // The source is landed and a query built on its table, as a user would in the pane.
    let doc: PivotDeckDocument = {
      ...emptyDocument(),
      sources: [{ id: 'orders', label: 'Orders', kind: 'csv', url: server.url('/mutable/orders.csv'), landing: { tableName: 'Orders', sheet: 'Orders' } }],
    };
    doc = (await refreshSource({ run: sim.run, ...sources }, doc, 'orders')).document;
    const spec: QuerySpec = { version: 1, source: { kind: 'table', name: 'Orders' }, rows: ['Region'], measures: [{ id: 'amount', label: 'Amount', kind: 'sum', field: 'Amount' }] };
    const inserted = await insertQuery({ run: sim.run }, doc, { label: 'By region', spec, layout: 'table', target: { kind: 'newSheet', sheet: 'By region' } });
    expect(inserted.outcome.status).toBe('written');
    // A dashboard with one KPI on the same table: the last step.
    const kpi: Tile = {
      version: 1, id: 'total', title: 'Total amount', at: { row: 1, col: 1, rows: 3, cols: 2 }, kind: 'kpi',
      source: { kind: 'table', name: 'Orders' }, measure: { id: 'total', label: 'Total amount', kind: 'sum', field: 'Amount' }, numberFormat: '0',
    };
    const dashboard = await createDashboard({ run: sim.run }, inserted.document, { label: 'Orders board', tiles: [kpi] });
    expect(dashboard.outcome.status).toBe('written');
    await saveWorkbookDocument(sim.run, { readOnly: false }, dashboard.document);
    const dashboardNumbers = () => sim.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem(dashboard.outcome.sheet!).getUsedRange().load('values');
      await ctx.sync();
      return used.values.flat().filter((v) => typeof v === 'number');
    });
    expect(await dashboardNumbers()).toContain(first.reduce((a, b) => a + b, 0));
    const queryRows = () => sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('By region').getRange('A2:B3').load('values');
      await ctx.sync();
      return r.values;
    });
    expect(await queryRows()).toEqual(byRegion(first));

    // The server's data changes; one click refreshes the source, then the query on its table.
    const second = [11, 22, 33, 44, 55];
    server.setResource('orders.csv', csv(second), 'text/csv');
    let report: StepReport[] = [];
    const { event, count } = completion();
    await refreshAllCommand(ribbon(sim.run, sources), { onReport: (r) => { report = r; } })(event);
    expect(count()).toBe(1);
    expect(report.map((s) => s.step)).toEqual(['pivots', 'sources', 'extensions', 'queries', 'dashboards']);
    expect(report).toEqual([
      { step: 'pivots', count: 1, failed: 0 },
      { step: 'sources', count: 1, failed: 0 },
      { step: 'extensions', count: 0, failed: 0 },
      { step: 'queries', count: 1, failed: 0 },
      { step: 'dashboards', count: 1, failed: 0 },
    ]);
    expect(await queryRows()).toEqual(byRegion(second));
    expect(await dashboardNumbers()).toContain(second.reduce((a, b) => a + b, 0));
    const saved = (await loadWorkbookDocument(sim.run)).document;
    expect(saved.sources[0].lastRefresh).toMatchObject({ ok: true, message: expect.stringMatching(/^Loaded 5 rows/) });
    expect(saved.queries[0].lastRefresh).toMatchObject({ ok: true });
    expect(saved.dashboards[0].lastRefresh).toMatchObject({ ok: true });
  });

  it('a source kept out of the sheet is not landed; the query on it pulls the new data', async () => {
    const sim = createSimulator(workbook({ sheets: [sheet('Data', cellsAt(SALES_ROWS))], tables: [table('Sales', 'Data', 'A1:E13')] }));
    const sources = { fetch: globalThis.fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true, timeoutMs: 10_000 } };
    server.setResource('kept.csv', csv([1, 2, 3]), 'text/csv');
    const doc: PivotDeckDocument = {
      ...emptyDocument(),
      sources: [{ id: 'kept', label: 'Kept', kind: 'csv', url: server.url('/mutable/kept.csv'), keepOutOfSheet: true }],
    };
    const spec: QuerySpec = { version: 1, source: { kind: 'source', id: 'kept' }, rows: ['Region'], measures: [{ id: 'amount', label: 'Amount', kind: 'sum', field: 'Amount' }] };
    const inserted = await insertQuery({ run: sim.run, pull: webPullSource(sources, async () => doc) }, doc, { label: 'Kept by region', spec, layout: 'table', target: { kind: 'newSheet', sheet: 'Kept by region' } });
    expect(inserted.outcome.status).toBe('written');
    await saveWorkbookDocument(sim.run, { readOnly: false }, inserted.document);
    const amounts = [10, 20, 30, 40];
    server.setResource('kept.csv', csv(amounts), 'text/csv');
    let report: StepReport[] = [];
    await refreshAllCommand(ribbon(sim.run, sources), { onReport: (r) => { report = r; } })(completion().event);
    expect(report.find((s) => s.step === 'sources')).toEqual({ step: 'sources', count: 0, failed: 0 });
    expect(report.find((s) => s.step === 'queries')).toEqual({ step: 'queries', count: 1, failed: 0 });
    const rows = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Kept by region').getRange('A2:B3').load('values');
      await ctx.sync();
      return r.values;
    });
    expect(rows).toEqual(byRegion(amounts));
    expect(sim.toModel().sheets.map((x) => x.name)).toEqual(['Data', 'Kept by region']);
  });

  it('a failing source keeps its table, is marked stale, and the query still refreshes on the old data', async () => {
    const sim = createSimulator(workbook({ sheets: [sheet('Data', cellsAt(SALES_ROWS))], tables: [table('Sales', 'Data', 'A1:E13')] }));
    const sources = { fetch: globalThis.fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true, timeoutMs: 10_000, maxRetries: 0 } };
    const amounts = [5, 6, 7];
    server.setResource('flaky.csv', csv(amounts), 'text/csv');
    let doc: PivotDeckDocument = {
      ...emptyDocument(),
      sources: [{ id: 'f', label: 'Flaky', kind: 'csv', url: server.url('/mutable/flaky.csv'), landing: { tableName: 'Flaky', sheet: 'Flaky' } }],
    };
    doc = (await refreshSource({ run: sim.run, ...sources }, doc, 'f')).document;
    const spec: QuerySpec = { version: 1, source: { kind: 'table', name: 'Flaky' }, rows: ['Region'], measures: [{ id: 'amount', label: 'Amount', kind: 'sum', field: 'Amount' }] };
    doc = (await insertQuery({ run: sim.run }, doc, { label: 'Flaky by region', spec, layout: 'table', target: { kind: 'newSheet', sheet: 'Flaky by region' } })).document;
    // The source now points at an address that answers 500.
    doc = { ...doc, sources: doc.sources.map((s) => ({ ...s, url: server.url('/status/500/flaky.csv') })) };
    await saveWorkbookDocument(sim.run, { readOnly: false }, doc);
    let report: StepReport[] = [];
    await refreshAllCommand(ribbon(sim.run, sources), { onReport: (r) => { report = r; } })(completion().event);
    expect(report.find((s) => s.step === 'sources')).toEqual({ step: 'sources', count: 1, failed: 1 });
    expect(report.find((s) => s.step === 'queries')).toEqual({ step: 'queries', count: 1, failed: 0 });
    const saved = (await loadWorkbookDocument(sim.run)).document;
    expect(saved.sources[0].lastRefresh).toMatchObject({ ok: false });
    const rows = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Flaky by region').getRange('A2:B3').load('values');
      await ctx.sync();
      return r.values;
    });
    expect(rows).toEqual(byRegion(amounts));
  });
});
