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
import { call, col, type SqlExpr } from './ast';

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

/** How a column's cells become text: as stored, through toString, or without FixedString's NUL padding. */
type TextRead = 'plain' | 'toString' | 'cutZero';

function unwrap(type: string): string {
  let t = type.trim();
  for (;;) {
    const m = /^(Nullable|LowCardinality)\((.*)\)$/i.exec(t);
    if (!m) return t;
    t = m[2].trim();
  }
}

function readOf(type: string): { kind: ColumnKind; text?: TextRead } | undefined {
  const t = unwrap(type);
  const u = t.toUpperCase();
  if (/^U?INT(8|16|32|64|128|256)?$/.test(u) || /^FLOAT(32|64)$/.test(u) || /^DECIMAL(32|64|128|256)?\(.*\)$/.test(u) || u === 'DECIMAL') return { kind: 'number' };
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DOUBLE|REAL|FLOAT|NUMERIC)$/.test(u)) return { kind: 'number' };
  if (/^(STRING|VARCHAR|TEXT)$/.test(u)) return { kind: 'text', text: 'plain' };
  if (/^FIXEDSTRING\(\s*\d+\s*\)$/.test(u)) return { kind: 'text', text: 'cutZero' };
  if (/^(UUID|IPV4|IPV6)$/.test(u) || /^ENUM(8|16)?\(.*\)$/.test(u)) return { kind: 'text', text: 'toString' };
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
  kind: 'number' | 'text';
  /** Number (dates: Excel serial) or text; NULL (and '' for text) is blank. */
  value: SqlExpr;
  /** Date columns: the column itself, for YEAR/MONTH/… on the server's own calendar functions. */
  date?: SqlExpr;
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
      const value = read.text === 'toString' ? call('textOf', ref) : read.text === 'cutZero' ? call('textOfFixed', ref) : ref;
      out.push({ name: c.name, kind: 'text', value });
    } else if (read.kind === 'number') out.push({ name: c.name, kind: 'number', value: call('toFloat64', ref) });
    else out.push({ name: c.name, kind: 'number', value: call(read.kind === 'date' ? 'serialOfDate' : 'serialOfDateTime', ref), date: ref });
  }
  return out;
}
