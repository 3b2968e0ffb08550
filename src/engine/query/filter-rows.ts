import type { Filter } from '../spec/filters';
import { compareCodePoints } from '../values/code-point-order';
import { isExcelError } from '../values/errors';
import { itemKey } from './item-key';
import { relativeDateRange } from './relative-date';

/**
 * Row filters (every kind except topN and formula, which need the compiler)
 * as plain predicates over one column's values. Semantics, chosen to match SQL:
 * - comparisons only see cells of the literal's type (a number test never keeps
 *   text, blanks or errors: SQL NULLs never match); text compares ignoring case;
 * - `in` matches items as the pivot groups them (text ignoring case, null = blank);
 * - text filters read text cells, and numbers as Excel's General format shows them;
 * - `exclude` negates the test, except that blanks and errors stay out of
 *   comparisons and text filters (SQL: NOT (x LIKE ...) is still NULL for NULL).
 */
export type RowPredicate = (value: unknown) => boolean;

type Scalar = number | string | boolean;

const typeOf = (v: unknown) => (typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : typeof v === 'string' && v !== '' && !isExcelError(v) ? 's' : null);

/** Same-type comparison: negative/zero/positive, or null when the types differ (no match). */
function compareSameType(cell: unknown, lit: Scalar): number | null {
  const t = typeOf(cell);
  if (t === null || t !== typeOf(lit)) return null;
  if (t === 's') {
    // By code point, as a warehouse compares text (UTF-16 units would put an emoji before U+FF41).
    const c = compareCodePoints((cell as string).toLowerCase(), (lit as string).toLowerCase());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  const a = Number(cell);
  const b = Number(lit);
  return a < b ? -1 : a > b ? 1 : 0;
}

const OPS: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

/** Text of a cell for text filters: text as is, numbers in General format; others none. */
function cellText(v: unknown): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : null;
  return typeOf(v) === 's' ? (v as string) : null;
}

/**
 * The predicate of a filter (not topN/formula), keeping a row when it returns true.
 * @example filterPredicate({ kind: 'between', field: 'x', low: 1, high: 3 })(2) // true
 * @example filterPredicate({ kind: 'text', field: 'x', match: 'startsWith', value: 'no' })('North') // true
 */
export function filterPredicate(f: Exclude<Filter, { kind: 'topN' | 'formula' }>): RowPredicate {
  switch (f.kind) {
    case 'in': {
      const keys = new Set(f.values.map(itemKey));
      return f.exclude ? (v) => !keys.has(itemKey(v)) : (v) => keys.has(itemKey(v));
    }
    case 'compare': {
      const test = OPS[f.op];
      return (v) => {
        const c = compareSameType(v, f.value);
        return c !== null && test(c);
      };
    }
    case 'between':
      return (v) => {
        const lo = compareSameType(v, f.low);
        const hi = compareSameType(v, f.high);
        if (lo === null || hi === null) return false;
        const inside = lo >= 0 && hi <= 0;
        return f.exclude ? !inside : inside;
      };
    case 'text': {
      const needle = f.caseSensitive ? f.value : f.value.toLowerCase();
      const match =
        f.match === 'contains'
          ? (s: string) => s.includes(needle)
          : f.match === 'startsWith'
            ? (s: string) => s.startsWith(needle)
            : (s: string) => s.endsWith(needle);
      return (v) => {
        const t = cellText(v);
        if (t === null) return false;
        const hit = match(f.caseSensitive ? t : t.toLowerCase());
        return f.exclude ? !hit : hit;
      };
    }
    case 'blank':
      return f.blank ? (v) => v == null || v === '' : (v) => !(v == null || v === '');
    case 'relativeDate': {
      const { start, end } = relativeDateRange(f);
      return (v) => typeof v === 'number' && v >= start && v < end;
    }
  }
}

/**
 * Is a row formula's value a kept row? TRUE, a non-zero number or the text
 * "TRUE" (Excel's logical coercion); blanks, other text and errors drop the row.
 * @example isTruthy(1) // true
 * @example isTruthy('#N/A') // false
 */
export function isTruthy(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v === 'number') return v !== 0 && v === v;
  return typeof v === 'string' && v.toUpperCase() === 'TRUE';
}
