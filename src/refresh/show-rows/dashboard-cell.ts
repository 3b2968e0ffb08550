/**
 * Show rows on a dashboard: a KPI card's number, a table tile's row (any of its cells), or a
 * chart's data point through the chart's data area (Office.js does not say which point of a chart
 * is selected, so the data area right of the tiles is where a point is picked). The tile's query
 * is rebuilt with the parameter choices the header cells hold now, and those choices are stated
 * in the words above the rows.
 */
import {
  chartName, dashboardNamePrefix, dashboardParameters, isAll, normaliseParameter, parameterApplies, parameterCells, parseTiles, tileName, tileSpec,
  type ComputedTile, type DashboardParameter, type ParameterValues, type Tile, type TileRect,
} from '../../dashboards';
import { filterWords, itemWords, WORDS_SEPARATOR, type Drill } from '../../engine/drill';
import { columnName } from '../../engine/address/a1';
import type { CellValue } from '../../excel/api';
import { parseBlock, type CellBlock } from '../../excel/a1';
import { readDashboardState } from '../../excel/dashboard';
import type { PivotDeckDocument } from '../../model';
import type { ActiveCell } from './active-cell';
import type { CellLocator } from './locate-cell';
import type { ShowRowsDeps } from './show-rows-deps';
import { refused, type ShowRowsOutcome } from './show-rows-outcome';
import { showSpecCellRows } from './spec-cell';

const inRect = (cell: ActiveCell, r: TileRect) => cell.row >= r.row && cell.row < r.row + r.rows && cell.column >= r.col && cell.column < r.col + r.cols;
const inBlock = (cell: ActiveCell, b: CellBlock) => cell.row >= b.row && cell.row < b.row + b.rows && cell.column >= b.column && cell.column < b.column + b.columns;

/** An Excel date serial as 2025-03-01 (a typed From/To choice). */
function serialDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000)).toISOString().slice(0, 10);
}

/**
 * The words above a tile's rows: the cell's items, the dashboard's choices that filter this tile
 * (by their labels, as the header shows them), then the tile's own filters.
 * @example tileWords(drill, tile, tiles, { p_region: 'West' }) // 'Category = Bikes · Dashboard choices: Region = West'
 */
export function tileWords(drill: Drill, tile: ComputedTile, tiles: readonly Tile[], values: ParameterValues): string {
  const parts = drill.items.map((i) => `${i.field} = ${itemWords(i.item)}`);
  if (!parts.length) parts.push('All rows');
  const choice = (p: DashboardParameter) => {
    const v = values[p.id];
    const shown = (p.kind === 'from' || p.kind === 'to') && typeof v === 'number' ? serialDate(v) : String(v);
    return p.kind === 'from' ? `${p.label} from ${shown}` : p.kind === 'to' ? `${p.label} up to ${shown}` : `${p.label} = ${shown}`;
  };
  const choices = dashboardParameters(tiles).filter((p) => !isAll(values[p.id]) && parameterApplies(p, tile, tiles)).map(choice);
  if (choices.length) parts.push(`Dashboard choices: ${choices.join(', ')}`);
  if (tile.filters?.length) parts.push(`and the tile's own filters (${tile.filters.map(filterWords).join('; ')})`);
  return parts.join(WORDS_SEPARATOR);
}

/**
 * The outcome when the active cell is on a dashboard tile or chart data area, else undefined.
 * @example await dashboardCellRows(deps, doc, cell) // { status: 'written', words: 'All rows · Dashboard choices: Region = West', … }
 */
export async function dashboardCellRows(deps: ShowRowsDeps, doc: PivotDeckDocument, cell: ActiveCell): Promise<ShowRowsOutcome | undefined> {
  for (const def of doc.dashboards) {
    if (def.sheet.toLowerCase() !== cell.sheet.toLowerCase()) continue;
    const { tiles } = parseTiles(def.tiles);
    const params = parameterCells(tiles);
    const state = await readDashboardState(deps.run, {
      sheet: def.sheet, prefix: dashboardNamePrefix(def.id),
      ...(params.header ? { header: { name: tileName(def.id, params.header), parameterCells: params.cells } } : {}),
    });
    // The choices as the header cells hold them now, normalised as a refresh reads them.
    const values: ParameterValues = {};
    for (const id of Object.keys(params.cells)) values[id] = normaliseParameter(state.parameterValues[id]);
    const staleMessage = `The dashboard "${def.label}" is out of date: its data or its choices changed since it was refreshed, so the rows behind this cell may differ from the number shown. Refresh the dashboard, then choose Show rows again.`;
    const read = (row: number, column: number) => readCell(deps, cell.sheet, row, column);
    for (const tile of tiles) {
      if (tile.kind === 'header') continue;
      const at = tile.at;
      if (tile.kind === 'history') {
        // Its points are past refreshes: the rows behind them are gone, only the snapshots stay.
        if (inRect(cell, at)) return refused(`"${tile.title}" draws past refreshes kept in the dashboard's history sheet; the rows behind them are not kept. Select a number of a KPI, table or chart, then choose Show rows.`);
        continue;
      }
      let locate: CellLocator | undefined;
      if (tile.kind === 'chart') {
        const address = state.names.get(`${chartName(def.id, tile.id)}_data`);
        const block = address ? parseBlock(address) : undefined;
        if (block && inBlock(cell, block)) {
          const category = cell.row - block.row - 2;
          const series = cell.column - block.column - 1;
          if (category < 0 || series < 0) return refused(`That cell is a heading of the data of "${tile.title}". Select one of its numbers (a data point), then choose Show rows.`);
          locate = { kind: 'chartPoint', tile, tiles, values, category, series, label: await read(cell.row, block.column), shown: cell.value };
        } else if (inRect(cell, at)) {
          const where = block ? ` (the cells from column ${columnName(block.column)} on)` : '';
          return refused(`Excel does not tell PivotDeck which point of a chart is selected. Select the point's number in the chart's data${where}, then choose Show rows.`);
        }
      } else if (inRect(cell, at)) {
        if (tile.kind === 'kpi') {
          if (cell.row !== at.row + 1) return refused(`Select the number of the KPI "${tile.title}" (the large figure), then choose Show rows.`);
          locate = { kind: 'kpi', tile, tiles, values, shown: cell.value };
        } else {
          const row = cell.row - at.row - 2;
          if (row < 0) return refused(`That cell is the heading of "${tile.title}". Select one of its rows, then choose Show rows.`);
          locate = { kind: 'tableTile', tile, tiles, values, row, columnOffset: cell.column - at.col, label: await read(cell.row, at.col), shown: cell.value };
        }
      }
      if (!locate) continue;
      return showSpecCellRows(deps, doc, {
        spec: tileSpec(tile, tiles, values),
        locate,
        shown: cell.value,
        title: (d) => `Rows behind ${tile.title}${tile.kind === 'kpi' ? '' : ` (${d.measureLabel})`}`,
        words: (d) => tileWords(d, tile, tiles, values),
        labelMessage: `That cell is a label of "${tile.title}". Select one of its numbers, then choose Show rows.`,
        staleMessage,
      });
    }
  }
  return undefined;
}

async function readCell(deps: ShowRowsDeps, sheet: string, row: number, column: number): Promise<CellValue> {
  return deps.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, column, 1, 1).load('values');
    await ctx.sync();
    return (r.values[0]?.[0] ?? '') as CellValue;
  });
}
