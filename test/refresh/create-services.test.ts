/**
 * The composition root (issue 15 part 3): one document service shared by every coordinator; the
 * pane's query computer (a Web Worker in the pane) also computes dashboards; a pane refresh and a
 * ribbon refresh of the same source pull and land it once; a kept-out web source feeds a
 * dashboard through the same pull the ribbon uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshEverything } from '../../src/commands/refresh-everything';
import { memoryCredentialStore } from '../../src/connectors';
import type { Tile } from '../../src/dashboards';
import { emptyDocument } from '../../src/model';
import { memoryDocumentStorage } from '../../src/refresh/document';
import { computeInThread } from '../../src/refresh/extension-computer';
import { computeQueryInThread, type QueryComputer } from '../../src/refresh/queries';
import { createServices, type ServiceHost } from '../../src/refresh/services';
import { createSimulator, modelFromRows } from '../../src/simulator';
import { startGatedServer, type GatedServer } from './gated-server';

let server: GatedServer;
beforeAll(async () => { server = await startGatedServer(); });
afterAll(async () => { await server.stop(); });

describe('createServices', () => {
  it('builds one document service for every coordinator', () => {
    const sim = createSimulator(modelFromRows('S', [['']]));
    const s = createServices({ run: sim.run, canReadDataSource: true });
    expect(new Set([s.extensions.documents, s.sources.documents, s.queries.documents, s.dashboards.documents])).toEqual(new Set([s.documents]));
    // No fetch here (a runtime without the web): no HTTP context, pull or warehouse runner.
    expect([s.http, s.pull, s.warehouse]).toEqual([undefined, undefined, undefined]);
  });

  it('dashboards compute in the query computer the host gives (the pane’s worker), reading a kept-out web source', async () => {
    server.set('/kpi.csv', 'Région,Montant\nNord,2.5\nSud,-0\nNord,4\n');
    server.open();
    const sim = createSimulator(modelFromRows('S', [['']]));
    let computed = 0;
    const counting: QueryComputer = (input, options) => { computed++; return computeQueryInThread(input, options); };
    const host: ServiceHost = {
      run: sim.run, canReadDataSource: true, fetch: globalThis.fetch, credentials: memoryCredentialStore(), allowHttpLocalhost: true,
      policy: { timeoutMs: 10_000 },
      workers: { extension: () => computeInThread, query: () => counting },
      storage: memoryDocumentStorage({ ...emptyDocument(), sources: [{ id: 'kpi', label: 'KPI feed', kind: 'csv', url: server.url('/kpi.csv'), keepOutOfSheet: true }] }),
    };
    const s = createServices(host);
    const tile: Tile = {
      version: 1, kind: 'kpi', id: 'total', title: 'Montant', at: { row: 0, col: 0, rows: 3, cols: 2 },
      source: { kind: 'source', id: 'kpi' }, measure: { id: 'm', label: 'Montant', kind: 'sum', field: 'Montant' },
    };
    const made = await s.dashboards.create({ label: 'Board', tiles: [tile] });
    expect(made.outcome.status).toBe('written');
    expect(computed).toBeGreaterThan(0);
    const value = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(made.outcome.sheet!).getRange('A2').load('values');
      await ctx.sync();
      return r.values[0]![0];
    });
    expect(value).toBe(2.5 + 0 + 4);
  });

  it('a pane refresh and the ribbon’s Refresh all of one source pull it once', async () => {
    server.set('/once.csv', 'a,b\n1,2\n');
    server.close();
    const sim = createSimulator(modelFromRows('S', [['']]));
    const s = createServices({
      run: sim.run, canReadDataSource: true, fetch: globalThis.fetch, credentials: memoryCredentialStore(), allowHttpLocalhost: true,
      policy: { timeoutMs: 10_000 }, storage: memoryDocumentStorage({ ...emptyDocument(), sources: [{ id: 'once', label: 'Once', kind: 'csv', url: server.url('/once.csv') }] }),
    });
    const before = server.requests().length;
    const pane = s.sources.refresh('once');
    await server.arrived(before + 1);
    const ribbon = refreshEverything(s);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    server.open();
    const [outcome, report] = await Promise.all([pane, ribbon]);
    expect(outcome?.status).toBe('landed');
    expect(report.find((r) => r.step === 'sources')).toEqual({ step: 'sources', count: 1, failed: 0 });
    expect(server.requests().length).toBe(before + 1);
    expect(sim.toModel().tables.map((t) => t.name)).toEqual(['Once']);
  });
});
