/**
 * Show rows on a warehouse source: the drilled rows come from ONE SELECT with the query's WHERE,
 * the cell's items and LIMIT limit+1 (planRows); only when that limit is hit does an aggregate
 * `SELECT count()` give the true count. No raw rows beyond the limit leave the warehouse.
 */
import { isWarehouseSource, runClickHouse, warehouseConnection } from '../../connectors/warehouse';
import type { RowsSpec, DrilledRows } from '../../engine/drill';
import { planRows } from '../../engine/sql/plan-rows';
import { schemaOf, type WarehouseQueryDeps } from '../queries/warehouse-query';

/** The rows of a drill on its warehouse source, or undefined when the source is not a warehouse. */
export type WarehouseRowsRunner = (rows: RowsSpec, limit: number, options?: { signal?: AbortSignal }) => Promise<{ rows: DrilledRows; numberFormats: Array<string | undefined>; table: string; sql: string[] } | undefined>;

/**
 * Built once in the composition root, beside the warehouse query runner.
 * @example
 * const rowsOf = warehouseRowsRunner({ context, sources: async () => doc.sources });
 * const got = await rowsOf(drill.rows, 10_000); // one SELECT … LIMIT 10001
 */
export function warehouseRowsRunner(deps: WarehouseQueryDeps): WarehouseRowsRunner {
  return async (spec, limit, options = {}) => {
    if (spec.source.kind !== 'source') return undefined;
    const id = spec.source.id;
    const def = (await deps.sources()).find((s) => s.id === id);
    if (!def || !isWarehouseSource(def)) return undefined;
    if (spec.lookups?.length) throw new Error('Lookups into other tables are not available on a warehouse source yet, so PivotDeck cannot list these rows there.');
    const conn = warehouseConnection(def);
    const { signal } = options;
    const plan = planRows(spec, await schemaOf(conn, deps.context, signal), { dialect: 'clickhouse', limit });
    const what = `the rows of ${conn.table}`;
    const answer = await runClickHouse(conn, deps.context, plan.sql, { signal, what, maxRows: plan.limit + 1 });
    const sql = [plan.sql];
    const numberFormats = plan.numberFormats;
    if (answer.rows.length <= plan.limit) return { rows: plan.finish(answer.rows), numberFormats, table: conn.table, sql };
    const count = await runClickHouse(conn, deps.context, plan.countSql, { signal, what, maxRows: 1 });
    sql.push(plan.countSql);
    return { rows: plan.finish(answer.rows, count.rows[0]?.[0] as number | string | undefined), numberFormats, table: conn.table, sql };
  };
}
