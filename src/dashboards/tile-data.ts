/**
 * A tile's data from its query result: the KPI's current-period value and comparison, a chart's
 * categories and series, a table's header and rows, a parameter's dropdown choices.
 */
import type { QueryResult } from '../engine';
import type { AxisItem, PivotGrid } from '../engine/query';
import { dashboardParameters, isAll, parameterApplies, selectedYear } from './tile-queries';
import type { AxisField, ChartData, ChartTile, ComputedTile, KpiData, KpiTile, ParameterValues, TableData, TableTile, Tile, TileData } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function label(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(blank)';
  return String(v);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Labels of an axis path, one per axis field as the tile names them ("2025-03", "Mar", "Q1"). */
function axisLabels(fields: readonly AxisField[], path: readonly unknown[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const f of fields) {
    if (f.by === 'yearMonth') {
      const y = num(path[i]);
      const m = num(path[i + 1]);
      out.push(y !== null && m !== null ? `${y}-${pad2(m)}` : '(blank)');
      i += 2;
      continue;
    }
    const v = path[i++];
    const n = num(v);
    if (f.by === 'month' && n !== null) out.push(MONTHS[n - 1] ?? String(n));
    else if (f.by === 'quarter' && n !== null) out.push(`Q${n}`);
    else if (f.by === 'weekday' && n !== null) out.push(WEEKDAYS[n - 1] ?? String(n));
    else out.push(label(v));
  }
  return out;
}

function measureFormat(grid: PivotGrid, m: number, fallback: string): string {
  const f = grid.measures[m]?.numberFormat;
  return f && f !== 'General' ? f : fallback;
}

function gridOf(result: QueryResult): PivotGrid {
  if (!result.grid) throw new Error('PivotDeck computed this tile without its grid.');
  return result.grid;
}

/** Period index for comparisons: year*12+month (months), year*4+quarter (quarters), year. */
function periodIndex(period: 'year' | 'quarter' | 'month', path: readonly unknown[]): number | null {
  const y = num(path[0]);
  if (y === null) return null;
  if (period === 'year') return y;
  const p = num(path[1]);
  if (p === null) return null;
  return period === 'month' ? y * 12 + (p - 1) : y * 4 + (p - 1);
}

function periodLabel(period: 'year' | 'quarter' | 'month', index: number): string {
  if (period === 'year') return String(index);
  if (period === 'month') return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
  return `${Math.floor(index / 4)} Q${(index % 4) + 1}`;
}

function kpiData(tile: KpiTile, grid: PivotGrid, tiles: readonly Tile[], values: ParameterValues, target: number | null | undefined): KpiData {
  const numberFormat = tile.numberFormat ?? tile.measure.numberFormat ?? measureFormat(grid, 0, '#,##0');
  const c = tile.comparison;
  if (!c || c.kind === 'target') {
    const value = num(grid.values[0]?.[0]);
    if (!c) return { kind: 'kpi', value, numberFormat };
    return { kind: 'kpi', value, numberFormat, comparison: { label: 'vs target', value: target ?? c.value ?? null } };
  }
  const byPeriod = new Map<number, number | null>();
  grid.rowItems.forEach((item: AxisItem, r) => {
    if (item.kind !== 'item') return;
    const idx = periodIndex(c.period, item.path);
    if (idx !== null) byPeriod.set(idx, num(grid.values[r]?.[0]));
  });
  const year = selectedYear(tile, tiles, values);
  const candidates = [...byPeriod.keys()].filter((i) => year === undefined || periodYear(c.period, i) === year);
  if (!candidates.length) {
    // Nothing in the chosen year: show the year with no value rather than another year's.
    const current = year === undefined ? undefined : c.period === 'year' ? year : undefined;
    return { kind: 'kpi', value: null, numberFormat, ...(current !== undefined ? { periodLabel: String(current) } : {}) };
  }
  const current = Math.max(...candidates);
  const perYear = c.period === 'year' ? 1 : c.period === 'month' ? 12 : 4;
  const before = c.kind === 'previousPeriod' ? current - 1 : current - perYear;
  return {
    kind: 'kpi',
    value: byPeriod.get(current) ?? null,
    numberFormat,
    // A Year dropdown on "All" above a card that shows one period: the card says it shows the latest.
    periodLabel: `${periodLabel(c.period, current)}${year === undefined && followsYear(tile, tiles) ? ' (latest; Year is All)' : ''}`,
    comparison: { label: `vs ${periodLabel(c.period, before)}`, value: byPeriod.get(before) ?? null },
  };
}

/** Whether a Year dropdown on the KPI's date field applies to it. */
function followsYear(tile: KpiTile, tiles: readonly Tile[]): boolean {
  const field = tile.comparison && tile.comparison.kind !== 'target' ? tile.comparison.dateField : undefined;
  return dashboardParameters(tiles).some((p) => p.kind === 'year' && p.field === field && parameterApplies(p, tile, tiles));
}

function periodYear(period: 'year' | 'quarter' | 'month', index: number): number {
  return period === 'year' ? index : Math.floor(index / (period === 'month' ? 12 : 4));
}

function chartData(tile: ChartTile, grid: PivotGrid): ChartData {
  const M = grid.measures.length;
  const categories = grid.rowItems.filter((i) => i.kind === 'item').map((i) => axisLabels([tile.category], i.path).join(' '));
  const rowIdx = grid.rowItems.map((item, r) => (item.kind === 'item' ? r : -1)).filter((r) => r >= 0);
  const series: ChartData['series'] = [];
  const hasColumns = grid.columnFields.length > 0;
  grid.columnItems.forEach((col, c) => {
    if (hasColumns && col.kind !== 'item') return;
    const measures = hasColumns ? [0] : grid.measures.map((_, m) => m);
    for (const m of measures) {
      const name = hasColumns ? label(col.path[0]) : (grid.measures[m].label || grid.measures[m].id);
      series.push({
        name,
        values: rowIdx.map((r) => num(grid.values[r]?.[c * M + m])),
        ...(tile.chartType === 'combo' && m === 1 ? { secondary: true } : {}),
      });
    }
  });
  return { kind: 'chart', categories, series, numberFormat: tile.measures[0].numberFormat ?? measureFormat(grid, 0, '#,##0') };
}

function tableData(tile: TableTile, grid: PivotGrid): TableData {
  const M = grid.measures.length;
  const rowHeads = tile.rows.map((r) => (r.by === 'yearMonth' ? `${r.field} (month)` : r.by ? `${r.field} (${r.by})` : r.field));
  const header = [...rowHeads];
  const numberFormats = rowHeads.map(() => 'General');
  const hasColumns = grid.columnFields.length > 0;
  grid.columnItems.forEach((col) => {
    grid.measures.forEach((m, mi) => {
      const colLabel = hasColumns ? (col.kind === 'grandTotal' ? 'Total' : axisLabels(tile.column ? [tile.column] : [], col.path).join(' ')) : '';
      const mLabel = m.label || m.id;
      header.push(hasColumns ? (M > 1 ? `${colLabel} · ${mLabel}` : colLabel) : mLabel);
      numberFormats.push(tile.measures[mi]?.numberFormat ?? measureFormat(grid, mi, '#,##0'));
    });
  });
  const rows = grid.rowItems.map((item, r) => {
    const labels = item.kind === 'grandTotal' ? ['Total', ...rowHeads.slice(1).map(() => '')] : axisLabels(tile.rows, item.path);
    while (labels.length < rowHeads.length) labels.push('');
    return [...labels, ...(grid.values[r] ?? []).map((v) => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null))];
  });
  return { kind: 'table', header, rows, numberFormats, labelColumns: rowHeads.length };
}

/**
 * A tile's data from its query result. `target` is the value read from a KPI's target cell.
 * @example tileData(kpi, result, { tiles, values: { p_year: 2025 } }) // { kind: 'kpi', value: 1234, periodLabel: '2025', ... }
 */
export function tileData(tile: ComputedTile, result: QueryResult, context: { tiles: readonly Tile[]; values: ParameterValues; target?: number | null }): TileData {
  const grid = gridOf(result);
  switch (tile.kind) {
    case 'kpi':
      return kpiData(tile, grid, context.tiles, context.values, context.target);
    case 'chart':
      return chartData(tile, grid);
    case 'table':
      return tableData(tile, grid);
  }
}

/**
 * A parameter's dropdown choices from its choices query: "All" then the items (blank left out).
 * @example parameterChoices(result) // ['All', 'East', 'West']
 */
export function parameterChoices(result: QueryResult): Array<string | number> {
  const grid = gridOf(result);
  const items = grid.rowItems.filter((i) => i.kind === 'item').map((i) => i.path[0]);
  return ['All', ...items.filter((v): v is string | number => (typeof v === 'string' && v !== '') || typeof v === 'number')];
}

export { isAll };
