/**
 * The dialect visitor: SQL AST → SQL text. Every identifier goes through dialect.identifier, every
 * value through a literal renderer, every function through the dialect's allow-list table.
 */
import type { SelectQuery, SqlExpr, SqlQuery } from './ast';
import { numberLiteral, type RenderNames, type SqlDialect } from './dialect';
import { WarehouseCompileError } from './errors';

/**
 * SQL text of an expression.
 * @example renderExpr(bin('=', col('a`b'), lit("x'")), clickhouse) // "(`a\\`b` = 'x\\'')"
 */
export function renderExpr(e: SqlExpr, d: SqlDialect, names: RenderNames = DEFAULT_NAMES): string {
  const r = (x: SqlExpr) => renderExpr(x, d, names);
  switch (e.kind) {
    case 'column':
      return d.identifier(e.name);
    case 'literal':
      if (e.value === null) return 'NULL';
      if (typeof e.value === 'number') {
        const a = Math.abs(e.value);
        // String(x) of a number is digits, '.', 'e', '-' and '+' only: safe inside quotes.
        if (a > 0 && a < 2.2250738585072014e-308) return e.value < 0 ? `(-${d.subnormal(String(a))})` : d.subnormal(String(a));
        return numberLiteral(e.value);
      }
      if (typeof e.value === 'boolean') return e.value ? '1' : '0';
      return d.string(e.value);
    case 'call': {
      const f = Object.hasOwn(d.functions, e.fn) ? d.functions[e.fn] : undefined;
      if (!f) throw new WarehouseCompileError(`The function ${e.fn} is not available on ${d.name}.`);
      return f(e.args.map(r));
    }
    case 'agg': {
      const f = Object.hasOwn(d.aggregates, e.fn) ? d.aggregates[e.fn] : undefined;
      if (!f) throw new WarehouseCompileError(`The aggregate ${e.fn} is not available on ${d.name}.`);
      return f(e.args.map(r), names);
    }
    case 'binary':
      return `(${r(e.left)} ${e.op} ${r(e.right)})`;
    case 'not':
      return `(NOT ${r(e.arg)})`;
    case 'isNull':
      return `(${r(e.arg)} IS ${e.negate ? 'NOT ' : ''}NULL)`;
    case 'case':
      return `(CASE ${e.whens.map(([w, t]) => `WHEN ${r(w)} THEN ${r(t)}`).join(' ')} ELSE ${r(e.else)} END)`;
    case 'in':
      return `(${r(e.arg)} IN (${e.values.map(r).join(', ')}))`;
    case 'nullOf':
      return d.nullOf(e.type);
    case 'nullableNumber':
      return d.nullableNumber(r(e.arg));
    case 'inSelect':
      return d.inSubquery(r(e.arg), renderSelect(e.query, d, names));
    case 'scalarSelect':
      return `(${renderSelect(e.query, d, names)})`;
  }
}

const DEFAULT_NAMES: RenderNames = { lambda: '__pd_p' };

function renderSelect(q: SelectQuery, d: SqlDialect, names: RenderNames): string {
  const r = (x: SqlExpr) => renderExpr(x, d, names);
  const parts = [
    `SELECT ${q.columns.map((c) => `${r(c.expr)} AS ${d.identifier(c.as)}`).join(', ')}`,
    `FROM ${q.from.database ? `${d.identifier(q.from.database)}.` : ''}${d.identifier(q.from.table)}`,
  ];
  if (q.where) parts.push(`WHERE ${r(q.where)}`);
  if (q.groupBy?.length) parts.push(`GROUP BY ${q.groupBy.map(r).join(', ')}`);
  if (q.having) parts.push(`HAVING ${r(q.having)}`);
  if (q.orderBy?.length) parts.push(`ORDER BY ${q.orderBy.map((o) => `${r(o.expr)}${o.desc ? ' DESC' : ' ASC'}`).join(', ')}`);
  if (q.limit !== undefined) parts.push(`LIMIT ${Math.trunc(q.limit)}`);
  return parts.join(' ');
}

/**
 * SQL text of a query: one statement, no FORMAT clause, no trailing semicolon.
 * @example renderQuery({ kind: 'select', columns: [{ expr: agg('countRows'), as: 'n' }], from: { kind: 'table', table: 't' } }, duckdb)
 *   // 'SELECT count(*) AS "n" FROM "t"'
 */
export function renderQuery(q: SqlQuery, d: SqlDialect, names: RenderNames = DEFAULT_NAMES): string {
  if (q.kind === 'select') return renderSelect(q, d, names);
  const body = q.branches.map((b) => renderSelect(b, d, names)).join(' UNION ALL ');
  const limit = q.limit !== undefined ? ` LIMIT ${Math.trunc(q.limit)}` : '';
  return q.branches.length === 1 && !limit ? body : `SELECT * FROM (${body})${limit}`;
}
