/**
 * Issue 13 part 1: a workbook's own definitions reach the network only after the user allowed
 * the origins it names. Crafted as an attacker would: a workbook with a web source kept out of
 * the sheet, a dashboard on it that refreshes on open and on a schedule, against a real recording
 * server on 127.0.0.1. The recorder proves nothing was contacted before the answer, whichever way
 * the workbook asks (refresh on open, a schedule, the ribbon's Refresh all, a pane refresh, the
 * HTTP context directly), and that allowing runs what waited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAllCommand } from '../../src/commands/ribbon';
import type { StepReport } from '../../src/commands/refresh-everything';
import { mapBackend, memoryCredentialStore } from '../../src/connectors';
import type { Tile } from '../../src/dashboards';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { ConsentNeededError } from '../../src/refresh/consent/consent-gate';
import { consentStoreOver, type ConsentStore } from '../../src/refresh/consent/consent-store';
import { createServices, type ServiceHost } from '../../src/refresh/services';
import { createSimulator, type Simulator } from '../../src/simulator';
import { cellsAt, SALES_ROWS, sheet, table, workbook } from '../excel/workbooks';
import { startTestServer, type TestServer } from '../support/http-server';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

const ROWS: Array<[string, number]> = [['Nörth', 10], ['Süd', -0], ['Nörth', 2.5], ['=HYPERLINK("x")', 7]];
const CSV = `Region,Amount\n${ROWS.map(([r, a]) => `"${r.replace(/"/g, '""')}",${a}`).join('\n')}\n`;
/** Sum of Amount by a plain loop. */
const TOTAL = ROWS.reduce((sum, [, a]) => sum + a, 0);

const kpi: Tile = {
  version: 1, kind: 'kpi', id: 'amount', title: 'Total Amount', at: { row: 0, col: 0, rows: 3, cols: 2 },
  source: { kind: 'source', id: 'feed' }, measure: { id: 'amount', label: 'Amount', kind: 'sum', field: 'Amount' }, numberFormat: '0.##',
} as Tile;

function hostile(workbookId?: string): PivotDeckDocument {
  return {
    ...emptyDocument(),
    ...(workbookId ? { workbookId } : {}),
    sources: [{ id: 'feed', label: 'Feed', kind: 'csv', url: server.url('/mutable/feed.csv'), options: { keepOutOfSheet: true } }],
    dashboards: [{ id: 'board', label: 'Board', sheet: 'Board', tiles: [kpi as unknown as Record<string, unknown>], refreshOnOpen: true, refreshEveryMinutes: 1 }],
  };
}

async function open(doc: PivotDeckDocument, consent: ConsentStore): Promise<{ sim: Simulator; host: ServiceHost }> {
  const sim = createSimulator(workbook({ sheets: [sheet('Data', cellsAt(SALES_ROWS)), sheet('Board')], tables: [table('Sales', 'Data', 'A1:E13')] }));
  await saveWorkbookDocument(sim.run, { readOnly: false }, doc);
  return {
    sim,
    host: {
      run: sim.run, canReadDataSource: true, fetch: globalThis.fetch, credentials: memoryCredentialStore(), consent,
      allowHttpLocalhost: true, policy: { timeoutMs: 20_000, maxRetries: 0 },
    },
  };
}

const feedRequests = () => server.requests.filter((r) => r.url.includes('/mutable/feed.csv')).length;

