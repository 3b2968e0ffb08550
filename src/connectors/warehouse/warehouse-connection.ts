/**
 * A warehouse source as the connector needs it, read from the persisted source definition
 * (src/model `sourceDef` with kind 'warehouse'). The workbook keeps the endpoint, database, table
 * and *how* the user signs in; the password itself lives in the per-user credential store.
 */
import type { SourceDefinition } from '../types';
import { WarehouseError } from './warehouse-error';
import type { WarehouseField } from './field-types';

/**
 * How the user name and password travel:
 * - 'url': as ClickHouse's `user`/`password` URL parameters. The request stays CORS-"simple"
 *   (no custom header), so it works against a plain ClickHouse whose OPTIONS preflight hangs.
 *   Only over https in production, so the address is encrypted in transit.
 * - 'header': as `Authorization: Basic …`. A custom header makes the browser send a preflight
 *   first, so the endpoint must answer OPTIONS (a proxy in front of ClickHouse).
 */
export type CredentialPlacement = 'url' | 'header';

export interface WarehouseOptions {
  engine: 'clickhouse';
  database: string;
  /** A table or a saved view in `database`. */
  table: string;
  credentialIn?: CredentialPlacement;
  /** The fields read at "Test connection"/save time, so the builder lists them without a round trip. */
  fields?: WarehouseField[];
}

export interface WarehouseConnection extends WarehouseOptions {
  id: string;
  label: string;
  url: string;
  credential?: SourceDefinition['credential'];
}

/** Is this source definition a warehouse source? */
export function isWarehouseSource(def: Pick<SourceDefinition, 'kind'>): boolean {
  return def.kind === 'warehouse';
}

/**
 * The connection a warehouse source definition describes; a clear error when something is missing.
 * @example warehouseConnection({ id: 'w', label: 'Flights', kind: 'warehouse', url: 'https://ch.example.com:8443',
 *   options: { engine: 'clickhouse', database: 'default', table: 'flights' } }).table // 'flights'
 */
export function warehouseConnection(def: SourceDefinition): WarehouseConnection {
  if (def.kind !== 'warehouse') throw new WarehouseError('badDefinition', `The source "${def.label}" is not a warehouse source.`);
  const o = (def.options ?? {}) as Partial<WarehouseOptions>;
  if (!def.url) throw new WarehouseError('badDefinition', `The warehouse source "${def.label}" has no address. Enter the https:// address of the warehouse's HTTP interface.`);
  if (typeof o.table !== 'string' || !o.table.trim()) throw new WarehouseError('badDefinition', `The warehouse source "${def.label}" names no table or view. Choose one.`);
  const database = typeof o.database === 'string' && o.database.trim() ? o.database.trim() : 'default';
  const fields = Array.isArray(o.fields) ? o.fields.filter((f): f is WarehouseField => !!f && typeof f.name === 'string' && typeof f.type === 'string') : undefined;
  return {
    id: def.id,
    label: def.label,
    url: def.url,
    engine: 'clickhouse',
    database,
    table: o.table.trim(),
    credentialIn: o.credentialIn === 'header' ? 'header' : 'url',
    fields,
    credential: def.credential,
  };
}

/**
 * The persisted options of a warehouse source (what `warehouseConnection` reads back).
 * @example warehouseOptions({ database: 'default', table: 'flights' }).engine // 'clickhouse'
 */
export function warehouseOptions(o: Omit<WarehouseOptions, 'engine'>): WarehouseOptions & Record<string, unknown> {
  return { engine: 'clickhouse', database: o.database, table: o.table, credentialIn: o.credentialIn ?? 'url', ...(o.fields ? { fields: o.fields } : {}) };
}
