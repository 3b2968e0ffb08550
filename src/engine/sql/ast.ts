/**
 * The SQL AST (Mosaic-style): plain nodes that hold data and never text. A dialect visitor
 * (./render.ts with ./clickhouse.ts or ./duckdb.ts) turns them into SQL, so quoting, escaping and
 * the function allow-list live in one place per dialect and a field name or a filter value can
 * only ever become an identifier node or a literal node: never SQL text.
 */

/** Row-level functions the compiler may use (neutral names; each dialect maps them or refuses). */
export type SqlFunction =
  | 'toFloat64'
  /** Text form of a value (Enum name, UUID text…). */
  | 'textOf'
  /** Text of a FixedString without the NUL bytes that pad it. */
  | 'textOfFixed'
  /** enumName(x, value1, name1, value2, name2, …): a Nullable Enum's name, NULL for NULL. */
  | 'enumName'
  /** x + 0: turns -0 into 0 so one number is one group (IEEE: -0 + 0 = +0). */
  | 'normZero'
  /** x when finite, else NULL (a row value that overflowed is an error the aggregates skip). */
  | 'finiteOrNull'
  | 'lower'
  | 'upper'
  | 'lengthText'
  /** Excel's TRIM: ASCII spaces collapsed to one, none at either end. */
  | 'trimSpaces'
  | 'concat'
  | 'floor'
  | 'sqrt'
  /** 1 when x is a finite number, 0 for ±inf and NaN (NULL stays NULL). */
  | 'isFinite'
  /** A number as text that tells every number apart ('' for NULL): a blank number item can match IN. */
  | 'numberKeyText'
  | 'abs'
  | 'year'
  | 'quarter'
  | 'month'
  | 'day'
  | 'isoWeek'
  /** Day of week, Monday = 1 … Sunday = 7. */
  | 'weekdayMonday'
  /** Excel serial of a Date column (days since 1899-12-30). */
  | 'serialOfDate'
  /** Excel serial of a DateTime column (fractional days since 1899-12-30, UTC). */
  | 'serialOfDateTime'
  | 'ifNull'
  | 'startsWith'
  | 'endsWith'
  /** contains(haystack, needle): needle occurs in haystack. */
  | 'contains'
  /** 1-based element of an array (out of range: the type's default). */
  | 'arrayElement'
  | 'arrayLength'
  /** Whole-number index from a float (floor, as an unsigned 64-bit integer). */
  | 'toIndex'
  /** matchesClass(text, pattern): the text contains a character of the RE2 class `pattern`. */
  | 'matchesClass'
  /** The text has a character outside ASCII (a cheap filter before matchesClass). */
  | 'nonAscii'
  /** A whole number as the counts' type (UInt64 / BIGINT), so UNION ALL branches agree. */
  | 'toCount';

/** Aggregates the compiler may use. No sampled or *Stable/Kahan variants exist here on purpose. */
export type SqlAggregate =
  | 'count'
  | 'countRows'
  | 'countIf'
  | 'sum'
  | 'min'
  | 'max'
  | 'uniqExact'
  /** uniqExactIf(x, condition): distinct values of x on the rows where condition holds. */
  | 'uniqExactIf'
  | 'varSamp'
  | 'varPop'
  | 'stddevSamp'
  | 'stddevPop'
  /** The group's non-NULL values, sorted ascending (exact medians/percentiles read order statistics). */
  | 'sortedValues'
  /** Smallest of a text column (a deterministic label for a case-insensitive group). */
  | 'minText'
  /**
   * Σ (x − m)² over the group's numbers, m = Σx / n: the first half of the corrected two-pass
   * variance (numerically sound with a large mean and a small spread, unlike one-pass varSamp).
   */
  | 'centeredSquares'
  /** Σ (x − m) with the same m: the correction term, (Σ(x − m))² / n. */
  | 'centeredSum'
  /** 1 if the condition held on any row, else 0 (also with no rows), as a count. */
  | 'anyTrue';

export type BinaryOperator = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

export type SqlExpr =
  | { kind: 'column'; name: string }
  | { kind: 'literal'; value: number | string | boolean | null }
  | { kind: 'call'; fn: SqlFunction; args: SqlExpr[] }
  | { kind: 'agg'; fn: SqlAggregate; args: SqlExpr[] }
  | { kind: 'binary'; op: BinaryOperator; left: SqlExpr; right: SqlExpr }
  | { kind: 'not'; arg: SqlExpr }
  | { kind: 'isNull'; arg: SqlExpr; negate: boolean }
  | { kind: 'case'; whens: Array<[SqlExpr, SqlExpr]>; else: SqlExpr }
  | { kind: 'in'; arg: SqlExpr; values: SqlExpr[] }
  /** A typed NULL, so every branch of a UNION ALL has the same column types. */
  | { kind: 'nullOf'; type: 'number' | 'text' }
  /** `arg` as a nullable number (so a present key and an absent key share a type). */
  | { kind: 'nullableNumber'; arg: SqlExpr }
  | { kind: 'inSelect'; arg: SqlExpr; query: SelectQuery }
  /** A subquery with one row and one column, used as a value. */
  | { kind: 'scalarSelect'; query: SelectQuery };

export interface SelectColumn {
  expr: SqlExpr;
  as: string;
}

export interface TableRef {
  kind: 'table';
  database?: string;
  table: string;
}

export interface SelectQuery {
  kind: 'select';
  columns: SelectColumn[];
  from: TableRef;
  where?: SqlExpr;
  groupBy?: SqlExpr[];
  having?: SqlExpr;
  orderBy?: Array<{ expr: SqlExpr; desc: boolean }>;
  limit?: number;
}

/** Branches glued with UNION ALL, wrapped so one LIMIT caps the whole answer. */
export interface UnionQuery {
  kind: 'union';
  branches: SelectQuery[];
  limit?: number;
}

export type SqlQuery = SelectQuery | UnionQuery;

// Small constructors: the compiler reads like the SQL it builds.
export const col = (name: string): SqlExpr => ({ kind: 'column', name });
export const lit = (value: number | string | boolean | null): SqlExpr => ({ kind: 'literal', value });
export const call = (fn: SqlFunction, ...args: SqlExpr[]): SqlExpr => ({ kind: 'call', fn, args });
export const agg = (fn: SqlAggregate, ...args: SqlExpr[]): SqlExpr => ({ kind: 'agg', fn, args });
export const bin = (op: BinaryOperator, left: SqlExpr, right: SqlExpr): SqlExpr => ({ kind: 'binary', op, left, right });
export const and = (...parts: SqlExpr[]): SqlExpr => parts.reduce((a, b) => bin('AND', a, b));
export const or = (...parts: SqlExpr[]): SqlExpr => parts.reduce((a, b) => bin('OR', a, b));
export const not = (arg: SqlExpr): SqlExpr => ({ kind: 'not', arg });
export const isNull = (arg: SqlExpr): SqlExpr => ({ kind: 'isNull', arg, negate: false });
export const isNotNull = (arg: SqlExpr): SqlExpr => ({ kind: 'isNull', arg, negate: true });
export const caseWhen = (whens: Array<[SqlExpr, SqlExpr]>, otherwise: SqlExpr): SqlExpr => ({ kind: 'case', whens, else: otherwise });
