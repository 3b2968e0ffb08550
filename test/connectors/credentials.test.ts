import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialStoreOver, mapBackend, memoryCredentialStore, pullCsv, pullRest, type PullOk, type SourceDefinition } from '../../src/connectors';
import { emptyDocument, openDocument, saveDocument } from '../../src/model';
import { startTestServer, type TestServer } from '../support/http-server';
import { rejection, testContext } from './context';

const TOKEN = 'tok-3f9a1c7e-bearer-secret';
const KEY = 'key-77d2b8-api-secret';
const PASSWORD = 'pa:ss-wörd-secret';
let server: TestServer;
let host: string;
beforeAll(async () => {
  server = await startTestServer({ bearerToken: TOKEN, apiKey: KEY, basic: { user: 'ann', password: PASSWORD } });
  host = new URL(server.origin).host;
});
afterAll(() => server.close());

const source = (id: string, path: string, kind: 'apiKeyHeader' | 'apiKeyQuery' | 'bearer' | 'basic', extra: Partial<SourceDefinition> = {}): SourceDefinition => ({
  id,
  label: id,
  kind: 'csv',
  url: server.url(path),
  credential: { host, kind },
  ...extra,
});

describe('credentials', () => {
  it('bearer, header API key, query API key and basic all reach the server as it expects', async () => {
    const credentials = memoryCredentialStore({ [host]: { bearer: TOKEN, apiKeyHeader: KEY, apiKeyQuery: KEY, basic: `ann:${PASSWORD}` } });
    server.reset();
    for (const [id, scheme, kind] of [
      ['b', 'bearer', 'bearer'],
      ['h', 'key-header', 'apiKeyHeader'],
      ['q', 'key-query', 'apiKeyQuery'],
      ['s', 'basic', 'basic'],
    ] as const) {
      const result = (await pullCsv(source(id, `/auth/${scheme}/data/seattle-weather.csv`, kind), testContext({ credentials }))) as PullOk;
      expect(result.rowCount).toBe(1461);
    }
    // Header credentials never appear in an address; the query key only where the user chose it.
    const urls = server.requests.map((r) => r.url);
    expect(urls.filter((u) => u.includes(KEY))).toEqual([`/auth/key-query/data/seattle-weather.csv?api_key=${KEY}`]);
    expect(urls.some((u) => u.includes(TOKEN))).toBe(false);
  });

  it('a missing credential asks for it before any request', async () => {
    server.reset();
    const error = await rejection(pullCsv(source('b', '/auth/bearer/data/seattle-weather.csv', 'bearer'), testContext()));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain(`access token for ${host}`);
    expect(server.requests).toEqual([]);
  });

  it('401 and 403 say to re-enter the credential for the host, without echoing it', async () => {
    const credentials = memoryCredentialStore({ [host]: { bearer: 'wrong-token', apiKeyQuery: 'wrong-key' } });
    const refused = await rejection(pullCsv(source('b', '/auth/bearer/data/seattle-weather.csv', 'bearer'), testContext({ credentials })));
    expect(refused.kind).toBe('auth');
    expect(refused.message).toContain(`Re-enter your access token for ${host}`);
    expect(refused.message).not.toContain('wrong-token');
    const query = await rejection(pullCsv(source('q', '/auth/key-query/data/seattle-weather.csv', 'apiKeyQuery'), testContext({ credentials })));
    expect(query.kind).toBe('auth');
    expect(query.message).not.toContain('wrong-key');
    const forbidden = await rejection(pullCsv(source('f', '/auth/forbidden/data/seattle-weather.csv', 'bearer'), testContext({ credentials })));
    expect(forbidden.kind).toBe('auth');
    expect(forbidden.details.status).toBe(403);
  });

  it('never sends a credential to another host a next link points at', async () => {
    const other = await startTestServer();
    try {
      const credentials = memoryCredentialStore({ [host]: { bearer: TOKEN } });
      server.setResource('hop.json', JSON.stringify({ items: [{ a: 1 }], next: other.url('/api/endless?page=1') }), 'application/json');
      const def: SourceDefinition = { id: 'h', label: 'h', kind: 'rest', url: server.url('/mutable/hop.json'), credential: { host, kind: 'bearer' }, options: { recordsPath: 'items', paging: { kind: 'bodyLink', path: 'next' }, maxPages: 3 } };
      await rejection(pullRest(def, testContext({ credentials })));
      expect(other.requests.length).toBeGreaterThan(0);
      expect(other.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('after pulls with a bearer token and an API key, the saved workbook text holds no secret', async () => {
    const credentials = memoryCredentialStore({ [host]: { bearer: TOKEN, apiKeyQuery: KEY } });
    const doc = emptyDocument();
    for (const def of [source('bearerSource', '/auth/bearer/data/seattle-weather.csv', 'bearer'), source('keySource', '/auth/key-query/data/seattle-weather.csv', 'apiKeyQuery')]) {
      const result = (await pullCsv(def, testContext({ credentials }))) as PullOk;
      doc.sources.push({ ...def, lastRefresh: { at: '2024-10-01T00:00:00Z', ok: true, message: `${result.rowCount} rows` } });
    }
    // A failing refresh's message is stored too; it must not carry the secret either.
    const failing = await rejection(pullCsv(source('x', '/auth/key-query/data/nope.csv', 'apiKeyQuery'), testContext({ credentials })));
    doc.sources.push({ ...source('failing', '/auth/key-query/data/nope.csv', 'apiKeyQuery'), lastRefresh: { at: '2024-10-01T00:00:00Z', ok: false, message: failing.message } });
    const text = saveDocument(doc);
    for (const secret of [TOKEN, KEY, PASSWORD, btoa(TOKEN)]) expect(text).not.toContain(secret);
    expect(text).toContain(`"host":"${host}"`);
    expect(openDocument(text).status).toBe('ok');
  });

  it('the store keeps secrets per host and kind and forgets a host entirely', async () => {
    const map = new Map<string, string>();
    const store = credentialStoreOver(mapBackend(map));
    await store.set('API.example.com', 'bearer', 't1');
    await store.set('api.example.com', 'basic', 'u:p');
    await store.set('other.example.com', 'bearer', 't2');
    expect(await store.get('api.example.com', 'bearer')).toBe('t1');
    expect(await store.get('api.example.com', 'apiKeyHeader')).toBeUndefined();
    await store.delete('api.example.com');
    expect(await store.get('api.example.com', 'basic')).toBeUndefined();
    expect(await store.get('other.example.com', 'bearer')).toBe('t2');
    expect(map.size).toBe(1);
  });
});
