import { dashboardNamePrefix, newDashboardId, parseTiles, TileSchema, tilesOverlap, type Tile } from '../../dashboards';
import { addDashboardSheet, removeDashboardOutput } from '../../excel/dashboard';
import type { PivotDeckDocument } from '../../model';
import type { SourceData } from '../queries/source-data';
import { runDashboard } from './run-dashboard';
import type { DashboardDeps, DashboardDef, DashboardDocResult, DashboardOutcome, RefreshDashboardOptions } from './types';

export interface NewDashboard {
  /** The id to use (the coordinator reserves one); a fresh one when absent. */
  id?: string;
  label: string;
  tiles: Tile[];
  /** Wanted sheet name; a fresh one is found if taken. Default: the label. */
  sheet?: string;
  refreshOnOpen?: boolean;
  refreshEveryMinutes?: number;
  /** Keep history (issue 17). */
  history?: DashboardDef['history'];
}

export interface DashboardChange {
  label?: string;
  tiles?: Tile[];
  refreshOnOpen?: boolean;
  /** null turns the interval off. */
  refreshEveryMinutes?: number | null;
  /** Keep history (issue 17); null turns it off (the history table stays). A document-only change. */
  history?: DashboardDef['history'] | null;
}

/** A dashboard as the pane lists it. */
export interface DashboardSummary {
  id: string;
  label: string;
  sheet: string;
  tileCount: number;
  lastRefresh?: { at: string; ok: boolean; message?: string };
  refreshOnOpen: boolean;
  refreshEveryMinutes?: number;
  /** Tiles that cannot be read (edited by hand, newer PivotDeck). */
  problems: string[];
  /** What it read at its last refresh (to tell whether it is out of date). */
  readFrom?: DashboardDef['readFrom'];
}

function failedOutcome(message: string): DashboardOutcome {
  return {
    status: 'failed', message, tiles: {}, sources: [], queriesComputed: 0,
    syncs: { read: 0, source: 0, write: 0 }, bytes: { source: 0, write: 0 }, parameterValues: {}, problems: [],
  };
}

function checkTiles(tiles: readonly unknown[]): string | undefined {
  for (const [i, t] of tiles.entries()) {
    const r = TileSchema.safeParse(t);
    if (!r.success) {
      const issue = r.error.issues[0];
      return `Tile ${i + 1} is not valid: ${issue?.message ?? 'unknown problem'}${issue?.path.length ? ` (at ${issue.path.join('.')})` : ''}`;
    }
  }
  const ids = new Set<string>();
  const all = tiles as Tile[];
  for (const [i, t] of all.entries()) {
    if (ids.has(t.id.toLowerCase())) return `Two tiles share the id "${t.id}".`;
    ids.add(t.id.toLowerCase());
    const clash = all.slice(0, i).find((o) => tilesOverlap(o.at, t.at));
    if (clash) return `"${t.title || t.id}" overlaps "${clash.title || clash.id}". Move or resize one of them.`;
  }
  return undefined;
}

function stamp(deps: DashboardDeps): string {
  return (deps.now ?? (() => new Date()))().toISOString();
}

function recorded(def: DashboardDef, outcome: DashboardOutcome, at: string): DashboardDef {
  if (outcome.status === 'cancelled') return def;
  const sheet = outcome.sheet && outcome.status !== 'failed' ? outcome.sheet.slice(0, 31) : def.sheet;
  const next: DashboardDef = { ...def, sheet, lastRefresh: { at, ok: outcome.status === 'written', message: outcome.message.slice(0, 2000) } };
  // What was read and the colours drawn change only when something was written.
  if (outcome.status === 'written' || outcome.status === 'partial') {
    if (outcome.readFrom) next.readFrom = outcome.readFrom;
    if (outcome.chartColours) next.chartColours = outcome.chartColours;
  }
  return next;
}

function replace(doc: PivotDeckDocument, def: DashboardDef): PivotDeckDocument {
  return { ...doc, dashboards: doc.dashboards.map((d) => (d.id === def.id ? def : d)) };
}

/**
 * The document's dashboards as the pane lists them.
 * @example listDashboards(doc)[0] // { id: 'd1', label: 'Sales overview', sheet: 'Sales overview', tileCount: 9, ... }
 */
export function listDashboards(doc: PivotDeckDocument): DashboardSummary[] {
  return doc.dashboards.map((d) => {
    const parsed = parseTiles(d.tiles);
    return {
      id: d.id, label: d.label, sheet: d.sheet, tileCount: parsed.tiles.length,
      ...(d.lastRefresh ? { lastRefresh: d.lastRefresh } : {}),
      refreshOnOpen: d.refreshOnOpen ?? false,
      ...(d.refreshEveryMinutes ? { refreshEveryMinutes: d.refreshEveryMinutes } : {}),
      problems: parsed.problems.map((p) => `Tile ${p.id ?? p.index + 1}: ${p.message}`),
      ...(d.readFrom ? { readFrom: d.readFrom } : {}),
    };
  });
}

/**
 * Builds a new dashboard on a fresh sheet (never over anyone's cells) and adds it to the
 * document (the caller saves it). If nothing could be written, the new sheet is removed and the
 * document is unchanged.
 *
 * @example const { document, id, outcome } = await createDashboard(deps, doc, { label: 'Sales overview', tiles });
 */
