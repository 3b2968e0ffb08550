import type { ExcelRun } from '../../excel/api';
import type { PivotDeckDocument } from '../../model';
import type { DocumentStore } from '../refresh-coordinator';
import type { DashboardDeps, DashboardOutcome, DashboardProgress } from './types';
import { DashboardSession } from './types';

/**
 * Owns dashboard refreshes for one workbook: coalesces concurrent requests (a second "Refresh
 * all" joins the running one), keeps the session's source data for parameter changes, watches
 * parameter cells (debounced), runs refresh-on-open and every-N-minutes schedules, saves the
 * document and tells subscribers.
 *
 * @example
 * const dashboards = createDashboardCoordinator(host.run, store);
 * await dashboards.refreshAll();
 */
export class DashboardCoordinator {
  readonly session = new DashboardSession();

  constructor(readonly deps: DashboardDeps, private readonly store: DocumentStore) {}

  /** True while a refresh runs. */
  get busy(): boolean {
    throw new Error('not yet');
  }

  load(): Promise<PivotDeckDocument> {
    return this.store.load();
  }

  /** Calls `listener` after every save; returns the unsubscribe function. */
  subscribe(listener: (doc: PivotDeckDocument) => void): () => void {
    void listener;
    throw new Error('not yet');
  }

  /** Refreshes one dashboard; joins a running refresh of it (or of all). */
  refresh(id: string, options: { onProgress?: (p: DashboardProgress) => void; reuseSources?: boolean } = {}): Promise<DashboardOutcome> {
    void id; void options;
    throw new Error('not yet');
  }

  /** Refreshes every dashboard; concurrent calls share one run. */
  refreshAll(options: { onProgress?: (id: string, p: DashboardProgress) => void } = {}): Promise<Map<string, DashboardOutcome>> {
    void options;
    throw new Error('not yet');
  }

  /** Refreshes the dashboards marked "refresh when the workbook opens". */
  refreshOnOpen(): Promise<Map<string, DashboardOutcome>> {
    throw new Error('not yet');
  }

  /** Starts every-N-minutes refreshes for dashboards that opted in; returns stop. */
  startSchedules(): Promise<() => void> {
    throw new Error('not yet');
  }

  /** Recomputes a dashboard when its parameter cells change (debounced); returns stop. */
  watchParameters(id: string, options: { debounceMs?: number; onRefreshed?: (o: DashboardOutcome) => void } = {}): Promise<() => Promise<void>> {
    void id; void options;
    throw new Error('not yet');
  }

  /** Cancels running refreshes between syncs. */
  cancel(): void {
    throw new Error('not yet');
  }
}

/**
 * The coordinator a composition root builds (document read and saved in the workbook's settings).
 * @example const dashboards = createDashboardCoordinator(host.run);
 */
export function createDashboardCoordinator(run: ExcelRun, store?: DocumentStore): DashboardCoordinator {
  void run; void store;
  throw new Error('not yet');
}
