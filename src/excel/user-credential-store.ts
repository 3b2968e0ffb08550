/**
 * Where the user's secrets live: OfficeRuntime.storage when the host has it (shared runtime:
 * the pane and the ribbon's Refresh all see the same secrets, kept by Office per user and per
 * add-in), else the pane's IndexedDB, else memory (a host with neither forgets on close).
 * Never the workbook: see src/connectors/credentials.ts.
 */
import { createStore, del, get, keys, set } from 'idb-keyval';
import {
  credentialStoreOver, indexedDbCredentialStore, mapBackend, memoryCredentialStore, type CredentialStore, type KeyValueBackend,
} from '../connectors/credentials';

/** The part of OfficeRuntime.storage we use (SharedRuntime 1.1 / the ribbon's runtime). */
export interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(): Promise<string[]>;
}

/**
 * A key/value backend over OfficeRuntime.storage. Keys are URI-encoded: ours hold NUL separators,
 * which Office does not promise to keep.
 *
 * @example const store = credentialStoreOver(officeRuntimeBackend(OfficeRuntime.storage));
 */
export function officeRuntimeBackend(storage: OfficeRuntimeStorage): KeyValueBackend {
  return {
    get: async (key) => (await storage.getItem(encodeURIComponent(key))) ?? undefined,
    set: (key, value) => storage.setItem(encodeURIComponent(key), value),
    del: (key) => storage.removeItem(encodeURIComponent(key)),
    keys: async () => (await storage.getKeys()).map((key) => decodeURIComponent(key)),
  };
}

/** OfficeRuntime.storage when this page has it. Read through globalThis: the pane may run without office.js (workbench). */
function officeRuntimeStorage(): OfficeRuntimeStorage | undefined {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: OfficeRuntimeStorage } }).OfficeRuntime;
  return runtime?.storage;
}

/**
 * The credential store for this user on this computer.
 * @example const credentials = userCredentialStore();
 */
export function userCredentialStore(): CredentialStore {
  const storage = officeRuntimeStorage();
  if (storage) return credentialStoreOver(officeRuntimeBackend(storage));
  return typeof indexedDB === 'undefined' ? memoryCredentialStore() : indexedDbCredentialStore();
}

/**
 * The same per-user storage for other things PivotDeck remembers outside the workbook (the
 * user's consent answers): OfficeRuntime.storage where the host has it, else an IndexedDB
 * database of its own, else memory.
 *
 * @example const consent = consentStoreOver(userKeyValueBackend('pivotdeck-consent'));
 */
export function userKeyValueBackend(database: string): KeyValueBackend {
  const storage = officeRuntimeStorage();
  if (storage) return officeRuntimeBackend(storage);
  if (typeof indexedDB === 'undefined') return mapBackend();
  const store = createStore(database, 'values');
  return {
    get: (key) => get<string>(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}
