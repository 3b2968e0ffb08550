/**
 * A web source saved from its preview and kept out of the sheet is not downloaded again by the
 * first query on it (issue 18): the source coordinator hands the preview's pull to the queries'
 * pulls (createServices' shared PullMemory), so the query asks the server conditionally and a
 * 304 reuses the preview's data. Real 127.0.0.1 server; requests counted there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCredentialStore, type SourceDefinition } from '../../src/connectors';
import { emptyDocument } from '../../src/model';
import { memoryDocumentStorage } from '../../src/refresh/document';
import { computeInThread } from '../../src/refresh/extension-computer';
import { computeQueryInThread } from '../../src/refresh/queries';
import { createServices } from '../../src/refresh/services';
import { createSimulator, modelFromRows } from '../../src/simulator';
import { startTestServer, type TestServer } from '../support/http-server';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server.close());

function services() {
  const sim = createSimulator(modelFromRows('S', [['']]));
  return createServices({
    run: sim.run, canReadDataSource: true, fetch: globalThis.fetch, credentials: memoryCredentialStore(), allowHttpLocalhost: true,
    trustedOrigins: [server.origin], policy: { timeoutMs: 10_000 },
    workers: { extension: () => computeInThread, query: () => computeQueryInThread },
    storage: memoryDocumentStorage(emptyDocument()),
  });
}

const gets = (path: string) => server.requests.filter((r) => r.method === 'GET' && r.url.startsWith(path));

describe('a source saved from its preview, kept out of the sheet', () => {
  it('is asked for conditionally by the first query, and the 304 reuses the preview’s rows', async () => {
    server.setResource('kept.csv', 'Stadt,Betrag\nZürich,-0\nKöln,2.5\n', 'text/csv');
    server.reset();
    const s = services();
    const def: SourceDefinition = { id: 'kept', label: 'Kept', kind: 'csv', url: server.url('/mutable/kept.csv'), keepOutOfSheet: true };
    const preview = await s.sources.preview(def, undefined);
    expect((await s.sources.land(def, preview)).status).toBe('checked');
    expect(gets('/mutable/kept.csv')).toHaveLength(1);
    const data = await s.pull!({ kind: 'source', id: 'kept' }, {});
    expect(data.header).toEqual(['Stadt', 'Betrag']);
    expect(data.rows).toEqual([['Zürich', -0], ['Köln', 2.5]]);
    const requests = gets('/mutable/kept.csv');
    expect(requests).toHaveLength(2);
    expect(requests[1]!.headers['if-none-match']).toBe(preview.etag);
  });

  it('a changed file is downloaded again by the query', async () => {
    server.setResource('kept2.csv', 'A\n1\n', 'text/csv');
    const s = services();
    const def: SourceDefinition = { id: 'k2', label: 'K2', kind: 'csv', url: server.url('/mutable/kept2.csv'), keepOutOfSheet: true };
    await s.sources.land(def, await s.sources.preview(def, undefined));
    server.setResource('kept2.csv', 'A\n1\n7\n', 'text/csv');
    const data = await s.pull!({ kind: 'source', id: 'k2' }, {});
    expect(data.rows).toEqual([[1], [7]]);
  });
});
