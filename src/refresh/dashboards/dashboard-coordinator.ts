import { dashboardParameters, newDashboardId, normaliseParameter, parameterCells, parseTiles, tileName, type Tile } from '../../dashboards';
import { dashboardNamePrefix } from '../../dashboards/names';
import { intersects } from '../../engine/address/a1';
import { parseBlock } from '../../excel/a1';
import { readDashboardState, removeDashboardOutput } from '../../excel/dashboard';
import { locateTable } from '../../excel/query-output';
import type { PivotDeckDocument } from '../../model';
import { ConsentNeededError, type ConsentGate } from '../consent/consent-gate';
import { originsNamedBy } from '../consent/workbook-origins';
import type { DocumentService } from '../document';
import { WorkbookEvents } from '../services/workbook-events';
import { lockKey } from '../document/object-locks';
import type { SourceData } from '../queries/source-data';
import { createDashboard, refreshDashboard, updateDashboard, type DashboardChange, type NewDashboard } from './dashboard-ops';
import { dashboardSourceKeys } from './run-dashboard';
import { DashboardSession, type DashboardDeps, type DashboardDef, type DashboardOutcome, type DashboardProgress } from './types';

export interface DashboardCoordinatorOptions {
  /** Asked before refresh on open and schedules reach the network (absent: tests without consent). */
  consent?: ConsentGate;
  /** Quiet time after the last parameter-cell change before recomputing (default 300 ms). */
  parameterDebounceMs?: number;
  /** Quiet time after the last change to a source table before refreshing (default 2 s). */
  sourceDebounceMs?: number;
  /** The composition root's dispatcher of sheet events; a private one over `deps.run` when absent (tests). */
  events?: WorkbookEvents;
}

function overlaps(address: string, cells: readonly string[]): boolean {
  const a = parseBlock(address);
  if (!a) return true;
  return cells.some((c) => {
    const b = parseBlock(c);
    return b !== undefined && intersects(a, b);
  });
}

