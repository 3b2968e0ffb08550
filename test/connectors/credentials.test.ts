import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialStoreOver, mapBackend, memoryCredentialStore, pullCsv, pullRest, type PullOk, type SourceDefinition } from '../../src/connectors';
import { emptyDocument, openDocument, saveDocument } from '../../src/model';
import { startTestServer, type TestServer } from '../support/http-server';
import { rejection, testContext } from './context';

const TOKEN = 'tok-3f9a1c7e-bearer-secret';
const KEY = 'key-77d2b8-api-secret';
const PASSWORD = 'pa:ss-wörd-secret';
let server: TestServer;
let origin: string;
beforeAll(async () => {
  server = await startTestServer({ bearerToken: TOKEN, apiKey: KEY, basic: { user: 'ann', password: PASSWORD } });
  origin = server.origin;
});
afterAll(() => server.close());

const source = (id: string, path: string, kind: 'apiKeyHeader' | 'apiKeyQuery' | 'bearer' | 'basic', extra: Partial<SourceDefinition> = {}): SourceDefinition => ({
  id,
  label: id,
  kind: 'csv',
  url: server.url(path),
  credential: { origin, kind },
  ...extra,
});

describe('credentials', () => {
  it('bearer, header API key, query API key and basic all reach the server as it expects', async () => {
    const credentials = memoryCredentialStore({ [origin]: { bearer: TOKEN, apiKeyHeader: KEY, apiKeyQuery: KEY, basic: `ann:${PASSWORD}` } });
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
    expect(error.message).toContain(`access token for ${origin}`);
    expect(server.requests).toEqual([]);
  });

  it('401 and 403 say to re-enter the credential for the host, without echoing it', async () => {
    const credentials = memoryCredentialStore({ [origin]: { bearer: 'wrong-token', apiKeyQuery: 'wrong-key' } });
    const refused = await rejection(pullCsv(source('b', '/auth/bearer/data/seattle-weather.csv', 'bearer'), testContext({ credentials })));
    expect(refused.kind).toBe('auth');
    expect(refused.message).toContain(`Re-enter your access token for ${origin}`);
    expect(refused.message).not.toContain('wrong-token');
    const query = await rejection(pullCsv(source('q', '/auth/key-query/data/seattle-weather.csv', 'apiKeyQuery'), testContext({ credentials })));
    expect(query.kind).toBe('auth');
    expect(query.message).not.toContain('wrong-key');
    const forbidden = await rejection(pullCsv(source('f', '/auth/forbidden/data/seattle-weather.csv', 'bearer'), testContext({ credentials })));
    expect(forbidden.kind).toBe('auth');
    expect(forbidden.details.status).toBe(403);
  });

  it('never follows a next link to another origin with a credential, and says which origin it refused', async () => {
    const other = await startTestServer();
    try {
      const credentials = memoryCredentialStore({ [origin]: { bearer: TOKEN } });
      server.setResource('hop.json', JSON.stringify({ items: [{ a: 1 }], next: other.url('/api/endless?page=1') }), 'application/json');
      const def: SourceDefinition = { id: 'h', label: 'h', kind: 'rest', url: server.url('/mutable/hop.json'), credential: { origin, kind: 'bearer' }, options: { recordsPath: 'items', paging: { kind: 'bodyLink', path: 'next' }, maxPages: 3 } };
      const refused = await rejection(pullRest(def, testContext({ credentials })));
      expect(refused.message).toContain(`The next page of this source is on ${other.origin}, not on ${origin}`);
      // Origin semantics on purpose: the other server (same host, another port) is not contacted at all.
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('after pulls with a bearer token and an API key, the saved workbook text holds no secret', async () => {
    const credentials = memoryCredentialStore({ [origin]: { bearer: TOKEN, apiKeyQuery: KEY } });
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
    expect(text).toContain(`"origin":"${origin}"`);
    expect(openDocument(text).status).toBe('ok');
  });

  it('the store keeps secrets per exact origin and kind, and forgets an origin entirely', async () => {
    const map = new Map<string, string>();
    const store = credentialStoreOver(mapBackend(map));
    await store.set('HTTPS://API.example.com:443', 'bearer', 't1');
    await store.set('https://api.example.com', 'basic', 'u:p');
    await store.set('https://other.example.com', 'bearer', 't2');
    // Case and the default port are the same origin; another port or scheme is not.
    expect(await store.get('https://api.example.com', 'bearer')).toBe('t1');
    expect(await store.get('https://api.example.com:8443', 'bearer')).toBeUndefined();
    expect(await store.get('http://api.example.com', 'bearer')).toBeUndefined();
    expect(await store.get('https://api.example.com', 'apiKeyHeader')).toBeUndefined();
    await store.delete('https://api.example.com');
    expect(await store.get('https://api.example.com', 'basic')).toBeUndefined();
    expect(await store.get('https://other.example.com', 'bearer')).toBe('t2');
    // What is left: the other origin's secret and when it was saved.
    expect(map.size).toBe(2);
  });

  it('moves a secret saved under an old host key to its https origin on first read, except for local hosts', async () => {
    const legacy = (host: string, kind: string) => `pivotdeck.credential\u0000${host}\u0000${kind}`;
    const map = new Map<string, string>([
      [legacy('api.example.com', 'bearer'), 'old-1'],
      [legacy('api.example.com:8443', 'basic'), 'ann:old-2'],
      [legacy('localhost:8080', 'bearer'), 'dev-3'],
      [legacy('gone.example.com', 'apiKeyHeader'), 'old-4'],
    ]);
    const store = credentialStoreOver(mapBackend(map));
    // A bare host meant https on port 443 only: not http, not another port.
    expect(await store.get('http://api.example.com', 'bearer')).toBeUndefined();
    expect(await store.get('https://api.example.com:444', 'bearer')).toBeUndefined();
    expect(await store.get('https://api.example.com', 'bearer')).toBe('old-1');
    expect(await store.get('https://api.example.com:8443', 'basic')).toBe('ann:old-2');
    expect(map.has(legacy('api.example.com', 'bearer'))).toBe(false);
    expect(map.get(`pivotdeck.credential\u0000https://api.example.com\u0000bearer`)).toBe('old-1');
    // localhost was usually http in development: the scheme is unknown, so the user is asked again.
    expect(await store.get('https://localhost:8080', 'bearer')).toBeUndefined();
    expect(await store.get('http://localhost:8080', 'bearer')).toBeUndefined();
    // Forgetting an origin forgets what an earlier version kept for it too.
    await store.delete('https://gone.example.com');
    expect(map.has(legacy('gone.example.com', 'apiKeyHeader'))).toBe(false);
    expect(map.has(legacy('localhost:8080', 'bearer'))).toBe(true);
  });
});
