/**
 * The dashboard grid: tiles are rectangles of cells. Editing functions are pure and return new
 * arrays; `flowLayout` packs tiles left to right in rows (a one-row gap between bands, a
 * one-column gap between tiles), which is what a new dashboard and "reorder" use.
 */
import type { Tile, TileKind, TileRect } from './types';
import { columnName, intersects } from '../engine/address';

/** Grid width in columns: 4 KPI cards (3 + gap), or 2 charts (7 + gap + 7). */
export const GRID_COLUMNS = 15;

/** Default size of each tile kind, in cells. */
export const DEFAULT_TILE_SIZE: Record<TileKind, { rows: number; cols: number }> = {
  header: { rows: 3, cols: GRID_COLUMNS },
  kpi: { rows: 4, cols: 3 },
  chart: { rows: 14, cols: 7 },
  table: { rows: 13, cols: 7 },
  history: { rows: 10, cols: 7 }, // history tile (issue 17)
};

/** A1 letters of a 0-based column. */
const columnLetters = columnName;

/**
 * The A1 address of a rectangle (or one cell of it: `dr`, `dc` offsets with 1×1 size).
 * @example rectAddress({ row: 0, col: 0, rows: 3, cols: 2 }) // 'A1:B3'
 */
export function rectAddress(rect: TileRect): string {
  const tl = `${columnLetters(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return tl;
  return `${tl}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

/**
 * Whether two rectangles share a cell.
 * @example tilesOverlap({ row: 0, col: 0, rows: 2, cols: 2 }, { row: 1, col: 1, rows: 1, cols: 1 }) // true
 */
export function tilesOverlap(a: TileRect, b: TileRect): boolean {
  return intersects({ row: a.row, column: a.col, rows: a.rows, columns: a.cols }, { row: b.row, column: b.col, rows: b.rows, columns: b.cols });
}

/**
 * Packs tiles in their order: left to right, wrapping at the grid width, each band as tall as
 * its tallest tile. Sizes are kept (clamped to the grid width).
 *
 * @example flowLayout(tiles).map((t) => t.at)
 */
export function flowLayout<T extends Tile>(tiles: readonly T[], gridColumns = GRID_COLUMNS): T[] {
  let row = 0;
  let col = 0;
  let bandHeight = 0;
  return tiles.map((tile) => {
    const cols = Math.min(tile.at.cols, gridColumns);
    if (col > 0 && col + cols > gridColumns) {
      row += bandHeight + 1;
      col = 0;
      bandHeight = 0;
    }
    const at = { row, col, rows: tile.at.rows, cols };
    col += cols + 1;
    bandHeight = Math.max(bandHeight, at.rows);
    return { ...tile, at };
  });
}

/**
 * Adds a tile below the others (its `at.rows/cols` give its size; use DEFAULT_TILE_SIZE).
 * @example addTile(tiles, kpi)
 */
export function addTile<T extends Tile>(tiles: readonly T[], tile: T): T[] {
  const bottom = tiles.reduce((m, t) => Math.max(m, t.at.row + t.at.rows + 1), 0);
  return [...tiles, { ...tile, at: { ...tile.at, row: bottom, col: 0, cols: Math.min(tile.at.cols, GRID_COLUMNS) } }];
}

/**
 * Removes a tile (the others stay where they are).
 * @example removeTile(tiles, 'kpi2')
 */
export function removeTile<T extends Tile>(tiles: readonly T[], id: string): T[] {
  return tiles.filter((t) => t.id !== id);
}

/**
 * Moves a tile to a new top-left cell. Refused (throws with a message) if it would overlap
 * another tile.
 * @example moveTile(tiles, 'trend', { row: 20, col: 0 })
 */
export function moveTile<T extends Tile>(tiles: readonly T[], id: string, to: { row: number; col: number }): T[] {
  return place(tiles, id, (at) => ({ ...at, row: Math.max(0, to.row), col: Math.max(0, to.col) }));
}

/**
 * Changes a tile's size. Refused (throws with a message) if it would overlap another tile.
 * @example resizeTile(tiles, 'trend', { rows: 18, cols: 7 })
 */
export function resizeTile<T extends Tile>(tiles: readonly T[], id: string, size: { rows: number; cols: number }): T[] {
  return place(tiles, id, (at) => ({ ...at, rows: Math.max(1, Math.min(80, size.rows)), cols: Math.max(1, Math.min(30, size.cols)) }));
}

/**
 * Puts tiles in the given id order (ids not listed keep their order after) and packs them again.
 * @example reorderTiles(tiles, ['header', 'kpi2', 'kpi1'])
 */
export function reorderTiles<T extends Tile>(tiles: readonly T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const sorted = tiles
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (rank.get(a.t.id) ?? order.length + a.i) - (rank.get(b.t.id) ?? order.length + b.i))
    .map((x) => x.t);
  return flowLayout(sorted);
}

function place<T extends Tile>(tiles: readonly T[], id: string, change: (at: TileRect) => TileRect): T[] {
  const tile = tiles.find((t) => t.id === id);
  if (!tile) throw new Error(`There is no tile "${id}" on this dashboard.`);
  const at = change(tile.at);
  const clash = tiles.find((t) => t.id !== id && tilesOverlap(t.at, at));
  if (clash) throw new Error(`"${tile.title || tile.id}" would cover "${clash.title || clash.id}". Move or resize that tile first.`);
  return tiles.map((t) => (t.id === id ? { ...t, at } : t));
}
