import { CLICKHOUSE_FOLD } from './case-fold';
import type { SqlDialect } from './dialect';

const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Escapes text for a ClickHouse quoted literal or identifier: backslash first (so no later step
 * can produce an escape), then the quote character, then control characters as \xHH.
 * Doubling quotes alone is NOT enough in ClickHouse: `\'` would still end the literal.
 * @example clickhouseEscape("it's a \\ test", "'") // "it\\'s a \\\\ test"
 */
export function clickhouseEscape(text: string, quote: "'" | '`'): string {
  let out = text.replace(/\\/g, '\\\\');
  out = quote === "'" ? out.replace(/'/g, "\\'") : out.replace(/`/g, '\\`');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
  return out.replace(/[\u0000-\u001f\u007f]/g, hex);
}

/**
 * ClickHouse (tested on Debian's 18.16.1 through a Distributed table). Only exact aggregates:
 * no median/quantile (sampled), no *Stable, sumKahan or sumWithOverflow (broken through
 * Distributed tables in this build).
 */
export const clickhouse: SqlDialect = {
  name: 'clickhouse',
  fold: CLICKHOUSE_FOLD,
  identifier: (name) => `\`${clickhouseEscape(name, '`')}\``,
  string: (value) => `'${clickhouseEscape(value, "'")}'`,
  functions: {
    toFloat64: ([x]) => `toFloat64(${x})`,
    textOf: ([x]) => `toString(${x})`,
    textOfFixed: ([x]) => `toStringCutToZero(${x})`,
    enumName: ([x, ...pairs]) => {
      const values = pairs.filter((_, i) => i % 2 === 0);
      const names = pairs.filter((_, i) => i % 2 === 1);
      return `if(isNull(${x}), NULL, transform(assumeNotNull(CAST(${x} AS Nullable(Int16))), [${values.join(', ')}], [${names.join(', ')}], ''))`;
    },
    normZero: ([x]) => `(${x} + 0)`,
    finiteOrNull: ([x]) => `if(isFinite(${x}), ${x}, NULL)`,
    lower: ([x]) => `lowerUTF8(${x})`,
    upper: ([x]) => `upperUTF8(${x})`,
    // Excel's LEN counts UTF-16 units (an emoji is 2): code points, plus one per supplementary code point
    // (each is 4 UTF-8 bytes).
    lengthText: ([x]) => `(lengthUTF8(${x}) + intDiv(length(${x}) - length(replaceRegexpAll(${x}, '[\\\\x{10000}-\\\\x{10FFFF}]', '')), 4))`,
    trimSpaces: ([x]) => `replaceRegexpAll(replaceRegexpAll(${x}, ' +', ' '), '^ | $', '')`,
    concat: (xs) => `concat(${xs.join(', ')})`,
    floor: ([x]) => `floor(${x})`,
    sqrt: ([x]) => `sqrt(${x})`,
    isFinite: ([x]) => `isFinite(${x})`,
    numberKeyText: ([x]) => `ifNull(toString(${x}), '')`,
    abs: ([x]) => `abs(${x})`,
    year: ([x]) => `toYear(${x})`,
    quarter: ([x]) => `toQuarter(${x})`,
    month: ([x]) => `toMonth(${x})`,
    day: ([x]) => `toDayOfMonth(${x})`,
    isoWeek: ([x]) => `toISOWeek(${x})`,
    weekdayMonday: ([x]) => `toDayOfWeek(${x})`,
    serialOfDate: ([x]) => `(toFloat64(toUInt16(${x})) + 25569)`,
    // The wall clock the server shows for the column (its own zone, else the server's), the clock
    // toYear/toMonth/… read: whole seconds since 1970-01-01 on that clock, then days.
    serialOfDateTime: ([x]) =>
      `(toFloat64(toUInt64(toUInt16(toDate(${x}))) * 86400 + toUInt32(toHour(${x})) * 3600 + toUInt32(toMinute(${x})) * 60 + toUInt32(toSecond(${x}))) / 86400 + 25569)`,
    ifNull: ([x, y]) => `ifNull(${x}, ${y})`,
    startsWith: ([h, n]) => `startsWith(${h}, ${n})`,
    endsWith: ([h, n]) => `endsWith(${h}, ${n})`,
    contains: ([h, n]) => `(position(${h}, ${n}) > 0)`,
    arrayElement: ([a, i]) => `arrayElement(${a}, ${i})`,
    arrayLength: ([a]) => `length(${a})`,
    toIndex: ([x]) => `toUInt64(floor(${x}))`,
    matchesClass: ([x, p]) => `match(${x}, ${p})`,
    nonAscii: ([x]) => `(lengthUTF8(${x}) != length(${x}))`,
    toCount: ([x]) => `toUInt64(${x})`,
  },
  aggregates: {
    count: ([x]) => `count(${x})`,
    countRows: () => 'count()',
    countIf: ([c]) => `countIf(${c})`,
    sum: ([x]) => `sum(${x})`,
    min: ([x]) => `min(${x})`,
    max: ([x]) => `max(${x})`,
    uniqExact: ([x]) => `uniqExact(${x})`,
    uniqExactIf: ([x, c]) => `uniqExactIf(${x}, ${c})`,
    varSamp: ([x]) => `varSamp(${x})`,
    varPop: ([x]) => `varPop(${x})`,
    stddevSamp: ([x]) => `stddevSamp(${x})`,
    stddevPop: ([x]) => `stddevPop(${x})`,
    sortedValues: ([x]) => `arraySort(groupArray(${x}))`,
    minText: ([x]) => `min(${x})`,
    // Corrected two-pass over the group's numbers; the lambda reads only its own parameters, so no
    // column name can be captured by it. groupArray skips NULLs, as count does.
    centeredSquares: ([x]) => `arraySum(arrayMap((p, q) -> assumeNotNull((p - q) * (p - q)), groupArray(${x}), arrayResize(emptyArrayFloat64(), count(${x}), assumeNotNull(sum(${x}) / count(${x})))))`,
    anyTrue: ([c]) => `toUInt64(max(${c}))`,
    centeredSum: ([x]) => `arraySum(arrayMap((p, q) -> assumeNotNull(p - q), groupArray(${x}), arrayResize(emptyArrayFloat64(), count(${x}), assumeNotNull(sum(${x}) / count(${x})))))`,
  },
  // 18.16's parser refuses 1e-310 as a literal ("syntax error"); the conversion function reads it.
  subnormal: (text) => `toFloat64('${text}')`,
  nullOf: (type) => (type === 'number' ? 'CAST(NULL AS Nullable(Float64))' : 'CAST(NULL AS Nullable(String))'),
  nullableNumber: (x) => `toNullable(toFloat64(${x}))`,
  // The subquery runs once on the initiator and its result is shipped to the shards.
  inSubquery: (x, q) => `(${x} GLOBAL IN (${q}))`,
};
