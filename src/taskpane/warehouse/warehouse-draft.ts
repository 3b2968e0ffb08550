/**
 * The "Connect to a warehouse" form's state and its translation to a source definition. The
 * definition keeps the address, database, table and how the user signs in; the user name and
 * password go to the per-user credential store.
 */
import { warehouseConnection, warehouseOptions, type WarehouseField } from '../../connectors/warehouse';
import type { SourceDefinition } from '../../connectors/types';

/** How the user signs in: nobody; user name and password in the address; a Basic sign-in header. */
export type WarehouseSignIn = 'none' | 'url' | 'header';

export const SIGN_IN_LABELS: Record<WarehouseSignIn, string> = {
  none: 'No sign-in (the default user)',
  url: 'User name and password',
  header: 'User name and password, as a sign-in header (needs a proxy)',
};

export interface WarehouseDraft {
  label: string;
  url: string;
  database: string;
  table: string;
  signIn: WarehouseSignIn;
  user: string;
  password: string;
}

export const EMPTY_WAREHOUSE_DRAFT: WarehouseDraft = { label: '', url: '', database: 'default', table: '', signIn: 'none', user: '', password: '' };

/** The host a credential is kept under (host:port, as the connector looks it up). */
export function credentialHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * A source definition from the form (fields are added once "Test connection" has read them).
 * @example draftToWarehouseSource({ ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ch:8443', table: 'flights' }, 'wh_1').options.table // 'flights'
 */
export function draftToWarehouseSource(draft: WarehouseDraft, id: string, fields?: WarehouseField[], rowCount?: number): SourceDefinition {
  const table = draft.table.trim();
  const def: SourceDefinition = {
    id,
    label: (draft.label.trim() || `${table} (warehouse)`).slice(0, 255),
    kind: 'warehouse',
    url: draft.url.trim(),
    options: warehouseOptions({ database: draft.database.trim() || 'default', table, credentialIn: draft.signIn === 'header' ? 'header' : 'url', fields }),
    // What "Test connection" counted, so the pickers show it without asking the warehouse.
    ...(rowCount !== undefined ? { lastPull: { rows: rowCount } } : {}),
    ...(draft.signIn === 'none' ? {} : { credential: { host: credentialHost(draft.url.trim()), kind: 'basic' as const } }),
  };
  return def;
}

/**
 * The form's state for an existing source (the password is never read back into the form).
 * @example warehouseSourceToDraft(def).table // 'flights'
 */
export function warehouseSourceToDraft(def: SourceDefinition): WarehouseDraft {
  const conn = warehouseConnection(def);
  const signIn: WarehouseSignIn = !def.credential || def.credential.kind === 'none' ? 'none' : conn.credentialIn === 'header' ? 'header' : 'url';
  return { label: def.label, url: conn.url, database: conn.database, table: conn.table, signIn, user: '', password: '' };
}

/** The fields saved with a warehouse source, when it has been tested. */
export function savedFields(def: SourceDefinition): WarehouseField[] {
  try {
    return warehouseConnection(def).fields ?? [];
  } catch {
    return [];
  }
}

/** The row count saved with a warehouse source at its last test. */
export function savedRowCount(def: SourceDefinition): number | undefined {
  return def.lastPull?.rows;
}
