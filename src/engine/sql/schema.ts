/**
 * The warehouse table as the compiler sees it: column names and server types (from DESCRIBE TABLE
 * or system.columns), mapped to how PivotDeck reads each column: numbers, text, or dates (which
 * come back as Excel serial numbers, like dates read from a sheet).
 *
 * Every type ClickHouse 18.16's DESCRIBE can return is either read or left out (never half-read):
 * - numbers: (U)Int8…256, Float32/64, Decimal(P, S)/Decimal32/64/128(S), read as Float64;
 * - text: String as is; FixedString(N) without the NUL bytes that pad it (toStringCutToZero);
 *   Enum8/Enum16 as the value's name, UUID (and IPv4/IPv6 of later servers) as their text form;
 * - dates: Date, and DateTime with or without a zone, read as the wall-clock time the server shows
 *   for the column (its own zone, else the server's), the same clock YEAR/MONTH/DAY read;
 * - Nullable(…) and LowCardinality(…) are unwrapped (NULL is blank);
 * - arrays, tuples, maps, nested columns, aggregate states, Nothing, intervals: left out.
 */
import { call, col, lit, type SqlExpr } from './ast';

export interface WarehouseColumn {
  name: string;
  /** Server type as text, e.g. "Nullable(Float64)", "DateTime", "LowCardinality(String)", "BIGINT". */
  type: string;
}

export interface WarehouseSchema {
  database?: string;
  table: string;
  columns: WarehouseColumn[];
}

export type ColumnKind = 'number' | 'text' | 'date' | 'datetime';

/**
 * How a column's cells become text: as stored, through toString, without FixedString's NUL
 * padding, or (a Nullable Enum, whose NULL rows toString refuses) through its value → name table.
 */
type TextRead = 'plain' | 'toString' | 'cutZero' | 'enumTable';

function unwrap(type: string): { base: string; nullable: boolean } {
  let t = type.trim();
  let nullable = false;
  for (;;) {
    const m = /^(Nullable|LowCardinality)\((.*)\)$/i.exec(t);
    if (!m) return { base: t, nullable };
    if (/^nullable$/i.test(m[1])) nullable = true;
    t = m[2].trim();
  }
}

/**
 * The value → name pairs of an Enum type, e.g. Enum8('a' = 1, 'it\'s' = 2); undefined when the
 * text is not such a list. Names become escaped literals and values numbers: never SQL text.
 * @example enumPairs("Enum8('a' = 1, 'B' = -2)") // [[1, 'a'], [-2, 'B']]
 */
export function enumPairs(type: string): Array<[number, string]> | undefined {
  const m = /^Enum(?:8|16)?\((.*)\)$/i.exec(type.trim());
  if (!m) return undefined;
  const out: Array<[number, string]> = [];
  const item = /\s*'((?:[^'\\]|\\.)*)'\s*=\s*(-?\d+)\s*(,|$)/y;
  let at = 0;
  while (at < m[1].length) {
    item.lastIndex = at;
    const x = item.exec(m[1]);
    if (!x) return undefined;
    out.push([Number(x[2]), x[1].replace(/\\(.)/g, '$1')]);
    at = item.lastIndex;
  }
  return out.length ? out : undefined;
}

function readOf(type: string): { kind: ColumnKind; text?: TextRead; enum?: Array<[number, string]> } | undefined {
  const { base: t, nullable } = unwrap(type);
  const u = t.toUpperCase();
  if (/^U?INT(8|16|32|64|128|256)?$/.test(u) || /^FLOAT(32|64)$/.test(u) || /^DECIMAL(32|64|128|256)?\(.*\)$/.test(u) || u === 'DECIMAL') return { kind: 'number' };
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DOUBLE|REAL|FLOAT|NUMERIC)$/.test(u)) return { kind: 'number' };
  if (/^(STRING|VARCHAR|TEXT)$/.test(u)) return { kind: 'text', text: 'plain' };
  if (/^FIXEDSTRING\(\s*\d+\s*\)$/.test(u)) return { kind: 'text', text: 'cutZero' };
  if (/^(UUID|IPV4|IPV6)$/.test(u)) return { kind: 'text', text: 'toString' };
  if (/^ENUM(8|16)?\(.*\)$/.test(u)) {
    if (!nullable) return { kind: 'text', text: 'toString' };
    // toString of a NULL row reads the enum's default 0, which is not a value ("Unexpected value 0").
    const pairs = enumPairs(t);
    return pairs ? { kind: 'text', text: 'enumTable', enum: pairs } : undefined;
  }
  if (u === 'DATE' || u === 'DATE32') return { kind: 'date' };
  if (/^DATETIME(64)?(\(.*\))?$/.test(u) || /^TIMESTAMP( WITH TIME ZONE)?$/.test(u)) return { kind: 'datetime' };
  return undefined;
}

/**
 * How a server type is read, or undefined for types PivotDeck does not read (arrays, maps…).
 * @example columnKind('Nullable(Int32)') // 'number'
 * @example columnKind('LowCardinality(String)') // 'text'
 * @example columnKind("Enum8('a' = 1)") // 'text'
 * @example columnKind("DateTime('Asia/Tokyo')") // 'datetime'
 * @example columnKind('Array(String)') // undefined
 */
export function columnKind(type: string): ColumnKind | undefined {
  return readOf(type)?.kind;
}

/** A field as the compiler uses it: an Excel-value expression and, for dates, the native column. */
export interface TypedField {
  name: string;
  /** 'bool': a TRUE/FALSE derived field (a SQL condition; NULL is blank). */
  kind: 'number' | 'text' | 'bool';
  /** Number (dates: Excel serial) or text; NULL (and '' for text) is blank. */
  value: SqlExpr;
  /** Date columns: the column itself, for YEAR/MONTH/… on the server's own calendar functions. */
  date?: SqlExpr;
  /** Derived fields: where the value is an Excel error (see RowValue.err in compile-row.ts). */
  err?: SqlExpr;
}

/**
 * The fields of a warehouse table, by name (the query builder's field list).
 * @example fieldsFromSchema({ table: 't', columns: [{ name: 'd', type: 'Date' }] })[0].kind // 'number'
 */
export function fieldsFromSchema(schema: WarehouseSchema): TypedField[] {
  const out: TypedField[] = [];
  for (const c of schema.columns) {
    const read = readOf(c.type);
    if (!read) continue;
    const ref = col(c.name);
    if (read.kind === 'text') {
      const value =
        read.text === 'toString' ? call('textOf', ref)
        : read.text === 'cutZero' ? call('textOfFixed', ref)
        : read.text === 'enumTable' ? call('enumName', ref, ...read.enum!.flatMap(([v, n]) => [lit(v), lit(n)]))
        : ref;
      out.push({ name: c.name, kind: 'text', value });
    } else if (read.kind === 'number') out.push({ name: c.name, kind: 'number', value: call('toFloat64', ref) });
    else out.push({ name: c.name, kind: 'number', value: call(read.kind === 'date' ? 'serialOfDate' : 'serialOfDateTime', ref), date: ref });
  }
  return out;
}
