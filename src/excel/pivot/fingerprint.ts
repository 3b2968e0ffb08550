import { fnv1a } from '../../engine/values/fnv1a';

/**
 * A short, stable hash of plain data (two 32-bit FNV-1a passes with different seeds, 16 hex
 * digits). Used to notice that a pivot or its source changed, not for security: the workbook
 * keeps the hash, never the data. -0 and 0 hash alike (Excel shows them alike); NaN/Infinity keep
 * their own text so they differ from null.
 *
 * @example fingerprint([['North', 150]]) === fingerprint([['North', 150]]); // true
 */
export function fingerprint(data: unknown): string {
  const text = JSON.stringify(data, (_key, value: unknown) => {
    if (typeof value === 'number') {
      if (Object.is(value, -0)) return 0;
      if (!Number.isFinite(value)) return `#num:${String(value)}`;
    }
    return value;
  }) ?? 'undefined';
  return fnv1a(text) + fnv1a(text, 0x01000193 ^ 0x5bd1e995);
}
