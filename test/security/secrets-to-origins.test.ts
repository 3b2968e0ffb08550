/**
 * Hostile workbooks against real servers on two 127.0.0.1 ports (two origins on one host) that
 * record every request: sources on origin B naming origin A's credential, redirects and next
 * links from A to B (as Node's fetch shows them, and as a browser hides them), the same server
 * reached as localhost, Google Sheets, and the warehouse client (query, Test connection, KILL
 * QUERY) against a fake ClickHouse HTTP endpoint. The recorders prove that no secret, in any form
 * it can travel in, reached an origin it was not entered for.
 *
 * The workbook is stored text in the version-1 shape (credential named by host) so the migration
 * to origins is part of what is attacked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCredentialStore, pullSource, type CredentialStore, type PullContext, type PullOk, type SourceDefinition } from '../../src/connectors';
import { describeWarehouseTable, killQuery, runClickHouse, warehouseConnection, type WarehouseContext, type WarehouseError } from '../../src/connectors/warehouse';
import { openDocument } from '../../src/model';
import { leaks, startRecorder, travellingForms, type Recorder } from './recorder';

const TOKEN = 'tok-Ärger-3f9a1c7e';
const KEY = 'key-77d2b8+/=api';
const USER = 'ann';
const PASSWORD = 'pä:ss wörd&x=1';
const SECRETS = [...travellingForms(TOKEN), ...travellingForms(KEY), ...travellingForms(PASSWORD, USER)];
const KINDS = ['bearer', 'basic', 'apiKeyHeader', 'apiKeyQuery'] as const;

let A: Recorder;
let B: Recorder;
let credentials: CredentialStore;

beforeAll(async () => {
  [A, B] = await Promise.all([startRecorder(), startRecorder()]);
  credentials = memoryCredentialStore({ [A.origin]: { bearer: TOKEN, apiKeyHeader: KEY, apiKeyQuery: KEY, basic: `${USER}:${PASSWORD}` } });
});
afterAll(async () => {
  // The suite's overall claim: B, and A reached under another name, never saw a secret.
  expect(leaks(B.requests, SECRETS)).toEqual([]);
  expect(leaks(A.requests.filter((r) => !String(r.headers.host).startsWith('127.0.0.1')), SECRETS)).toEqual([]);
  await Promise.all([A.close(), B.close()]);
});

const context = (over: Partial<PullContext> = {}): PullContext => ({
  fetch: (input, init) => fetch(input, init),
  credentials,
  policy: { allowHttpLocalhost: true, timeoutMs: 10_000, maxRetries: 0 },
  ...over,
});

type Refusal = { kind: string; message: string; details?: Record<string, unknown> };
async function failure<T = Refusal>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error('expected a refusal');
}

/** A crafted workbook as stored text (schema version 1: the credential names a bare host). */
function hostileWorkbook(sources: Array<{ id: string; kind: string; url: string; host: string; credential: string; options?: Record<string, unknown> }>): SourceDefinition[] {
  const text = JSON.stringify({
    schemaVersion: 1, extensions: [], queries: [], dashboards: [],
    sources: sources.map((s) => ({ id: s.id, label: s.id, kind: s.kind, url: s.url, credential: { host: s.host, kind: s.credential }, ...(s.options ? { options: s.options } : {}) })),
  });
  const opened = openDocument(text);
  expect(opened.status).toBe('ok');
  return opened.document.sources;
}

/** What a browser gives for `redirect: 'manual'`: an opaque redirect, Location unreadable. */
const browserLikeFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (init?.redirect !== 'manual' || response.status < 300 || response.status > 399) return response;
  await response.body?.cancel();
  const opaque = new Response(null, { status: 200 });
  Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(opaque, 'status', { value: 0 });
  Object.defineProperty(opaque, 'headers', { value: new Headers() });
  return opaque;
};

