/** Edit distance with an early exit once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The closest candidates to a misspelt name (case-insensitive), best first.
 * @example suggest('MEDIN', ['MEDIAN', 'MIN', 'MAX']) // ['MEDIAN', 'MIN']
 */
export function suggest(name: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = name.toLowerCase();
  const max = Math.max(1, Math.floor(wanted.length / 3));
  return candidates
    .map((c) => {
      const lc = c.toLowerCase();
      const d = lc.startsWith(wanted) || wanted.startsWith(lc) ? Math.min(1, distance(wanted, lc, max)) : distance(wanted, lc, max);
      return { c, d };
    })
    .filter((x) => x.d <= max)
    .sort((x, y) => x.d - y.d || x.c.length - y.c.length)
    .slice(0, limit)
    .map((x) => x.c);
}
