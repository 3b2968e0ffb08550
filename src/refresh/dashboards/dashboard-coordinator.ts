import { dashboardParameters, normaliseParameter, parameterCells, parseTiles, tileName, type Tile } from '../../dashboards';
import { dashboardNamePrefix } from '../../dashboards/names';
import type { ExcelRun } from '../../excel/api';
import { parseBlock } from '../../excel/a1';
import { readDashboardState, watchSheetChanges } from '../../excel/dashboard';
import { locateTable } from '../../excel/query-output';
import type { PivotDeckDocument } from '../../model';
import { DocumentHub, workbookDocumentStore, type DocumentStore } from '../document-hub';
import { refreshAllDashboards, refreshDashboard } from './dashboard-ops';
import { dashboardSourceKeys } from './run-dashboard';
import { DashboardSession, type DashboardDeps, type DashboardOutcome, type DashboardProgress } from './types';

export interface DashboardCoordinatorOptions {
  /** Quiet time after the last parameter-cell change before recomputing (default 300 ms). */
  parameterDebounceMs?: number;
  /** Quiet time after the last change to a source table before refreshing (default 2 s). */
  sourceDebounceMs?: number;
}

function overlaps(address: string, cells: readonly string[]): boolean {
  const a = parseBlock(address);
  if (!a) return true;
  return cells.some((c) => {
    const b = parseBlock(c);
    return b !== undefined && a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
  });
}

function tilesOf(doc: PivotDeckDocument, id: string): { def: PivotDeckDocument['dashboards'][number]; tiles: Tile[] } {
  const def = doc.dashboards.find((d) => d.id === id);
  if (!def) throw new Error(`There is no PivotDeck dashboard "${id}" in this workbook.`);
  return { def, tiles: parseTiles(def.tiles).tiles };
}

/**
 * Owns dashboard refreshes for one workbook: coalesces concurrent requests (a second "Refresh
 * all" joins the running one; parameter changes during a refresh queue exactly one more), keeps
 * the session's source data so a parameter change recomputes without reading sources again,
 * watches parameter cells (debounced, ignoring PivotDeck's own writes), runs refresh-on-open and
 * every-N-minutes schedules, saves the document and tells subscribers.
 *
 * @example
 * const dashboards = createDashboardCoordinator(host.run);
 * await Promise.all([dashboards.refreshAll(), dashboards.refreshAll()]); // one refresh
 */
export class DashboardCoordinator extends DocumentHub {
  readonly session = new DashboardSession();
  private all: Promise<Map<string, DashboardOutcome>> | undefined;
  private readonly single = new Map<string, Promise<DashboardOutcome>>();
  private readonly rerun = new Map<string, Promise<DashboardOutcome>>();
  /** Parameter values each dashboard was last computed with (JSON), to skip no-op changes. */
  private readonly lastValues = new Map<string, string>();
  private controller = new AbortController();

  constructor(readonly deps: DashboardDeps, store: DocumentStore, private readonly options: DashboardCoordinatorOptions = {}) {
    super(store);
  }

  /** True while a refresh runs. */
  get busy(): boolean {
    return this.all !== undefined || this.single.size > 0;
  }

  /** Saves the given dashboards' new definitions into the latest document (others' edits kept). */
  private async merge(updated: PivotDeckDocument, ids: Iterable<string>): Promise<void> {
    const latest = await this.store.load();
    const byId = new Map(updated.dashboards.map((d) => [d.id, d]));
    const wanted = new Set(ids);
    await this.save({ ...latest, dashboards: latest.dashboards.map((d) => (wanted.has(d.id) && byId.has(d.id) ? byId.get(d.id)! : d)) });
  }

  private remember(id: string, outcome: DashboardOutcome): void {
    if (outcome.parameterValues) this.lastValues.set(id, JSON.stringify(outcome.parameterValues));
  }

  /**
   * Refreshes one dashboard. Joins a running refresh of it (or of all); with `reuseSources` (a
   * parameter change) it queues one more run after the running one instead, so the newest
   * parameter values always win.
   */
  refresh(id: string, options: { onProgress?: (p: DashboardProgress) => void; reuseSources?: boolean } = {}): Promise<DashboardOutcome> {
    const running = this.single.get(id) ?? (this.all ? this.all.then((m) => m.get(id) ?? this.start(id, options)) : undefined);
    if (running && !options.reuseSources) return running;
    if (running) {
      const queued = this.rerun.get(id);
      if (queued) return queued;
      const next = running.catch(() => undefined).then(() => {
        this.rerun.delete(id);
        return this.start(id, options);
      });
      this.rerun.set(id, next);
      return next;
    }
    return this.start(id, options);
  }

  private start(id: string, options: { onProgress?: (p: DashboardProgress) => void; reuseSources?: boolean }): Promise<DashboardOutcome> {
    const promise = (async () => {
      const doc = await this.store.load();
      const r = await refreshDashboard(this.deps, doc, id, { ...options, session: this.session, signal: this.controller.signal });
      this.remember(id, r.outcome);
      if (r.outcome.status !== 'cancelled') await this.merge(r.document, [id]);
      return r.outcome;
    })().finally(() => { this.single.delete(id); });
    this.single.set(id, promise);
    return promise;
  }

