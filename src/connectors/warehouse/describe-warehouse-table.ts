import { runClickHouse, type WarehouseContext, type WarehouseRunOptions } from './clickhouse-client';
import { quoteIdentifier, quoteString } from './clickhouse-literals';
import { describeWarehouseFields, type WarehouseField } from './field-types';
import type { WarehouseConnection } from './warehouse-connection';
import { WarehouseError } from './warehouse-error';

export interface WarehouseTableInfo {
  fields: WarehouseField[];
  /** Columns PivotDeck cannot use (arrays, maps …), left out of the field list. */
  skipped: { name: string; serverType: string }[];
  /** Rows in the table or view (`count()` on the server: no rows travel). */
  rowCount?: number;
  /** The server's version, e.g. "18.16.1". */
  serverVersion?: string;
  /** Tables and views in the database, for choosing another. */
  tables: string[];
  bytesReceived: number;
}

/**
 * "Test connection": signs in, reads the table's columns (DESCRIBE) mapped to our field types,
 * its row count and the database's other tables. Only metadata and one count cross the wire.
 *
 * @example const info = await describeWarehouseTable(conn, ctx); info.fields.map((f) => f.name) // ['date', 'delay', …]
 */
export async function describeWarehouseTable(conn: WarehouseConnection, context: WarehouseContext, options: Pick<WarehouseRunOptions, 'signal'> = {}): Promise<WarehouseTableInfo> {
  const what = `the table ${conn.table}`;
  const run = (sql: string) => runClickHouse(conn, context, sql, { signal: options.signal, what, maxRows: 100_000 });
  const tablesAnswer = await run(`SELECT name FROM system.tables WHERE database = ${quoteString(conn.database)} ORDER BY name`);
  const tables = tablesAnswer.rows.map((r) => String(r[0]));
  if (!tables.includes(conn.table)) {
    const some = tables.slice(0, 8).join(', ');
    throw new WarehouseError(
      'notFound',
      tables.length
        ? `The database "${conn.database}" has no table or view named "${conn.table}". It has: ${some}${tables.length > 8 ? ', …' : ''}.`
        : `The database "${conn.database}" has no tables this user can see. Check the database name.`,
      { host: new URL(conn.url).host },
    );
  }
  const target = `${quoteIdentifier(conn.database)}.${quoteIdentifier(conn.table)}`;
  const described = await run(`DESCRIBE TABLE ${target}`);
  const { fields, skipped } = describeWarehouseFields(described.rows.map((r) => [String(r[0]), String(r[1])] as const));
  const counted = await run(`SELECT count() AS rows, version() AS version FROM ${target}`);
  const [rowCount, serverVersion] = counted.rows[0] ?? [];
  return {
    fields,
    skipped,
    rowCount: typeof rowCount === 'number' ? rowCount : undefined,
    serverVersion: typeof serverVersion === 'string' ? serverVersion : undefined,
    tables,
    bytesReceived: tablesAnswer.bytesReceived + described.bytesReceived + counted.bytesReceived,
  };
}
