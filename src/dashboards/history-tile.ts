/**
 * History on a dashboard (issue 17), the pure part: the history tile (a KPI over the dashboard's
 * history snapshots, drawn as a native line chart) and the KPI's "vs last snapshot" comparison.
 * The snapshots are read by src/refresh/history; here they are plain points.
 */
import type { ChartData, ChartTile, HistoryTile, KpiData, Tile } from './types';

/** One snapshot of a KPI: when it was taken (ISO, UTC) and its value then. */
export interface HistoryPoint {
  at: string;
  value: number | null;
}

/** Points a history tile draws when its definition does not say. */
export const DEFAULT_HISTORY_POINTS = 30;

/**
 * "2026-12-07 03:10" (UTC) from an ISO stamp: short enough for a chart's axis; the stamp itself
 * is in the history table.
 * @example snapshotLabel('2026-12-07T03:10:42.000Z') // '2026-12-07 03:10'
 * @example snapshotLabel('2026-12-07T03:10:42.000Z', true) // '2026-12-07 03:10:42'
 */
export function snapshotLabel(iso: string, seconds = false): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(iso);
  return m ? `${m[1]} ${m[2]}${seconds ? m[3] ?? ':00' : ''}` : iso;
}

/**
 * The chart data of a history tile: the newest `points` snapshots, oldest first, as one series
 * named after the KPI. Text categories, so Excel keeps "2026-12-07 03:10" as written.
 *
 * @example historyChartData([{ at: '2026-12-06T09:00:00Z', value: 5 }, { at: '2026-12-07T09:00:00Z', value: 7 }], 'Revenue', '#,##0').categories
 * // ['2026-12-06 09:00', '2026-12-07 09:00']
 */
export function historyChartData(points: readonly HistoryPoint[], name: string, numberFormat: string, keep = DEFAULT_HISTORY_POINTS): ChartData {
  const shown = points.slice(Math.max(0, points.length - keep));
  let categories = shown.map((p) => snapshotLabel(p.at));
  // Refreshes within one minute: the seconds tell them apart.
  if (new Set(categories).size < categories.length) categories = shown.map((p) => snapshotLabel(p.at, true));
  return {
    kind: 'chart',
    categories,
    series: [{ name, values: shown.map((p) => p.value) }],
    numberFormat,
  };
}

/**
 * The history tile as the planner draws it: a line chart tile over "Refreshed at". Its source is
 * never read (no query runs for a history tile); the chart's data comes from the snapshots.
 *
 * @example historyChartTile(tile).chartType // 'line'
 */
export function historyChartTile(tile: HistoryTile): ChartTile {
  return {
    version: tile.version, id: tile.id, title: tile.title, at: tile.at,
    kind: 'chart', chartType: 'line',
    source: { kind: 'table', name: 'PivotDeck history' },
    category: { field: 'Refreshed at (UTC)' },
    measures: [{ id: 'm1', kind: 'sum', field: 'Value' }],
  };
}

/** The KPI tile a history tile draws, when it is on the dashboard. */
export function historyKpi(tile: HistoryTile, tiles: readonly Tile[]) {
  const kpi = tiles.find((t) => t.id === tile.kpi);
  return kpi?.kind === 'kpi' ? kpi : undefined;
}

/**
 * A KPI's change since the last snapshot in words, e.g. "+1,250 (+5.2%) vs last snapshot 2026-12-06 09:00".
 * @example snapshotChangeWords(105, { at: '2026-12-06T09:00:00Z', value: 100 }, (n) => n.toFixed(0)) // '+5 (+5.0%) vs last snapshot 2026-12-06 09:00'
 */
export function snapshotChangeWords(value: number | null, last: HistoryPoint | undefined, format: (n: number) => string): string {
  if (!last) return 'No earlier snapshot yet';
  const when = `vs last snapshot ${snapshotLabel(last.at)}`;
  if (value === null || last.value === null) return `${when}: no value to compare`;
  const change = value - last.value;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const share = Math.abs(change / last.value) * 100;
  // A small move on a large level (3,000 on 11 million) would read "+0.0%": two decimals then.
  const pct = last.value !== 0 ? ` (${sign}${share.toFixed(share > 0 && share < 0.1 ? 2 : 1)}%)` : '';
  return `${sign}${format(Math.abs(change))}${pct} ${when}`;
}

/**
 * The KPI's data with "vs last snapshot" added: as the card's comparison (the % change, coloured
 * up or down, and the change in words beside it) when it has no other comparison, else in the
 * note line under it.
 *
 * @example withLastSnapshot(data, { at: '2026-12-06T09:00:00Z', value: 100 }, format).comparison?.value // 100
 */
export function withLastSnapshot(data: KpiData, last: HistoryPoint | undefined, format: (n: number) => string): KpiData {
  const words = snapshotChangeWords(data.value, last, format);
  if (data.comparison) return { ...data, periodLabel: data.periodLabel ? `${data.periodLabel} · ${words}` : words };
  return { ...data, comparison: { label: words, value: last?.value ?? null } };
}
