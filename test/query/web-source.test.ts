/**
 * Queries straight from a web source kept out of the sheet ("don't land raw rows"), against the
 * real local test server (node's fetch, no mocks) and the Excel simulator: the raw rows never
 * reach Excel, only the query's result does; the source's status is recorded without landing;
 * a second read within the session is conditional (304 reuses the pull); changed data shows on
 * refresh. Expected cells come from a plain loop over the CSV text the server serves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors';
import type { QuerySpec } from '../../src/engine';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { insertQuery, refreshKeptSource, refreshQuery, tooBigToLand, webPullSource, type WebPullContext } from '../../src/refresh/queries';
import { createSimulator, modelFromRows } from '../../src/simulator';
import { startTestServer, type TestServer } from '../support/http-server';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

const context = (): WebPullContext => ({ fetch: globalThis.fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true, timeoutMs: 10_000 } });

/** Orders: Region alternates North/South; Amount = i × k; a few blanks. */
function ordersCsv(n: number, k: number): string {
  const lines = ['Region,Amount,Day'];
  for (let i = 1; i <= n; i++) lines.push(`${i % 2 ? 'North' : 'South'},${i % 7 === 0 ? '' : i * k},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
  return `${lines.join('\n')}\n`;
}

/** Sum and count of Amount per region, by a plain loop over the CSV text. */
function expected(csv: string): Array<[string, number, number]> {
  const acc = new Map<string, [number, number]>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [region, amount] = line.split(',');
    const a = acc.get(region!) ?? [0, 0];
    if (amount !== '') { a[0] += Number(amount); a[1] += 1; }
    acc.set(region!, a);
  }
  return [...acc.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([r, [sum, count]]) => [r, sum, count]);
}

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'source', id: 'orders' },
  rows: ['Region'],
  measures: [{ id: 'sum', label: 'Amount', kind: 'sum', field: 'Amount' }, { id: 'n', label: 'Orders with an amount', kind: 'count', field: 'Amount' }],
};

describe('queries on a web source kept out of the sheet', () => {
  it('records the source without landing, computes from the pull, reads conditionally, follows changes', async () => {
    server.setResource('orders.csv', ordersCsv(500, 3), 'text/csv');
    const ctx = context();
    let doc: PivotDeckDocument = {
      ...emptyDocument(),
      sources: [{ id: 'orders', label: 'Orders', kind: 'csv', url: server.url('/mutable/orders.csv'), keepOutOfSheet: true }],
    };
    // Checking the source records its status and validators; Excel is not involved at all.
    const checked = await refreshKeptSource(ctx, doc, 'orders', { now: () => new Date('2025-05-01T00:00:00Z') });
    expect(checked.outcome).toMatchObject({ status: 'checked', rows: 500 });
    doc = checked.document;
    expect(doc.sources[0]!.lastRefresh).toEqual({ at: '2025-05-01T00:00:00.000Z', ok: true, message: '500 rows, kept out of the sheet; queries read them from the web.' });
    expect(doc.sources[0]!).toMatchObject({ keepOutOfSheet: true, lastPull: { etag: expect.stringMatching(/^".+"$/), rows: 500 } });
    expect((await refreshKeptSource(ctx, doc, 'orders')).outcome).toEqual({ status: 'notModified' });

    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    const deps = { run: sim.run, pull: webPullSource(ctx, async () => doc) };
    const r = await insertQuery(deps, doc, { label: 'Orders by region', spec: SPEC, layout: 'table', target: { kind: 'newSheet', sheet: 'Orders by region' } });
    expect(r.outcome.status).toBe('written');
    const out = () => sim.run(async (ctx2) => {
      const range = ctx2.workbook.worksheets.getItem('Orders by region').getRange('A1:C3').load('values');
      await ctx2.sync();
      return range.values;
    });
    expect(await out()).toEqual([['Region', 'Amount', 'Orders with an amount'], ...expected(ordersCsv(500, 3))]);
    // Only the result reached Excel: no sheet or table holds the 500 raw rows.
    const model = sim.toModel();
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Orders by region']);
    expect(model.tables.map((t) => t.name)).toEqual([expect.stringMatching(/^PivotDeck/)]);

    // Unchanged data: the second read is conditional and the server answers 304.
    server.reset();
    const again = await refreshQuery(deps, r.document, r.id);
    expect(again.outcome.status).toBe('written');
    expect(server.requests.filter((q) => q.method === 'GET').map((q) => q.headers['if-none-match'])).toEqual([expect.stringMatching(/^".+"$/)]);

    // Changed data shows on the next refresh.
    server.setResource('orders.csv', ordersCsv(800, 5), 'text/csv');
    expect((await refreshQuery(deps, again.document, r.id)).outcome.status).toBe('written');
    expect((await out()).slice(1)).toEqual(expected(ordersCsv(800, 5)));
  });

  it('a source removed from the workbook fails the query with a message, and writes nothing', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    const doc = emptyDocument();
    const r = await insertQuery({ run: sim.run, pull: webPullSource(context(), async () => doc) }, doc, { label: 'X', spec: SPEC, layout: 'grid', target: { kind: 'newSheet', sheet: 'X' } });
    expect(r.outcome).toMatchObject({ status: 'failed', message: 'The source "orders" is no longer in this workbook. Choose another source for this query.' });
    expect(sim.toModel().sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('a 404 while checking marks the source stale with the reason', async () => {
    const doc: PivotDeckDocument = { ...emptyDocument(), sources: [{ id: 'gone', label: 'Gone', kind: 'csv', url: server.url('/status/404/x.csv'), keepOutOfSheet: true }] };
    const r = await refreshKeptSource(context(), doc, 'gone');
    expect(r.outcome.status).toBe('failed');
    expect(r.document.sources[0]!.lastRefresh).toMatchObject({ ok: false, message: expect.stringMatching(/404/) });
  });

  it('says when a pull is too big to land, at exactly the sheet limit', () => {
    expect(tooBigToLand(1_048_575)).toBeUndefined();
    expect(tooBigToLand(1_048_576)).toBe('This data has 1,048,576 rows, more than an Excel sheet holds (1,048,575 below the header). Keep it out of the sheet and build queries on it: a query\'s summary fits easily.');
  });
});
