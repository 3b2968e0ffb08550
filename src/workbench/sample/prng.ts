/**
 * A small seeded pseudo-random generator so the sample workbook is identical on every machine
 * and every run (tests and screenshots depend on it). Not for anything security related.
 */

/** Returns a function that yields floats in [0, 1), deterministic for a given 32-bit seed. */
export type Random = () => number;

/**
 * mulberry32: a 32-bit state generator with good statistical quality for its size.
 * @example
 * const rand = mulberry32(42);
 * rand(); // always the same first value for seed 42
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Integer in [min, max] inclusive.
 * @example
 * randomInt(mulberry32(1), 1, 20); // 1..20
 */
export function randomInt(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/**
 * Picks an index with probability proportional to `weights` (a cumulative table is built once
 * by `weightedPicker` so picking 20,000 times stays cheap).
 * @example
 * const pick = weightedPicker([3, 1]); // index 0 three times as likely as index 1
 * pick(rand);
 */
export function weightedPicker(weights: readonly number[]): (rand: Random) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0)) throw new Error('weights must be non-negative numbers');
    total += w;
    cumulative.push(total);
  }
  if (total <= 0) throw new Error('weights must not all be zero');
  return (rand) => {
    const target = rand() * total;
    // Binary search for the first cumulative weight above the target.
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
