/**
 * Plain-loop oracles for the drill tests: which source rows belong to a pivot item, and the
 * aggregates Excel computes over a column. Written here on purpose, never with the code under test.
 */

/** Excel's grouping of items: text ignoring case, blank = null or "", -0 = 0, 1 and "1" apart. */
export function sameItem(cell: unknown, item: unknown): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (blank(cell) || blank(item)) return blank(cell) && blank(item);
  if (typeof cell === 'string' && typeof item === 'string') return cell.toLowerCase() === item.toLowerCase();
  if (typeof cell === 'number' && typeof item === 'number') return cell === item; // -0 === 0
  return cell === item;
}

/** Excel serial → calendar year (1900 system, serials after 1900-03-01). */
export function serialYear(serial: number): number {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).getUTCFullYear();
}

const numbers = (xs: readonly unknown[]) => {
  const out: number[] = [];
  for (const x of xs) if (typeof x === 'number') out.push(x);
  return out;
};

export function sum(xs: readonly unknown[]): number {
  let s = 0;
  for (const x of numbers(xs)) s += x;
  return s;
}

export function counta(xs: readonly unknown[]): number {
  let n = 0;
  for (const x of xs) if (!(x === null || x === undefined || x === '')) n++;
  return n;
}

export function median(xs: readonly unknown[]): number | string {
  const v = numbers(xs).sort((a, b) => a - b);
  if (!v.length) return '#NUM!';
  const h = Math.floor(v.length / 2);
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

export function percentileInc(xs: readonly unknown[], p: number): number | string {
  const v = numbers(xs).sort((a, b) => a - b);
  if (!v.length) return '#NUM!';
  const rank = p * (v.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, v.length - 1);
  return v[lo] + (rank - lo) * (v[hi] - v[lo]);
}

/** MODE.SNGL: most frequent number, first occurrence wins ties, #N/A when nothing repeats. */
export function modeSngl(xs: readonly unknown[]): number | string {
  const v = numbers(xs);
  let best: number | undefined;
  let bestCount = 1;
  for (let i = 0; i < v.length; i++) {
    let c = 0;
    for (let j = 0; j < v.length; j++) if (v[j] === v[i]) c++;
    if (c > bestCount) {
      bestCount = c;
      best = v[i];
    }
  }
  return best ?? '#N/A';
}

export function stdevS(xs: readonly unknown[]): number | string {
  const v = numbers(xs);
  if (v.length < 2) return '#DIV/0!';
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  let ss = 0;
  for (const x of v) ss += (x - m) ** 2;
  return Math.sqrt(ss / (v.length - 1));
}

/** Distinct non-blank values, text ignoring case, 1 and "1" apart. */
export function distinctCount(xs: readonly unknown[]): number {
  const seen: unknown[] = [];
  for (const x of xs) {
    if (x === null || x === undefined || x === '') continue;
    if (!seen.some((s) => sameItem(s, x) && typeof s === typeof x)) seen.push(x);
  }
  return seen.length;
}

/** Equal as Excel numbers (15 significant digits) or as the same error text. */
export function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
