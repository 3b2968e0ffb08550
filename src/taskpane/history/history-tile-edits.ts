/**
 * Tile edits for history (issue 17), pure: add a history chart of a key figure, pick its key
 * figure, compare a key figure with the last snapshot. Each returns new tiles in reading order.
 */
import { DEFAULT_TILE_SIZE, flowLayout, newTileId, TILE_VERSION, type KpiTile, type Tile } from '../../dashboards';

/** The key figures a history chart can draw. */
export function keyFigures(tiles: readonly Tile[]): KpiTile[] {
  return tiles.filter((t): t is KpiTile => t.kind === 'kpi');
}

/**
 * Adds a history chart of the first key figure (another can be picked on its card); unchanged
 * when there is no key figure.
 * @example addHistoryTile(tiles).at(-1)?.kind // 'history'
 */
export function addHistoryTile(tiles: readonly Tile[]): Tile[] {
  const kpi = keyFigures(tiles)[0];
  if (!kpi) return [...tiles];
  const tile: Tile = {
    version: TILE_VERSION, kind: 'history', id: newTileId(tiles, 'history'), title: `${kpi.title || 'Key figure'} at each refresh`.slice(0, 255),
    at: { row: 0, col: 0, ...DEFAULT_TILE_SIZE.history }, kpi: kpi.id,
  };
  return flowLayout([...tiles, tile]);
}

/**
 * Points a history chart at another key figure.
 * @example setHistoryKpi(tiles, 'history1', 'kpi2')
 */
export function setHistoryKpi(tiles: readonly Tile[], id: string, kpi: string): Tile[] {
  return tiles.map((t) => (t.id === id && t.kind === 'history' ? { ...t, kpi } : t));
}

/**
 * Turns "vs last snapshot" on or off on a key figure.
 * @example setVsLastSnapshot(tiles, 'kpi1', true)
 */
export function setVsLastSnapshot(tiles: readonly Tile[], id: string, on: boolean): Tile[] {
  return tiles.map((t) => {
    if (t.id !== id || t.kind !== 'kpi') return t;
    const { vsLastSnapshot: _old, ...rest } = t;
    void _old;
    return on ? { ...rest, vsLastSnapshot: true } : rest;
  });
}
