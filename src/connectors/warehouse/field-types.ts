/**
 * ClickHouse column types → the field types the query builder and the engine know. The mapping
 * is by the type's name after unwrapping Nullable(…) and LowCardinality(…).
 */

/** Our field types (the builder's badges): dates arrive as Excel serial numbers. */
export type WarehouseFieldType = 'number' | 'date' | 'text' | 'logical';

export interface WarehouseField {
  name: string;
  type: WarehouseFieldType;
  /** The server's own type name, e.g. "Nullable(Float64)" (shown as a hint; used by the SQL planner). */
  serverType: string;
  nullable: boolean;
}

/**
 * Longest type name PivotDeck reads. Type names come from the server, which may be hostile;
 * real ones are short, and each unwrapping step below costs the name's length.
 */
export const MAX_TYPE_NAME = 1000;

/** Strips Nullable(…) and LowCardinality(…), in any nesting (names over MAX_TYPE_NAME are left as they are). */
export function baseType(serverType: string): { base: string; nullable: boolean } {
  let t = serverType.trim();
  if (t.length > MAX_TYPE_NAME) return { base: t, nullable: false };
  let nullable = false;
  for (;;) {
    const m = /^(Nullable|LowCardinality)\((.*)\)$/.exec(t);
    if (!m) break;
    if (m[1] === 'Nullable') nullable = true;
    t = m[2].trim();
  }
  return { base: t, nullable };
}

/**
 * The field type for a ClickHouse column type, or undefined when PivotDeck cannot use it
 * (arrays, tuples, maps, aggregate states): such columns are left out of the field list.
 * @example fieldTypeOf('Nullable(Float64)') // 'number'
 * @example fieldTypeOf('DateTime') // 'date'
 * @example fieldTypeOf('Array(String)') // undefined
 */
export function fieldTypeOf(serverType: string): WarehouseFieldType | undefined {
  if (serverType.length > MAX_TYPE_NAME) return undefined;
  const { base } = baseType(serverType);
  if (/^(U?Int(8|16|32|64|128|256)|Float(32|64)|Decimal(32|64|128)?\(.*\))$/.test(base)) return 'number';
  if (/^(Date|Date32|DateTime(64)?(\(.*\))?)$/.test(base)) return 'date';
  if (/^Bool(ean)?$/.test(base)) return 'logical';
  if (/^(String|FixedString\(\d+\)|UUID|IPv4|IPv6|Enum(8|16)?\(.*\))$/.test(base)) return 'text';
  return undefined;
}

/**
 * Fields from `name, type` pairs (system.columns or DESCRIBE), in table order; unusable types are
 * returned separately so the pane can say which columns were left out and why.
 * @example describeWarehouseFields([['delay', 'Int32'], ['tags', 'Array(String)']]).fields[0].type // 'number'
 */
export function describeWarehouseFields(columns: ReadonlyArray<readonly [string, string]>): { fields: WarehouseField[]; skipped: { name: string; serverType: string }[] } {
  const fields: WarehouseField[] = [];
  const skipped: { name: string; serverType: string }[] = [];
  for (const [name, serverType] of columns) {
    const type = fieldTypeOf(serverType);
    if (type) fields.push({ name, type, serverType, nullable: baseType(serverType).nullable });
    else skipped.push({ name, serverType });
  }
  return { fields, skipped };
}
