import type { CellValue } from './api';

/**
 * Some data rows of a workbook source (a table or a sheet range) as a read found them: its
 * data-row count, its header row and the data rows at chosen indexes, all as Excel gave the
 * values (no trimming, no text conversion). What a source stamp is made from
 * (src/refresh/source-stamp.ts), whether the rows came from a full read or a cheap sample read.
 */
export interface SampledRows {
  /** Data rows (no header, no totals row). */
  rows: number;
  header: CellValue[];
  /** Data-row index → its values. */
  sampled: Map<number, CellValue[]>;
}

/**
 * The rows at `pick(rows.length)` of rows already read, by reference (nothing is copied).
 *
 * @example sampleOfRows(['Region'], [['West'], ['East']], (n) => [0, n - 1]).sampled.get(1) // ['East']
 */
export function sampleOfRows(header: CellValue[], rows: readonly CellValue[][], pick: (rows: number) => number[]): SampledRows {
  const sampled = new Map<number, CellValue[]>();
  for (const i of pick(rows.length)) {
    const row = rows[i];
    if (row) sampled.set(i, row);
  }
  return { rows: rows.length, header, sampled };
}

/**
 * Ascending indexes as [first, count] runs, so a sample of a small source (every row) is read as
 * one range, not one range per row.
 *
 * @example runsOf([0, 1, 2, 7]) // [[0, 3], [7, 1]]
 */
export function runsOf(indexes: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}
