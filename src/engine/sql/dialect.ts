import type { SqlAggregate, SqlFunction } from './ast';
import type { FoldClasses } from './case-fold';

/**
 * What differs between SQL engines: quoting, escaping, the names (and shapes) of the allowed
 * functions. A dialect gets already rendered, already safe argument SQL and only arranges it.
 * A function or aggregate missing from a dialect's table is refused, never passed through.
 */
export interface SqlDialect {
  name: 'clickhouse' | 'duckdb';
  /** The code points this engine's lower/upper fold differently from the pane. */
  fold: FoldClasses;
  /** A quoted identifier. */
  identifier(name: string): string;
  /** A string literal. */
  string(value: string): string;
  functions: Readonly<Record<SqlFunction, (args: string[]) => string>>;
  /** `names.lambda`: a lambda parameter name no column of the table can take (see plan.ts). */
  aggregates: Readonly<Record<SqlAggregate, (args: string[], names: RenderNames) => string>>;
  nullOf(type: 'number' | 'text'): string;
  /** A subnormal number (|x| < 2.2e-308, not 0), which some parsers refuse as a literal. */
  subnormal(text: string): string;
  nullableNumber(arg: string): string;
  /** `arg IN (subquery)`; ClickHouse needs GLOBAL IN when both sides read a Distributed table. */
  inSubquery(arg: string, subquery: string): string;
}

/** Names the renderer may generate, chosen so that no column of the table can take them. */
export interface RenderNames {
  lambda: string;
}

/**
 * A finite number as SQL text; negative numbers in parentheses so `a - -1` stays `a - (-1)`.
 * @example numberLiteral(-0.5) // '(-0.5)'
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = Object.is(value, -0) ? '0' : String(value);
  return value < 0 ? `(${text})` : text;
}
