/**
 * The redirect design in a REAL browser (Debian's Chromium via playwright-core), where
 * `redirect: 'manual'` gives an opaque redirect whose Location cannot be read: the page runs the
 * connectors and the warehouse client (bundled from src with esbuild) with the window's own fetch
 * against two recording, CORS-enabled servers on two 127.0.0.1 ports. It proves that a redirect
 * from A to B is refused naming B and that B never receives a secret, while a redirect within A
 * still works with the secret re-sent only to A.
 */
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDefinition } from '../../src/connectors';
import { leaks, startRecorder, travellingForms, type Recorder } from './recorder';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'tok-browser-Ä1b2c3';
const KEY = 'key-browser-9z8y7x';
const PASSWORD = 'pw-browser:5%6&';
const SECRETS = [...travellingForms(TOKEN), ...travellingForms(KEY), ...travellingForms(PASSWORD, 'ann')];

let A: Recorder;
let B: Recorder;
let site: Server;
let profile: string;
let context: BrowserContext;
let page: Page;
let secrets: Record<string, Record<string, string>>;

type Outcome = { ok: true; rows: number } | { ok: false; kind?: string; message: string };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`This test needs Debian's Chromium at ${CHROMIUM}: install it with "apt-get install chromium".`);
  [A, B] = await Promise.all([startRecorder({ cors: true }), startRecorder({ cors: true })]);
  secrets = { [A.origin]: { bearer: TOKEN, apiKeyHeader: KEY, apiKeyQuery: KEY, basic: `ann:${PASSWORD}` } };
  const bundled = await build({ entryPoints: [join(process.cwd(), 'test/security/browser-entry.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
  const script = bundled.outputFiles[0]!.text;
  site = createServer((req, res) => {
    if (req.url === '/entry.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return res.end(script);
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>security</title><script src="/entry.js"></script>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  profile = mkdtempSync(join(tmpdir(), 'pivotdeck-security-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  page = await context.newPage();
  await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => 'pivotdeckSecurity' in globalThis);
}, 60_000);

afterAll(async () => {
  expect(leaks(B.requests, SECRETS)).toEqual([]);
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
  await new Promise<void>((resolve) => site.close(() => resolve()));
  await Promise.all([A.close(), B.close()]);
});

const pull = (def: SourceDefinition): Promise<Outcome> =>
  page.evaluate(([d, s]) => (globalThis as unknown as { pivotdeckSecurity: { pull(d: unknown, s: unknown): Promise<Outcome> } }).pivotdeckSecurity.pull(d, s), [def, secrets] as const);
const warehouse = (def: SourceDefinition): Promise<Outcome> =>
  page.evaluate(([d, s]) => (globalThis as unknown as { pivotdeckSecurity: { warehouse(d: unknown, s: unknown): Promise<Outcome> } }).pivotdeckSecurity.warehouse(d, s), [def, secrets] as const);

describe('in Chromium (opaque redirects)', () => {
  it('a redirect from A to B is refused naming B, for every kind; B sees no secret', async () => {
    const before = A.requests.length;
    for (const kind of ['bearer', 'basic', 'apiKeyHeader', 'apiKeyQuery'] as const) {
      const outcome = await pull({ id: kind, label: kind, kind: 'csv', url: A.url(`/redirect?to=${encodeURIComponent(B.url('/data.csv'))}`), credential: { origin: A.origin, kind } });
      expect(outcome, kind).toMatchObject({ ok: false, message: expect.stringContaining(`${A.origin} sent PivotDeck on to ${B.origin}`) });
    }
    // The opaque path: per kind, A got the request with the secret and then the secret-free probe.
    const hops = A.requests.slice(before).filter((r) => r.method === 'GET');
    expect(hops).toHaveLength(8);
    expect(hops.map((r) => leaks([r], SECRETS).length)).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
    // The browser followed the secret-free probes to B: B was reached, with nothing secret.
    expect(B.requests.filter((r) => r.method === 'GET').length).toBeGreaterThan(0);
    expect(leaks(B.requests, SECRETS)).toEqual([]);
  }, 60_000);

  it('a redirect within A works: the secret is sent again, to A only', async () => {
    const before = A.requests.length;
    const outcome = await pull({ id: 'a', label: 'a', kind: 'csv', url: A.url(`/redirect?to=${encodeURIComponent(A.url('/data.csv'))}`), credential: { origin: A.origin, kind: 'bearer' } });
    expect(outcome).toEqual({ ok: true, rows: 2 });
    const got = A.requests.slice(before).filter((r) => r.method === 'GET' && r.url === '/data.csv');
    expect(got.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  }, 60_000);

  it('a source on B naming A is refused before B is contacted', async () => {
    const before = B.requests.length;
    const outcome = await pull({ id: 'b', label: 'b', kind: 'csv', url: B.url('/data.csv'), credential: { origin: A.origin, kind: 'apiKeyQuery' } });
    expect(outcome).toMatchObject({ ok: false, kind: 'badDefinition' });
    expect(B.requests.length).toBe(before);
  }, 60_000);

  it('the warehouse: a redirect from A to B is refused naming B; the password never reaches B', async () => {
    const outcome = await warehouse({ id: 'w', label: 'w', kind: 'warehouse', url: A.url(`/ch-redirect/${B.port}/`), options: { engine: 'clickhouse', database: 'default', table: 'flights' }, credential: { origin: A.origin, kind: 'basic' } });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining(`sent PivotDeck on to ${B.origin}`) });
    expect(leaks(B.requests, SECRETS)).toEqual([]);
  }, 60_000);
});
