import { isExcelError } from '../values/errors';

/**
 * Why source cells did not take part in a measure: Excel's numeric functions
 * skip blanks, text and logicals in ranges; we also skip error values (Excel's
 * SUM would return the error; AGGREGATE(…, 6, …) skips them) and report them.
 */
export interface SkippedCells {
  blank: number;
  text: number;
  logical: number;
  error: number;
}

/** A fresh all-zero tally. */
export function noSkips(): SkippedCells {
  return { blank: 0, text: 0, logical: 0, error: 0 };
}

/**
 * Add two tallies into the first.
 * @example addSkips(a, b) // a.blank += b.blank, ...
 */
export function addSkips(into: SkippedCells, from: SkippedCells): SkippedCells {
  into.blank += from.blank;
  into.text += from.text;
  into.logical += from.logical;
  into.error += from.error;
  return into;
}

/**
 * Total number of skipped cells.
 * @example totalSkipped({ blank: 1, text: 2, logical: 0, error: 1 }) // 4
 */
export function totalSkipped(s: SkippedCells): number {
  return s.blank + s.text + s.logical + s.error;
}

/**
 * Clean a column for a numeric aggregate in one pass: numbers are kept, every
 * other cell becomes NaN (which Arquero's reducers skip) and is tallied.
 * With `rows`, only those rows are read and the output is compacted to them.
 * @example toNumericInput([1, '', 'x', '#N/A', true], tally) // Float64Array [1, NaN, NaN, NaN, NaN]
 */
export function toNumericInput(values: ArrayLike<unknown>, skipped: SkippedCells, rows?: ArrayLike<number>): Float64Array {
  const n = rows ? rows.length : values.length;
  const out = new Float64Array(n).fill(NaN);
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k] : k;
    const v = values[i];
    if (typeof v === 'number') {
      if (v === v && v !== Infinity && v !== -Infinity) out[k] = v;
      else skipped.error++;
    } else if (v == null || v === '') skipped.blank++;
    else if (typeof v === 'boolean') skipped.logical++;
    else if (isExcelError(v)) skipped.error++;
    else skipped.text++;
  }
  return out;
}

/**
 * Clean a column for a value aggregate (COUNTA, COUNTDISTINCT, FIRST...):
 * blanks become null (skipped, tallied); everything else is kept as is.
 * @example toValueInput([1, '', 'x'], tally) // [1, null, 'x']
 */
export function toValueInput(values: ArrayLike<unknown>, skipped: SkippedCells, rows?: ArrayLike<number>): unknown[] {
  const n = rows ? rows.length : values.length;
  const out: unknown[] = new Array(n).fill(null);
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k] : k;
    const v = values[i];
    if (v == null || v === '') skipped.blank++;
    else out[k] = v;
  }
  return out;
}

/**
 * Clean a column for COUNTA: 1 where the cell is non-blank, NaN (skipped,
 * tallied as blank) where it is blank. A typed array, so counting allocates nothing per row.
 * @example toPresenceInput(['a', '', 0], tally) // Float64Array [1, NaN, 1]
 */
export function toPresenceInput(values: ArrayLike<unknown>, skipped: SkippedCells, rows?: ArrayLike<number>): Float64Array {
  const n = rows ? rows.length : values.length;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = values[rows ? rows[k] : k];
    if (v == null || v === '') {
      out[k] = NaN;
      skipped.blank++;
    } else out[k] = 1;
  }
  return out;
}

/**
 * Clean a column for COUNTDISTINCT: each different non-blank value gets a
 * number (text case-insensitively, so "North" and "north" share one; the
 * number 1 and the text "1" do not); blanks become NaN (skipped, tallied).
 * @example toCategoryInput(['a', 'A', 1, '1', ''], tally) // Float64Array [0, 0, 1, 2, NaN]
 */
export function toCategoryInput(values: ArrayLike<unknown>, skipped: SkippedCells, rows?: ArrayLike<number>): Float64Array {
  const n = rows ? rows.length : values.length;
  const out = new Float64Array(n);
  const codes = new Map<unknown, number>();
  // Most columns repeat the same few strings: remember the exact string before lower-casing it.
  const exact = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const v = values[rows ? rows[k] : k];
    if (v == null || v === '') {
      out[k] = NaN;
      skipped.blank++;
      continue;
    }
    let code: number | undefined;
    if (typeof v === 'string') {
      code = exact.get(v);
      if (code === undefined) {
        const key = v.toLowerCase();
        code = codes.get(key);
        if (code === undefined) codes.set(key, (code = codes.size));
        exact.set(v, code);
      }
    } else {
      // Non-strings are keyed by themselves; a string key is never === a number key.
      code = codes.get(v);
      if (code === undefined) codes.set(v, (code = codes.size));
    }
    out[k] = code;
  }
  return out;
}

/**
 * Clean a column for an aggregate input of the given kind (see AggregateInput).
 * @example cleanInput('numeric', [1, 'x'], tally) // Float64Array [1, NaN]
 */
export function cleanInput(
  kind: 'numeric' | 'presence' | 'category' | 'value',
  values: ArrayLike<unknown>,
  skipped: SkippedCells,
  rows?: ArrayLike<number>,
): Float64Array | unknown[] {
  switch (kind) {
    case 'numeric':
      return toNumericInput(values, skipped, rows);
    case 'presence':
      return toPresenceInput(values, skipped, rows);
    case 'category':
      return toCategoryInput(values, skipped, rows);
    default:
      return toValueInput(values, skipped, rows);
  }
}
