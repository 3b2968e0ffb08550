/**
 * Dashboards, the pure part: tile specs (versioned, validated), templates, the starter layout
 * proposed from a table's fields, grid layout editing, the queries tiles need (each distinct
 * query once, parameters as filters), tile data from query results, and the write plan the
 * Excel writer (src/excel/dashboard) executes. Orchestration is in src/refresh/dashboards.
 */
export * from './types';
export { parseTiles, parseTile, type ParsedTiles } from './parse-tiles';
export { DASHBOARD_TEMPLATES, buildFromTemplate, type DashboardTemplate, type TemplateId } from './templates';
export { detectFieldRoles, proposeStarterLayout, wholeFormat, type FieldRoles } from './starter-layout';
export {
  GRID_COLUMNS, DEFAULT_TILE_SIZE, addTile, flowLayout, moveTile, removeTile, resizeTile, reorderTiles, rectAddress, tilesOverlap,
} from './layout';
export { dashboardParameters, datePartName, isAll, normaliseParameter, parameterApplies, parameterSource, planTileQueries, tileSpec, type TileQueryPlan, type TileQueryUse } from './tile-queries';
export { parameterChoices, tileData } from './tile-data';
export { dataColumn, parameterCells, planDashboard, type PlanInput } from './plan';
export { DASHBOARD_STYLE } from './style';
export { dashboardNamePrefix, tileName, chartName, freshSheetName } from './names';
export { newTileId, newDashboardId } from './ids';
export {
  DEFAULT_HISTORY_POINTS, historyChartData, historyChartTile, historyKpi, snapshotChangeWords, snapshotLabel, withLastSnapshot, type HistoryPoint,
} from './history-tile';
export { assignColours, CHART_PALETTE, coloursOf, type ChartColours, type ColourPair } from './chart-colours';
