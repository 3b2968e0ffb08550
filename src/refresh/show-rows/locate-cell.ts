/**
 * Which number of a recomputed query result a sheet cell shows, for every kind of cell PivotDeck
 * writes from a query spec: a query grid, a query written as a table (flat), a dashboard's KPI
 * card, a table tile's row and a chart's data point (through the chart's data area).
 *
 * Plain data in, plain data out (structured-clone safe), so the query worker runs it beside the
 * computation and only the answer comes back. The locator carries what the sheet shows at that
 * place; when the recomputed result says otherwise, the output is out of date and the rows behind
 * it would not match the number, so the answer is `stale` instead of a cell.
 */
// The two files it needs, not the dashboards index: this runs in the query worker's bundle.
import { tileData } from '../../dashboards/tile-data';
import type { ChartTile, KpiData, KpiTile, ParameterValues, TableData, TableTile, Tile } from '../../dashboards/types';
import { gridCellAtOffset, type GridCellAt } from '../../engine/drill';
import { gridToCells, type PivotGrid } from '../../engine/query';

/** A cell's value as Excel reports it. */
export type SheetValue = string | number | boolean;

/** Where the number is, with what the sheet shows there (to tell an up-to-date output). */
export type CellLocator =
  | {
      kind: 'grid';
      /** Offsets from the grid's top-left cell. */
      rowOffset: number;
      columnOffset: number;
      /** The row's label cells (the grid's first max(rows, 1) columns) and the column's heading cells (its first columns + 1 rows). */
      labels: SheetValue[];
      heads: SheetValue[];
      shown: SheetValue;
    }
  | {
      kind: 'flat';
      /** The row's key cells (one per row field, then per column field), as the table shows them. */
      keys: SheetValue[];
      /** The measure's index (0-based) when the cell is a measure column; a key column drills the first. */
      measure: number;
      shown: SheetValue;
    }
  | { kind: 'kpi'; tile: KpiTile; tiles: Tile[]; values: ParameterValues; shown: SheetValue }
  | {
      kind: 'tableTile';
      tile: TableTile;
      tiles: Tile[];
      values: ParameterValues;
      /** Index of the body row (0 = first row under the header) and the column's offset from the tile's left edge. */
      row: number;
      columnOffset: number;
      /** The row's first label cell, and the selected cell. */
      label: SheetValue;
      shown: SheetValue;
    }
  | {
      kind: 'chartPoint';
      tile: ChartTile;
      tiles: Tile[];
      values: ParameterValues;
      /** Category (0-based row of the data area under its header) and series (0-based column after the categories). */
      category: number;
      series: number;
      /** The category label cell, and the selected cell. */
      label: SheetValue;
      shown: SheetValue;
    };

export type Located =
  | { status: 'cell'; at: GridCellAt }
  | { status: 'label' }
  | { status: 'stale' }
  | { status: 'none'; message: string };

/** The same cell content: Excel's empty is "", PivotDeck's blank null; -0 reads back as 0. */
const same = (sheet: unknown, ours: unknown) => (sheet ?? '') === (ours ?? '');

/**
 * The grid cell under a sheet cell, or why there is none.
 * @example locateCell({ kind: 'grid', rowOffset: 2, columnOffset: 1, labels: ['West'], heads: [2025, 'Revenue'], shown: 400 }, grid)
 * // { status: 'cell', at: { row: 0, value: 0 } }
 */
export function locateCell(locator: CellLocator, grid: PivotGrid): Located {
  switch (locator.kind) {
    case 'grid':
      return inGrid(locator, grid);
    case 'flat':
      return inFlat(locator, grid);
    case 'kpi':
      return inKpi(locator, grid);
    case 'tableTile':
      return inTableTile(locator, grid);
    case 'chartPoint':
      return inChart(locator, grid);
  }
}

function inGrid(l: Extract<CellLocator, { kind: 'grid' }>, grid: PivotGrid): Located {
  const at = gridCellAtOffset(grid, l.rowOffset, l.columnOffset);
  if (!at) return { status: 'label' };
  const laid = gridToCells(grid);
  const current =
    laid.values[l.rowOffset] !== undefined &&
    l.labels.every((v, i) => same(v, laid.values[l.rowOffset][i])) &&
    l.heads.every((v, i) => same(v, laid.values[i]?.[l.columnOffset])) &&
    same(l.shown, laid.values[l.rowOffset][l.columnOffset]);
  return current ? { status: 'cell', at } : { status: 'stale' };
}

/**
 * A flat row is one leaf cell of the grid: its row item (the first keys) and column item (the
 * rest). Matched by the keys the sheet shows, so a table the user sorted or filtered still drills.
 */
