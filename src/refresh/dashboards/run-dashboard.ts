/**
 * One dashboard refresh, start to end: read the sheet's state (parameter cells, target cells,
 * what PivotDeck wrote before) in one sync; read each source once (or take it from the session's
 * memory on a parameter change); compute each distinct query once; plan; write in two syncs.
 * A source or query that fails makes only its tiles stale; they keep their previous cells.
 */
import {
  dashboardNamePrefix, parameterCells, parameterChoices, parseTiles, planDashboard, planTileQueries, tileData, tileName,
  type ParameterValues, type Tile, type TileOutcome,
} from '../../dashboards';
import { dashboardParameters, isAll } from '../../dashboards/tile-queries';
import { stampOf } from './source-stamps';
import { unchangedReads } from '../queries/unchanged-reads';
import { sourceRefKey, type QuerySpec, type SourceRef } from '../../engine/spec';
import { DashboardWriteError, readDashboardState, writeDashboardPlan } from '../../excel/dashboard';
import { computeDashboardQueries, type QueryOutcomeByKey } from './compute-queries';
import { readSourceData, sourceLabel, sourcesOf, type SourceData } from '../queries/source-data';
import type { DashboardDeps, DashboardDef, DashboardOutcome, RefreshDashboardOptions } from './types';
import { runWarehouseTiles } from './warehouse-tiles';
import type { SourceDefinition } from '../../connectors/types';
import { keepDashboardHistory, prepareDashboardHistory } from '../history';

export interface RunDashboardOptions extends RefreshDashboardOptions {
  /** Sources read in this call (shared by a "Refresh all" across dashboards), by sourceRefKey. */
  reads?: Map<string, Promise<SourceData>>;
  /** First build: parameters start at "All" whatever the cells hold. */
  initial?: boolean;
  /** Tiles to use instead of the stored ones (an edit being applied). */
  tiles?: readonly unknown[];
  /** The document's source definitions (warehouse queries look their source up there). */
  sources?: readonly SourceDefinition[];
}

function shortLabel(ref: SourceRef): string {
  return ref.kind === 'table' ? ref.name : ref.kind === 'source' ? ref.id : `${ref.sheet}!${ref.address}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026-11-27 03:10" in the pane's local time. */
export function refreshTimeText(at: Date): string {
  return `${at.getFullYear()}-${pad2(at.getMonth() + 1)}-${pad2(at.getDate())} ${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
}

function normalise(v: unknown): string | number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return isAll(v) ? 'All' : v.trim();
  return 'All';
}

function sourcesOfTiles(specs: Iterable<QuerySpec>): Map<string, SourceRef> {
  const out = new Map<string, SourceRef>();
  for (const spec of specs) for (const [k, ref] of sourcesOf(spec)) out.set(k, ref);
  return out;
}

/**
 * Refreshes one dashboard on its sheet; never throws for expected failures (they come back as
 * the outcome), so a "Refresh all" carries on with the next dashboard.
 *
 * @example const outcome = await runDashboard(deps, def, { session });
 */
