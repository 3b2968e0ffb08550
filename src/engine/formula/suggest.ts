/**
 * "Did you mean" suggestions, bounded so hostile input stays cheap: a workbook can hold thousands
 * of fields with names thousands of characters long. Only the first SUGGEST_MAX_CANDIDATES
 * candidates are looked at, names are compared on their first SUGGEST_COMPARED_CHARS characters,
 * and the edit distance runs in a band of width 2·max+1 with an early exit, so one call costs at
 * most candidates × chars × (2·max+1) steps whatever the input.
 */

/** Candidates looked at per call: as many as an Excel sheet has columns. */
export const SUGGEST_MAX_CANDIDATES = 16_384;
/** Characters of each name that take part in the comparison. */
export const SUGGEST_COMPARED_CHARS = 64;
/** Largest edit distance still worth suggesting. */
const MAX_DISTANCE = 8;

/**
 * Levenshtein distance of a and b, or max + 1 as soon as it must exceed max. Only cells within
 * `max` of the diagonal are computed (a cell further out is already more than max edits away).
 */
function distance(a: string, b: string, max: number, prev: Int32Array, cur: Int32Array): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  const big = max + 1;
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 ? (i <= max ? i : big) : big;
    let best = cur[lo - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v > big ? big : v;
      if (v < best) best = v;
    }
    if (hi < m) cur[hi + 1] = big;
    if (best > max) return big;
    prev.set(cur.subarray(0, m + 1));
  }
  return Math.min(prev[m], big);
}

/**
 * The closest candidates to a misspelt name (case-insensitive), best first.
 * @example suggest('MEDIN', ['MEDIAN', 'MIN', 'MAX']) // ['MEDIAN']
 * @example suggest('revenu', ['Revenue', 'Region']) // ['Revenue']
 */
export function suggest(name: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = name.slice(0, SUGGEST_COMPARED_CHARS).toLowerCase();
  const max = Math.min(MAX_DISTANCE, Math.max(1, Math.floor(wanted.length / 3)));
  const prev = new Int32Array(SUGGEST_COMPARED_CHARS + 2);
  const cur = new Int32Array(SUGGEST_COMPARED_CHARS + 2);
  const found: Array<{ c: string; d: number }> = [];
  const count = Math.min(candidates.length, SUGGEST_MAX_CANDIDATES);
  for (let k = 0; k < count; k++) {
    const c = candidates[k];
    if (typeof c !== 'string') continue;
    const lc = c.slice(0, SUGGEST_COMPARED_CHARS).toLowerCase();
    const prefix = lc.startsWith(wanted) || wanted.startsWith(lc);
    const d = prefix ? Math.min(1, distance(wanted, lc, max, prev, cur)) : distance(wanted, lc, max, prev, cur);
    if (d <= max) found.push({ c, d });
  }
  return found
    .sort((x, y) => x.d - y.d || x.c.length - y.c.length)
    .slice(0, limit)
    .map((x) => x.c);
}
