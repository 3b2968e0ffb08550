/**
 * Sizes of the simulated sheet grid, in CSS pixels, close to Excel's at 100% zoom.
 */
import type { GridCell } from './workbench-simulator';

export const ROW_HEIGHT = 20;
export const HEADER_HEIGHT = 22;
export const ROW_HEADER_WIDTH = 56;
export const MIN_COLUMN_WIDTH = 64;
const MAX_FIT_WIDTH = 260;
/** Rough width of one character of the grid font (Segoe UI at 12px). */
const CHAR_WIDTH = 7;
const CELL_PADDING = 14;
/** One indent level, about three characters as in Excel's cell indent. */
export const INDENT_WIDTH = 12;

/**
 * How many rows and columns to draw: the used range plus room to see that the sheet goes on, as
 * Excel shows empty cells past the data.
 * @example
 * gridExtent({ rows: 20001, columns: 11 }); // { rows: 20031, columns: 26 }
 */
export function gridExtent(used: { rows: number; columns: number }): { rows: number; columns: number } {
  return {
    rows: Math.min(1_048_576, Math.max(used.rows + 30, 100)),
    columns: Math.min(16_384, Math.max(used.columns + 3, 26)),
  };
}

/** Excel column widths are in points; the grid draws pixels (96 dpi: 1pt = 4/3 px). */
export function pointsToPixels(points: number | undefined): number {
  return points === undefined ? 0 : Math.round((points * 4) / 3);
}

/**
 * Widths that fit the text in the first rows of each column, like a double-click on the column
 * border in Excel, so a sample with long product names reads well without a stored width.
 * @example
 * fitColumnWidths((r, c) => ({ value: 'x', text: 'x' }), 10, 2); // [64, 64]
 */
export function fitColumnWidths(cell: (row: number, col: number) => GridCell, rows: number, columns: number): number[] {
  const widths: number[] = [];
  const scanRows = Math.min(rows, 200);
  for (let c = 0; c < columns; c++) {
    let longest = 0;
    for (let r = 0; r < scanRows; r++) {
      const at = cell(r, c);
      longest = Math.max(longest, at.text.length * CHAR_WIDTH + (at.indent ?? 0) * INDENT_WIDTH);
    }
    widths.push(Math.min(MAX_FIT_WIDTH, Math.max(MIN_COLUMN_WIDTH, longest + CELL_PADDING)));
  }
  return widths;
}

/** Horizontal alignment Excel uses for a value under the General alignment. */
export function cellAlignment(value: unknown): 'left' | 'right' | 'center' {
  if (typeof value === 'number') return 'right';
  if (typeof value === 'boolean') return 'center';
  if (typeof value === 'string' && /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(value)) return 'center';
  return 'left';
}
