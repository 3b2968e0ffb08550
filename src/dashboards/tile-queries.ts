/**
 * The queries a dashboard needs, as engine query specs: one per computed tile (with the
 * dashboard's parameters turned into filters) and one per parameter (its dropdown choices).
 * Identical specs share one key, so a refresh computes each distinct query once even when
 * several tiles show the same numbers.
 */
import { QUERY_SPEC_VERSION, sourceRefKey, type DatePart, type DerivedField, type Filter, type QuerySpec, type SourceRef } from '../engine/spec';
import type { AxisField, ChartTile, ComputedTile, DashboardParameter, KpiTile, ParameterValues, TableTile, Tile } from './types';

export interface TileQueryUse {
  key: string;
  spec: QuerySpec;
}

export interface TileQueryPlan {
  /** Distinct specs by key; compute each once. */
  queries: Map<string, QuerySpec>;
  /** Tile id → the key of the query it shows. */
  tiles: Map<string, string>;
  /** Parameter id → the key of the query listing its choices. */
  parameters: Map<string, string>;
}

const NO_TOTALS = { subtotals: false, grandTotalRow: false, grandTotalColumn: false } as const;

/**
 * The working-table name of a date part of a field; readable, since it can appear in messages.
 * @example datePartName('Date', 'year') // 'Date (year)'
 */
export function datePartName(field: string, part: DatePart): string {
  return `${field} (${part})`;
}

/** Spec parts being assembled: derived fields are added once by name. */
class SpecParts {
  derived: DerivedField[] = [];
  filters: Filter[] = [];

  part(field: string, part: DatePart): string {
    const name = datePartName(field, part);
    if (!this.derived.some((d) => d.name === name)) this.derived.push({ kind: 'datePart', name, field, part });
    return name;
  }

  /** Working-table fields for an axis field ('yearMonth' gives two). */
  axis(a: AxisField): string[] {
    if (!a.by) return [a.field];
    if (a.by === 'yearMonth') return [this.part(a.field, 'year'), this.part(a.field, 'month')];
    return [this.part(a.field, a.by)];
  }

  spec(source: SourceRef, rest: Omit<QuerySpec, 'version' | 'source' | 'derived' | 'filters'>): QuerySpec {
    const spec: QuerySpec = { version: QUERY_SPEC_VERSION, source, ...rest };
    if (this.derived.length) spec.derived = this.derived;
    if (this.filters.length) spec.filters = this.filters;
    return spec;
  }
}

/**
 * "All", blank (spaces included) or absent means no filter.
 * @example isAll('  all ') // true
 * @example isAll('   ') // true
 * @example isAll(0) // false
 */
export function isAll(value: string | number | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'string') return false;
  const t = value.trim().toLowerCase();
  return t === '' || t === 'all';
}

/**
 * A parameter cell's value as the dashboard uses it: numbers as they are, text trimmed, and
 * "All" for every spelling of no filter (blank, spaces, "all", anything not text or number).
 * The one normalisation: the first build and the cell watcher must agree, or the watcher sees a
 * change that is not one and refreshes again.
 * @example normaliseParameter('  West ') // 'West'
 * @example normaliseParameter('   ') // 'All'
 * @example normaliseParameter(true) // 'All'
 */
export function normaliseParameter(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && !isAll(value)) return value.trim();
  return 'All';
}

/** The dashboard's parameters (from its header tiles), in order. */
export function dashboardParameters(tiles: readonly Tile[]): DashboardParameter[] {
  return tiles.flatMap((t) => (t.kind === 'header' ? t.parameters : []));
}

/** The source a parameter filters: its own, else the first computed tile's. */
export function parameterSource(p: DashboardParameter, tiles: readonly Tile[]): SourceRef | undefined {
  return p.source ?? tiles.find((t): t is ComputedTile => t.kind !== 'header')?.source;
}

/** Whether parameter `p` filters `tile`. */
export function parameterApplies(p: DashboardParameter, tile: ComputedTile, tiles: readonly Tile[]): boolean {
  if (tile.ignoreParameters?.includes(p.id)) return false;
  const src = parameterSource(p, tiles);
  return src !== undefined && sourceRefKey(src) === sourceRefKey(tile.source);
}

/** The year a KPI treats as "current" from the Year parameter on its date field, if one is set. */
export function selectedYear(tile: KpiTile, tiles: readonly Tile[], values: ParameterValues): number | undefined {
  if (tile.comparison?.kind !== 'previousPeriod' && tile.comparison?.kind !== 'samePeriodLastYear') return undefined;
  const field = tile.comparison.dateField;
  for (const p of dashboardParameters(tiles)) {
    if (p.kind !== 'year' || p.field !== field || !parameterApplies(p, tile, tiles)) continue;
    const v = values[p.id];
    if (!isAll(v) && Number.isFinite(Number(v))) return Number(v);
  }
  return undefined;
}

function addParameterFilters(parts: SpecParts, tile: ComputedTile, tiles: readonly Tile[], values: ParameterValues): void {
  const periodField = tile.kind === 'kpi' && tile.comparison && tile.comparison.kind !== 'target' ? tile.comparison.dateField : undefined;
  for (const p of dashboardParameters(tiles)) {
    const v = values[p.id];
    if (isAll(v) || !parameterApplies(p, tile, tiles)) continue;
    if (p.kind === 'list') {
      parts.filters.push({ kind: 'in', field: p.field, values: [v] });
    } else if (p.kind === 'from' || p.kind === 'to') {
      // A typed date is an Excel serial; anything else is no bound.
      if (typeof v === 'number' && Number.isFinite(v)) parts.filters.push({ kind: 'compare', field: p.field, op: p.kind === 'from' ? '>=' : '<=', value: v });
    } else if (p.field !== periodField) {
      // A KPI comparing periods on this date field uses the year to pick its period instead.
      parts.filters.push({ kind: 'in', field: parts.part(p.field, 'year'), values: [Number(v)] });
    }
  }
}