export async function runDashboard(deps: DashboardDeps, def: DashboardDef, options: RunDashboardOptions = {}): Promise<DashboardOutcome> {
  const { signal, onProgress } = options;
  const parsed = parseTiles(options.tiles ?? def.tiles);
  const tiles = parsed.tiles;
  const problems = parsed.problems.map((p) => `Tile ${p.id ?? p.index + 1}: ${p.message}`);
  const prefix = dashboardNamePrefix(def.id);
  const outcome: DashboardOutcome = {
    status: 'failed', message: '', sheet: def.sheet, tiles: {}, sources: [], queriesComputed: 0,
    syncs: { read: 0, source: 0, write: 0 }, bytes: { source: 0, write: 0 }, parameterValues: {}, problems,
  };
  try {
    // 1. The sheet's state: parameter cells, target cells, names written before.
    onProgress?.({ phase: 'read' });
    const params = parameterCells(tiles);
    const targets: Record<string, string> = {};
    for (const t of tiles) if (t.kind === 'kpi' && t.comparison?.kind === 'target' && t.comparison.cell) targets[t.id] = t.comparison.cell;
    const state = await readDashboardState(deps.run, {
      sheet: def.sheet, prefix, targets,
      ...(params.header ? { header: { name: tileName(def.id, params.header), parameterCells: params.cells } } : {}),
    });
    outcome.syncs.read = state.syncs;
    if (!state.sheetExists) {
      outcome.message = `The sheet "${def.sheet}" of the dashboard "${def.label}" is gone. Delete the dashboard from the pane, or build it again.`;
      return outcome;
    }
    // The user renamed the sheet: follow PivotDeck's names to it (the caller records the new name).
    const sheetName = state.renamedTo ?? def.sheet;
    outcome.sheet = sheetName;
    const values: ParameterValues = {};
    for (const id of Object.keys(params.cells)) values[id] = options.initial ? 'All' : normalise(state.parameterValues[id]);
    outcome.parameterValues = values;

    // 2. Each source once: from memory on a parameter change, else read (shared across a Refresh all).
    let plan = planTileQueries(tiles, values);
    const refs = sourcesOfTiles(plan.queries.values());
    // Before computing from memory, make sure the sources did not change since they were read.
    if (options.reuseSources && options.session) outcome.syncs.read += await forgetChanged(deps, refs, options.session, options.sources ?? []);
    const data = new Map<string, SourceData>();
    const failed = new Map<string, string>();
    // First build on a warehouse: the Year choices are asked first (one grouped query each, no
    // rows), so the tiles are planned with the year the period KPIs show, as on workbook data
    // below (issue 16 part 8: the dropdown never says "All" above cards that show one year).
    const yearQueries = deps.warehouse && options.initial ? yearChoiceQueries(tiles, plan, values) : new Map<string, QuerySpec>();
    const early = deps.warehouse && yearQueries.size > 0
      ? await runWarehouseTiles(deps.warehouse, yearQueries, refs, { signal, onProgress, sources: options.sources })
      : undefined;
    const startYears = early && latestYears(yearQueries.keys(), plan, (key) => early.results.get(key));
    if (startYears) {
      Object.assign(values, startYears);
      plan = planTileQueries(tiles, values);
    }
    // Warehouse sources are never read as rows: each distinct query runs where the data is.
    const warehouse = deps.warehouse
      ? await runWarehouseTiles(deps.warehouse, plan.queries, refs, {
        signal, onProgress,
        kept: (key) => {
          const asked = early?.results.get(key);
          return asked?.ok ? asked.result : options.reuseSources ? options.session?.result(key) : undefined;
        },
        inMemory: (key) => options.reuseSources === true && options.session?.get(key) !== undefined,
        sources: options.sources,
      })
      : undefined;
    if (warehouse && early) {
      // The Year choices asked first are answers of this run too.
      for (const [key, r] of early.results) if (!warehouse.results.has(key)) warehouse.results.set(key, r);
      for (const key of early.keys) warehouse.keys.add(key);
      warehouse.computed += early.computed;
      warehouse.bytes += early.bytes;
    }
    if (warehouse) {
      outcome.sources.push(...warehouse.sources);
      outcome.bytes.source += warehouse.bytes;
      outcome.queriesComputed += warehouse.computed;
    }
    for (const [key, ref] of refs) {
      signal?.throwIfAborted();
      if (warehouse?.keys.has(key)) continue;
      const remembered = options.reuseSources ? options.session?.get(key) : undefined;
      if (remembered) {
        data.set(key, remembered);
        outcome.sources.push({ key, label: shortLabel(ref), ok: true, fromMemory: true });
        continue;
      }
      onProgress?.({ phase: 'source', source: sourceLabel(ref), rowsRead: 0 });
      let pending = options.reads?.get(key);
      const fresh = pending === undefined;
      if (!pending) {
        pending = readSourceData(deps.run, ref, {
          signal, pull: deps.pull,
          onProgress: (p) => onProgress?.({ phase: 'source', source: sourceLabel(ref), rowsRead: p.rowsRead, totalRows: p.totalRows }),
        });
        options.reads?.set(key, pending);
      }
      try {
        const d = await pending;
        data.set(key, d);
        options.session?.set(key, new Date().toISOString(), d);
        if (fresh) {
          outcome.syncs.source += d.syncs;
          outcome.bytes.source += d.bytes;
        }
        outcome.sources.push({ key, label: shortLabel(ref), ok: true });
      } catch (error) {
        if (signal?.aborted) throw error;
        const message = error instanceof Error ? error.message : String(error);
        failed.set(key, message);
        outcome.sources.push({ key, label: shortLabel(ref), ok: false, message });
      }
    }

    // What each source looked like, recorded so the pane can say "Out of date" when one changes.
    // The document keeps up to 40 (a dashboard reading more is checked on its first 40).
    outcome.readFrom = [...refs].flatMap(([key, ref]) => (warehouse?.keys.has(key) || data.has(key) ? [stampOf(ref, data.get(key), options.sources ?? [])] : [])).slice(0, 40);

    // 3. Each distinct query once (queries whose source failed are not computed).
    onProgress?.({ phase: 'compute' });
    // First build: a Year dropdown that period KPIs follow starts at the year those KPIs show (the
    // latest with data), so the dropdown never says "All" above cards that show one year.
    if (options.initial) {
      const start = await initialYears(tiles, plan, values, data, { compute: deps.compute, signal });
      if (start) {
        Object.assign(values, start);
        plan = planTileQueries(tiles, values);
      }
    }
    const results: QueryOutcomeByKey = new Map();
    const computable = new Map<string, QuerySpec>();
    for (const [key, spec] of plan.queries) {
      const broken = [...sourcesOf(spec).keys()].find((k) => failed.has(k));
      // On a parameter change, tiles the parameter does not touch keep their computed result.
      const kept = options.reuseSources ? options.session?.result(key) : undefined;
      const pushed = warehouse?.results.get(key);
      // Kept after the sources were read: reading a source clears the session's results.
      if (pushed?.ok) options.session?.keepResult(key, pushed.result);
      if (pushed) results.set(key, pushed);
      else if (broken) results.set(key, { ok: false, reason: `${shortLabel(refs.get(broken)!)} could not be read. ${failed.get(broken)}` });
      else if (kept) results.set(key, { ok: true, result: kept });
      else computable.set(key, spec);
    }
    const sources: Record<string, SourceData> = Object.fromEntries(data);
    for (const [key, r] of await computeDashboardQueries(computable, sources, { compute: deps.compute, signal })) {
      results.set(key, r);
      if (r.ok) {
        outcome.queriesComputed++;
        options.session?.keepResult(key, r.result);
      }
    }

    // 4. Tile outcomes.
    const outcomes = new Map<string, TileOutcome>();
    // A parameter whose choices failed keeps a dropdown of "All" and its current value.
    const choices: Record<string, Array<string | number>> = {};
    for (const [paramId, key] of plan.parameters) {
      const r = results.get(key);
      if (r?.ok) choices[paramId] = parameterChoices(r.result);
    }
    for (const tile of tiles) {
      if (tile.kind === 'header' || tile.kind === 'history') continue;
      const r = results.get(plan.tiles.get(tile.id) ?? '');
      if (!r || !r.ok) {
        outcomes.set(tile.id, { status: 'stale', reason: r && !r.ok ? r.reason : 'not computed' });
        continue;
      }
      try {
        const target = state.targets[tile.id];
        outcomes.set(tile.id, { status: 'fresh', data: tileData(tile, r.result, { tiles, values, target: typeof target === 'number' ? target : null }) });
      } catch (error) {
        outcomes.set(tile.id, { status: 'stale', reason: error instanceof Error ? error.message : String(error) });
      }
    }
    const at = (deps.now ?? (() => new Date()))();
    // History (issue 17): history tiles and "vs last snapshot" from the snapshots kept so far.
    await prepareDashboardHistory({ run: deps.run, def, tiles, outcomes, values, at, signal });
    const sourceWords = outcome.sources.map((s) => `${s.label}: ${s.ok ? 'up to date' : 'failed'}`).join(', ');
    const staleCount = [...outcomes.values()].filter((o) => o.status === 'stale').length;
    const status = `Last refreshed ${refreshTimeText(at)}${sourceWords ? ` · ${sourceWords}` : ''}${staleCount ? ` · ${staleCount} tile${staleCount > 1 ? 's' : ''} not refreshed` : ''}`;
    for (const tile of tiles) {
      if (tile.kind !== 'header') continue;
      outcomes.set(tile.id, { status: 'fresh', data: { kind: 'header', choices, status } });
    }

    // 5. Plan and write.
    signal?.throwIfAborted();
    onProgress?.({ phase: 'write' });
    const writePlan = planDashboard({ dashboardId: def.id, sheet: sheetName, tiles, outcomes, values, colours: def.chartColours });
    const write = await writeDashboardPlan(deps.run, writePlan, { prefix, names: state.names });
    outcome.syncs.write = write.syncs;
    if (writePlan.chartColours) outcome.chartColours = writePlan.chartColours;
    outcome.bytes.write = write.requestBytes;
    for (const [id, o] of outcomes) outcome.tiles[id] = o.status === 'fresh' ? { status: 'fresh' } : { status: 'stale', reason: o.reason };
    outcome.status = staleCount ? 'partial' : 'written';
    const computed = tiles.filter((t) => t.kind !== 'header').length;
    outcome.message = staleCount
      ? `${computed - staleCount} of ${computed} tiles refreshed; ${staleCount} kept their previous values (${outcome.sources.filter((s) => !s.ok).map((s) => s.label).join(', ') || 'see the tiles'}).`
      : `All ${computed} tiles refreshed.`;
    // History (issue 17): only once the dashboard is written; it never fails the refresh.
    const history = await keepDashboardHistory({ run: deps.run, def, tiles, outcomes, values, at });
    if (history) {
      outcome.history = history;
      outcome.message = `${outcome.message} ${history.message}`;
    }
    return outcome;
  } catch (error) {
    if (signal?.aborted) {
      return { ...outcome, status: 'cancelled', message: 'Cancelled. The dashboard was not changed.' };
    }
    outcome.status = 'failed';
    outcome.message = error instanceof DashboardWriteError ? error.message : `The dashboard "${def.label}" could not be refreshed: ${error instanceof Error ? error.message : String(error)}`;
    return outcome;
  }
}

