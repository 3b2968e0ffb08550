import type { QueryResult } from '../engine';
import type { ComputedTile, ParameterValues, Tile, TileData } from './types';

/**
 * A tile's data from its query result.
 * @example tileData(kpi, result, { tiles, values: {} })
 */
export function tileData(tile: ComputedTile, result: QueryResult, context: { tiles: readonly Tile[]; values: ParameterValues; target?: number | null }): TileData {
  void tile; void result; void context;
  throw new Error('not yet');
}
