/**
 * Per-user secrets. The workbook keeps only a credential *reference* (origin + kind); the secret
 * lives here, on this computer, so a teammate who opens the workbook is asked for their own.
 *
 * Secrets are keyed by the exact origin they were entered for (scheme, host, port; see
 * http/origin.ts), never by a bare host: a secret saved for https://api.example.com is not one for
 * https://api.example.com:8443 or http://api.example.com.
 *
 * Secret formats: bearer → the token; API key → the key; basic → "user:password".
 *
 * Secrets saved by earlier versions were keyed by `URL.host` ("api.example.com",
 * "api.example.com:8443"). They are moved to the https origin the first time they are read,
 * because outside development PivotDeck only ever sent requests over https (http only to
 * localhost), so such a key can only have been entered for https://<that host>. Keys for
 * localhost, 127.0.0.1 and [::1] are NOT moved: those were usually http in development and the
 * scheme cannot be known, so the user is asked again.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { canonicalOrigin } from './http/origin';
import { isLocalHostname } from './http/policy';
import type { CredentialRef } from './types';

export type CredentialKind = CredentialRef['kind'];

export interface CredentialStore {
  /** The secret for `origin` ("https://api.example.com"; a full address is reduced to its origin). */
  get(origin: string, kind: CredentialKind): Promise<string | undefined>;
  set(origin: string, kind: CredentialKind, secret: string): Promise<void>;
  /** Forget every secret kept for `origin`. */
  delete(origin: string): Promise<void>;
  /**
   * Every credential kept (origin, kind and when it was saved; never the secret), sorted by origin
   * then kind, for the pane's "Your data" view.
   */
  list(): Promise<StoredCredential[]>;
}

/** One kept credential as "Your data" shows it: where it is sent and what kind it is. */
export interface StoredCredential {
  /** The origin it is kept for; an earlier version's key shows as "https://<host>" (see above). */
  origin: string;
  kind: CredentialKind;
  /** When it was last saved (ISO time); absent for secrets saved before PivotDeck recorded it. */
  savedAt?: string;
}

