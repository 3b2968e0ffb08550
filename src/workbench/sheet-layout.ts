/**
 * Pixel positions on the drawn grid for things that span cells: merged areas and charts. Charts
 * are anchored in cells with offsets in points (as Excel stores them); the grid's columns may be
 * wider than their stored width (fitted to text), so an offset scales with its own column.
 */
import { holdsCell, parseArea, type Area } from '../engine/address/a1';
import type { ChartAnchor } from '../simulator/view';
import { HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT } from './grid-geometry';

const DEFAULT_COLUMN_POINTS = 48;
const DEFAULT_ROW_POINTS = 15;

export interface GridMetrics {
  /** Pixel width of each drawn column. */
  widths: number[];
  /** Stored column width in points (undefined = default). */
  columnPoints(col: number): number | undefined;
  /** Pixel height of a row. */
  rowHeight(row: number): number;
  /** Stored row height in points (undefined = default). */
  rowPoints(row: number): number | undefined;
}

export function columnLeft(m: GridMetrics, col: number): number {
  let x = ROW_HEADER_WIDTH;
  for (let c = 0; c < col; c++) x += m.widths[c] ?? 64;
  return x;
}

export function rowTop(m: GridMetrics, row: number): number {
  let y = HEADER_HEIGHT;
  for (let r = 0; r < row; r++) y += m.rowHeight(r);
  return y;
}

/** Pixel point of a chart anchor. */
export function anchorPixels(m: GridMetrics, a: ChartAnchor): { x: number; y: number } {
  const colPx = m.widths[a.column] ?? 64;
  const colPt = m.columnPoints(a.column) ?? DEFAULT_COLUMN_POINTS;
  const rowPx = m.rowHeight(a.row);
  const rowPt = m.rowPoints(a.row) ?? DEFAULT_ROW_POINTS;
  return {
    x: columnLeft(m, a.column) + (a.columnOffset / colPt) * colPx,
    y: rowTop(m, a.row) + (a.rowOffset / rowPt) * rowPx,
  };
}

export interface MergeLayout {
  /** Top-left cell key "row,col" → pixel size of the whole merged area. */
  spans: Map<string, { width: number; height: number }>;
  /** Cells hidden under a merge (not the top-left). */
  covered: Set<string>;
  /** The merged area holding a cell, if any. */
  areaAt(row: number, col: number): Area | undefined;
}

/**
 * @example
 * mergeLayout(['A1:C1'], metrics).spans.get('0,0') // { width: widths[0] + widths[1] + widths[2], height: 20 }
 */
export function mergeLayout(merges: string[], m: GridMetrics): MergeLayout {
  const spans = new Map<string, { width: number; height: number }>();
  const covered = new Set<string>();
  const areas: Area[] = [];
  for (const text of merges) {
    let a: Area;
    try { a = parseArea(text); } catch { continue; }
    // Whole-row or whole-column merges are not drawn as one cell (nobody builds a dashboard so).
    if (a.rows > 500 || a.columns > 200) continue;
    areas.push(a);
    let width = 0;
    for (let c = a.column; c < a.column + a.columns; c++) width += m.widths[c] ?? 64;
    let height = 0;
    for (let r = a.row; r < a.row + a.rows; r++) height += m.rowHeight(r);
    spans.set(`${a.row},${a.column}`, { width, height });
    for (let r = a.row; r < a.row + a.rows; r++) {
      for (let c = a.column; c < a.column + a.columns; c++) if (r !== a.row || c !== a.column) covered.add(`${r},${c}`);
    }
  }
  return {
    spans,
    covered,
    areaAt: (row, col) => areas.find((a) => holdsCell(a, row, col)),
  };
}

/** Pixel row height for a stored height in points (undefined = the default 20 px). */
export function rowPixels(points: number | undefined): number {
  return points === undefined ? ROW_HEIGHT : Math.max(4, Math.round((points * 4) / 3));
}
