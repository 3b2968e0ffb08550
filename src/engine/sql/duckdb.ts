import { DUCKDB_FOLD } from './case-fold';
import type { SqlDialect } from './dialect';

/**
 * DuckDB: the second dialect and the tests' oracle. Standard SQL quoting: identifiers in double
 * quotes and strings in single quotes, the quote doubled; DuckDB strings have no backslash escapes.
 * NUL cannot be in a DuckDB string, so it is refused rather than silently cut.
 */
const noNul = (s: string) => {
  if (s.includes('\u0000')) throw new RangeError('text containing a NUL character cannot be sent to DuckDB');
  return s;
};

export const duckdb: SqlDialect = {
  name: 'duckdb',
  fold: DUCKDB_FOLD,
  identifier: (name) => `"${noNul(name).replace(/"/g, '""')}"`,
  string: (value) => `'${noNul(value).replace(/'/g, "''")}'`,
  functions: {
    toFloat64: ([x]) => `CAST(${x} AS DOUBLE)`,
    textOf: ([x]) => `CAST(${x} AS VARCHAR)`,
    textOfFixed: ([x]) => `rtrim(CAST(${x} AS VARCHAR), chr(0))`,
    enumName: ([x]) => `CAST(${x} AS VARCHAR)`,
    normZero: ([x]) => `(${x} + 0)`,
    finiteOrNull: ([x]) => `(CASE WHEN isfinite(${x}) THEN ${x} END)`,
    lower: ([x]) => `lower(${x})`,
    upper: ([x]) => `upper(${x})`,
    // UTF-16 units, as Excel's LEN: code points plus the supplementary ones again.
    lengthText: ([x]) => `(length(${x}) + length(regexp_replace(${x}, '[^\\x{10000}-\\x{10FFFF}]', '', 'g')))`,
    trimSpaces: ([x]) => `regexp_replace(regexp_replace(${x}, ' +', ' ', 'g'), '^ | $', '', 'g')`,
    concat: (xs) => `concat(${xs.join(', ')})`,
    floor: ([x]) => `floor(${x})`,
    sqrt: ([x]) => `sqrt(${x})`,
    isFinite: ([x]) => `isfinite(${x})`,
    numberKeyText: ([x]) => `coalesce(CAST(${x} AS VARCHAR), '')`,
    abs: ([x]) => `abs(${x})`,
    year: ([x]) => `year(${x})`,
    quarter: ([x]) => `quarter(${x})`,
    month: ([x]) => `month(${x})`,
    day: ([x]) => `day(${x})`,
    isoWeek: ([x]) => `weekofyear(${x})`,
    weekdayMonday: ([x]) => `isodow(${x})`,
    serialOfDate: ([x]) => `(CAST(${x} - DATE '1899-12-30' AS DOUBLE))`,
    serialOfDateTime: ([x]) => `(epoch(${x}) / 86400 + 25569)`,
    ifNull: ([x, y]) => `coalesce(${x}, ${y})`,
    startsWith: ([h, n]) => `starts_with(${h}, ${n})`,
    endsWith: ([h, n]) => `ends_with(${h}, ${n})`,
    contains: ([h, n]) => `contains(${h}, ${n})`,
    arrayElement: ([a, i]) => `coalesce((${a})[${i}], 0)`,
    arrayLength: ([a]) => `len(${a})`,
    toIndex: ([x]) => `CAST(floor(${x}) AS BIGINT)`,
    matchesClass: ([x, p]) => `regexp_matches(${x}, ${p})`,
    nonAscii: ([x]) => `(strlen(${x}) != length(${x}))`,
    toCount: ([x]) => `CAST(${x} AS BIGINT)`,
  },
  aggregates: {
    count: ([x]) => `count(${x})`,
    countRows: () => 'count(*)',
    countIf: ([c]) => `count_if(${c})`,
    sum: ([x]) => `sum(${x})`,
    min: ([x]) => `min(${x})`,
    max: ([x]) => `max(${x})`,
    uniqExact: ([x]) => `count(DISTINCT ${x})`,
    uniqExactIf: ([x, c]) => `count(DISTINCT ${x}) FILTER (WHERE ${c})`,
    varSamp: ([x]) => `var_samp(${x})`,
    varPop: ([x]) => `var_pop(${x})`,
    stddevSamp: ([x]) => `stddev_samp(${x})`,
    stddevPop: ([x]) => `stddev_pop(${x})`,
    sortedValues: ([x]) => `list_sort(list(${x}) FILTER (WHERE ${x} IS NOT NULL))`,
    minText: ([x]) => `min(${x})`,
    // Corrected two-pass, as on ClickHouse; the lambda parameter is a name no column can take.
    anyTrue: ([c]) => `CAST(coalesce(bool_or(${c}), false) AS BIGINT)`,
    centeredSquares: ([x], { lambda: p }) => `list_sum(list_transform(list(${x}) FILTER (WHERE ${x} IS NOT NULL), ${p} -> (${p} - sum(${x}) / count(${x})) * (${p} - sum(${x}) / count(${x}))))`,
    centeredSum: ([x], { lambda: p }) => `list_sum(list_transform(list(${x}) FILTER (WHERE ${x} IS NOT NULL), ${p} -> ${p} - sum(${x}) / count(${x})))`,
  },
  subnormal: (text) => `CAST('${text}' AS DOUBLE)`,
  nullOf: (type) => (type === 'number' ? 'CAST(NULL AS DOUBLE)' : 'CAST(NULL AS VARCHAR)'),
  nullableNumber: (x) => `CAST(${x} AS DOUBLE)`,
  inSubquery: (x, q) => `(${x} IN (${q}))`,
};