function kpiSpec(tile: KpiTile, tiles: readonly Tile[], values: ParameterValues): QuerySpec {
  const parts = new SpecParts();
  parts.filters.push(...(tile.filters ?? []));
  addParameterFilters(parts, tile, tiles, values);
  const measure = { ...tile.measure, id: 'value' };
  delete measure.showAs;
  const c = tile.comparison;
  if (!c || c.kind === 'target') return parts.spec(tile.source, { rows: [], measures: [measure] });
  const rows = [parts.part(c.dateField, 'year')];
  if (c.period !== 'year') rows.push(parts.part(c.dateField, c.period));
  return parts.spec(tile.source, { rows, measures: [measure], totals: NO_TOTALS });
}

function chartSpec(tile: ChartTile, tiles: readonly Tile[], values: ParameterValues): QuerySpec {
  const parts = new SpecParts();
  parts.filters.push(...(tile.filters ?? []));
  addParameterFilters(parts, tile, tiles, values);
  const rows = parts.axis(tile.category);
  const measures = tile.measures.map((m, i) => ({ ...m, id: `m${i}` }));
  const single = tile.chartType === 'pie' || tile.chartType === 'doughnut';
  const used = single ? measures.slice(0, 1) : tile.chartType === 'combo' ? measures.slice(0, 2) : measures;
  const columns = tile.series && !single && tile.chartType !== 'combo' ? [tile.series] : undefined;
  if (tile.top && rows.length === 1) parts.filters.push({ kind: 'topN', field: rows[0], n: tile.top, measure: 'm0' });
  // Dates read in time order; other categories largest first, as a reader scans a bar chart.
  const sort = tile.category.by ? undefined : [{ field: rows[0], by: 'measure' as const, measure: 'm0', order: 'desc' as const }];
  return parts.spec(tile.source, { rows, ...(columns ? { columns } : {}), measures: used, totals: NO_TOTALS, ...(sort ? { sort } : {}) });
}

function tableSpec(tile: TableTile, tiles: readonly Tile[], values: ParameterValues): QuerySpec {
  const parts = new SpecParts();
  parts.filters.push(...(tile.filters ?? []));
  addParameterFilters(parts, tile, tiles, values);
  const rows = tile.rows.flatMap((r) => parts.axis(r));
  const columns = tile.column ? parts.axis(tile.column) : undefined;
  const measures = tile.measures.map((m) => ({ ...m }));
  let sort: QuerySpec['sort'];
  if (tile.top) {
    parts.filters.push({ kind: 'topN', field: rows[0], n: tile.top.n, measure: tile.top.measure, direction: tile.top.direction ?? 'top' });
    sort = [{ field: rows[0], by: 'measure', measure: tile.top.measure, order: tile.top.direction === 'bottom' ? 'asc' : 'desc' }];
  }
  // A top/bottom list has no totals; a small pivot grid shows its grand totals.
  const totals = tile.top ? NO_TOTALS : { subtotals: false, grandTotalRow: true, grandTotalColumn: columns !== undefined };
  return parts.spec(tile.source, { rows, ...(columns ? { columns } : {}), measures, totals, ...(sort ? { sort } : {}) });
}

function choicesSpec(p: DashboardParameter, source: SourceRef): QuerySpec {
  const parts = new SpecParts();
  const field = p.kind === 'year' ? parts.part(p.field, 'year') : p.field;
  return parts.spec(source, { rows: [field], measures: [{ id: 'n', kind: 'count', field: p.field }], totals: NO_TOTALS });
}

/**
 * The query spec of one computed tile under the given parameter values.
 * @example tileSpec(kpi, tiles, { region: 'West' }).filters // [{ kind: 'in', field: 'Region', values: ['West'] }]
 */
export function tileSpec(tile: ComputedTile, tiles: readonly Tile[], values: ParameterValues): QuerySpec {
  switch (tile.kind) {
    case 'kpi':
      return kpiSpec(tile, tiles, values);
    case 'chart':
      return chartSpec(tile, tiles, values);
    case 'table':
      return tableSpec(tile, tiles, values);
  }
}

/**
 * Every query a refresh must compute, each distinct one once.
 *
 * @example
 * const plan = planTileQueries(tiles, { region: 'West', year: 'All' });
 * plan.queries.size // ≤ number of tiles + parameters
 */
export function planTileQueries(tiles: readonly Tile[], values: ParameterValues): TileQueryPlan {
  const queries = new Map<string, QuerySpec>();
  const add = (spec: QuerySpec) => {
    const key = JSON.stringify(spec);
    if (!queries.has(key)) queries.set(key, spec);
    return key;
  };
  const tileKeys = new Map<string, string>();
  for (const tile of tiles) if (tile.kind !== 'header' && tile.kind !== 'history') tileKeys.set(tile.id, add(tileSpec(tile, tiles, values)));
  const parameters = new Map<string, string>();
  for (const p of dashboardParameters(tiles)) {
    const source = parameterSource(p, tiles);
    // Date bounds are typed, not picked: no list to compute.
    if (source && (p.kind === 'list' || p.kind === 'year')) parameters.set(p.id, add(choicesSpec(p, source)));
  }
  return { queries, tiles: tileKeys, parameters };
}
