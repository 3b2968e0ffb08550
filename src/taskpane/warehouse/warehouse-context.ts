import { indexedDbCredentialStore, memoryCredentialStore, type CredentialStore } from '../../connectors/credentials';
import type { WarehouseContext } from '../../connectors/warehouse';
import type { PaneHost } from '../../excel/host-types';

/** http is allowed only for localhost, and only in the workbench or a pane served from localhost. */
function allowsLocalHttp(host: PaneHost): boolean {
  if (host.kind === 'workbench') return true;
  const name = typeof location === 'undefined' ? '' : location.hostname;
  return name === 'localhost' || name === '127.0.0.1';
}

/** The same per-user store the web sources use (IndexedDB; memory where there is none). */
export function paneCredentialStore(): CredentialStore {
  return typeof indexedDB === 'undefined' ? memoryCredentialStore() : indexedDbCredentialStore();
}

/**
 * What the warehouse client needs in the pane: the window's fetch, this user's credential store,
 * https only (http to localhost in development).
 * @example const ctx = paneWarehouseContext(host);
 */
export function paneWarehouseContext(host: PaneHost, credentials: CredentialStore = paneCredentialStore()): WarehouseContext {
  return {
    // Bound call: the pane's fetch must be called on the window.
    fetch: (input, init) => globalThis.fetch(input, init),
    credentials,
    policy: { allowHttpLocalhost: allowsLocalHttp(host) },
    origin: typeof location === 'undefined' ? undefined : location.origin,
  };
}
