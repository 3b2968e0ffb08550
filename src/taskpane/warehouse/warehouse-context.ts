import type { CredentialStore } from '../../connectors/credentials';
import { userCredentialStore } from '../../excel/user-credential-store';
import { allowsLocalHttp } from '../shared/allows-local-http';
import type { WarehouseContext } from '../../connectors/warehouse';
import type { PaneHost } from '../../excel/host-types';

/** The same per-user store the web sources use (see src/excel/user-credential-store.ts). */
export function paneCredentialStore(): CredentialStore {
  return userCredentialStore();
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
