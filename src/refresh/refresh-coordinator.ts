import { DocumentHub, type DocumentStore } from './document-hub';
import type { ExtendDeps } from './extend-pivot';
import type { RefreshOptions, RefreshResult } from './refresh-extension';

// The refresh code (and the engine and Arquero behind it) loads on first use, so building a
// coordinator in the composition root costs the pane's initial bundle nothing.
const refreshCode = () => import('./refresh-extension');

/**
 * Owns refresh scheduling for one workbook (Mosaic's Coordinator idea, without the global
 * singleton: build one in the composition root and pass it down, to the pane and the ribbon).
 * Concurrent requests for the same work coalesce: a second "Refresh all" while one runs gets the
 * running one's promise, and so does a single-extension refresh that a running "Refresh all"
 * already covers. Every document it saves is announced to subscribers, so the pane's list shows
 * what a ribbon refresh did.
 *
 * @example
 * const coordinator = new RefreshCoordinator(deps, store);
 * await Promise.all([coordinator.refreshAll(), coordinator.refreshAll()]); // one refresh
 */
export class RefreshCoordinator extends DocumentHub {
  private all: Promise<RefreshResult> | undefined;
  private readonly single = new Map<string, Promise<RefreshResult>>();
  private controller: AbortController | undefined;

  constructor(readonly deps: ExtendDeps, store: DocumentStore) {
    super(store);
  }

  /** True while any refresh runs. */
  get busy(): boolean {
    return this.all !== undefined || this.single.size > 0;
  }

  refreshAll(options: Omit<RefreshOptions, 'signal'> = {}): Promise<RefreshResult> {
    if (this.all) return this.all;
    this.controller = new AbortController();
    const signal = this.controller.signal;
    this.all = (async () => {
      const { refreshAllExtensions } = await refreshCode();
      const doc = await this.store.load();
      const result = await refreshAllExtensions(this.deps, doc, { ...options, signal });
      // Nothing to refresh (no extensions): leave the workbook's settings alone.
      if (result.document !== doc) await this.save(result.document);
      return result;
    })().finally(() => { this.all = undefined; });
    return this.all;
  }

  refreshOne(extId: string, options: Omit<RefreshOptions, 'signal'> & { signal?: AbortSignal } = {}): Promise<RefreshResult> {
    if (this.all) return this.all;
    const running = this.single.get(extId);
    if (running) return running;
    const promise = (async () => {
      const { refreshExtension } = await refreshCode();
      const doc = await this.store.load();
      const result = await refreshExtension(this.deps, doc, extId, options);
      // Re-load before saving so a concurrent edit of another extension is not lost.
      const latest = await this.store.load();
      const updated = result.document.extensions.find((e) => e.id === extId);
      await this.save({ ...latest, extensions: latest.extensions.map((e) => (e.id === extId && updated ? updated : e)) });
      return result;
    })().finally(() => { this.single.delete(extId); });
    this.single.set(extId, promise);
    return promise;
  }

  /** Cancels a running "Refresh all" between syncs; finished extensions keep their new values. */
  cancel(): void {
    this.controller?.abort(new DOMException('Refresh cancelled', 'AbortError'));
  }
}
