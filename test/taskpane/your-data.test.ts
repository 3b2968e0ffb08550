/**
 * "Your data" (issue 20, part 2): listing and removing what PivotDeck keeps for a user, over every
 * storage backend the pane uses: a Map, OfficeRuntime.storage (a fake storage object with the
 * same four methods), and IndexedDB through idb-keyval (fake-indexeddb is not installed, so the
 * IndexedDB path runs idb-keyval's own code against a minimal fake object store: the requests and
 * transaction events idb-keyval waits for). Expected lists are written by hand.
 */
import { describe, expect, it } from 'vitest';
import type { UseStore } from 'idb-keyval';
import {
  credentialStoreOver, indexedDbCredentialStore, mapBackend, type CredentialStore,
} from '../../src/connectors/credentials';
import { officeRuntimeBackend, type OfficeRuntimeStorage } from '../../src/excel/user-credential-store';
import { emptyDocument, type PivotDeckDocument } from '../../src/model/schema';
import { consentStoreOver } from '../../src/refresh/consent/consent-store';
import { forgetConsent, loadYourData, removeAllCredentials, removeCredential } from '../../src/taskpane/your-data/your-data';

/** OfficeRuntime.storage as Office offers it: string keys and values, null for a missing key. */
function fakeOfficeStorage(raw = new Map<string, string>()): OfficeRuntimeStorage & { raw: Map<string, string> } {
  return {
    raw,
    getItem: async (key) => raw.get(key) ?? null,
    setItem: async (key, value) => void raw.set(key, value),
    removeItem: async (key) => void raw.delete(key),
    getKeys: async () => [...raw.keys()],
  };
}

/** A request that succeeds on the next task, as IndexedDB's do. */
function request<T>(result: T): { result: T; onsuccess?: () => void } {
  const req: { result: T; onsuccess?: () => void } = { result };
  setTimeout(() => req.onsuccess?.(), 0);
  return req;
}

/** The object-store surface idb-keyval 6 uses (get, put, delete, getAllKeys, transaction.oncomplete) over a Map. */
function fakeIdbStore(raw = new Map<IDBValidKey, unknown>()): { use: UseStore; raw: Map<IDBValidKey, unknown> } {
  const use = ((_mode: IDBTransactionMode, callback: (store: IDBObjectStore) => unknown) => {
    const transaction = request(undefined);
    const store = {
      transaction,
      get: (key: IDBValidKey) => request(raw.get(key)),
      put: (value: unknown, key: IDBValidKey) => { raw.set(key, value); return request(key); },
      delete: (key: IDBValidKey) => { raw.delete(key); return request(undefined); },
      getAllKeys: () => request([...raw.keys()]),
    };
    return Promise.resolve(callback(store as unknown as IDBObjectStore));
  }) as UseStore;
  return { use, raw };
}

/** A clock that moves one minute per save, so each credential's saved time is known here. */
function minuteClock(): () => Date {
  let t = Date.parse('2026-03-01T09:59:00Z');
  return () => new Date((t += 60_000));
}

const backends: Array<[string, () => { store: CredentialStore; size: () => number }]> = [
  ['a Map', () => { const map = new Map<string, string>(); return { store: credentialStoreOver(mapBackend(map), minuteClock()), size: () => map.size }; }],
  ['OfficeRuntime.storage', () => { const s = fakeOfficeStorage(); return { store: credentialStoreOver(officeRuntimeBackend(s), minuteClock()), size: () => s.raw.size }; }],
  ['IndexedDB (idb-keyval over a fake object store)', () => { const f = fakeIdbStore(); return { store: indexedDbCredentialStore(f.use, minuteClock()), size: () => f.raw.size }; }],
];