/** What a refresh owns of a dashboard's definition: its sheet, last refresh, what it read and its chart colours. */
function refreshPart(stored: DashboardDef, refreshed: DashboardDef): DashboardDef {
  return {
    ...stored,
    sheet: refreshed.sheet,
    ...(refreshed.lastRefresh ? { lastRefresh: refreshed.lastRefresh } : {}),
    ...(refreshed.readFrom ? { readFrom: refreshed.readFrom } : {}),
    ...(refreshed.chartColours ? { chartColours: refreshed.chartColours } : {}),
  };
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
 * every-N-minutes schedules. Every write of a dashboard's sheet (create, edit, refresh, delete)
 * holds that dashboard's lock together with the document update that records it, so an edit and
 * a scheduled refresh of the same dashboard never interleave.
 *
 * @example
 * const dashboards = new DashboardCoordinator(deps, documents);
 * await Promise.all([dashboards.refreshAll(), dashboards.refreshAll()]); // one refresh
 */
export class DashboardCoordinator {
  readonly session = new DashboardSession();
  private all: Promise<Map<string, DashboardOutcome>> | undefined;
  private readonly single = new Map<string, Promise<DashboardOutcome>>();
  private readonly rerun = new Map<string, Promise<DashboardOutcome>>();
  /** Parameter values each dashboard was last computed with (JSON), to skip no-op changes. */
  private readonly lastValues = new Map<string, string>();
  private controller = new AbortController();
  /** Ids handed to dashboards being created, so two creations never take the same one. */
  private readonly reserved: Array<{ id: string }> = [];
  private readonly events: WorkbookEvents;

  constructor(readonly deps: DashboardDeps, readonly documents: DocumentService, private readonly options: DashboardCoordinatorOptions = {}) {
    this.events = options.events ?? new WorkbookEvents(deps.run);
  }

  /** True while a refresh runs. */
  get busy(): boolean {
    return this.all !== undefined || this.single.size > 0;
  }

  /**
   * Records one dashboard into the document as stored now (others' edits kept). A refresh records
   * only what it owns (its sheet and last refresh), never the tiles it read at its start; an
   * edit records the whole definition.
   */
  private record(reason: string, def: DashboardDef | undefined, part: 'refresh' | 'definition'): Promise<PivotDeckDocument> {
    return this.documents.update(reason, (latest) => (def && latest.dashboards.some((d) => d.id === def.id)
      ? { ...latest, dashboards: latest.dashboards.map((d) => (d.id !== def.id ? d : part === 'definition' ? def : refreshPart(d, def))) }
      : undefined));
  }

  /** Refreshes one dashboard holding its lock and records the outcome. */
  private refreshLocked(id: string, options: { onProgress?: (p: DashboardProgress) => void; reuseSources?: boolean; reads?: Map<string, Promise<SourceData>> }): Promise<DashboardOutcome | undefined> {
    return this.documents.exclusive(lockKey.dashboard(id), async () => {
      const doc = await this.documents.read();
      // Deleted while this refresh waited for the lock: nothing to refresh.
      if (!doc.dashboards.some((d) => d.id === id)) return undefined;
      const r = await refreshDashboard(this.deps, doc, id, { ...options, session: this.session, signal: this.controller.signal });
      this.remember(id, r.outcome);
      if (r.outcome.status !== 'cancelled') await this.record(`refresh dashboard ${id}`, r.document.dashboards.find((d) => d.id === id), 'refresh');
      return r.outcome;
    });
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
    const promise = this.refreshLocked(id, options).then((outcome) => {
      if (!outcome) throw new Error(`There is no PivotDeck dashboard "${id}" in this workbook.`);
      return outcome;
    }).finally(() => { this.single.delete(id); });
    this.single.set(id, promise);
    return promise;
  }

  /** Refreshes every dashboard (each source read once across them); concurrent calls share one run. */
  refreshAll(options: { onProgress?: (id: string, p: DashboardProgress) => void; only?: (id: string) => boolean } = {}): Promise<Map<string, DashboardOutcome>> {
    if (this.all) return this.all;
    this.all = (async () => {
      const doc = await this.documents.read();
      const outcomes = new Map<string, DashboardOutcome>();
      // Each source is read once across the dashboards; each dashboard is written under its lock.
      const reads = new Map<string, Promise<SourceData>>();
      for (const d of doc.dashboards) {
        if (this.controller.signal.aborted) break;
        if (options.only && !options.only(d.id)) continue;
        const outcome = await this.refreshLocked(d.id, { reads, onProgress: (p) => options.onProgress?.(d.id, p) });
        if (outcome) outcomes.set(d.id, outcome);
      }
      return outcomes;
    })().finally(() => { this.all = undefined; });
    return this.all;
  }

  /**
   * True when the user allowed every origin the workbook names (or no consent gate is wired);
   * otherwise the request waits with the gate (the pane shows it) and this says false.
   */
  private async permitted(doc: PivotDeckDocument, what: string, retry?: () => void): Promise<boolean> {
    const gate = this.options.consent;
    if (!gate) return true;
    try {
      await gate.ensure(originsNamedBy(doc), what, retry);
      return true;
    } catch (error) {
      if (error instanceof ConsentNeededError) return false;
      throw error;
    }
  }

  /** Refreshes the dashboards marked "refresh when the workbook opens". */
  async refreshOnOpen(): Promise<Map<string, DashboardOutcome>> {
    const doc = await this.documents.read();
    const opening = doc.dashboards.filter((d) => d.refreshOnOpen);
    if (!opening.length) return new Map();
    // Not before the user allowed what the workbook contacts; allowing runs it then.
    const what = `Refresh on open of ${opening.map((d) => `"${d.label}"`).join(', ')}`;
    if (!(await this.permitted(doc, what, () => { void this.refreshOnOpen().catch(() => undefined); }))) return new Map();
    const ids = new Set(opening.map((d) => d.id));
    return this.refreshAll({ only: (id) => ids.has(id) });
  }

  /**
   * Starts every-N-minutes refreshes for the dashboards that opted in (as the document says now);
   * returns stop. Call again after the user changes a schedule.
   */
  async startSchedules(): Promise<() => void> {
    const doc = await this.documents.read();
    const timers = doc.dashboards
      .filter((d) => d.refreshEveryMinutes)
      .map((d) => setInterval(() => {
        // A schedule waits for the user's permission like refresh on open; the next tick tries again.
        void this.documents.read()
          .then((latest) => this.permitted(latest, `Scheduled refresh of "${d.label}"`))
          .then((ok) => (ok ? this.refresh(d.id) : undefined))
          .catch(() => undefined);
      }, d.refreshEveryMinutes! * 60_000));
    return () => timers.forEach((t) => clearInterval(t));
  }

  /**
   * Recomputes a dashboard when one of its parameter cells changes: debounced, ignoring PivotDeck's
   * own writes and changes that leave the values as they were, from the session's source data (no
   * new reads). Returns stop.
   */
  async watchParameters(id: string, options: { onRefreshed?: (o: DashboardOutcome) => void } = {}): Promise<() => Promise<void>> {
    const { def, tiles } = tilesOf(await this.documents.read(), id);
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
    const stop = await this.events.onSheetChanged(def.sheet, (change) => {
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
    const { def, tiles } = tilesOf(await this.documents.read(), id);
    const stops: Array<() => Promise<void>> = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    for (const key of dashboardSourceKeys(tiles)) {
      if (!key.startsWith('table:')) continue;
      const where = await locateTable(this.deps.run, key.slice('table:'.length)).catch(() => undefined);
      if (!where || where.sheet === def.sheet) continue;
      const area = where.address;
      stops.push(await this.events.onSheetChanged(where.sheet, (change) => {
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

  /**
   * Builds a new dashboard on a fresh sheet and records it. If nothing could be written the new
   * sheet is removed; if its definition cannot be saved, the sheet PivotDeck just wrote is removed
   * too, so no dashboard sheet exists without its definition.
   */
  async create(request: NewDashboard, options: { onProgress?: (p: DashboardProgress) => void } = {}): Promise<{ id: string; outcome: DashboardOutcome }> {
    const doc = await this.documents.read();
    const id = newDashboardId([...doc.dashboards, ...this.reserved]);
    const mark = { id };
    this.reserved.push(mark);
    try {
      return await this.documents.exclusive(lockKey.dashboard(id), async () => {
        const made = await createDashboard(this.deps, doc, { ...request, id }, { ...options, session: this.session, signal: this.controller.signal });
        if (made.outcome.status === 'failed' || made.outcome.status === 'cancelled') return { id, outcome: made.outcome };
        const def = made.document.dashboards.find((d) => d.id === id)!;
        this.remember(id, made.outcome);
        try {
          await this.documents.update(`create dashboard ${id}`, (latest) => ({ ...latest, dashboards: [...latest.dashboards, def] }));
        } catch (error) {
          await removeDashboardOutput(this.deps.run, def.sheet, dashboardNamePrefix(id), { deleteSheet: true }).catch(() => undefined);
          return { id, outcome: { ...made.outcome, status: 'failed', message: `Nothing was created: PivotDeck could not save the dashboard in the workbook, so it removed its sheet again. ${error instanceof Error ? error.message : String(error)}` } };
        }
        return { id, outcome: made.outcome };
      });
    } finally {
      this.reserved.splice(this.reserved.indexOf(mark), 1);
    }
  }

  /** Applies an edit from the pane (tiles rewritten at once; label and schedule saved), holding the dashboard's lock. */
  edit(id: string, change: DashboardChange, options: { onProgress?: (p: DashboardProgress) => void } = {}): Promise<DashboardOutcome> {
    return this.documents.exclusive(lockKey.dashboard(id), async () => {
      const doc = await this.documents.read();
      const r = await updateDashboard(this.deps, doc, id, change, { ...options, session: this.session, signal: this.controller.signal });
      if (r.outcome.status === 'failed' || r.outcome.status === 'cancelled') return r.outcome;
      this.remember(id, r.outcome);
      await this.record(`edit dashboard ${id}`, r.document.dashboards.find((d) => d.id === id), 'definition');
      return r.outcome;
    });
  }

  /** Deletes a dashboard and exactly what PivotDeck wrote for it (with `deleteSheet`, its sheet when nothing else is on it). */
  remove(id: string, options: { deleteSheet?: boolean } = {}): Promise<PivotDeckDocument> {
    return this.documents.exclusive(lockKey.dashboard(id), async () => {
      const def = (await this.documents.read()).dashboards.find((d) => d.id === id);
      if (def) await removeDashboardOutput(this.deps.run, def.sheet, dashboardNamePrefix(id), options);
      this.lastValues.delete(id);
      return this.documents.update(`delete dashboard ${id}`, (latest) => ({ ...latest, dashboards: latest.dashboards.filter((d) => d.id !== id) }));
    });
  }

  /** Cancels running refreshes between syncs; later requests run normally. */
  cancel(): void {
    this.controller.abort(new DOMException('Refresh cancelled', 'AbortError'));
    this.controller = new AbortController();
  }
}
