/**
 * refreshSource against the real test HTTP server (127.0.0.1, node's fetch, no mocks) and the
 * Excel simulator: first load, 304 (nothing downloaded, nothing written), changed data, a 500 in
 * the middle of paging (old table intact, source stale with reason), a teammate without a
 * credential, coalescing, and no secret anywhere in the saved workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors';
import { emptyDocument, saveDocument, type PivotDeckDocument } from '../../src/model';
import { DocumentService, memoryDocumentStorage } from '../../src/refresh/document';
import { refreshSource, removeSource, SourceCoordinator, sourceStatus, type SourceDeps } from '../../src/refresh/sources';
import { startTestServer, type TestServer } from '../support/http-server';
import { emptySim, snapshot, tableValues, type Sim } from './helpers';

const TOKEN = 'tok-9f8e7d6c5b4a-secret';
const NOW = () => new Date('2025-03-04T05:06:07Z');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ bearerToken: TOKEN });
});
afterAll(async () => {
  await server.close();
});

/** Excel serial of a UTC day, by hand: days since 1899-12-30. */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function depsFor(sim: Sim, credentials = memoryCredentialStore()): SourceDeps {
  return { run: sim.run, fetch: globalThis.fetch, credentials, policy: { allowHttpLocalhost: true, timeoutMs: 10_000 }, now: NOW, sleep: async () => {} };
}

function docWith(source: PivotDeckDocument['sources'][number]): PivotDeckDocument {
  return { ...emptyDocument(), sources: [source] };
}

const paged = (url: string) => ({
  id: 'api-cars',
  label: 'API cars',
  kind: 'rest' as const,
  url: server.url(url),
  options: { recordsPath: 'data.items', totalPath: 'meta.total', paging: { kind: 'page', param: 'page', sizeParam: 'pageSize', size: 50 } },
  landing: { tableName: 'ApiCars', sheet: 'API' },
});

