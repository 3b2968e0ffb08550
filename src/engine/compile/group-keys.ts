import { compareCodePoints } from '../values/code-point-order';

/**
 * Dictionary-encode group-by columns so grouping works on small integers
 * instead of per-row string keys.
 *
 * Items follow Excel's PivotTable rules: text items match regardless of case
 * (the smallest spelling by code point is the label, as on a warehouse), the number 1 and the text "1" are
 * different items, and every blank ("" or empty) is the one "(blank)" item,
 * labelled null.
 */
export interface EncodedKey {
  /** Code per selected row (compacted: index k is rows[k]). */
  codes: Int32Array;
  /** Label of each code, in first-seen order. */
  labels: unknown[];
}

const BLANK = Symbol('blank');
const SMALL = 4096;

/**
 * @example encodeGroupKey(['North', 'north', '', 'South']).labels // ['North', null, 'South']
 */
export function encodeGroupKey(values: ArrayLike<unknown>, rows?: ArrayLike<number>): EncodedKey {
  const n = rows ? rows.length : values.length;
  const codes = new Int32Array(n);
  const index = new Map<unknown, number>();
  const labels: unknown[] = [];
  // Most key columns repeat a few strings: look the exact string up before lower-casing it.
  const exact = new Map<string, number>();
  // Small whole numbers (months, years, days, bins) skip the Map: a direct table, -1 = not seen.
  const small = new Int32Array(SMALL).fill(-1);
  for (let k = 0; k < n; k++) {
    const v = values[rows ? rows[k] : k];
    if (typeof v === 'number') {
      if (v >= 0 && v < SMALL && (v | 0) === v && !Object.is(v, -0)) {
        let code = small[v];
        if (code < 0) {
          code = index.get(v) ?? labels.length;
          if (code === labels.length) {
            index.set(v, code);
            labels.push(v);
          }
          small[v] = code;
        }
        codes[k] = code;
        continue;
      }
    } else if (typeof v === 'string' && v !== '') {
      const hit = exact.get(v);
      if (hit !== undefined) {
        codes[k] = hit;
        continue;
      }
    }
    const key = v == null || v === '' ? BLANK : typeof v === 'string' ? v.toLowerCase() : v;
    let code = index.get(key);
    if (code === undefined) {
      code = labels.length;
      index.set(key, code);
      // -0 and 0 are one item, labelled 0 (as the warehouse labels it).
      labels.push(key === BLANK ? null : Object.is(v, -0) ? 0 : v);
    } else if (typeof v === 'string' && typeof labels[code] === 'string' && compareCodePoints(v, labels[code] as string) < 0) {
      // A case-insensitive item is labelled with its smallest spelling (the warehouse's min()), not
      // the first seen: a warehouse has no row order. Reached once per new spelling.
      labels[code] = v;
    }
    if (typeof v === 'string' && v !== '') exact.set(v, code);
    codes[k] = code;
  }
  return { codes, labels };
}

/**
 * Combine the first `depth` encoded keys into one number per row (mixed radix),
 * so a multi-field group-by is a single numeric column.
 * @example combineKeys([a, b], 2) // codes a*|b| + b
 */
export function combineKeys(keys: EncodedKey[], depth: number, n: number): Float64Array {
  const out = new Float64Array(n);
  if (depth === 2) {
    // The common pivot shape (one row field × one column field) in one pass.
    const a = keys[0].codes;
    const b = keys[1].codes;
    const radix = keys[1].labels.length;
    for (let i = 0; i < n; i++) out[i] = a[i] * radix + b[i];
    return out;
  }
  for (let d = 0; d < depth; d++) {
    const radix = keys[d].labels.length;
    const codes = keys[d].codes;
    for (let i = 0; i < n; i++) out[i] = out[i] * radix + codes[i];
  }
  return out;
}

/**
 * The labels of a combined code (inverse of combineKeys).
 * @example decodeKey(5, keys, 2) // [labelA, labelB]
 */
export function decodeKey(code: number, keys: EncodedKey[], depth: number): unknown[] {
  const out = new Array(depth);
  for (let d = depth - 1; d >= 0; d--) {
    const radix = keys[d].labels.length;
    const c = code % radix;
    out[d] = keys[d].labels[c];
    code = (code - c) / radix;
  }
  return out;
}
