/**
 * Per-user secrets. The workbook keeps only a credential *reference* (host + kind); the secret
 * lives here, on this computer, so a teammate who opens the workbook is asked for their own.
 *
 * Secret formats: bearer → the token; API key → the key; basic → "user:password".
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { CredentialRef } from './types';

export type CredentialKind = CredentialRef['kind'];

export interface CredentialStore {
  get(host: string, kind: CredentialKind): Promise<string | undefined>;
  set(host: string, kind: CredentialKind, secret: string): Promise<void>;
  /** Forget every secret kept for `host`. */
  delete(host: string): Promise<void>;
}

/** The minimal async key/value surface the stores need (idb-keyval's shape). */
export interface KeyValueBackend {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

const PREFIX = 'pivotdeck.credential';
const keyOf = (host: string, kind: CredentialKind) => `${PREFIX}\u0000${host.toLowerCase()}\u0000${kind}`;
const hostPrefix = (host: string) => `${PREFIX}\u0000${host.toLowerCase()}\u0000`;

/**
 * A credential store over any key/value backend.
 * @example
 *   const store = credentialStoreOver(mapBackend());
 *   await store.set('api.example.com', 'bearer', 'tok');
 */
export function credentialStoreOver(backend: KeyValueBackend): CredentialStore {
  return {
    get: (host, kind) => backend.get(keyOf(host, kind)),
    set: (host, kind, secret) => backend.set(keyOf(host, kind), secret),
    async delete(host) {
      const prefix = hostPrefix(host);
      for (const key of await backend.keys()) if (key.startsWith(prefix)) await backend.del(key);
    },
  };
}

/** A Map-backed key/value backend (tests, and hosts without IndexedDB). */
export function mapBackend(map = new Map<string, string>()): KeyValueBackend {
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => void map.set(key, value),
    del: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
  };
}

/**
 * In-memory credentials, forgotten when the pane closes.
 * @example const store = memoryCredentialStore({ 'api.example.com': { bearer: 'tok' } });
 */
export function memoryCredentialStore(initial: Record<string, Partial<Record<CredentialKind, string>>> = {}): CredentialStore {
  const map = new Map<string, string>();
  for (const [host, secrets] of Object.entries(initial)) {
    for (const [kind, secret] of Object.entries(secrets)) if (secret !== undefined) map.set(keyOf(host, kind as CredentialKind), secret);
  }
  return credentialStoreOver(mapBackend(map));
}

/**
 * Credentials in the pane's IndexedDB (database "pivotdeck-credentials"), per user and per origin.
 * Where OfficeRuntime.storage exists, src/excel can offer a backend over it instead; this store is
 * the fallback that works in every pane.
 */
export function indexedDbCredentialStore(store: UseStore = createStore('pivotdeck-credentials', 'secrets')): CredentialStore {
  return credentialStoreOver({
    get: (key) => get<string>(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  });
}