/**
 * Forgets the session's copy of every workbook source that changed since it was read (its stamp
 * now differs from the stamp of the copy), so the refresh reads it again. Returns the syncs spent.
 */
async function forgetChanged(deps: DashboardDeps, refs: ReadonlyMap<string, SourceRef>, session: NonNullable<RunDashboardOptions['session']>, sources: readonly SourceDefinition[]): Promise<number> {
  const held = new Map<string, Promise<SourceData>>();
  for (const key of refs.keys()) {
    const copy = session.get(key);
    if (copy) held.set(key, Promise.resolve(copy));
  }
  // The same check an insert runs before taking the query builder's preview read.
  const { reads, syncs } = await unchangedReads(deps.run, held, refs, sources);
  for (const [key, ref] of refs) if (ref.kind !== 'source' && held.has(key) && !reads.has(key)) session.forget(key);
  return syncs;
}

/**
 * The Year parameters to start at the latest year with data: those on the date field of a KPI
 * that compares periods (such a KPI shows the latest period when the year is "All"). Computed from
 * the parameter's own choices query on the data already read.
 */
async function initialYears(
  tiles: readonly Tile[], plan: ReturnType<typeof planTileQueries>, values: ParameterValues, data: ReadonlyMap<string, SourceData>,
  options: Parameters<typeof computeDashboardQueries>[2],
): Promise<ParameterValues | undefined> {
  const queries = yearChoiceQueries(tiles, plan, values);
  if (!queries.size) return undefined;
  // Computed where the other queries compute (the pane's worker); the main step reuses nothing of it.
  // A query on a source that was not read as rows (a warehouse's) fails here and is left out.
  const results = await computeDashboardQueries(queries, Object.fromEntries(data), options);
  return latestYears(queries.keys(), plan, (key) => results.get(key));
}