function inFlat(l: Extract<CellLocator, { kind: 'flat' }>, grid: PivotGrid): Located {
  const R = grid.rowFields.length;
  const C = grid.columnFields.length;
  const M = grid.measures.length;
  if (l.keys.length !== R + C || l.measure < 0 || l.measure >= M) return { status: 'stale' };
  const leaf = (items: PivotGrid['rowItems'], keys: SheetValue[]) =>
    items.findIndex((item) => item.path.length === keys.length && (keys.length > 0 || item.kind === 'grandTotal') && keys.every((k, d) => same(k, item.path[d])));
  const row = leaf(grid.rowItems, l.keys.slice(0, R));
  const column = leaf(grid.columnItems, l.keys.slice(R));
  if (row < 0 || column < 0) return { status: 'stale' };
  const value = column * M + l.measure;
  return same(l.shown, grid.values[row][value]) ? { status: 'cell', at: { row, value } } : { status: 'stale' };
}

const pad2 = (n: unknown) => String(n).padStart(2, '0');

/** tileData reads only a result's grid: the recomputed grid, as the tile's data was made from it. */
const dataOf = (l: { tile: KpiTile | TableTile | ChartTile; tiles: Tile[]; values: ParameterValues }, grid: PivotGrid) =>
  tileData(l.tile, { grid, sourceRowCount: 0, rowCount: 0, skipped: {} }, { tiles: l.tiles, values: l.values });

/** A period row's label as the KPI card writes it: "2025", "2025-03", "2025 Q1". */
function periodOf(path: readonly unknown[], period: 'year' | 'quarter' | 'month'): string {
  if (period === 'year') return String(path[0]);
  return period === 'month' ? `${String(path[0])}-${pad2(path[1])}` : `${String(path[0])} Q${String(path[1])}`;
}

function inKpi(l: Extract<CellLocator, { kind: 'kpi' }>, grid: PivotGrid): Located {
  const data = dataOf(l, grid) as KpiData;
  if (!same(l.shown, data.value)) return { status: 'stale' };
  const c = l.tile.comparison;
  if (!c || c.kind === 'target') return { status: 'cell', at: { row: 0, value: 0 } };
  const row = grid.rowItems.findIndex((item) => item.kind === 'item' && data.periodLabel !== undefined && periodOf(item.path, c.period) === data.periodLabel);
  if (row < 0) return { status: 'none', message: `"${l.tile.title}" shows no number for ${data.periodLabel ?? 'the current period'}, so there are no rows behind it.` };
  return { status: 'cell', at: { row, value: 0 } };
}

function inTableTile(l: Extract<CellLocator, { kind: 'tableTile' }>, grid: PivotGrid): Located {
  const data = dataOf(l, grid) as TableData;
  // As the planner lays the tile out: the label column widens over the tile's spare columns, and
  // when the rows do not fit, the last row shown says "… and N more".
  const W = l.tile.at.cols;
  const room = l.tile.at.rows - 2;
  const n = Math.min(data.header.length, W);
  const span = W - n + 1;
  const column = l.columnOffset < span ? 0 : l.columnOffset - span + 1;
  if (l.row < 0 || l.row >= room || column >= n) return { status: 'label' };
  if (data.rows.length > room && l.row === room - 1)
    return { status: 'none', message: `That row stands for the rows of "${l.tile.title}" that do not fit in the tile. Make the tile taller, or select one of the rows above it.` };
  const row = data.rows[l.row];
  if (!row) return { status: 'stale' };
  const labels = data.labelColumns ?? 1;
  // A label cell may be a blank part of the merged label column: the row's first label decides.
  if (!same(l.label, row[0]) || (column >= labels && !same(l.shown, row[column]))) return { status: 'stale' };
  // The tile's rows are the grid's row items, one for one; a label cell drills the row's first number.
  return { status: 'cell', at: { row: l.row, value: Math.max(0, column - labels) } };
}

function inChart(l: Extract<CellLocator, { kind: 'chartPoint' }>, grid: PivotGrid): Located {
  const data = dataOf(l, grid);
  if (data.kind !== 'chart') return { status: 'stale' };
  if (data.categories.length === 0) return { status: 'none', message: `"${l.tile.title}" has no data points, so there are no rows behind it.` };
  if (l.category < 0 || l.category >= data.categories.length) return { status: 'stale' };
  if (!same(l.label, data.categories[l.category]) || !same(l.shown, data.series[l.series]?.values[l.category])) return { status: 'stale' };
  // The chart's categories are the grid's item rows; its series are the column items (one field
  // split into series, first measure) or the measures, in the order chartData makes them.
  const M = grid.measures.length;
  const rows = grid.rowItems.map((item, r) => (item.kind === 'item' ? r : -1)).filter((r) => r >= 0);
  const values = grid.columnFields.length
    ? grid.columnItems.map((c, i) => (c.kind === 'item' ? i * M : -1)).filter((v) => v >= 0)
    : grid.measures.map((_, m) => m);
  const value = values[l.series];
  if (value === undefined) return { status: 'stale' };
  return { status: 'cell', at: { row: rows[l.category], value } };
}
