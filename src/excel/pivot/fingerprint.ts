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
  return fnv(text, 0x811c9dc5) + fnv(text, 0x01000193 ^ 0x5bd1e995);
}

function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