describe('a source on origin B naming origin A\'s credential', () => {
  it('is refused for every connector and credential kind before B is contacted (the migrated host means https, so not even A\'s http origin matches)', async () => {
    const before = B.requests.length;
    const defs = hostileWorkbook(KINDS.flatMap((credential) => ['csv', 'json', 'rest', 'odata', 'parquet', 'arrow'].map((kind) => ({
      id: `${kind}-${credential}`, kind, url: B.url(kind === 'csv' ? '/data.csv' : '/data.json'), host: `127.0.0.1:${A.port}`, credential,
    }))));
    expect(defs[0]!.credential).toEqual({ origin: `https://127.0.0.1:${A.port}`, kind: 'bearer' });
    for (const def of defs) {
      const refused = await failure(pullSource(def, context()));
      expect(refused.kind).toBe('badDefinition');
      expect(refused.message).toContain(`This source reads ${B.origin}, but its sign-in was entered for https://127.0.0.1:${A.port}`);
    }
    expect(B.requests.length).toBe(before);
  });

  it('is refused when the reference names A\'s exact origin (same host, another port), for every kind', async () => {
    const before = B.requests.length;
    for (const kind of KINDS) {
      const def: SourceDefinition = { id: kind, label: kind, kind: 'csv', url: B.url('/data.csv'), credential: { origin: A.origin, kind } };
      const refused = await failure(pullSource(def, context()));
      expect(refused.message).toMatch(/contacted neither/);
    }
    expect(B.requests.length).toBe(before);
  });

  it('is refused when B is the same server reached as localhost (another host name is another origin)', async () => {
    const before = A.requests.length;
    const def: SourceDefinition = { id: 'lh', label: 'lh', kind: 'csv', url: `http://localhost:${A.port}/data.csv`, credential: { origin: A.origin, kind: 'bearer' } };
    await failure(pullSource(def, context()));
    expect(A.requests.length).toBe(before);
  });

  it('an address with user:password@ in it is refused before any request, without echoing them', async () => {
    const before = { a: A.requests.length, b: B.requests.length };
    for (const url of [`http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${B.port}/data.csv`, `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${A.port}/ch/`]) {
      const refused = await failure(pullSource({ id: 'u', label: 'u', kind: 'csv', url }, context()));
      expect(refused.message).toMatch(/holds a user name and password/);
      for (const form of travellingForms(PASSWORD, USER)) expect(refused.message).not.toContain(form);
    }
    const wh = await failure<WarehouseError>(runClickHouse(warehouseConnection({ id: 'w', label: 'w', kind: 'warehouse', url: `http://${USER}:x1x2x3@127.0.0.1:${A.port}/ch/`, options: { engine: 'clickhouse', database: 'default', table: 'flights' } }), { fetch, credentials, policy: { allowHttpLocalhost: true } }, 'SELECT 1'));
    expect(wh.message).toMatch(/holds a user name and password/);
    expect(wh.message).not.toContain('x1x2x3');
    expect({ a: A.requests.length, b: B.requests.length }).toEqual(before);
  });

  it('Google Sheets naming A\'s credential never leaves the computer', async () => {
    const calls: string[] = [];
    const def: SourceDefinition = { id: 'g', label: 'g', kind: 'googleSheets', url: 'https://docs.google.com/spreadsheets/d/abc123/edit#gid=0', credential: { origin: A.origin, kind: 'bearer' } };
    const refused = await failure(pullSource(def, context({ fetch: async (input, init) => { calls.push(String(input)); return fetch(input, init); } })));
    expect(refused.message).toContain('https://docs.google.com');
    expect(calls).toEqual([]);
  });

  it('a web source with A\'s own origin works, and the secret reached A only as the user chose', async () => {
    for (const kind of KINDS) {
      const def: SourceDefinition = { id: kind, label: kind, kind: 'csv', url: A.url('/data.csv'), credential: { origin: A.origin, kind } };
      const pulled = (await pullSource(def, context())) as PullOk;
      expect(pulled.rowCount).toBe(2);
    }
    const last4 = A.requests.slice(-4);
    expect(last4[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(last4[1]!.headers.authorization).toBe(`Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`);
    expect(last4[2]!.headers['x-api-key']).toBe(KEY);
    expect(new URL(last4[3]!.url, A.origin).searchParams.get('api_key')).toBe(KEY);
  });
});

describe('a server on A that quotes what it was sent', () => {
  it('cannot put the secret into the message that is shown and saved in the workbook', async () => {
    for (const kind of ['apiKeyQuery', 'bearer'] as const) {
      const def: SourceDefinition = { id: kind, label: kind, kind: 'json', url: A.url('/echo-keys'), credential: { origin: A.origin, kind }, options: { recordsPath: 'items' } };
      const refused = await failure(pullSource(def, context()));
      expect(refused.kind).toBe('pathNotFound');
      expect(refused.message).toMatch(/there is no "items"/);
      expect(leaks([{ method: '', url: '', headers: {}, body: refused.message }], SECRETS)).toEqual([]);
    }
  });
});

describe('redirects from A to B', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`${status} to B: refused before B is contacted, naming B, for every kind`, async () => {
      const before = B.requests.length;
      for (const kind of KINDS) {
        const def: SourceDefinition = { id: kind, label: kind, kind: 'csv', url: A.url(`/redirect?status=${status}&to=${encodeURIComponent(B.url('/data.csv'))}`), credential: { origin: A.origin, kind } };
        const refused = await failure(pullSource(def, context()));
        expect(refused.message).toContain(`${A.origin} sent PivotDeck on to ${B.origin}`);
      }
      expect(B.requests.length).toBe(before);
    });
  }

  it('a redirect within A is followed, and the secret goes again on the second hop only to A', async () => {
    for (const kind of KINDS) {
      const before = A.requests.length;
      const def: SourceDefinition = { id: kind, label: kind, kind: 'csv', url: A.url(`/redirect?to=${encodeURIComponent(A.url('/data.csv'))}`), credential: { origin: A.origin, kind } };
      expect(((await pullSource(def, context())) as PullOk).rowCount).toBe(2);
      const hops = A.requests.slice(before);
      expect(hops.map((r) => new URL(r.url, A.origin).pathname)).toEqual(['/redirect', '/data.csv']);
      expect(leaks([hops[1]!], SECRETS)).toHaveLength(1);
    }
  });

  it('in a browser (opaque redirect): where it leads is found without the secret; B is refused and sees no secret', async () => {
    const before = { a: A.requests.length, b: B.requests.length };
    for (const kind of KINDS) {
      const def: SourceDefinition = { id: kind, label: kind, kind: 'csv', url: A.url(`/redirect?to=${encodeURIComponent(B.url('/data.csv'))}`), credential: { origin: A.origin, kind } };
      const refused = await failure(pullSource(def, context({ fetch: browserLikeFetch })));
      expect(refused.message).toContain(`sent PivotDeck on to ${B.origin}`);
    }
    // Each kind: one request to A with the secret, one probe to A without it, which B then answered.
    const probes = A.requests.slice(before.a).filter((_, i) => i % 2 === 1);
    expect(probes).toHaveLength(KINDS.length);
    expect(leaks(probes, SECRETS)).toEqual([]);
    expect(B.requests.length - before.b).toBe(KINDS.length);
    expect(leaks(B.requests.slice(before.b), SECRETS)).toEqual([]);
  });

  it('in a browser, a redirect within A is re-sent with the secret to its final address', async () => {
    const def: SourceDefinition = { id: 'b', label: 'b', kind: 'csv', url: A.url(`/redirect?to=${encodeURIComponent(A.url('/data.csv'))}`), credential: { origin: A.origin, kind: 'bearer' } };
    const before = A.requests.length;
    expect(((await pullSource(def, context({ fetch: browserLikeFetch }))) as PullOk).rowCount).toBe(2);
    const last = A.requests.slice(before).at(-1)!;
    expect(new URL(last.url, A.origin).pathname).toBe('/data.csv');
    expect(last.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('next-page links from A to B', () => {
  const cases: Array<[string, SourceDefinition['kind'], string, Record<string, unknown>]> = [
    ['a JSON next link', 'rest', '/json-next', { recordsPath: 'items', paging: { kind: 'bodyLink', path: 'next' } }],
    ['a Link header', 'rest', '/link-next', { paging: { kind: 'linkHeader' } }],
    ['an OData nextLink', 'odata', '/odata', {}],
  ];
  for (const [what, kind, path, options] of cases) {
    it(`${what} to B stops with a message naming B; B is never contacted`, async () => {
      const before = B.requests.length;
      for (const credential of KINDS) {
        const def: SourceDefinition = { id: 'n', label: 'n', kind, url: A.url(`${path}?next=${encodeURIComponent(B.url('/data.json'))}`), credential: { origin: A.origin, kind: credential }, options };
        const refused = await failure(pullSource(def, context()));
        expect(refused.message).toContain(`The next page of this source is on ${B.origin}, not on ${A.origin}`);
      }
      expect(B.requests.length).toBe(before);
    });
  }
});

describe('the warehouse client', () => {
  const inits: RequestInit[] = [];
  const wctx = (over: Partial<WarehouseContext> = {}): WarehouseContext => ({
    fetch: (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    },
    credentials,
    policy: { allowHttpLocalhost: true, timeoutMs: 5000 },
    progressEveryMs: 0,
    newQueryId: () => 'pivotdeck-test-0001',
    ...over,
  });
  const conn = (url: string, origin = A.origin) =>
    warehouseConnection({ id: 'w', label: 'w', kind: 'warehouse', url, options: { engine: 'clickhouse', database: 'default', table: 'flights' }, credential: { origin, kind: 'basic' } });

  it('a warehouse on B naming A\'s password: query, Test connection and KILL QUERY are refused before B is contacted', async () => {
    const before = B.requests.length;
    const [hostile] = hostileWorkbook([{ id: 'wh', kind: 'warehouse', url: B.url('/ch/'), host: `127.0.0.1:${A.port}`, credential: 'basic', options: { engine: 'clickhouse', database: 'default', table: 'flights' } }]);
    for (const c of [warehouseConnection(hostile!), conn(B.url('/ch/'))]) {
      const q = await failure<WarehouseError>(runClickHouse(c, wctx(), 'SELECT 1'));
      expect(q.kind).toBe('badDefinition');
      expect(q.message).toContain(`points at ${B.origin}, but its sign-in was entered for`);
      expect((await failure<WarehouseError>(describeWarehouseTable(c, wctx()))).kind).toBe('badDefinition');
      expect(await killQuery(c, wctx(), 'pivotdeck-test-0001')).toBe(false);
    }
    expect(B.requests.length).toBe(before);
  });

  it('on A itself the password rides in A\'s URL only, with no referrer, for queries, Test connection, progress and KILL QUERY', async () => {
    inits.length = 0;
    const before = A.requests.length;
    const c = conn(A.url('/ch/'));
    const progress: unknown[] = [];
    expect((await runClickHouse(conn(A.url('/ch-slow/')), wctx({ progressEveryMs: 20 }), 'SELECT origin, count() AS n FROM flights GROUP BY origin', { onProgress: (p) => progress.push(p) })).rows).toEqual([['ORD', 2]]);
    expect(A.requests.slice(before).some((r) => r.body.includes('system.processes'))).toBe(true);
    expect(progress).toContainEqual({ phase: 'server', rowsRead: 1, bytesRead: 2, totalRows: 3 });
    expect((await describeWarehouseTable(c, wctx())).fields.map((f) => f.name)).toEqual(['origin', 'delay']);
    expect(await killQuery(c, wctx(), 'pivotdeck-test-0001')).toBe(true);
    const sent = A.requests.slice(before);
    expect(sent.length).toBeGreaterThanOrEqual(6);
    for (const r of sent) expect(new URL(r.url, A.origin).searchParams.get('password')).toBe(PASSWORD);
    expect(inits.length).toBeGreaterThanOrEqual(6);
    for (const init of inits) expect(init).toMatchObject({ referrerPolicy: 'no-referrer', credentials: 'omit', redirect: 'manual' });
  });

  it('a redirect from A to B is refused naming B; B never sees the password (Node and browser)', async () => {
    const before = B.requests.length;
    for (const fetchFn of [undefined, browserLikeFetch]) {
      const over = fetchFn ? { fetch: fetchFn } : {};
      const refused = await failure<WarehouseError>(runClickHouse(conn(A.url(`/ch-redirect/${B.port}/`)), wctx(over), 'SELECT 1'));
      expect(refused.message).toContain(`sent PivotDeck on to ${B.origin}`);
    }
    // The browser's probe (a bare GET, no SQL, no password) may reach B; nothing secret does.
    expect(B.requests.slice(before).every((r) => r.method === 'GET' && r.body === '')).toBe(true);
  });

  it('a server that echoes the request URL and body: the message, server text and cause hold no password', async () => {
    const refused = await failure<WarehouseError>(runClickHouse(conn(A.url('/ch-echo/')), wctx(), `SELECT '${PASSWORD}'`));
    const everything = [refused.message, refused.details.serverText ?? '', String((refused.cause as Error | undefined)?.message ?? '')].join('\n');
    expect(everything).toContain('Cannot handle');
    for (const form of travellingForms(PASSWORD, USER)) expect(everything).not.toContain(form);
    expect(everything).not.toMatch(/password=/);
  });

  it('a 600 KB error body gives a short message (read up to 16 KB, parsed linearly)', async () => {
    const refused = await failure<WarehouseError>(runClickHouse(conn(A.url('/ch-huge/')), wctx(), 'SELECT 1'));
    expect(refused.kind).toBe('server');
    expect(refused.message.length).toBeLessThan(1000);
  });
});

describe('hostile sizes through the connectors', () => {
  it('a 12,000-character Link header is refused with a message, not parsed (64,000 runs in hostile-sizes.test.ts)', async () => {
    const def: SourceDefinition = { id: 'l', label: 'l', kind: 'rest', url: A.url('/huge-link'), options: { paging: { kind: 'linkHeader' } } };
    const refused = await failure(pullSource(def, context()));
    expect(refused.kind).toBe('malformed');
    expect(refused.message).toContain("The server's Link header is 12,000 characters long");
  });
});
