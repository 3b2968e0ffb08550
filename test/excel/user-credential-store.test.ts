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

  it('is chosen when the host has it, keeps secrets per host and kind, and forgets a host', async () => {
    const storage = fakeStorage();
    (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime = { storage };
    const store = userCredentialStore();
    await store.set('API.example.com', 'bearer', 'tok-1');
    await store.set('api.example.com', 'basic', 'ann:pw');
    await store.set('other.example.com', 'bearer', 'tok-2');
    expect(await store.get('api.example.com', 'bearer')).toBe('tok-1');
    expect(await store.get('api.example.com', 'apiKeyHeader')).toBeUndefined();
    // Stored keys carry no NUL (our separator), which Office does not promise to keep.
    expect([...storage.raw.keys()].some((k) => k.includes('\u0000'))).toBe(false);
    await store.delete('api.example.com');
    expect(await store.get('api.example.com', 'basic')).toBeUndefined();
    expect(await store.get('other.example.com', 'bearer')).toBe('tok-2');
  });

  it('round-trips keys through the backend unchanged', async () => {
    const backend = officeRuntimeBackend(fakeStorage());
    await backend.set('a\u0000b c%', 'v');
    expect(await backend.keys()).toEqual(['a\u0000b c%']);
    expect(await backend.get('a\u0000b c%')).toBe('v');
  });

  it('falls back to memory in a host with neither OfficeRuntime nor IndexedDB (node)', async () => {
    const store = userCredentialStore();
    await store.set('h', 'bearer', 's');
    expect(await store.get('h', 'bearer')).toBe('s');
  });
});
