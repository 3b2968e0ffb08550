import type { Filter } from '../spec/filters';

/**
 * The filter that keeps exactly the rows of one pivot item: `field IN (item)`. The `in` filter
 * matches items the way the query grouped them (text ignoring case, 1 and "1" apart, -0 as 0, a
 * blank item — null — matching empty cells), so the drilled rows are the group's rows. Date-part
 * and bin items need nothing special: the field is the query's derived field, which the drill
 * keeps, so `Year IN (2025)` reads the same derived column the grid was grouped by.
 * @example itemFilter('Region', 'West') // { kind: 'in', field: 'Region', values: ['West'] }
 * @example itemFilter('Region', null) // { kind: 'in', field: 'Region', values: [null] }
 */
export function itemFilter(field: string, item: unknown): Filter {
  return { kind: 'in', field, values: [toItem(item)] };
}

function toItem(v: unknown): string | number | boolean | null {
  if (v == null || v === '') return null;
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
