/**
 * Names that must never become column or output names: every own property of
 * Object.prototype (`__proto__`, `constructor`, `toString`, ...). Arquero 8
 * cannot hold a `__proto__` column, and a missing `constructor` column looks
 * like a function on a plain object, so such names are refused in specs and
 * renamed when tables are built from Excel headers.
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
