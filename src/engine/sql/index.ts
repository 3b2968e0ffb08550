/**
 * The SQL back end of the engine (issue 9): the same query spec, compiled to SQL for a warehouse
 * (ClickHouse first, DuckDB second) and finished in the pane with the engine's own result code.
 */
export type { BinaryOperator, SelectQuery, SqlAggregate, SqlExpr, SqlFunction, SqlQuery, UnionQuery } from './ast';
export { clickhouse, clickhouseEscape } from './clickhouse';
export { duckdb } from './duckdb';
export { numberLiteral, type SqlDialect } from './dialect';
export { WarehouseCompileError, WarehouseRowCapError } from './errors';
export { renderExpr, renderQuery } from './render';
export { columnKind, fieldsFromSchema, type ColumnKind, type TypedField, type WarehouseColumn, type WarehouseSchema } from './schema';
export { DEFAULT_ROW_CAP, reservedPrefix, splitPlan, type SplitPlanOptions, type WarehousePlan } from './plan';

import { clickhouse } from './clickhouse';
import { duckdb } from './duckdb';
/**
 * A quoted identifier in a dialect.
 * @example quoteIdentifier('x` FROM t --', 'clickhouse') // '`x\\` FROM t --`'
 */
export const quoteIdentifier = (name: string, dialect: 'clickhouse' | 'duckdb' = 'clickhouse'): string => (dialect === 'clickhouse' ? clickhouse : duckdb).identifier(name);
/**
 * A string literal in a dialect.
 * @example sqlString("O'Hare", 'clickhouse') // "'O\\'Hare'"
 */
export const sqlString = (value: string, dialect: 'clickhouse' | 'duckdb' = 'clickhouse'): string => (dialect === 'clickhouse' ? clickhouse : duckdb).string(value);
