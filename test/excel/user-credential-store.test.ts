import { afterEach, describe, expect, it } from 'vitest';
import { officeRuntimeBackend, userCredentialStore, type OfficeRuntimeStorage } from '../../src/excel/user-credential-store';

/** OfficeRuntime.storage's documented behaviour: string values, getItem of a missing key is null. */
function fakeStorage(): OfficeRuntimeStorage & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    getItem: async (key) => raw.get(key) ?? null,
    setItem: async (key, value) => void raw.set(key, value),
    removeItem: async (key) => void raw.delete(key),
    getKeys: async () => [...raw.keys()],
  };
}

describe('credentials in OfficeRuntime.storage', () => {
  afterEach(() => {
    delete (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime;
  });

  it('is chosen when the host has it, keeps secrets per origin and kind, and forgets an origin', async () => {
    const storage = fakeStorage();
    (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime = { storage };
    const store = userCredentialStore();
    await store.set('https://API.example.com', 'bearer', 'tok-1');
    await store.set('https://api.example.com', 'basic', 'ann:pw');
    await store.set('https://other.example.com', 'bearer', 'tok-2');
    await store.set('https://api.example.com:8443', 'bearer', 'tok-3');
    expect(await store.get('https://api.example.com', 'bearer')).toBe('tok-1');
    expect(await store.get('https://api.example.com:8443', 'bearer')).toBe('tok-3');
    expect(await store.get('http://api.example.com', 'bearer')).toBeUndefined();
    expect(await store.get('https://api.example.com', 'apiKeyHeader')).toBeUndefined();
    // Stored keys carry no NUL (our separator), which Office does not promise to keep.
    expect([...storage.raw.keys()].some((k) => k.includes('\u0000'))).toBe(false);
    await store.delete('https://api.example.com');
    expect(await store.get('https://api.example.com', 'basic')).toBeUndefined();
    expect(await store.get('https://api.example.com:8443', 'bearer')).toBe('tok-3');
    expect(await store.get('https://other.example.com', 'bearer')).toBe('tok-2');
  });

  it('refuses to file a secret under a bare host (it could not be matched to an origin)', async () => {
    (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime = { storage: fakeStorage() };
    await expect(userCredentialStore().set('api.example.com', 'bearer', 's')).rejects.toThrow(/origin such as https:/);
  });

  it('moves a secret an earlier version kept under the bare host to the https origin when first read', async () => {
    const storage = fakeStorage();
    storage.raw.set(encodeURIComponent('pivotdeck.credential\u0000ch.example.com:8443\u0000basic'), 'ann:pw');
    (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime = { storage };
    const store = userCredentialStore();
    expect(await store.get('http://ch.example.com:8443', 'basic')).toBeUndefined();
    expect(await store.get('https://ch.example.com:8443', 'basic')).toBe('ann:pw');
    expect([...storage.raw.keys()]).toEqual([encodeURIComponent('pivotdeck.credential\u0000https://ch.example.com:8443\u0000basic')]);
  });

  it('round-trips keys through the backend unchanged', async () => {
    const backend = officeRuntimeBackend(fakeStorage());
    await backend.set('a\u0000b c%', 'v');
    expect(await backend.keys()).toEqual(['a\u0000b c%']);
    expect(await backend.get('a\u0000b c%')).toBe('v');
  });

  it('falls back to memory in a host with neither OfficeRuntime nor IndexedDB (node)', async () => {
    const store = userCredentialStore();
    await store.set('https://h.example', 'bearer', 's');
    expect(await store.get('https://h.example', 'bearer')).toBe('s');
  });
});
