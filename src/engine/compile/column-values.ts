/** The column API Arquero exposes for both JS arrays and Arrow-backed columns. */
export interface ColumnLike {
  length: number;
  at(row: number): unknown;
  toArray?(): ArrayLike<unknown>;
}

/**
 * Indexable values of a column: JS arrays and typed arrays as they are,
 * Arrow-backed columns through their own `toArray()` (one copy, no per-row calls).
 * @example columnValues(table.column('Revenue'))
 */
export function columnValues(column: ColumnLike | ArrayLike<unknown>): ArrayLike<unknown> {
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as ArrayLike<unknown>;
  const col = column as ColumnLike;
  if (typeof col.toArray === 'function') return col.toArray();
  return Array.from({ length: col.length }, (_, i) => col.at(i));
}