export async function createDashboard(deps: DashboardDeps, doc: PivotDeckDocument, request: NewDashboard, options: RefreshDashboardOptions = {}): Promise<DashboardDocResult & { id: string }> {
  const id = request.id ?? newDashboardId(doc.dashboards);
  const label = request.label.trim().slice(0, 255) || 'Dashboard';
  const problem = checkTiles(request.tiles);
  if (problem) return { id, document: doc, outcome: failedOutcome(problem) };
  if (doc.dashboards.length >= 50) return { id, document: doc, outcome: failedOutcome('This workbook already has 50 dashboards, the most PivotDeck keeps. Delete one first.') };
  let sheet: string;
  try {
    sheet = (await addDashboardSheet(deps.run, request.sheet ?? label)).sheet;
  } catch (error) {
    return { id, document: doc, outcome: failedOutcome(`PivotDeck could not add a sheet for the dashboard: ${error instanceof Error ? error.message : String(error)}`) };
  }
  let def: DashboardDef = {
    id, label, sheet, tiles: request.tiles,
    ...(request.refreshOnOpen ? { refreshOnOpen: true } : {}),
    ...(request.refreshEveryMinutes ? { refreshEveryMinutes: request.refreshEveryMinutes } : {}),
    ...(request.history ? { history: request.history } : {}),
  };
  const outcome = await runDashboard(deps, def, { ...options, initial: true, sources: doc.sources });
  if (outcome.status === 'failed' || outcome.status === 'cancelled') {
    await removeDashboardOutput(deps.run, sheet, dashboardNamePrefix(id), { deleteSheet: true }).catch(() => undefined);
    return { id, document: doc, outcome };
  }
  def = recorded(def, outcome, stamp(deps));
  return { id, document: { ...doc, dashboards: [...doc.dashboards, def] }, outcome };
}

/**
 * Refreshes one dashboard: each source read once (or taken from `session` with `reuseSources`),
 * each distinct query computed once, written in two syncs. Tiles whose source fails keep their
 * values and are marked stale; `lastRefresh` records how it went.
 *
 * @example const { document, outcome } = await refreshDashboard(deps, doc, 'd1');
 */
export async function refreshDashboard(deps: DashboardDeps, doc: PivotDeckDocument, id: string, options: RefreshDashboardOptions & { reads?: Map<string, Promise<SourceData>> } = {}): Promise<DashboardDocResult> {
  const def = doc.dashboards.find((d) => d.id === id);
  if (!def) throw new Error(`There is no PivotDeck dashboard "${id}" in this workbook.`);
  const outcome = await runDashboard(deps, def, { ...options, sources: doc.sources });
  return { document: replace(doc, recorded(def, outcome, stamp(deps))), outcome };
}

/**
 * Applies an edit from the pane: new tiles (added, removed, moved, changed) are written at once;
 * label and schedule changes only change the document. If the new tiles cannot be written, the
 * document keeps the previous definition.
 *
 * @example await updateDashboard(deps, doc, 'd1', { tiles: edited })
 */
export async function updateDashboard(deps: DashboardDeps, doc: PivotDeckDocument, id: string, change: DashboardChange, options: RefreshDashboardOptions = {}): Promise<DashboardDocResult> {
  const def = doc.dashboards.find((d) => d.id === id);
  if (!def) throw new Error(`There is no PivotDeck dashboard "${id}" in this workbook.`);
  let next: DashboardDef = { ...def };
  if (change.label?.trim()) next.label = change.label.trim().slice(0, 255);
  if (change.refreshOnOpen !== undefined) next.refreshOnOpen = change.refreshOnOpen;
  if (change.refreshEveryMinutes === null) delete next.refreshEveryMinutes;
  else if (change.refreshEveryMinutes !== undefined) next.refreshEveryMinutes = Math.max(1, Math.min(1440, Math.round(change.refreshEveryMinutes)));
  if (change.history === null) delete next.history;
  else if (change.history !== undefined) next.history = change.history;
  if (!change.tiles) {
    return { document: replace(doc, next), outcome: { ...failedOutcome('Saved.'), status: 'saved' } };
  }
  const problem = checkTiles(change.tiles);
  if (problem) return { document: doc, outcome: failedOutcome(problem) };
  next = { ...next, tiles: change.tiles };
  const outcome = await runDashboard(deps, next, { ...options, sources: doc.sources });
  if (outcome.status === 'failed' || outcome.status === 'cancelled') return { document: doc, outcome };
  return { document: replace(doc, recorded(next, outcome, stamp(deps))), outcome };
}

/**
 * Deletes a dashboard and exactly what PivotDeck wrote for it (with `deleteSheet`, its sheet too
 * when nothing else is on it).
 * @example const next = await deleteDashboard(deps, doc, 'd1', { deleteSheet: true });
 */
export async function deleteDashboard(deps: DashboardDeps, doc: PivotDeckDocument, id: string, options: { deleteSheet?: boolean } = {}): Promise<PivotDeckDocument> {
  const def = doc.dashboards.find((d) => d.id === id);
  if (!def) return doc;
  await removeDashboardOutput(deps.run, def.sheet, dashboardNamePrefix(id), options);
  return { ...doc, dashboards: doc.dashboards.filter((d) => d.id !== id) };
}