  /** Refreshes every dashboard (each source read once across them); concurrent calls share one run. */
  refreshAll(options: { onProgress?: (id: string, p: DashboardProgress) => void; only?: (id: string) => boolean } = {}): Promise<Map<string, DashboardOutcome>> {
    if (this.all) return this.all;
    this.all = (async () => {
      // Let single refreshes that already run finish first: they would write the same sheets.
      await Promise.allSettled([...this.single.values()]);
      const doc = await this.store.load();
      if (!doc.dashboards.length) return new Map<string, DashboardOutcome>();
      const only = options.only;
      const r = await refreshAllDashboards(this.deps, doc, {
        session: this.session, signal: this.controller.signal, onProgress: options.onProgress,
        ...(only ? { only: (d) => only(d.id) } : {}),
      });
      for (const [id, o] of r.outcomes) this.remember(id, o);
      if (r.outcomes.size) await this.merge(r.document, r.outcomes.keys());
      return r.outcomes;
    })().finally(() => { this.all = undefined; });
    return this.all;
  }

  /** Refreshes the dashboards marked "refresh when the workbook opens". */
  async refreshOnOpen(): Promise<Map<string, DashboardOutcome>> {
    const doc = await this.store.load();
    const ids = new Set(doc.dashboards.filter((d) => d.refreshOnOpen).map((d) => d.id));
    if (!ids.size) return new Map();
    return this.refreshAll({ only: (id) => ids.has(id) });
  }

  /**
   * Starts every-N-minutes refreshes for the dashboards that opted in (as the document says now);
   * returns stop. Call again after the user changes a schedule.
   */
  async startSchedules(): Promise<() => void> {
    const doc = await this.store.load();
    const timers = doc.dashboards
      .filter((d) => d.refreshEveryMinutes)
      .map((d) => setInterval(() => { void this.refresh(d.id).catch(() => undefined); }, d.refreshEveryMinutes! * 60_000));
    return () => timers.forEach((t) => clearInterval(t));
  }

  /**
   * Recomputes a dashboard when one of its parameter cells changes: debounced, ignoring PivotDeck's
   * own writes and changes that leave the values as they were, from the session's source data (no
   * new reads). Returns stop.
   */
  async watchParameters(id: string, options: { onRefreshed?: (o: DashboardOutcome) => void } = {}): Promise<() => Promise<void>> {
    const { def, tiles } = tilesOf(await this.store.load(), id);
    const cells = parameterCells(tiles);
    const addresses = Object.values(cells.cells);
    if (!addresses.length || !cells.header) return async () => undefined;
    const header = { name: tileName(def.id, cells.header), parameterCells: cells.cells };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = async () => {
      const state = await readDashboardState(this.deps.run, { sheet: def.sheet, prefix: dashboardNamePrefix(def.id), header });
      const values: Record<string, string | number> = {};
      for (const p of dashboardParameters(tiles)) {
        values[p.id] = normaliseParameter(state.parameterValues[p.id]);
      }
      if (this.lastValues.get(id) === JSON.stringify(values)) return;
      const outcome = await this.refresh(id, { reuseSources: true });
      options.onRefreshed?.(outcome);
    };
    const stop = await watchSheetChanges(this.deps.run, def.sheet, (change) => {
      if (change.ownWrite || !overlaps(change.address, addresses)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => { timer = undefined; void fire().catch(() => undefined); }, this.options.parameterDebounceMs ?? 300);
    });
    return async () => {
      if (timer) clearTimeout(timer);
      await stop();
    };
  }

  /**
   * Refreshes a dashboard when a workbook table it reads changes (debounced): the session forgets
   * that table, then the dashboard refreshes. Returns stop.
   */
  async watchSources(id: string, options: { onRefreshed?: (o: DashboardOutcome) => void } = {}): Promise<() => Promise<void>> {
    const { def, tiles } = tilesOf(await this.store.load(), id);
    const stops: Array<() => Promise<void>> = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    for (const key of dashboardSourceKeys(tiles)) {
      if (!key.startsWith('table:')) continue;
      const where = await locateTable(this.deps.run, key.slice('table:'.length)).catch(() => undefined);
      if (!where || where.sheet === def.sheet) continue;
      const area = where.address;
      stops.push(await watchSheetChanges(this.deps.run, where.sheet, (change) => {
        if (!overlaps(change.address, [area])) return;
        this.session.forget(key);
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          void this.refresh(id).then((o) => options.onRefreshed?.(o)).catch(() => undefined);
        }, this.options.sourceDebounceMs ?? 2000);
      }));
    }
    return async () => {
      if (timer) clearTimeout(timer);
      for (const stop of stops) await stop();
    };
  }

  /** Cancels running refreshes between syncs; later requests run normally. */
  cancel(): void {
    this.controller.abort(new DOMException('Refresh cancelled', 'AbortError'));
    this.controller = new AbortController();
  }
}

// Workbook-document code (and zod behind it) loads on first use, off the initial bundle.

/**
 * The coordinator a composition root builds: the document is read and saved in the workbook's
 * settings (a newer or damaged document is never rewritten), or in `store` when given.
 *
 * @example const dashboards = createDashboardCoordinator(host.run);
 */
export function createDashboardCoordinator(run: ExcelRun, store?: DocumentStore, deps: Omit<DashboardDeps, 'run'> = {}, options: DashboardCoordinatorOptions = {}): DashboardCoordinator {
  return new DashboardCoordinator({ ...deps, run }, store ?? workbookDocumentStore(run), options);
}
