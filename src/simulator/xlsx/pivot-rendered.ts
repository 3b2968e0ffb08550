/**
 * The cells a saved pivot shows, taken from the sheet as Excel stored them, and its layout ranges
 * computed from `<location>` (offsets relative to the top-left cell of `ref`):
 *
 *   dataBodyRange     rows firstDataRow.., columns firstDataCol..
 *   rowLabelRange     rows firstDataRow.., columns 0..firstDataCol-1
 *   columnLabelRange  every row above the data body (0..firstDataRow-1), columns firstDataCol..;
 *                     the same convention as the simulator's own renderer (src/simulator/pivot/
 *                     render.ts), so a loaded pivot and a re-rendered one report the same ranges
 *   filterRange       rowPageCount rows ending one blank row above `ref`, starting at its column,
 *                     two cells (caption, value) per page column with a blank column between
 */
import type { CellValue } from '../../excel/api';
import { formatArea, parseArea, type Area } from '../../engine/address/a1';
import type { CellModel, PivotRenderModel } from '../model';
import { pivotStyles } from '../pivot/styles';
import type { PivotLines, PivotLocation } from './pivot-table';

/**
 * The stored cells and layout ranges; with `lines` (the definition's row/column items) also the
 * pivot style's look, which Excel applies when drawing rather than storing it in the cells.
 */
export function renderedPivot(location: PivotLocation, cells: Record<string, CellModel>, lines?: PivotLines, compact = false): PivotRenderModel {
  const whole = parseArea(location.ref);
  const lastRow = whole.row + whole.rows - 1;
  const lastCol = whole.column + whole.columns - 1;
  const fdr = clamp(location.firstDataRow, 0, whole.rows - 1);
  const fdc = clamp(location.firstDataCol, 0, whole.columns - 1);
  const span = (r1: number, c1: number, r2: number, c2: number): string =>
    formatArea({ row: r1, column: c1, rows: Math.max(1, r2 - r1 + 1), columns: Math.max(1, c2 - c1 + 1) });

  const dataRow = whole.row + fdr;
  const dataCol = whole.column + fdc;
  // A pivot always has at least one header row; clamp so a damaged location still yields a range.
  const headerBottom = Math.max(whole.row, dataRow - 1);
  const rendered: PivotRenderModel = {
    range: formatArea(whole),
    rowLabelRange: span(dataRow, whole.column, lastRow, Math.max(whole.column, dataCol - 1)),
    columnLabelRange: span(whole.row, dataCol, headerBottom, lastCol),
    dataBodyRange: span(dataRow, dataCol, lastRow, lastCol),
    ...cellsOf(whole, cells),
  };
  if (lines) {
    rendered.styles = pivotStyles({
      height: whole.rows, width: whole.columns, headerRows: fdr, labelCols: fdc, compact,
      rowLines: lines.rows, colKinds: lines.colKinds,
    });
  }
  const filter = filterArea(location, whole);
  if (filter) {
    rendered.filterRange = formatArea(filter);
    rendered.filterValues = cellsOf(filter, cells).values;
  }
  return rendered;
}

function filterArea(location: PivotLocation, whole: Area): Area | undefined {
  const rows = location.rowPageCount;
  if (rows <= 0) return undefined;
  const pageColumns = Math.max(1, location.colPageCount);
  const top = whole.row - 1 - rows;
  if (top < 0) return undefined;
  return { row: top, column: whole.column, rows, columns: pageColumns * 3 - 1 };
}

function cellsOf(area: Area, cells: Record<string, CellModel>): { values: CellValue[][]; numberFormats: string[][] } {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = area.row; r < area.row + area.rows; r++) {
    const valueRow: CellValue[] = [];
    const formatRow: string[] = [];
    for (let c = area.column; c < area.column + area.columns; c++) {
      const cell = cells[`${r},${c}`];
      valueRow.push(cell?.value ?? '');
      formatRow.push(cell?.numberFormat ?? 'General');
    }
    values.push(valueRow);
    numberFormats.push(formatRow);
  }
  return { values, numberFormats };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), Math.max(lo, hi));
}
