/**
 * "Did you mean" suggestions, bounded so hostile input stays cheap: a workbook can hold thousands
 * of fields with names thousands of characters long. Names are compared on their first
 * SUGGEST_COMPARED_CHARS characters, the edit distance runs in a band of width 2·max+1 with an
 * early exit, and one call stops looking once it has spent SUGGEST_MAX_WORK steps or seen
 * SUGGEST_MAX_CANDIDATES candidates, so a call costs a few milliseconds whatever the input.
 */

/** Candidates looked at per call: as many as an Excel sheet has columns. */
export const SUGGEST_MAX_CANDIDATES = 16_384;
/** Characters of each name that take part in the comparison (a field name has at most 255). */
export const SUGGEST_COMPARED_CHARS = 256;
/** Edit-distance steps one call may spend; candidates past that are not looked at. */
export const SUGGEST_MAX_WORK = 16_000_000;
/** Largest edit distance still worth suggesting. */
const MAX_DISTANCE = 8;

/**
 * Levenshtein distance of a and b, or max + 1 as soon as it must exceed max. Only cells within
 * `max` of the diagonal are computed (a cell further out is already more than max edits away);
 * each row writes one cell either side of its band, which is all the next row reads.
 */
function distance(a: string, b: string, max: number, rows: [Int32Array, Int32Array], spent: { steps: number }): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  const big = max + 1;
  let [prev, cur] = rows;
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = i - max > 1 ? i - max : 1;
    const hi = i + max < m ? i + max : m;
    let left = lo === 1 ? (i <= max ? i : big) : big;
    cur[lo - 1] = left;
    let best = left;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const diag = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const up = prev[j] + 1;
      let v = left + 1;
      if (up < v) v = up;
      if (diag < v) v = diag;
      if (v > big) v = big;
      cur[j] = v;
      left = v;
      if (v < best) best = v;
    }
    spent.steps += hi - lo + 2;
    if (hi < m) cur[hi + 1] = big;
    if (best > max) return big;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[m] < big ? prev[m] : big;
}

/**
 * The closest candidates to a misspelt name (case-insensitive), best first.
 * @example suggest('MEDIN', ['MEDIAN', 'MIN', 'MAX']) // ['MEDIAN']
 * @example suggest('revenu', ['Revenue', 'Region']) // ['Revenue']
 */
export function suggest(name: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = name.slice(0, SUGGEST_COMPARED_CHARS).toLowerCase();
  const max = Math.min(MAX_DISTANCE, Math.max(1, Math.floor(wanted.length / 3)));
  const rows: [Int32Array, Int32Array] = [new Int32Array(SUGGEST_COMPARED_CHARS + 2), new Int32Array(SUGGEST_COMPARED_CHARS + 2)];
  const found: Array<{ c: string; d: number }> = [];
  const count = Math.min(candidates.length, SUGGEST_MAX_CANDIDATES);
  const spent = { steps: 0 };
  for (let k = 0; k < count && spent.steps < SUGGEST_MAX_WORK; k++) {
    const c = candidates[k];
    if (typeof c !== 'string') continue;
    const lc = c.slice(0, SUGGEST_COMPARED_CHARS).toLowerCase();
    spent.steps += 1;
    const prefix = lc.startsWith(wanted) || wanted.startsWith(lc);
    const d = prefix ? Math.min(1, distance(wanted, lc, max, rows, spent)) : distance(wanted, lc, max, rows, spent);
    if (d <= max) found.push({ c, d });
  }
  return found
    .sort((x, y) => x.d - y.d || x.c.length - y.c.length)
    .slice(0, limit)
    .map((x) => x.c);
}
