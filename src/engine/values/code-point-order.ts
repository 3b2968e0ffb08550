/**
 * Text order by Unicode code point, the order of UTF-8 bytes and so of every SQL warehouse's
 * binary collation. JavaScript's `<` compares UTF-16 code units instead, which puts an emoji
 * (a surrogate pair, U+D83D…) before a fullwidth letter (U+FF41) although its code point
 * (U+1F680) is larger: the pane and the warehouse would list such items in different orders.
 */

/** A UTF-16 code unit moved so that surrogates (supplementary code points) sort after U+FFFF. */
const rank = (u: number) => (u < 0xd800 ? u : u <= 0xdfff ? u + 0x2000 : u - 0x800);

/**
 * Negative, zero or positive as `a` comes before, with or after `b` by code point.
 * @example compareCodePoints('ａ', '🚀') // < 0 (U+FF41 before U+1F680; `'ａ' < '🚀'` is false)
 * @example compareCodePoints('a', 'ab') // < 0
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}
