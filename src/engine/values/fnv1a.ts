/**
 * 32-bit FNV-1a of a text (UTF-16 code units), as 8 hex digits: cheap and stable, for telling
 * "changed" from "not changed" (stamps of a pivot, a source, a dashboard's reads), never for
 * security. `seed` other than the FNV offset basis gives an independent second pass.
 *
 * @example fnv1a('') // '811c9dc5'
 * @example fnv1a('a') // 'e40c292c'
 */
export function fnv1a(text: string, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
