/**
 * Items of row/column fields follow Excel's pivot rules (as encodeGroupKey):
 * text matches ignoring case, 1 and "1" differ, every blank is one item.
 */
import { compareCodePoints } from '../values/code-point-order';

const BLANK_KEY = '\u0000b';

/**
 * A string that is equal for two cell values exactly when they are the same item.
 * @example itemKey('North') === itemKey('NORTH') // true
 * @example itemKey(1) === itemKey('1') // false
 */
export function itemKey(v: unknown): string {
  if (v == null || v === '') return BLANK_KEY;
  switch (typeof v) {
    case 'string':
      return `s${v.toLowerCase()}`;
    case 'number':
      return `n${Object.is(v, -0) ? 0 : v}`;
    case 'boolean':
      return v ? 'bT' : 'bF';
    default:
      return `o${String(v)}`;
  }
}

const SEPARATOR = '\u0001';
const ESCAPE = '\u0002';

/**
 * A key for a tuple of items (a group's labels). Items are joined with \u0001; a \u0001 or
 * \u0002 inside an item (data can hold any character) is escaped with \u0002, so two different
 * tuples never share a key.
 * @example tupleKey(['N', 2024]) === tupleKey(['n', 2024]) // true
 * @example tupleKey(['a\u0001sb', 'c']) === tupleKey(['a', 'b\u0001sc']) // false
 */
export function tupleKey(labels: readonly unknown[]): string {
  let s = '';
  for (let i = 0; i < labels.length; i++) {
    const key = itemKey(labels[i]);
    s += (i ? SEPARATOR : '') + (key.includes(SEPARATOR) || key.includes(ESCAPE) ? key.replaceAll(ESCAPE, ESCAPE + ESCAPE).replaceAll(SEPARATOR, ESCAPE + SEPARATOR) : key);
  }
  return s;
}

/**
 * Excel's order of items: numbers, then text (ignoring case, by code point as the warehouse orders
 * it), then logicals; blank always last.
 */
function typeRank(v: unknown): number {
  if (v == null || v === '') return 3;
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/**
 * Compare two item labels in ascending order (blank stays last when `descending`).
 * @example [3, 'b', null, 'A', 1].sort(compareItems) // [1, 3, 'A', 'b', null]
 */
export function compareItems(a: unknown, b: unknown, descending = false): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra === 3 || rb === 3) return ra - rb;
  let c: number;
  if (ra !== rb) c = ra - rb;
  else if (ra === 1) c = compareCodePoints((a as string).toLowerCase(), (b as string).toLowerCase());
  else c = Number(a) - Number(b);
  return descending ? -c : c;
}