describe.each(backends)('credentials kept in %s', (_name, make) => {
  it('lists origin, kind and when saved (never the secret), removes one origin with all its kinds, then all', async () => {
    const { store, size } = make();
    await store.set('https://Straße.example', 'bearer', 'tök€n');
    await store.set('https://api.example.com:8443', 'basic', 'ann:pa:ss');
    await store.set('https://api.example.com', 'apiKeyHeader', 'k1');
    await store.set('https://api.example.com', 'bearer', 'k2');
    await store.set('http://127.0.0.1:9000', 'apiKeyQuery', 'dev');
    const listed = await store.list();
    const at = (minute: number) => `2026-03-01T10:0${minute}:00.000Z`;
    expect(listed).toEqual([
      { origin: 'http://127.0.0.1:9000', kind: 'apiKeyQuery', savedAt: at(4) },
      { origin: 'https://api.example.com', kind: 'apiKeyHeader', savedAt: at(2) },
      { origin: 'https://api.example.com', kind: 'bearer', savedAt: at(3) },
      { origin: 'https://api.example.com:8443', kind: 'basic', savedAt: at(1) },
      { origin: 'https://xn--strae-oqa.example', kind: 'bearer', savedAt: at(0) },
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/tök|ann:|k1|k2|dev/);

    // Another port of the same host is another origin: it stays.
    expect(await removeCredential(store, 'https://api.example.com')).toEqual([
      { origin: 'http://127.0.0.1:9000', kind: 'apiKeyQuery', savedAt: at(4) },
      { origin: 'https://api.example.com:8443', kind: 'basic', savedAt: at(1) },
      { origin: 'https://xn--strae-oqa.example', kind: 'bearer', savedAt: at(0) },
    ]);
    expect(await store.get('https://api.example.com', 'bearer')).toBeUndefined();
    expect(await store.get('https://api.example.com:8443', 'basic')).toBe('ann:pa:ss');
    // Three secrets and when each was saved.
    expect(size()).toBe(6);

    // Saving again records the new time.
    await store.set('https://api.example.com:8443', 'basic', 'ann:new');
    expect((await store.list()).find((c) => c.kind === 'basic')?.savedAt).toBe(at(5));

    expect(await removeAllCredentials(store)).toEqual([]);
    expect(size()).toBe(0);
    expect(await store.get('https://straße.example', 'bearer')).toBeUndefined();
  });
});

describe('credentials an earlier version kept by host', () => {
  it('are listed under the origin that removes them: https for a host, http for localhost', async () => {
    const legacy = (host: string, kind: string) => `pivotdeck.credential\u0000${host}\u0000${kind}`;
    const storage = fakeOfficeStorage();
    const store = credentialStoreOver(officeRuntimeBackend(storage));
    await officeRuntimeBackend(storage).set(legacy('api.example.com', 'bearer'), 'old');
    await officeRuntimeBackend(storage).set(legacy('localhost:8080', 'basic'), 'u:p');
    await officeRuntimeBackend(storage).set('pivotdeck.somethingElse', 'kept');
    expect(await store.list()).toEqual([
      { origin: 'http://localhost:8080', kind: 'basic' },
      { origin: 'https://api.example.com', kind: 'bearer' },
    ]);
    expect(await removeAllCredentials(store)).toEqual([]);
    // Only what is not a credential is left.
    expect([...storage.raw.keys()]).toEqual([encodeURIComponent('pivotdeck.somethingElse')]);
  });
});

describe('loadYourData and forgetConsent', () => {
  it('shows the remembered answers newest first and forgets one; a workbook it cannot read leaves the rest', async () => {
    const storage = fakeOfficeStorage();
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const consentStore = consentStoreOver(officeRuntimeBackend(storage), () => new Date(clock));
    await consentStore.allow('wb-old', ['https://a.example']);
    clock += 60_000;
    await consentStore.allow('wb-new', ['https://b.example', 'https://a.example']);
    const doc: PivotDeckDocument = { ...emptyDocument(), workbookId: 'wb-new' };
    const credentials = credentialStoreOver(officeRuntimeBackend(storage), () => new Date(clock));
    await credentials.set('https://b.example', 'bearer', 's');

    const data = await loadYourData({ credentials, consentStore, documents: { read: async () => doc } });
    expect(data.credentials).toEqual([{ origin: 'https://b.example', kind: 'bearer', savedAt: '2026-03-01T10:01:00.000Z' }]);
    expect(data.consents.map((c) => [c.workbookId, c.origins, c.updatedAt])).toEqual([
      ['wb-new', ['https://a.example', 'https://b.example'], '2026-03-01T10:01:00.000Z'],
      ['wb-old', ['https://a.example'], '2026-03-01T10:00:00.000Z'],
    ]);
    expect(data.workbook?.empty).toBe(true);

    expect((await forgetConsent(consentStore, 'wb-new')).map((c) => c.workbookId)).toEqual(['wb-old']);
    expect(await consentStore.read('wb-new')).toBeUndefined();
    // The consent answers and the credential share the storage; forgetting one leaves the other.
    expect(await credentials.get('https://b.example', 'bearer')).toBe('s');

    const broken = await loadYourData({ credentials, consentStore, documents: { read: async () => { throw new Error('The file is read-only.'); } } });
    expect(broken.workbook).toBeUndefined();
    expect(broken.workbookError).toMatch(/could not read what this workbook stores: The file is read-only\. Close and reopen/);
    expect(broken.credentials).toHaveLength(1);
  });
});
