/**
 * The warehouse side of "Show rows" (issue 17): the drilled rows of a cell as ONE SELECT with the
 * query's own WHERE (derived fields, filters) plus the cell's items, and a LIMIT. Kept in its own
 * file, separate from the aggregate planner (plan.ts), which it does not change.
 *
 * The SELECT asks for one row more than the limit: when fewer come back, their number is the
 * true count and nothing else is sent; only when the limit is hit does `countSql` (an aggregate,
 * `SELECT count() … WHERE …`, no rows) give the true count. No other raw rows leave the warehouse.
 */
import type { RowsSpec } from '../drill/drill-spec';
import type { DrilledRows } from '../drill/select-rows';
import { agg, and, type SelectQuery, type SqlExpr } from './ast';
import { clickhouse } from './clickhouse';
import { compileFilter } from './compile-filter';
import { fieldEnv } from './compile-row';
import { duckdb } from './duckdb';
import { WarehouseCompileError } from './errors';
import { renderQuery } from './render';
import { columnKind, type TypedField, type WarehouseSchema } from './schema';
import { specFields } from './spec-fields';

export interface RowsPlan {
  /** One SELECT … FROM … WHERE … LIMIT limit + 1. */
  sql: string;
  /** `SELECT count() … WHERE …`: run it only when `sql` returned more than `limit` rows. */
  countSql: string;
  limit: number;
  /** Column names of `sql`'s answer, in order (the table's readable columns, then derived fields). */
  columns: string[];
  /**
   * An Excel number format per column: the table's Date and DateTime columns arrive as serial
   * numbers, so the rows sheet shows them as dates; undefined (General) for the rest.
   */
  numberFormats: Array<string | undefined>;
  /**
   * The drilled rows from the answer (arrays in `columns` order; numbers may arrive as numeric
   * strings or bigints). `count` is countSql's answer, needed only when the limit was hit.
   */
  finish(rows: readonly (readonly unknown[])[], count?: number | string | bigint): DrilledRows;
}

/**
 * Plan the rows of a drill for a warehouse table.
 * @example
 * const plan = planRows(drill.rows, schema, { limit: 10_000 });
 * plan.sql // 'SELECT `region` AS `region`, … FROM `sales` WHERE … LIMIT 10001'
 */
export function planRows(spec: RowsSpec, schema: WarehouseSchema, options: { dialect?: 'clickhouse' | 'duckdb'; limit: number }): RowsPlan {
  const dialect = (options.dialect ?? 'clickhouse') === 'clickhouse' ? clickhouse : duckdb;
  const limit = Math.max(0, Math.trunc(options.limit));
  const fields = specFields(spec, schema, (v, where) => {
    if (v.kind === 'bool') throw new WarehouseCompileError(`${where}: a TRUE/FALSE derived field cannot run on the warehouse yet; use IF(test, 1, 0).`);
  });
  const env = fieldEnv(fields);
  let where: SqlExpr | undefined;
  spec.filters.forEach((f, i) => {
    if (f.kind === 'topN') throw new WarehouseCompileError(`filters[${i}]: a drill lists the items a top/bottom N kept; it does not rank again.`);
    const c = compileFilter(f, env, `filters[${i}]`);
    where = where ? and(where, c) : c;
  });
  const from = { kind: 'table' as const, database: schema.database, table: schema.table };
  const columns = fields.map((f) => f.name);
  const typeOf = new Map(schema.columns.map((c) => [c.name, c.type]));
  const numberFormats = fields.map((f) => {
    const type = typeOf.get(f.name);
    const kind = type === undefined ? undefined : columnKind(type);
    return kind === 'date' ? 'yyyy-mm-dd' : kind === 'datetime' ? 'yyyy-mm-dd hh:mm:ss' : undefined;
  });
  const select: SelectQuery = { kind: 'select', columns: fields.map((f) => ({ expr: f.value, as: f.name })), from, where, limit: limit + 1 };
  const count: SelectQuery = { kind: 'select', columns: [{ expr: agg('countRows'), as: 'n' }], from, where };
  const kinds = fields.map((f) => f.kind);
  const finish = (rows: readonly (readonly unknown[])[], n?: number | string | bigint): DrilledRows => {
    const capped = rows.length > limit;
    if (capped && n === undefined) throw new WarehouseCompileError('The warehouse returned more rows than the limit; run countSql for the true count.');
    const out = rows.slice(0, limit).map((r) => r.map((v, c) => cellOf(v, kinds[c])));
    return { columns, rows: out, total: capped ? Number(n) : rows.length };
  };
  return { sql: renderQuery(select, dialect), countSql: renderQuery(count, dialect), limit, columns, numberFormats, finish };
}

function cellOf(v: unknown, kind: TypedField['kind']): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'text') return String(v);
  // ClickHouse sends TRUE/FALSE as 1/0 (UInt8), DuckDB as booleans: the sheet gets TRUE/FALSE.
  if (kind === 'bool') return v === true || v === 1 || v === '1' || v === 'true';
  return typeof v === 'number' ? v : Number(v);
}
