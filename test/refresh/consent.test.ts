import { describe, expect, it } from 'vitest';
import { mapBackend } from '../../src/connectors/credentials';
import { ConsentGate, ConsentNeededError } from '../../src/refresh/consent/consent-gate';
import { consentStoreOver, type WorkbookIdentity } from '../../src/refresh/consent/consent-store';
import { originOf, originsNamedBy } from '../../src/refresh/consent/workbook-origins';

const source = (id: string, kind: string, url?: string) => ({ id, label: id, kind, url }) as never;

describe('originsNamedBy: what a workbook would contact', () => {
  it('normalises scheme, case and default ports, keeps other ports apart, skips workbook-only and unparsable sources', () => {
    const doc = {
      sources: [
        source('a', 'csv', 'HTTPS://API.Example.com:443/a.csv?api_key=x'),
        source('b', 'json', 'https://api.example.com/b.json'),
        source('c', 'warehouse', 'https://ch.example.com:8443/'),
        source('d', 'rest', 'https://api.example.com:8443/'),
        source('e', 'table', 'https://ignored.example.com/'),
        source('f', 'odata', 'not an address'),
        source('g', 'parquet', 'file:///etc/passwd'),
        source('h', 'googleSheets', 'https://docs.google.com/spreadsheets/d/x/edit'),
      ],
    };
    expect(originsNamedBy(doc)).toEqual([
      'https://api.example.com',
      'https://api.example.com:8443',
      'https://ch.example.com:8443',
      'https://docs.google.com',
    ]);
  });

  it('an IDN host is compared in its ASCII form', () => {
    expect(originOf('https://bücher.example/x')).toBe('https://xn--bcher-kva.example');
  });
});

describe('ConsentGate', () => {
  const setup = (identity: WorkbookIdentity = { id: 'wb-1' }) => {
    const backend = mapBackend();
    const store = consentStoreOver(backend, () => new Date('2026-12-07T00:00:00Z'));
    return { backend, store, gate: new ConsentGate(store, () => identity) };
  };

  it('refuses before any answer, lists what waits, and remembers the answer per workbook outside it', async () => {
    const { store, gate } = setup();
    const seen: Array<string[] | undefined> = [];
    gate.subscribe((r) => seen.push(r?.origins));
    await expect(gate.ensure(['https://a.example.com/x', 'https://b.example.com'], 'Refresh on open of Sales')).rejects.toBeInstanceOf(ConsentNeededError);
    expect(gate.pending()).toEqual({ origins: ['https://a.example.com', 'https://b.example.com'], waiting: ['Refresh on open of Sales'] });
    await gate.allow();
    expect(gate.pending()).toBeUndefined();
    expect((await store.read('wb-1'))?.origins).toEqual(['https://a.example.com', 'https://b.example.com']);
    await expect(gate.ensure(['https://b.example.com/other'], 'Refresh all')).resolves.toBeUndefined();
    expect(seen).toEqual([['https://a.example.com', 'https://b.example.com'], undefined]);
  });

  it('a new origin asks again, and only for itself; another port is another origin', async () => {
    const { gate } = setup();
    await gate.allow(['https://a.example.com']);
    expect(await gate.missing(['https://a.example.com', 'https://a.example.com:8443', 'http://a.example.com'])).toEqual([
      'http://a.example.com',
      'https://a.example.com:8443',
    ]);
  });

  it('answers for one workbook do not cover another', async () => {
    const backend = mapBackend();
    const store = consentStoreOver(backend);
    await new ConsentGate(store, () => ({ id: 'trusted' })).allow(['https://a.example.com']);
    const other = new ConsentGate(store, () => ({ id: 'emailed' }));
    expect(await other.missing(['https://a.example.com'])).toEqual(['https://a.example.com']);
  });

  it('waiting work runs again once all its origins are allowed, not before', async () => {
    const { gate } = setup();
    const ran: string[] = [];
    await gate.ensure(['https://a.example.com', 'https://b.example.com'], 'Refresh on open', () => ran.push('open')).catch(() => undefined);
    await gate.ensure(['https://c.example.com'], 'Schedule', () => ran.push('schedule')).catch(() => undefined);
    await gate.allow(['https://a.example.com']);
    expect(ran).toEqual([]);
    expect(gate.pending()?.origins).toEqual(['https://b.example.com', 'https://c.example.com']);
    await gate.allow(['https://b.example.com']);
    expect(ran).toEqual(['open']);
    gate.dismiss();
    expect(gate.pending()).toBeUndefined();
    expect(ran).toEqual(['open']);
  });

  it('a workbook without an id is allowed for this session only', async () => {
    const { backend, gate } = setup({});
    await gate.allow(['https://a.example.com']);
    expect(await gate.missing(['https://a.example.com'])).toEqual([]);
    expect(await backend.keys()).toEqual([]);
  });

  it('a damaged stored answer allows nothing', async () => {
    const { backend, gate } = setup();
    await backend.set('pivotdeck.consent\u0000wb-1', '{"origins": "https://a.example.com"}');
    expect(await gate.missing(['https://a.example.com'])).toEqual(['https://a.example.com']);
  });

  it('the message names the origins and what to do, and no path or query', async () => {
    const { gate } = setup();
    const error = await gate.ensure(['https://a.example.com/secret?token=abc'], 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentNeededError);
    expect((error as Error).message).toContain('https://a.example.com');
    expect((error as Error).message).toContain('Allow');
    expect((error as Error).message).not.toContain('token');
  });
});
