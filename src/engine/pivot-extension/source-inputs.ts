import type { AggregateInput } from '../formula/functions';
import { cleanInput, noSkips, type SkippedCells } from '../measures/skipped';
import type { SourceTable } from './types';

/** The input kinds the kernels read: one number (or NaN = skipped) per kept row. */
export type KernelInput = Exclude<AggregateInput, 'value'>;

/**
 * Source columns cleaned for aggregates, over the rows the pivot keeps (index k is rows[k]),
 * each cleaned once however many measures, error checks and notes read it.
 */
export interface SourceInputs {
  /** A column (by index) cleaned as `kind` (measures/skipped.ts): numbers, 1s or category codes, NaN where skipped. */
  input(kind: KernelInput, column: number): Float64Array;
  /** What a numeric function skips in a column: the tally of its numeric cleaning. */
  numericTally(column: number): Readonly<SkippedCells>;
  /** Every kept cell of the column is a finite number or blank (COUNTDISTINCT may then read numbers). */
  numbersOnly(column: number): boolean;
  /** Drops a cleaned column once its last reader is done (its tally stays); asking again cleans again. */
  release(kind: KernelInput, column: number): void;
}

/**
 * Cleaning with the engine's own classification (measures/skipped.ts), memoized per column and kind.
 *
 * @example
 * const inputs = sourceInputs(source, rows);
 * inputs.numericTally(2).text // text cells in column 2 among the kept rows
 * inputs.input('numeric', 2) // the same pass's numbers
 */
export function sourceInputs(source: SourceTable, rows: Int32Array): SourceInputs {
  const cleaned = new Map<string, { values: Float64Array; tally: SkippedCells }>();
  const tallies = new Map<number, SkippedCells>();
  const numeric = new Map<number, boolean>();
  const clean = (kind: KernelInput, column: number) => {
    const key = `${kind}:${column}`;
    let done = cleaned.get(key);
    if (done === undefined) {
      const tally = noSkips();
      done = { values: cleanInput(kind, source.columns[column], tally, rows) as Float64Array, tally };
      cleaned.set(key, done);
      if (kind === 'numeric') tallies.set(column, tally);
    }
    return done;
  };
  return {
    input: (kind, column) => clean(kind, column).values,
    numericTally: (column) => tallies.get(column) ?? clean('numeric', column).tally,
    release: (kind, column) => { cleaned.delete(`${kind}:${column}`); },
    numbersOnly(column) {
      let known = numeric.get(column);
      if (known === undefined) {
        const t = tallies.get(column) ?? clean('numeric', column).tally;
        // Numeric cleaning tallies every cell it skips except blanks as text, logical or error.
        known = t.text + t.logical + t.error === 0;
        numeric.set(column, known);
      }
      return known;
    },
  };
}
