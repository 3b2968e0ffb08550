/**
 * The "Connect to a warehouse" form's state and its translation to a source definition. The
 * definition keeps the address, database, table and how the user signs in; the user name and
 * password go to the per-user credential store.
 */
import { warehouseConnection, warehouseOptions, type WarehouseField } from '../../connectors/warehouse';
import type { SourceDefinition } from '../../connectors/types';
import { canonicalOrigin } from '../../connectors/http/origin';
import { describeUrlSecrets, findSecretsInUrl } from '../../connectors/http/secrets-in-url';

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

/**
 * The origin a credential is kept under and sent to (scheme, host, port), "" when the address does not parse.
 * @example credentialOrigin('https://ch.example.com:8443/') // 'https://ch.example.com:8443'
 */
export function credentialOrigin(url: string): string {
  return canonicalOrigin(url) ?? '';
}

/**
 * A user name and password typed into the warehouse address (`https://ann:pw@host:8443` or
 * ClickHouse's `?user=ann&password=pw`), moved into the form's sign-in fields; undefined when the
 * address holds none. `problem` when they cannot be moved (another secret in the address too).
 * @example moveWarehouseUrlSecrets({ ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ann:pw@ch.example.com:8443' })
 *   // { words: 'a user name and password', moved: { …, url: 'https://ch.example.com:8443/', signIn: 'url', user: 'ann', password: 'pw' } }
 */
export function moveWarehouseUrlSecrets(draft: WarehouseDraft): { words: string; moved?: WarehouseDraft; problem?: string } | undefined {
  const found = findSecretsInUrl(draft.url);
  if (!found) return undefined;
  const words = describeUrlSecrets(found.found);
  const clean = new URL(found.clean);
  const userParam = clean.searchParams.get('user');
  clean.searchParams.delete('user');
  let user = userParam ?? '';
  let password: string | undefined;
  for (const f of found.found) {
    if (f.kind === 'userinfo') {
      user = f.user;
      password = f.password;
    } else if (f.name.toLowerCase() === 'password' && password === undefined) {
      password = f.value;
    } else {
      return { words, problem: `The warehouse address holds ${words}. Only a user name and password can be moved to the sign-in: remove the rest from the address (it would be saved in the workbook), then test again.` };
    }
  }
  return { words, moved: { ...draft, url: clean.href, signIn: draft.signIn === 'none' ? 'url' : draft.signIn, user, password: password ?? '' } };
}

/**
 * A source definition from the form (fields are added once "Test connection" has read them).
 * @example draftToWarehouseSource({ ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ch:8443', table: 'flights' }, 'wh_1').options.table // 'flights'
 */
export function draftToWarehouseSource(draft: WarehouseDraft, id: string, fields?: WarehouseField[], rowCount?: number): SourceDefinition {
  // The last guard: a password in the address is never put into a definition that may be saved.
  const inUrl = findSecretsInUrl(draft.url);
  if (inUrl) throw new Error(`The warehouse address holds ${describeUrlSecrets(inUrl.found)}, which would be saved in the workbook. Press Test connection to move it to the sign-in fields (kept on this computer only), or remove it from the address.`);
  const table = draft.table.trim();
  const def: SourceDefinition = {
    id,
    label: (draft.label.trim() || `${table} (warehouse)`).slice(0, 255),
    kind: 'warehouse',
    url: draft.url.trim(),
    options: warehouseOptions({ database: draft.database.trim() || 'default', table, credentialIn: draft.signIn === 'header' ? 'header' : 'url', fields }),
    // What "Test connection" counted, so the pickers show it without asking the warehouse.
    ...(rowCount !== undefined ? { lastPull: { rows: rowCount } } : {}),
    ...(draft.signIn === 'none' ? {} : { credential: { origin: credentialOrigin(draft.url.trim()), kind: 'basic' as const } }),
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
