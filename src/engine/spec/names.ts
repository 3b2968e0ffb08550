/**
 * Names a query may not give to what it creates (derived fields, lookup columns,
 * measure ids): every own property of Object.prototype (`__proto__`,
 * `constructor`, `toString`, ...). Columns that already carry such names (from a
 * sheet or a source) work everywhere: the engine keeps them in Maps and
 * null-prototype stores (see compile/column-table); ids and new names stay clear
 * of them because code outside the engine may still key plain objects by them.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Is `name` unsafe as a column name?
 * @example isReservedName('__proto__') // true
 * @example isReservedName('Revenue') // false
 */
export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.has(name);
}
