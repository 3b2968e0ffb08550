/**
 * The tests' own oracle: plain loops over plain rows, written without the engine, with exact
 * rational arithmetic (BigInt) where floats would hide the answer (sums, means, variances of data
 * with a large mean and a small spread). Every double is an exact dyadic rational, so sums and
 * squares of them are exact here; only the final answer is rounded to a double.
 *
 * Semantics it encodes (docs/warehouse-sql.md, "One semantics"): text items and comparisons ignore
 * case (JavaScript's toLowerCase); NULL and '' are the one blank item, last; -0 and 0 are one item;
 * items are ordered numbers first, then text by code point, blank last; a case-insensitive item is
 * labelled with its smallest spelling by code point; numeric aggregates skip blanks.
 */

/** An exact rational n / d, d > 0. */
export interface Q {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
};
const norm = (n: bigint, d: bigint): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
export const q = (n: bigint, d = 1n): Q => norm(n, d);
export const add = (a: Q, b: Q): Q => norm(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => norm(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => norm(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => norm(a.n * b.d, a.d * b.n);

/** The exact value of a finite double. */
export function exact(x: number): Q {
  if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
  if (x === 0) return { n: 0n, d: 1n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const e = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = e === 0 ? frac : frac | (1n << 52n);
  const pow = (e === 0 ? 1 : e) - 1075;
  return pow >= 0 ? q(sign * mant * (1n << BigInt(pow))) : q(sign * mant, 1n << BigInt(-pow));
}

const bitLength = (x: bigint) => (x === 0n ? 0 : x.toString(2).length);

/** The double nearest an exact rational (to within an ulp, plenty for 1e-12 comparisons). */
export function toDouble(v: Q): number {
  if (v.n === 0n) return 0;
  const neg = v.n < 0n;
  const n = neg ? -v.n : v.n;
  const s = 80 - (bitLength(n) - bitLength(v.d));
  const scaled = s >= 0 ? (n << BigInt(s)) / v.d : n / (v.d << BigInt(-s));
  let out = Number(scaled);
  let rest = s;
  while (rest > 0) { const step = Math.min(rest, 1000); out /= 2 ** step; rest -= step; }
  while (rest < 0) { const step = Math.min(-rest, 1000); out *= 2 ** step; rest += step; }
  return neg ? -out : out;
}

export type Cell = number | string | boolean | null;
export const isBlank = (v: Cell): boolean => v === null || v === '';
export const numbers = (vs: Cell[]): number[] => vs.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

const VIEW = new DataView(new ArrayBuffer(8));

/** Doubles as integers over one common power-of-two denominator: exact, and fast on a million values. */
function scaled(vs: number[]): { ints: bigint[]; den: bigint } {
  const mant: bigint[] = new Array(vs.length);
  const shift = new Int32Array(vs.length);
  let E = 0;
  vs.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
    VIEW.setFloat64(0, x);
    const hi = VIEW.getUint32(0);
    const e = (hi >>> 20) & 0x7ff;
    const m = (BigInt(hi & 0xfffff) << 32n) | BigInt(VIEW.getUint32(4));
    const full = e === 0 ? m : m | (1n << 52n);
    const pow = (e === 0 ? 1 : e) - 1075;
    mant[i] = (hi >>> 31 ? -full : full) << BigInt(pow > 0 ? pow : 0);
    shift[i] = pow < 0 ? -pow : 0;
    if (shift[i] > E) E = shift[i];
  });
  return { ints: mant.map((m, i) => m << BigInt(E - shift[i])), den: 1n << BigInt(E) };
}

/** Exact sum, rounded once. */
export const oSum = (vs: number[]): number => {
  const { ints, den } = scaled(vs);
  return toDouble(q(ints.reduce((a, b) => a + b, 0n), den));
};
export const oAverage = (vs: number[]): number | string => {
  if (!vs.length) return '#DIV/0!';
  const { ints, den } = scaled(vs);
  return toDouble(q(ints.reduce((a, b) => a + b, 0n), den * BigInt(vs.length)));
};

/** Exact variance: (n Σx² − (Σx)²) / (n (n − 1)) for a sample, / n² for a population. */
export function oVariance(vs: number[], sample: boolean): number | string {
  const n = BigInt(vs.length);
  if (vs.length <= (sample ? 1 : 0)) return '#DIV/0!';
  const { ints, den } = scaled(vs);
  let s = 0n;
  let s2 = 0n;
  for (const x of ints) {
    s += x;
    s2 += x * x;
  }
  return toDouble(q(n * s2 - s * s, den * den * (sample ? n * (n - 1n) : n * n)));
}
export const oStdev = (vs: number[], sample: boolean): number | string => {
  const v = oVariance(vs, sample);
  return typeof v === 'number' ? Math.sqrt(v) : v;
};

/** PERCENTILE.INC with exact interpolation. */
export function oPercentile(vs: number[], p: number): number | string {
  if (!vs.length) return '#NUM!';
  const sorted = [...vs].sort((a, b) => a - b);
  const h = mul(q(BigInt(sorted.length - 1)), exact(p));
  const lo = h.n / h.d;
  const frac = sub(h, q(lo));
  const a = exact(sorted[Number(lo)]);
  if (frac.n === 0n) return toDouble(a);
  return toDouble(add(a, mul(frac, sub(exact(sorted[Number(lo) + 1]), a))));
}

/** Case-insensitive distinct non-blank values (numbers by value, -0 = 0). */
export function oDistinct(vs: Cell[]): number {
  const seen = new Set<string>();
  for (const v of vs) {
    if (isBlank(v)) continue;
    seen.add(itemOf(v));
  }
  return seen.size;
}

/** The item a cell belongs to. */
export const itemOf = (v: Cell): string =>
  isBlank(v) ? 'blank' : typeof v === 'number' ? `n${v === 0 ? 0 : v}` : typeof v === 'boolean' ? `b${String(v)}` : `s${(v as string).toLowerCase()}`;

/** Code-point order of two strings (not UTF-16 code units: U+FF41 comes before U+1F680). */
export function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** The pane's item order: numbers ascending, then text ignoring case by code point, blank last. */
export function itemOrder(a: Cell, b: Cell): number {
  const rank = (v: Cell) => (isBlank(v) ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return byCodePoint(a.toLowerCase(), b.toLowerCase());
  return 0;
}

/**
 * Items of one field over some rows, in the pane's order, each labelled with its smallest
 * spelling by code point (0 for -0, null for blank), with its rows.
 */
export function oItems<R>(rows: R[], key: (r: R) => Cell): Array<{ label: Cell; rows: R[] }> {
  const groups = new Map<string, { label: Cell; rows: R[] }>();
  for (const r of rows) {
    const v = key(r);
    const id = itemOf(v);
    const label: Cell = isBlank(v) ? null : typeof v === 'number' ? (v === 0 ? 0 : v) : v;
    const g = groups.get(id);
    if (!g) groups.set(id, { label, rows: [r] });
    else {
      g.rows.push(r);
      if (typeof label === 'string' && byCodePoint(label, g.label as string) < 0) g.label = label;
    }
  }
  return [...groups.values()].sort((a, b) => itemOrder(a.label, b.label));
}

/**
 * Top (or bottom) n items by a value; ties broken by the pane's item order; items whose value is
 * not a number are never kept.
 */
export function oTopN<R>(items: Array<{ label: Cell; rows: R[] }>, value: (rows: R[]) => number | string, n: number, top = true): Cell[] {
  return items
    .map((it) => ({ label: it.label, v: value(it.rows) }))
    .filter((x): x is { label: Cell; v: number } => typeof x.v === 'number')
    .sort((a, b) => (a.v !== b.v ? (top ? b.v - a.v : a.v - b.v) : itemOrder(a.label, b.label)))
    .slice(0, n)
    .map((x) => x.label);
}

/** Relative closeness for the three-way checks (exact for non-numbers). */
export function close(actual: unknown, expected: unknown, rel = 1e-12): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (actual === expected) return true;
    return Math.abs(actual - expected) <= rel * Math.max(Math.abs(actual), Math.abs(expected));
  }
  return actual === expected;
}