/**
 * The choices queries of the Year parameters that start at the latest year: those still on "All"
 * over the date field of a KPI that compares periods (such a KPI shows the latest period when the
 * year is "All").
 */
function yearChoiceQueries(tiles: readonly Tile[], plan: ReturnType<typeof planTileQueries>, values: ParameterValues): Map<string, QuerySpec> {
  const periodFields = new Set(tiles.flatMap((t) => (t.kind === 'kpi' && t.comparison && t.comparison.kind !== 'target' ? [t.comparison.dateField] : [])));
  const out = new Map<string, QuerySpec>();
  for (const p of dashboardParameters(tiles)) {
    if (p.kind !== 'year' || !periodFields.has(p.field) || !isAll(values[p.id])) continue;
    const key = plan.parameters.get(p.id);
    const spec = key ? plan.queries.get(key) : undefined;
    if (key && spec) out.set(key, spec);
  }
  return out;
}

/** The Year parameters of the choices queries `keys` at the latest year their answers hold; undefined when none is answered. */
function latestYears(
  keys: Iterable<string>, plan: ReturnType<typeof planTileQueries>, answer: (key: string) => ReturnType<QueryOutcomeByKey['get']>,
): ParameterValues | undefined {
  const out: ParameterValues = {};
  for (const key of keys) {
    const r = answer(key);
    if (!r?.ok) continue;
    const years = parameterChoices(r.result).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (!years.length) continue;
    for (const [paramId, k] of plan.parameters) if (k === key) out[paramId] = Math.max(...years);
  }
  return Object.keys(out).length ? out : undefined;
}

/** Source keys a dashboard reads (for "refresh when a source changes"). */
export function dashboardSourceKeys(tiles: readonly Tile[]): string[] {
  const keys = new Set<string>();
  for (const t of tiles) if (t.kind !== 'header' && t.kind !== 'history') keys.add(sourceRefKey(t.source));
  return [...keys];
}