describe('refreshSource', () => {
  it('lands a CSV, then a 304 downloads and writes nothing, then changed data replaces the table', async () => {
    server.setResource('prices.csv', 'name,price,when,active\nA,1.5,2024-01-02,true\nB,2,2024-02-03,false\n', 'text/csv');
    const sim = emptySim();
    const deps = depsFor(sim);
    let doc = docWith({ id: 'prices', label: 'Prices', kind: 'csv', url: server.url('/mutable/prices.csv'), landing: { tableName: 'Prices', sheet: 'Prices' } });

    let result = await refreshSource(deps, doc, 'prices');
    expect(result.outcome.status).toBe('landed');
    doc = result.document;
    const t = await tableValues(sim, 'Prices');
    expect(t.values).toEqual([['name', 'price', 'when', 'active'], ['A', 1.5, serial(2024, 1, 2), true], ['B', 2, serial(2024, 2, 3), false]]);
    expect(t.formats[1]).toEqual(['@', 'General', 'yyyy-mm-dd', 'General']);
    expect(doc.sources[0]!.lastPull).toMatchObject({ etag: expect.stringMatching(/^".+"$/), rows: 2 });
    expect(sourceStatus(doc.sources[0]!)).toMatchObject({ state: 'fresh', at: '2025-03-04T05:06:07.000Z' });

    // Unchanged: the server answers 304; one read-only sync checks the table is still there.
    const before = snapshot(sim);
    server.reset();
    sim.resetStats();
    result = await refreshSource(deps, doc, 'prices');
    expect(result.outcome.status).toBe('notModified');
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([doc.sources[0]!.lastPull!.etag]);
    expect(sim.stats().syncs).toBe(1);
    expect(sim.stats().responseBytes).toBeLessThan(200);
    expect(snapshot(sim)).toBe(before);
    doc = result.document;

    // Changed (one row more, a column gone): new values, the change named.
    server.setResource('prices.csv', 'name,price,when\nA,1.75,2024-01-02\nB,2,2024-02-03\nC,3,2024-03-04\n', 'text/csv');
    result = await refreshSource(deps, doc, 'prices');
    expect(result.outcome).toMatchObject({ status: 'landed', rows: 3 });
    expect((await tableValues(sim, 'Prices')).values).toEqual([['name', 'price', 'when'], ['A', 1.75, serial(2024, 1, 2)], ['B', 2, serial(2024, 2, 3)], ['C', 3, serial(2024, 3, 4)]]);
    expect(result.document.sources[0]!.lastRefresh!.message).toMatch(/missing column active/);
  });

  it('a 500 in the middle of paging leaves the landed table intact and marks the source stale', async () => {
    const sim = emptySim();
    const deps = depsFor(sim);
    let doc = docWith(paged('/api/cars/page'));
    let result = await refreshSource(deps, doc, 'api-cars');
    expect(result.outcome).toMatchObject({ status: 'landed', rows: 406, pages: 9 });
    doc = result.document;
    const before = snapshot(sim);

    doc = { ...doc, sources: [{ ...doc.sources[0]!, url: server.url('/api/cars/page?failAtPage=3') }] };
    result = await refreshSource(deps, doc, 'api-cars');
    expect(result.outcome).toMatchObject({ status: 'failed', kind: 'http' });
    expect(snapshot(sim)).toBe(before);
    const status = sourceStatus(result.document.sources[0]!);
    expect(status).toMatchObject({ state: 'stale', at: '2025-03-04T05:06:07.000Z' });
    expect((status as { reason: string }).reason).toMatch(/500/);
  });

  it('a teammate without the credential is asked for it; with it the pull works; no secret is saved', async () => {
    const sim = emptySim();
    const credentials = memoryCredentialStore();
    const deps = depsFor(sim, credentials);
    const host = new URL(server.origin).host;
    let doc = docWith({ id: 'secure', label: 'Secure cars', kind: 'json', url: server.url('/auth/bearer/data/cars.json'), credential: { origin: server.origin, kind: 'bearer' }, landing: { tableName: 'Secure', sheet: 'Secure' } });
    server.reset();
    let result = await refreshSource(deps, doc, 'secure');
    expect(result.outcome).toMatchObject({ status: 'needsCredential', host });
    expect(server.requests).toEqual([]); // asked before any request
    expect(sourceStatus(result.document.sources[0]!)).toMatchObject({ state: 'needsCredential', host });
    expect((sourceStatus(result.document.sources[0]!) as { reason: string }).reason).toContain(`access token for ${server.origin}`);
    doc = result.document;

    await credentials.set(server.origin, 'bearer', TOKEN);
    result = await refreshSource(deps, doc, 'secure');
    expect(result.outcome).toMatchObject({ status: 'landed', rows: 406 });
    expect(sourceStatus(result.document.sources[0]!).state).toBe('fresh');
    const saved = saveDocument(result.document);
    expect(saved).not.toContain(TOKEN);
    expect(JSON.stringify(sim.toModel())).not.toContain(TOKEN);
    expect(JSON.stringify(sim.toModel())).not.toContain('lastError'); // cleared by the successful refresh
  });

  it('concurrent refreshes of one source coalesce into one pull and one write', async () => {
    server.setResource('co.csv', 'a,b\n1,2\n', 'text/csv');
    const sim = emptySim();
    const deps = depsFor(sim);
    const doc = docWith({ id: 'co', label: 'Co', kind: 'csv', url: server.url('/mutable/co.csv') });
    server.reset();
    sim.resetStats();
    // Two callers (say the pane and the ribbon) through the workbook's one source coordinator.
    const documents = new DocumentService(memoryDocumentStorage(doc));
    const sources = new SourceCoordinator(deps, documents);
    const first = sources.refresh('co');
    const second = sources.refresh('co');
    expect(second).toBe(first);
    expect((await first)?.status).toBe('landed');
    const result = { document: await documents.read() };
    expect(server.requests.length).toBe(1);
    // Default landing: a sheet and a table named after the source.
    expect(sim.toModel().tables).toEqual([expect.objectContaining({ name: 'Co', sheet: 'Co', address: 'A1:B2' })]);
    // Once finished, a new call pulls again.
    const again = await refreshSource(deps, result.document, 'co');
    expect(again.outcome.status).toBe('notModified');
  });

  it('remove deletes the source and its table', async () => {
    server.setResource('rm.csv', 'a\n1\n', 'text/csv');
    const sim = emptySim();
    const deps = depsFor(sim);
    const landed = await refreshSource(deps, docWith({ id: 'rm', label: 'Rm', kind: 'csv', url: server.url('/mutable/rm.csv') }), 'rm');
    const next = await removeSource(deps, landed.document, 'rm');
    expect(next.sources).toEqual([]);
    expect(sim.toModel().tables).toEqual([]);
  });
});
