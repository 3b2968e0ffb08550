/**
 * What one refresh adds to a history table (issue 17): its result as rows, stamped with the
 * refresh time and the parameter choices. Pure.
 *
 * - A saved query's snapshot is its result in tidy form: one row per group. A table result is
 *   taken as it is; a grid result becomes one row per (row item, column item) with the row and
 *   column fields as columns and one column per measure, subtotals and grand totals included and
 *   marked in "Row level" / "Column level" ('item', 'subtotal', 'grand total'), so a grid's totals
 *   (a median, say, which no one can add up later) are kept.
 * - A dashboard's snapshot is one row per value its refreshed tiles show: a KPI's value; each
 *   point of a chart (category × series); each number of a table tile (row × column).
 */
import type { TileData, TileOutcome, Tile, ParameterValues } from '../../dashboards';
import { dashboardParameters } from '../../dashboards';
import type { QueryResult } from '../../engine';
import type { AxisItem } from '../../engine/query/result';

/** A cell of a history row: blank is "". */
export type HistoryCell = string | number | boolean;

/** The two columns every history table starts with. */
export const STAMP_COLUMN = 'Refreshed at (UTC)';
export const PARAMETERS_COLUMN = 'Parameters';

/** A snapshot before it is stamped. */
export interface Snapshot {
  header: string[];
  rows: HistoryCell[][];
  /** Per column, Excel number format ('General' for labels). */
  numberFormats: string[];
}

/** Excel holds finite numbers only, and no -0; null is a blank cell. */
function cell(v: unknown): HistoryCell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : '';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

const LEVEL: Record<AxisItem['kind'], string> = { item: 'item', subtotal: 'subtotal', grandTotal: 'grand total' };

/**
 * A query result as snapshot rows.
 * @example querySnapshot({ flat: { header: ['Region', 'Revenue'], rows: [['West', 5]], numberFormats: ['General', '#,##0'] }, sourceRowCount: 1, rowCount: 1, skipped: {} }).rows // [['West', 5]]
 */
export function querySnapshot(result: QueryResult): Snapshot {
  if (result.flat) {
    const { header, rows, numberFormats } = result.flat;
    return { header: [...header], rows: rows.map((r) => r.map(cell)), numberFormats: header.map((_, i) => numberFormats[i] || 'General') };
  }
  const grid = result.grid;
  if (!grid) return { header: [], rows: [], numberFormats: [] };
  const hasColumns = grid.columnFields.length > 0;
  const header = [
    'Row level', ...grid.rowFields,
    ...(hasColumns ? ['Column level', ...grid.columnFields] : []),
    ...grid.measures.map((m) => m.label),
  ];
  const labels = 1 + grid.rowFields.length + (hasColumns ? 1 + grid.columnFields.length : 0);
  const numberFormats = [...new Array<string>(labels).fill('General'), ...grid.measures.map((m) => m.numberFormat || 'General')];
  const M = grid.measures.length;
  const rows: HistoryCell[][] = [];
  grid.rowItems.forEach((ri, r) => {
    grid.columnItems.forEach((ci, c) => {
      const values = grid.values[r]!.slice(c * M, c * M + M);
      rows.push([
        LEVEL[ri.kind], ...grid.rowFields.map((_, d) => (d < ri.path.length ? cell(ri.path[d]) : '')),
        ...(hasColumns ? [LEVEL[ci.kind], ...grid.columnFields.map((_, d) => (d < ci.path.length ? cell(ci.path[d]) : ''))] : []),
        ...values.map(cell),
      ]);
    });
  });
  return { header, rows, numberFormats };
}

/** The dashboard snapshot's columns after the stamp and parameters. */
export const DASHBOARD_COLUMNS = ['Tile', 'Title', 'Item', 'Series', 'Value'] as const;

function tileRows(tile: Tile, data: TileData): HistoryCell[][] {
  const base = [tile.id, tile.title];
  switch (data.kind) {
    case 'kpi':
      return [[...base, '', '', cell(data.value)]];
    case 'chart':
      return data.categories.flatMap((c, i) => data.series.map((s) => [...base, cell(c), s.name, cell(s.values[i])]));
    case 'table': {
      const labels = data.labelColumns ?? 1;
      return data.rows.flatMap((row) => {
        const item = row.slice(0, labels).map((v) => (v === null ? '' : String(v))).join(' · ');
        return data.header.slice(labels).map((h, j) => [...base, item, h, cell(row[labels + j])]);
      });
    }
    default:
      return [];
  }
}

/**
 * A dashboard refresh as snapshot rows: the tiles that refreshed (a stale tile shows old values,
 * so it adds nothing), in tile order. History tiles and the header add nothing.
 * @example dashboardSnapshot(tiles, outcomes).header // ['Tile', 'Title', 'Item', 'Series', 'Value']
 */
export function dashboardSnapshot(tiles: readonly Tile[], outcomes: ReadonlyMap<string, TileOutcome>): Snapshot {
  const rows: HistoryCell[][] = [];
  for (const tile of tiles) {
    if (tile.kind === 'header' || tile.kind === 'history') continue;
    const o = outcomes.get(tile.id);
    if (o?.status === 'fresh') rows.push(...tileRows(tile, o.data));
  }
  return { header: [...DASHBOARD_COLUMNS], rows, numberFormats: ['General', 'General', 'General', 'General', 'General'] };
}

/**
 * The parameter choices in words, in the dashboard's order: "Region = West · Year = 2025";
 * "" without parameters. Snapshots are compared by this text.
 * @example parameterWords(tiles, { p_region: 'West', p_year: 'All' }) // 'Region = West · Year = All'
 */
export function parameterWords(tiles: readonly Tile[], values: ParameterValues): string {
  return dashboardParameters(tiles)
    .map((p) => `${p.label} = ${values[p.id] === undefined || values[p.id] === '' ? 'All' : String(values[p.id])}`)
    .join(' · ');
}

/**
 * The table's header for a snapshot: the stamp, the parameters, then the snapshot's columns,
 * renamed where they clash with those two or with each other ("Parameters2"), as Excel tables
 * need unique names.
 * @example stampedHeader(['Region', 'Parameters']) // ['Refreshed at (UTC)', 'Parameters', 'Region', 'Parameters2']
 */
export function stampedHeader(header: readonly string[]): string[] {
  const seen = new Set([STAMP_COLUMN.toLowerCase(), PARAMETERS_COLUMN.toLowerCase()]);
  const out = [STAMP_COLUMN, PARAMETERS_COLUMN];
  header.forEach((h, i) => {
    const base = h.trim() === '' ? `Column${i + 1}` : h.slice(0, 255);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    out.push(name);
  });
  return out;
}

/**
 * Snapshot rows with the stamp and parameters in front. A result with no rows still leaves one
 * row (blank values), so the history shows that the refresh happened and found nothing.
 * @example stampedRows({ header: ['A'], rows: [[1]], numberFormats: ['General'] }, '2026-12-07T03:00:00.000Z', '') // [['2026-12-07T03:00:00.000Z', '', 1]]
 */
export function stampedRows(snapshot: Snapshot, at: string, parameters: string): HistoryCell[][] {
  const rows = snapshot.rows.length > 0 ? snapshot.rows : [new Array<HistoryCell>(snapshot.header.length).fill('')];
  return rows.map((r) => [at, parameters, ...r]);
}
