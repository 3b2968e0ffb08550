import { ColumnTable } from 'arquero';
import { type ColumnLike, columnValues } from './column-values';

/**
 * Arquero tables whose column names may be any text. `aq.table()`, `assign()` and `reify()` copy
 * columns into plain `{}` objects, where a column named `__proto__` replaces the object's
 * prototype instead of becoming a column (every row is lost) and a missing `constructor` column
 * reads as Object's constructor. The ColumnTable constructor itself keeps own properties, so these
 * helpers build its data on a null-prototype object and never go through those verbs.
 */

type Columns = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

/** Minimal view of an Arquero table that we read from. */
type Readable = {
  columnNames(): string[];
  column(name: string): unknown;
  numRows(): number;
  isFiltered(): boolean;
  indices(): ArrayLike<number>;
};

/**
 * A table over `columns` (a Map, or an object read through its own properties only), in the
 * order of `names` (default: the Map's or object's own order). Every column needs the same length.
 * @example columnTable(new Map([['__proto__', [1, 2]], ['constructor', ['a', 'b']]])).numRows() // 2
 */
export function columnTable(columns: Columns, names?: readonly string[]): ColumnTable {
  const isMap = columns instanceof Map;
  const order = names ? names.slice() : isMap ? [...columns.keys()] : Object.keys(columns);
  const data: Record<string, unknown> = Object.create(null);
  for (const name of order) {
    const has = isMap ? columns.has(name) : Object.hasOwn(columns, name);
    if (!has) throw new Error(`Internal error: no data for column ${JSON.stringify(name.slice(0, 80))}`);
    data[name] = isMap ? columns.get(name) : (columns as Record<string, unknown>)[name];
  }
  return new ColumnTable(data as ConstructorParameters<typeof ColumnTable>[0], order);
}

/**
 * The same columns with the filter applied (only the kept rows, in order); unfiltered tables as
 * they are. Replaces Arquero's `reify()`, which loses a `__proto__` column.
 * @example materialize(table.filter(...)).numRows()
 */
export function materialize<T extends Readable>(table: T): T | ColumnTable {
  if (!table.isFiltered()) return table;
  const rows = table.indices();
  const out = new Map<string, unknown[]>();
  for (const name of table.columnNames()) {
    const values = columnValues(table.column(name) as ColumnLike);
    out.set(name, Array.from(rows, (r) => values[r]));
  }
  return columnTable(out, table.columnNames());
}

/**
 * `table`'s columns followed by `added` (new names only), as one unfiltered table. Replaces
 * Arquero's `assign()`, which loses a `__proto__` column.
 * @example withColumns(table, new Map([['Margin', margins]]))
 */
export function withColumns(table: Readable, added: ReadonlyMap<string, unknown>): ColumnTable {
  const source = materialize(table);
  const names = source.columnNames();
  const all = new Map<string, unknown>();
  for (const name of names) all.set(name, source.column(name));
  for (const [name, values] of added) {
    if (all.has(name)) throw new Error(`Internal error: column ${JSON.stringify(name.slice(0, 80))} already exists`);
    all.set(name, values);
  }
  return columnTable(all, [...names, ...added.keys()]);
}