describe('a shared workbook asks before it reaches the network', () => {
  it('refresh on open, the ribbon and a pane refresh wait, send nothing, and run once the user allows', async () => {
    server.setResource('feed.csv', CSV, 'text/csv');
    server.reset();
    const { sim, host } = await open(hostile('wb-emailed'), consentStoreOver(mapBackend()));
    const services = createServices(host);

    expect((await services.dashboards.refreshOnOpen()).size).toBe(0);
    const reports: StepReport[][] = [];
    let shown = 0;
    await refreshAllCommand(() => services, { onReport: (r) => reports.push(r), showPane: async () => { shown++; } })({ completed: () => undefined });
    await expect(services.dashboards.refresh('board')).resolves.toMatchObject({ status: expect.not.stringMatching(/^written$/) });
    await expect(services.http!.fetch(server.url('/mutable/feed.csv'))).rejects.toBeInstanceOf(ConsentNeededError);
    expect(feedRequests()).toBe(0);

    expect(services.consent.pending()).toEqual({
      origins: [server.origin],
      waiting: expect.arrayContaining(['Refresh on open of "Board"', 'Refresh all']),
    });
    expect(shown).toBe(1);
    const skipped = reports[0]!.filter((s) => s.problem).map((s) => s.step);
    expect(skipped).toEqual(['sources', 'queries', 'dashboards']);
    expect(reports[0]!.find((s) => s.step === 'sources')!.problem).toContain('waiting for your permission');

    // The user's OK: what waited runs (refresh on open and Refresh all), and the KPI is right.
    await services.consent.allow();
    await vi_waitFor(() => feedRequests() > 0);
    await vi_waitFor(async () => (await loadWorkbookDocument(sim.run)).document.dashboards[0]?.lastRefresh !== undefined);
    // Both waiting requests ran (refresh on open, then Refresh all's dashboards step): wait for the second.
    await vi_waitFor(() => !services.dashboards.busy);
    expect((await loadWorkbookDocument(sim.run)).document.dashboards[0]!.lastRefresh).toMatchObject({ ok: true });
    const kpiCell = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Board').getRange('A2');
      r.load('values');
      await ctx.sync();
      return r.values[0]![0];
    });
    expect(kpiCell).toBe(TOTAL);
  });

  it('remembers the answer per user outside the workbook: the same workbook does not ask again, another one does', async () => {
    server.setResource('feed.csv', CSV, 'text/csv');
    const store = consentStoreOver(mapBackend());
    const first = await open(hostile('wb-team'), store);
    const a = createServices(first.host);
    await a.dashboards.refreshOnOpen();
    await a.consent.allow();
    expect((await loadWorkbookDocument(first.sim.run)).document.workbookId).toBe('wb-team');

    server.reset();
    const again = createServices((await open(hostile('wb-team'), store)).host);
    const outs = await again.dashboards.refreshOnOpen();
    expect(outs.get('board')?.status).toBe('written');
    expect(again.consent.pending()).toBeUndefined();

    server.reset();
    const other = createServices((await open(hostile('wb-other'), store)).host);
    expect((await other.dashboards.refreshOnOpen()).size).toBe(0);
    expect(other.consent.pending()?.origins).toEqual([server.origin]);
    expect(feedRequests()).toBe(0);
  });

  it('a workbook without an id gets one when the user allows, so the answer is kept', async () => {
    const store = consentStoreOver(mapBackend());
    const { sim, host } = await open(hostile(), store);
    const services = createServices(host);
    await services.dashboards.refreshOnOpen();
    await services.consent.allow();
    const id = (await loadWorkbookDocument(sim.run)).document.workbookId;
    expect(id).toMatch(/^wb[0-9a-z]{32}$/);
    expect((await store.read(id!))?.origins).toEqual([server.origin]);
  });

  it('an address the workbook does not name (typed in the pane) is not held back; a source saved from the pane allows its origin', async () => {
    const store = consentStoreOver(mapBackend());
    const { host } = await open({ ...emptyDocument(), workbookId: 'wb-new' }, store);
    const services = createServices(host);
    server.reset();
    const response = await services.http!.fetch(server.url('/mutable/feed.csv'));
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    await services.sources.save({ id: 'mine', label: 'Mine', kind: 'csv', url: server.url('/mutable/feed.csv') });
    expect((await store.read('wb-new'))?.origins).toEqual([server.origin]);
  });
});

/** Polls `check` until true (real work finishing; fails the test after 15 s, not a timing assertion). */
async function vi_waitFor(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('waited 15 s for the allowed work to run');
}
