/**
 * Show rows on the query worker (issue 17 part 1, the pane thread stays free): a query over a web
 * source kept out of the sheet (served by a real HTTP server on 127.0.0.1) drills through the
 * composition root with a worker computer whose stand-in worker answers with answerDrillRequest
 * and answerQueryRequest (the code query.worker.ts runs), every message through structuredClone as postMessage would.
 * The pane side posts ONE `drill` request carrying the pulled rows as packed columns and gets the rows back; the
 * rows and their sum are checked with plain loops over the CSV the server sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors';
import type { QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import {
  answerDrillRequest, answerQueryRequest, insertQuery, queryWorkerComputer, webPullSource, type DrillRequest, type QueryReply, type QueryRequest, type QueryWorkerLike,
} from '../../src/refresh/queries';
import { computeInThread } from '../../src/refresh/extension-computer';
import { createServices } from '../../src/refresh/services';
import { drillWorkerComputer } from '../../src/refresh/show-rows';
import { createSimulator } from '../../src/simulator';
import { startTestServer, type TestServer } from '../support/http-server';
import { sheet, workbook } from '../excel/workbooks';
import { sameItem } from './oracle';

class InProcessWorker implements QueryWorkerLike {
  onmessage: QueryWorkerLike['onmessage'] = null;
  onerror: QueryWorkerLike['onerror'] = null;
  terminated = false;
  constructor(private readonly seen: Array<QueryRequest | DrillRequest>) {}
  postMessage(message: QueryRequest | DrillRequest): void {
    const request = structuredClone(message);
    this.seen.push(request);
    // What query.worker.ts does: a drill request beside query requests.
    const post = (reply: unknown) => { if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) as QueryReply }); };
    setTimeout(() => (request.type === 'drill' ? answerDrillRequest(request, post) : answerQueryRequest(request, post)), 0);
  }
  terminate(): void { this.terminated = true; }
}

// Awkward on purpose: case-only differences, non-ASCII, a formula-looking value, a blank region, -0, a one-row group.
const RECORDS: Array<[string, string, number]> = [];
const REGIONS = ['Nörd', 'nörd', 'Süd', '', '=Süd', 'NÖRD'];
for (let i = 0; i < 240; i++) RECORDS.push([REGIONS[i % 6], `C${i % 7}`, i % 9 === 0 ? -0 : ((i * 31) % 17) - 4]);
RECORDS.push(['Ost', 'C1', 5]);
const csvText = `Region,Customer,Amount\n${RECORDS.map(([r, c, a]) => `${r.startsWith('=') ? `"${r}"` : r},${c},${Object.is(a, -0) ? '-0' : a}`).join('\n')}\n`;

describe('Show rows on a kept-out web source computes on the query worker', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { await server.close(); });

  it('one drill request crosses to the worker with the pulled rows; the rows and their sum match plain loops', async () => {
    server.setResource('kept.csv', csvText, 'text/csv');
    const http = { fetch: globalThis.fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true, timeoutMs: 10_000 } };
    const doc: PivotDeckDocument = { ...emptyDocument(), sources: [{ id: 'kept', label: 'Kept', kind: 'csv', url: server.url('/mutable/kept.csv'), keepOutOfSheet: true }] };
    const spec: QuerySpec = { version: 1, source: { kind: 'source', id: 'kept' }, rows: ['Region'], measures: [{ id: 'amount', label: 'Amount', kind: 'sum', field: 'Amount' }] };
    const sim = createSimulator(workbook({ sheets: [sheet('Start')] }));
    const inserted = await insertQuery({ run: sim.run, pull: webPullSource(http, async () => doc) }, doc, { label: 'Kept by region', spec, layout: 'grid', target: { kind: 'newSheet', sheet: 'Kept' } });
    expect(inserted.outcome.status).toBe('written');
    await saveWorkbookDocument(sim.run, { readOnly: false }, inserted.document);

    const seen: Array<QueryRequest | DrillRequest> = [];
    const start = () => new InProcessWorker(seen);
    const services = createServices({
      run: sim.run, canReadDataSource: true, fetch: globalThis.fetch, credentials: http.credentials, allowHttpLocalhost: true,
      policy: { timeoutMs: 10_000 }, trustedOrigins: [server.origin],
      workers: { extension: () => computeInThread, query: () => queryWorkerComputer(start), drill: () => drillWorkerComputer(start) },
    });
    // The grid on "Kept": A1 "Region" | "Amount", then one row per region; pick Nörd's total (one item in any case).
    const grid = sim.toModel().sheets.find((s) => s.name === 'Kept')!;
    let row = -1;
    for (let r = 1; r < 10; r++) if (sameItem(grid.cells[`${r},0`]?.value, 'Nörd')) row = r;
    expect(row).toBeGreaterThan(0);
    const label = grid.cells[`${row},0`]?.value;
    const shown = grid.cells[`${row},1`]?.value;
    const want = RECORDS.filter(([r]) => sameItem(r, 'Nörd'));
    let total = 0;
    for (const [, , a] of want) total += a;
    expect(shown).toBe(total);

    sim.select('Kept', `B${row + 1}`);
    const outcome = await services.showRows();
    expect(outcome).toMatchObject({ status: 'written', words: `Region = ${String(label)}`, total: want.length, formula: '=SUM(ShowRows_1[[Amount]])' });
    // Exactly one request went to the worker, a drill carrying every pulled row.
    expect(seen.map((r) => r.type)).toEqual(['drill']);
    const request = seen[0];
    // The rows crossed once, as packed columns (never as arrays of rows).
    expect(request.type === 'drill' && request.sources['source:kept'].columns.rowCount).toBe(RECORDS.length);
    const body = await sim.run(async (ctx) => {
      const r = ctx.workbook.tables.getItem('ShowRows_1').getDataBodyRange().load('values');
      await ctx.sync();
      return r.values as CellValue[][];
    });
    expect(body.map((r) => r[0])).toEqual(want.map(([r]) => r));
    let sum = 0;
    for (const r of body) sum += r[2] as number;
    expect(sum).toBe(total);
  });
});
