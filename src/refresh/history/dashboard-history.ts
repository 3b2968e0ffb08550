/**
 * History on a dashboard refresh (issue 17): before the plan, the history tiles' points and the
 * KPIs' "vs last snapshot" come from the dashboard's history table; after a successful write, the
 * refresh's own snapshot is appended. The tiles show the snapshots taken with the same parameter
 * choices as this refresh (Region = West is not compared with all regions), plus this refresh.
 */
import {
  historyChartData, historyKpi, withLastSnapshot, type HistoryPoint, type KpiData, type ParameterValues, type Tile, type TileOutcome,
} from '../../dashboards';
import { formatNumber } from '../../engine/format';
import type { ExcelRun } from '../../excel/api';
import { historyTableName, readHistoryTable } from '../../excel/history';
import type { PivotDeckDocument } from '../../model';
import { recordHistory, type HistoryRecord } from './record-history';
import { planRetention } from './retention';
import { dashboardSnapshot, parameterWords, PARAMETERS_COLUMN, STAMP_COLUMN } from './snapshot';

type DashboardDef = PivotDeckDocument['dashboards'][number];

export interface DashboardHistoryInput {
  run: ExcelRun;
  def: DashboardDef;
  tiles: readonly Tile[];
  /** Tile outcomes of this refresh; history tiles and KPI comparisons are filled in here. */
  outcomes: Map<string, TileOutcome>;
  values: ParameterValues;
  at: Date;
  signal?: AbortSignal;
}

function numeric(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Each KPI's earlier values with the same parameter choices, oldest first, read from the
 * dashboard's history table (one read, chunked under 5 MB).
 */
async function earlierPoints(input: DashboardHistoryInput, parameters: string): Promise<Map<string, HistoryPoint[]>> {
  const state = await readHistoryTable(input.run, historyTableName(input.def.id), { columns: [STAMP_COLUMN, PARAMETERS_COLUMN, 'Tile', 'Item', 'Value'], signal: input.signal });
  const out = new Map<string, HistoryPoint[]>();
  if (!state.exists) return out;
  const col = (name: string) => state.columns.get(state.header.findIndex((h) => h.toLowerCase() === name.toLowerCase())) ?? [];
  const [stamps, params, tiles, items, values] = [col(STAMP_COLUMN), col(PARAMETERS_COLUMN), col('Tile'), col('Item'), col('Value')];
  // Snapshots this refresh's retention removes are not drawn (the tile shows what the table keeps).
  const going = input.def.history?.keep ? planRetention(stamps, input.def.history, input.at, 0).deleteOldest : 0;
  stamps.forEach((stamp, i) => {
    // KPI rows have no item; chart and table rows do.
    if (i < going || stamp === '' || String(params[i] ?? '') !== parameters || (items[i] ?? '') !== '') return;
    const tile = String(tiles[i] ?? '');
    const list = out.get(tile) ?? [];
    list.push({ at: String(stamp), value: numeric(values[i]) });
    out.set(tile, list);
  });
  return out;
}

/**
 * Fills the history tiles' outcomes and adds "vs last snapshot" to KPIs that ask for it. A
 * history tile is stale (with why) when its KPI is missing or did not refresh, or the dashboard
 * keeps no history. Nothing is read when no tile needs history.
 *
 * @example await prepareDashboardHistory({ run, def, tiles, outcomes, values, at });
 */
export async function prepareDashboardHistory(input: DashboardHistoryInput): Promise<void> {
  const { tiles, outcomes } = input;
  const historyTiles = tiles.filter((t) => t.kind === 'history');
  const comparing = tiles.filter((t) => t.kind === 'kpi' && t.vsLastSnapshot);
  if (historyTiles.length === 0 && comparing.length === 0) return;
  const parameters = parameterWords(tiles, input.values);
  let points: Map<string, HistoryPoint[]>;
  try {
    points = await earlierPoints(input, parameters);
  } catch (error) {
    if (input.signal?.aborted) throw error;
    const why = `the history could not be read (${error instanceof Error ? error.message : String(error)})`;
    for (const t of historyTiles) outcomes.set(t.id, { status: 'stale', reason: why });
    return;
  }
  for (const kpi of comparing) {
    const o = outcomes.get(kpi.id);
    if (o?.status !== 'fresh' || o.data.kind !== 'kpi') continue;
    const data: KpiData = o.data;
    const last = points.get(kpi.id)?.at(-1);
    outcomes.set(kpi.id, { status: 'fresh', data: withLastSnapshot(data, last, (n) => formatNumber(n, data.numberFormat)) });
  }
  for (const t of historyTiles) {
    if (t.kind !== 'history') continue;
    const kpi = historyKpi(t, tiles);
    const o = kpi ? outcomes.get(kpi.id) : undefined;
    if (!kpi) {
      outcomes.set(t.id, { status: 'stale', reason: `there is no key figure "${t.kpi}" on this dashboard to draw; pick one in the tile's settings` });
    } else if (!input.def.history?.keep) {
      outcomes.set(t.id, { status: 'stale', reason: 'this dashboard keeps no history yet; turn on "Keep history" in its settings' });
    } else if (o?.status !== 'fresh' || o.data.kind !== 'kpi') {
      outcomes.set(t.id, { status: 'stale', reason: `"${kpi.title}" did not refresh` });
    } else {
      const now = { at: input.at.toISOString(), value: o.data.value };
      outcomes.set(t.id, { status: 'fresh', data: historyChartData([...(points.get(kpi.id) ?? []), now], kpi.title || 'Value', o.data.numberFormat, t.points) });
    }
  }
}

/**
 * Appends a written dashboard's snapshot (the tiles that refreshed), when it keeps history.
 * @example const record = await keepDashboardHistory({ run, def, tiles, outcomes, values, at });
 */
export async function keepDashboardHistory(input: DashboardHistoryInput): Promise<HistoryRecord | undefined> {
  if (!input.def.history?.keep) return undefined;
  return recordHistory(input.run, {
    ownerId: input.def.id, ownerLabel: input.def.label, options: input.def.history, at: input.at,
    parameters: parameterWords(input.tiles, input.values), snapshot: dashboardSnapshot(input.tiles, input.outcomes),
  });
}
