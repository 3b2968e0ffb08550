import type { ExcelCell } from './grid-cells';
import type { FlatResult } from './result';

/** The flat result as an Excel table block: a header row, then one row per group. */
export interface FlatCells {
  values: ExcelCell[][];
  /** One number format per column (apply to the data rows). */
  columnFormats: string[];
}

/**
 * Lay the flat result out for Range.values: blanks (the "(blank)" item, empty
 * cells) become "" as Excel reports empty cells.
 * @example flatToCells(result.flat!).values[0] // ['Region', 'Year', 'Revenue']
 */
export function flatToCells(flat: FlatResult): FlatCells {
  const values: ExcelCell[][] = [flat.header.slice()];
  for (const row of flat.rows) values.push(row.map((v) => (v ?? '') as ExcelCell));
  return { values, columnFormats: flat.numberFormats.slice() };
}
