const CANDIDATES = [',', '\t', ';', '|'] as const;

/**
 * Guess the delimiter from the first lines: the candidate that appears the same number of times
 * (outside quotes) on most lines, preferring more columns, then comma, tab, semicolon, pipe.
 * @example detectDelimiter('a;b;c\n1;2;3\n') // ';'
 */
export function detectDelimiter(sample: string, hint?: string): string {
  const lines = sample.split(/\r?\n/).slice(0, 50);
  if (lines.length > 1 && sample.length >= 65_536) lines.pop(); // likely cut mid-line
  const nonEmpty = lines.filter((l) => l.length > 0);
  let best: { delimiter: string; score: number; count: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const counts = nonEmpty.map((line) => countOutsideQuotes(line, delimiter));
    const tally = new Map<number, number>();
    for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
    let mode = 0;
    let modeLines = 0;
    for (const [c, times] of tally) if (times > modeLines || (times === modeLines && c > mode)) [mode, modeLines] = [c, times];
    if (mode === 0) continue;
    const consistency = modeLines / Math.max(1, nonEmpty.length);
    const score = consistency >= 0.8 ? 1000 + mode : consistency * 100;
    if (!best || score > best.score) best = { delimiter, score, count: mode };
  }
  if (!best) return hint ?? ',';
  if (hint && best.delimiter !== hint && best.score < 1000) return hint;
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count++;
  }
  return count;
}