/** The minimal async key/value surface the stores need (idb-keyval's shape). */
export interface KeyValueBackend {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

const PREFIX = 'pivotdeck.credential';

/** The origin a key is filed under; an unusable origin files under a key nothing can match. */
function originKey(origin: string): string {
  return canonicalOrigin(origin) ?? `invalid:${origin}`;
}
const keyOf = (origin: string, kind: CredentialKind) => `${PREFIX}\u0000${originKey(origin)}\u0000${kind}`;
const originPrefix = (origin: string) => `${PREFIX}\u0000${originKey(origin)}\u0000`;
/** When a secret was saved lives under its own key, so the secret's value keeps its plain format. */
const SAVED = 'pivotdeck.credentialSaved';
const savedKeyOf = (secretKey: string) => SAVED + secretKey.slice(PREFIX.length);

/** The key prefix an earlier version used for this origin's secrets, when they can be moved safely (see above). */
function legacyPrefix(origin: string): string | undefined {
  const canonical = canonicalOrigin(origin);
  if (!canonical) return undefined;
  const url = new URL(canonical);
  if (url.protocol !== 'https:' || isLocalHostname(url.hostname)) return undefined;
  return `${PREFIX}\u0000${url.host}\u0000`;
}

/** The key prefix an earlier version used for a local host, whatever the scheme (removal only: reading never moves these). */
function anyLegacyPrefix(origin: string): string | undefined {
  const canonical = canonicalOrigin(origin);
  if (!canonical) return undefined;
  const url = new URL(canonical);
  return isLocalHostname(url.hostname) ? `${PREFIX}\u0000${url.host}\u0000` : undefined;
}

/** The origin an earlier version's bare-host key is shown under, or undefined when it is not a host. */
function legacyOrigin(host: string): string | undefined {
  const scheme = isLocalHostname(host.replace(/:\d+$/, '')) ? 'http' : 'https';
  const origin = canonicalOrigin(`${scheme}://${host}`);
  return origin !== undefined && new URL(origin).host === host.toLowerCase() ? origin : undefined;
}

/**
 * A credential store over any key/value backend.
 * @example
 *   const store = credentialStoreOver(mapBackend());
 *   await store.set('https://api.example.com', 'bearer', 'tok');
 */
export function credentialStoreOver(backend: KeyValueBackend, now: () => Date = () => new Date()): CredentialStore {
  return {
    async get(origin, kind) {
      const key = keyOf(origin, kind);
      const found = await backend.get(key);
      if (found !== undefined) return found;
      const prefix = legacyPrefix(origin);
      if (!prefix) return undefined;
      const legacy = `${prefix}${kind}`;
      const old = await backend.get(legacy);
      if (old === undefined) return undefined;
      await backend.set(key, old);
      await backend.del(legacy);
      return old;
    },
    async set(origin, kind, secret) {
      // A secret filed under anything but an origin could never be matched safely: a caller's bug.
      if (canonicalOrigin(origin) === undefined) throw new Error(`A credential is kept for an origin such as https://api.example.com, not "${origin}".`);
      await backend.set(keyOf(origin, kind), secret);
      await backend.set(savedKeyOf(keyOf(origin, kind)), now().toISOString());
    },
    async delete(origin) {
      const prefix = originPrefix(origin);
      // Removing reaches further than reading: an earlier version's localhost key goes too (reading
      // never moves it because its scheme is unknown, but "Your data" lists it under http).
      const legacy = legacyPrefix(origin) ?? anyLegacyPrefix(origin);
      const savedPrefix = savedKeyOf(prefix);
      for (const key of await backend.keys()) {
        if (key.startsWith(prefix) || key.startsWith(savedPrefix) || (legacy && key.startsWith(legacy))) await backend.del(key);
      }
    },
    async list() {
      const found = new Map<string, StoredCredential>();
      for (const key of await backend.keys()) {
        const parts = key.split('\u0000');
        if (parts.length !== 3 || parts[0] !== PREFIX) continue;
        const [, filed, kind] = parts as [string, string, CredentialKind];
        // An earlier version filed secrets by bare host; they are shown (and removed, see delete)
        // under the https origin, or http for the local hosts development used.
        const origin = canonicalOrigin(filed) ?? legacyOrigin(filed);
        if (origin === undefined) continue;
        const savedAt = await backend.get(savedKeyOf(key));
        found.set(`${origin}\u0000${kind}`, { origin, kind, ...(savedAt ? { savedAt } : {}) });
      }
      return [...found.values()].sort((a, b) => (a.origin === b.origin ? a.kind.localeCompare(b.kind) : a.origin.localeCompare(b.origin)));
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
 * In-memory credentials, forgotten when the pane closes. Keys of `initial` are origins.
 * @example const store = memoryCredentialStore({ 'https://api.example.com': { bearer: 'tok' } });
 */
export function memoryCredentialStore(initial: Record<string, Partial<Record<CredentialKind, string>>> = {}): CredentialStore {
  const map = new Map<string, string>();
  for (const [origin, secrets] of Object.entries(initial)) {
    for (const [kind, secret] of Object.entries(secrets)) if (secret !== undefined) map.set(keyOf(origin, kind as CredentialKind), secret);
  }
  return credentialStoreOver(mapBackend(map));
}

/**
 * Credentials in the pane's IndexedDB (database "pivotdeck-credentials"), per user and per origin.
 * Where OfficeRuntime.storage exists, src/excel can offer a backend over it instead; this store is
 * the fallback that works in every pane.
 */
export function indexedDbCredentialStore(store: UseStore = createStore('pivotdeck-credentials', 'secrets'), now?: () => Date): CredentialStore {
  return credentialStoreOver({
    get: (key) => get<string>(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  }, now);
}
