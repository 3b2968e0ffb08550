/**
 * Queries whose source is a warehouse: the engine's planner splits the spec into one SQL statement
 * that runs where the data is and a `finish` that completes the rest in the pane on the reduced
 * answer. Raw rows never travel; the bytes that did are reported with the result.
 */
import type { QuerySpec } from '../../engine';
import { splitPlan, type WarehouseSchema } from '../../engine/sql';
import {
  describeWarehouseTable, isWarehouseSource, runClickHouse, warehouseConnection,
  type WarehouseAnswer, type WarehouseConnection, type WarehouseContext,
} from '../../connectors/warehouse';
import type { SourceDefinition } from '../../connectors/types';
import type { QueryProgress, QueryRun } from './run-query';

/** What ran where, for the query's details in the pane. */
export interface WarehouseRunDetails {
  host: string;
  table: string;
  /** The plan in plain words: what ran in SQL, what the pane finished. */
  explain: string[];
  sql: string;
  queryId: string;
  /** Rows and bytes the warehouse read to answer; rows and bytes that reached the pane. */
  serverRowsRead?: number;
  serverBytesRead?: number;
  rowsReceived: number;
  bytesReceived: number;
}

export interface WarehouseQueryRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: QueryProgress) => void;
  /** The document's sources when the caller already holds them: saves a document read per query. */
  sources?: readonly SourceDefinition[];
}

/**
 * Runs a spec on its warehouse source, or answers undefined when its source is not a warehouse
 * (the caller then reads it as usual). Built once in the composition root.
 */
export type WarehouseQueryRunner = (spec: QuerySpec, output: 'grid' | 'flat', options?: WarehouseQueryRunOptions) => Promise<(QueryRun & { warehouse: WarehouseRunDetails }) | undefined>;

export interface WarehouseQueryDeps {
  context: WarehouseContext;
  /** The workbook document's sources, read when a query runs (definitions change between runs). */
  sources: () => Promise<readonly SourceDefinition[]>;
}

/**
 * The schema the planner needs, from the fields saved with the source (else read now). Show rows'
 * warehouse drill (refresh/show-rows/warehouse-rows.ts) plans with the same schema.
 * @example const schema = await schemaOf(warehouseConnection(def), context);
 */
export async function schemaOf(conn: WarehouseConnection, context: WarehouseContext, signal?: AbortSignal): Promise<WarehouseSchema> {
  const fields = conn.fields?.length ? conn.fields : (await describeWarehouseTable(conn, context, { signal })).fields;
  return { table: conn.table, database: conn.database, columns: fields.map((f) => ({ name: f.name, type: f.serverType })) };
}

/**
 * The warehouse path of a query run.
 * @example
 * const warehouse = warehouseQueryRunner({ context, sources: async () => doc.sources });
 * const run = await warehouse(spec, 'grid'); // undefined for a query on an Excel table
 */
export function warehouseQueryRunner(deps: WarehouseQueryDeps): WarehouseQueryRunner {
  return async (spec, output, options = {}) => {
    if (spec.source.kind !== 'source') return undefined;
    const id = spec.source.id;
    const def = (options.sources ?? await deps.sources()).find((s) => s.id === id);
    if (!def || !isWarehouseSource(def)) return undefined;
    if (spec.lookups?.length) throw new Error(`Lookups into other tables are not available on a warehouse source yet. Remove the lookup, or create a view on the warehouse that joins them and use that view as the source.`);
    const conn = warehouseConnection(def);
    const { signal, onProgress } = options;
    const schema = await schemaOf(conn, deps.context, signal);
    const plan = splitPlan(spec, schema, { dialect: 'clickhouse' });
    onProgress?.({ phase: 'source', where: 'warehouse' });
    const answer: WarehouseAnswer = await runClickHouse(conn, deps.context, plan.sql, {
      signal,
      what: `the table ${conn.table}`,
      // The SQL asks for one row more than the cap so `finish` can say "too many" in its own words.
      maxRows: plan.rowCap + 1,
      onProgress: (p) => onProgress?.({ phase: 'source', where: 'warehouse', rowsRead: p.rowsRead, totalRows: p.totalRows, bytesReceived: p.bytesReceived }),
    });
    signal?.throwIfAborted();
    onProgress?.({ phase: 'compute', where: 'warehouse' });
    const result = plan.finish(answer.rows, output);
    return {
      result,
      sourceSyncs: 0,
      sourceBytes: answer.bytesReceived,
      warehouse: {
        host: new URL(conn.url).host,
        table: conn.table,
        explain: plan.explain,
        sql: plan.sql,
        queryId: answer.queryId,
        serverRowsRead: answer.serverRowsRead,
        serverBytesRead: answer.serverBytesRead,
        rowsReceived: answer.rows.length,
        bytesReceived: answer.bytesReceived,
      },
    };
  };
}

const n = (x: number) => x.toLocaleString('en-US');
const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * "What ran where" in one paragraph, for the query's summary and its details.
 * @example warehouseSummary({ host: 'ch.example.com', table: 'flights', serverRowsRead: 4e6, serverBytesRead: 4.8e7, rowsReceived: 448, bytesReceived: 22165, explain: ['…'], … })
 * // 'Computed on the warehouse ch.example.com (table flights; the server read 4,000,000 rows, 45.8 MB); 448 summary rows (21.6 kB) came to the pane. …'
 */
export function warehouseSummary(d: WarehouseRunDetails): string {
  const read = d.serverRowsRead !== undefined ? `; the server read ${n(d.serverRowsRead)} rows${d.serverBytesRead !== undefined ? `, ${size(d.serverBytesRead)}` : ''}` : '';
  return `Computed on the warehouse ${d.host} (table ${d.table}${read}); ${n(d.rowsReceived)} summary rows (${size(d.bytesReceived)}) came to the pane. ${d.explain.join(' ')}`.trim();
}
