import { noSkips, toNumericInput, type SkippedCells } from '../measures/skipped';
import type { SourceTable } from './types';

/** What a numeric function skips in a source column (by index), over the rows the pivot keeps. */
export type NumericTallies = (column: number) => Readonly<SkippedCells>;

/**
 * One pass per column, however many measures ask: the error check of each numeric measure and
 * the "cells ignored" notes read the same tally (the engine's own classification, measures/skipped).
 *
 * @example
 * const tally = numericTallies(source, rows);
 * tally(2).text // text cells in column 2 among the kept rows
 */
export function numericTallies(source: SourceTable, rows: Int32Array): NumericTallies {
  const known = new Map<number, SkippedCells>();
  return (column) => {
    let tally = known.get(column);
    if (tally === undefined) {
      tally = noSkips();
      toNumericInput(source.columns[column], tally, rows);
      known.set(column, tally);
    }
    return tally;
  };
}
