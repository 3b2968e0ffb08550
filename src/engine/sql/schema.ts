/**
 * The warehouse table as the compiler sees it: column names and server types (from DESCRIBE TABLE
 * or system.columns), mapped to how PivotDeck reads each column: numbers, text, or dates (which
 * come back as Excel serial numbers, like dates read from a sheet).
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

/**
 * How a server type is read, or undefined for types PivotDeck does not read (arrays, maps…).
 * @example columnKind('Nullable(Int32)') // 'number'
 * @example columnKind('LowCardinality(String)') // 'text'
 * @example columnKind('DateTime') // 'datetime'
 */
export function columnKind(type: string): ColumnKind | undefined {
  let t = type.trim();
  for (;;) {
    const m = /^(Nullable|LowCardinality)\((.*)\)$/i.exec(t);
    if (!m) break;
    t = m[2].trim();
  }
  const u = t.toUpperCase();
  if (/^U?INT(8|16|32|64|128|256)?$/.test(u) || /^FLOAT(32|64)$/.test(u) || /^DECIMAL/.test(u)) return 'number';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DOUBLE|REAL|FLOAT|NUMERIC)$/.test(u)) return 'number';
  if (/^(STRING|FIXEDSTRING\(\d+\)|VARCHAR|TEXT|UUID)$/.test(u) || /^ENUM(8|16)?\(/.test(u)) return 'text';
  if (u === 'DATE' || u === 'DATE32') return 'date';
  if (/^DATETIME(64)?(\(.*\))?$/.test(u) || /^TIMESTAMP( WITH TIME ZONE)?$/.test(u)) return 'datetime';
  return undefined;
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
    const kind = columnKind(c.type);
    if (!kind) continue;
    const ref = col(c.name);
    if (kind === 'text') out.push({ name: c.name, kind: 'text', value: ref });
    else if (kind === 'number') out.push({ name: c.name, kind: 'number', value: call('toFloat64', ref) });
    else out.push({ name: c.name, kind: 'number', value: call(kind === 'date' ? 'serialOfDate' : 'serialOfDateTime', ref), date: ref });
  }
  return out;
}
