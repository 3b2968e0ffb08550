/**
 * Dense group ids per row from dictionary-encoded key columns: the grouping step of a
 * GROUP BY as one Int32Array, in place of per-row keys or a general-purpose hash groupby.
 */

/** One dictionary-encoded key column: a code per row, 0 <= code < labels.length. */
export interface KeyCodes {
  codes: Int32Array;
  /** Only the length is read: the number of different codes (the radix of this key). */
  labels: { readonly length: number };
}

/** Rows mapped to groups. */
export interface GroupIds {
  /** Group id of each row, 0 <= id < groups, numbered in order of first appearance. */
  ids: Int32Array;
  /** Number of groups (1 for a grouping by no key, even over no rows: SQL's grand total). */
  groups: number;
  /** The first row of each group, to read its key labels back: labels[codes[firstRow[g]]]. */
  firstRow: Int32Array;
}

/** Combined keys at most this many (and at most a few per row) use a direct table, not a Map. */
const TABLE_LIMIT = 1 << 22;

/**
 * Group ids for the rows of one or more encoded keys (a composite key is grouped by its full
 * tuple). Ids follow first appearance in row order, as Arquero's groupby numbers its groups, so
 * results line up row for row with the general path.
 *
 * Two keys with few combinations take one pass; otherwise one pass per key: the ids so far
 * times the next key's radix, made dense again through a direct Int32Array table when the
 * product is small (the usual pivot: items × months), else a Map.
 * Products stay below 2^53 because the ids so far are dense (at most n).
 *
 * @example
 * denseGroupIds([{ codes: Int32Array.of(1, 0, 1, 1), labels: ['a', 'b'] }, { codes: Int32Array.of(0, 0, 0, 1), labels: [1, 2] }], 4)
 * // { ids: [0, 1, 0, 2], groups: 3, firstRow: [0, 1, 3] }
 */
export function denseGroupIds(keys: readonly KeyCodes[], n: number): GroupIds {
  if (keys.length === 0) return { ids: new Int32Array(n), groups: 1, firstRow: new Int32Array(1) };
  const product = keys.reduce((p, k) => p * k.labels.length, 1);
  if (keys.length === 2 && product <= TABLE_LIMIT && product <= 4 * n + 4096) return twoKeys(keys[0], keys[1], n, product);
  let ids: Int32Array | null = null;
  let groups = 1;
  let firstRow = new Int32Array(0);
  for (const key of keys) {
    const radix = key.labels.length;
    const next = new Int32Array(n);
    const first: number[] = [];
    const codes = key.codes;
    const size = groups * radix;
    if (size <= TABLE_LIMIT && size <= 4 * n + 4096) {
      const table = new Int32Array(size).fill(-1);
      for (let i = 0; i < n; i++) {
        const combined = ids === null ? codes[i] : ids[i] * radix + codes[i];
        let g = table[combined];
        if (g < 0) {
          g = table[combined] = first.length;
          first.push(i);
        }
        next[i] = g;
      }
    } else {
      const map = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const combined = ids === null ? codes[i] : ids[i] * radix + codes[i];
        let g = map.get(combined);
        if (g === undefined) {
          g = first.length;
          map.set(combined, g);
          first.push(i);
        }
        next[i] = g;
      }
    }
    ids = next;
    groups = first.length;
    firstRow = Int32Array.from(first);
  }
  return { ids: ids!, groups, firstRow };
}

/** The usual pivot (one row field × one column field) with few combinations: one pass, one table. */
function twoKeys(a: KeyCodes, b: KeyCodes, n: number, product: number): GroupIds {
  const table = new Int32Array(product).fill(-1);
  const ids = new Int32Array(n);
  const first: number[] = [];
  const ca = a.codes;
  const cb = b.codes;
  const radix = b.labels.length;
  for (let i = 0; i < n; i++) {
    const combined = ca[i] * radix + cb[i];
    let g = table[combined];
    if (g < 0) {
      g = table[combined] = first.length;
      first.push(i);
    }
    ids[i] = g;
  }
  return { ids, groups: first.length, firstRow: Int32Array.from(first) };
}
