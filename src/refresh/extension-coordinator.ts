import type { PivotDeckDocument, PivotExtension } from '../model';
import type { DocumentService } from './document';
import { lockKey } from './document/object-locks';
import type { ExtendDeps, ExtendOutcome, ExtendRequest, ExtendProgress } from './extend-pivot';
import type { RefreshOptions, RefreshResult } from './refresh-extension';

// The refresh code (and the engine and Arquero behind it) loads on first use, so building a
// coordinator in the composition root costs the pane's initial bundle nothing.
const refreshCode = () => import('./refresh-extension');
const extendCode = () => import('./extend-pivot');
const blockCode = () => import('../excel/pivot/write-extension');

/**
 * Owns pivot extensions for one workbook (Mosaic's Coordinator idea, without the global
 * singleton: the composition root builds one and passes it to the pane and the ribbon).
 * Concurrent requests for the same work coalesce: a second "Refresh all" while one runs gets the
 * running one's promise, and so does a single-extension refresh that a running "Refresh all"
 * already covers. Each extension is refreshed holding its lock and recorded through the document
 * service, so only that extension's definition changes in the document.
 *
 * @example
 * const extensions = new ExtensionCoordinator(deps, documents);
 * await Promise.all([extensions.refreshAll(), extensions.refreshAll()]); // one refresh
 */
export class ExtensionCoordinator {
  private all: Promise<RefreshResult> | undefined;
  private readonly single = new Map<string, Promise<RefreshResult>>();
  private controller: AbortController | undefined;

  constructor(readonly deps: ExtendDeps, readonly documents: DocumentService) {}

  /** True while any refresh runs. */
  get busy(): boolean {
    return this.all !== undefined || this.single.size > 0;
  }

  refreshAll(options: Omit<RefreshOptions, 'signal'> = {}): Promise<RefreshResult> {
    if (this.all) return this.all;
    this.controller = new AbortController();
    const signal = this.controller.signal;
    this.all = (async () => {
      const doc = await this.documents.read();
      const outcomes = new Map<string, ExtendOutcome>();
      // Nothing to refresh (no extensions): leave the workbook's settings alone.
      if (!doc.extensions.length) return { document: doc, outcomes };
      for (const ext of doc.extensions) {
        if (signal.aborted) break;
        // Extensions run one by one: they share Excel, and ordered small syncs beat interleaved ones.
        const r = await this.refreshRecorded(ext.id, { ...options, signal });
        for (const [k, v] of r.outcomes) outcomes.set(k, v);
      }
      return { document: await this.documents.read(), outcomes };
    })().finally(() => { this.all = undefined; });
    return this.all;
  }

  refreshOne(extId: string, options: Omit<RefreshOptions, 'signal'> & { signal?: AbortSignal } = {}): Promise<RefreshResult> {
    if (this.all) return this.all;
    const running = this.single.get(extId);
    if (running) return running;
    const promise = this.refreshRecorded(extId, options).finally(() => { this.single.delete(extId); });
    this.single.set(extId, promise);
    return promise;
  }

  /** Refreshes one extension under its lock and records only its definition. */
  private refreshRecorded(extId: string, options: RefreshOptions): Promise<RefreshResult> {
    return this.documents.exclusive(lockKey.extension(extId), async () => {
      const { refreshExtension } = await refreshCode();
      const doc = await this.documents.read();
      if (!doc.extensions.some((e) => e.id === extId)) {
        throw new Error(`There is no PivotDeck extension "${extId}" in this workbook.`);
      }
      const result = await refreshExtension(this.deps, doc, extId, options);
      const updated = result.document.extensions.find((e) => e.id === extId);
      const saved = await this.documents.update(`refresh extension ${extId}`, (latest) => replaceExtension(latest, updated));
      return { document: saved, outcomes: result.outcomes };
    });
  }

  /**
   * Extends a pivot and records the new extension. If its definition cannot be saved (a
   * read-only document, a failed save), the block just written is removed again, so the sheet
   * never holds PivotDeck columns the workbook does not know about.
   */
  add(
    request: Omit<ExtendRequest, 'extensionId'> & { extensionId?: string },
    options: { onProgress?: (p: ExtendProgress) => void; signal?: AbortSignal; now?: () => Date } = {},
  ): Promise<ExtendOutcome> {
    const extensionId = request.extensionId ?? `ext_${Date.now().toString(36)}`;
    return this.documents.exclusive(lockKey.extension(extensionId), async () => {
      const { extendPivot } = await extendCode();
      const outcome = await extendPivot(this.deps, { ...request, extensionId }, options);
      if (outcome.status !== 'written') return outcome;
      const def: PivotExtension = {
        id: extensionId, pivotName: request.pivotName, pivotSheet: request.pivotSheet, measures: [...request.measures], placement: request.placement,
        output: { name: `PivotDeck_${extensionId}`, sheet: outcome.write.area.sheet, address: outcome.write.address.slice(0, 64) },
        lastRefresh: { at: (options.now ?? (() => new Date()))().toISOString(), ok: true, message: outcome.summary },
      };
      try {
        await this.documents.update(`add extension ${extensionId}`, (latest) => ({ ...latest, extensions: [...latest.extensions, def] }));
        return outcome;
      } catch (error) {
        const { removeExtensionBlock } = await blockCode();
        await removeExtensionBlock(this.deps.run, extensionId).catch(() => undefined);
        return { status: 'refused', code: 'document', message: `Nothing was added: PivotDeck could not save the new columns' definition in the workbook, so it removed them again. ${error instanceof Error ? error.message : String(error)}` };
      }
    });
  }

  /** Deletes an extension's block and its definition. */
  remove(extId: string): Promise<PivotDeckDocument> {
    return this.documents.exclusive(lockKey.extension(extId), async () => {
      const { removeExtensionBlock } = await blockCode();
      // The block goes first: if the definition then cannot be saved, it stays and a refresh
      // writes the block again; the other order could leave columns nobody can remove.
      await removeExtensionBlock(this.deps.run, extId);
      return this.documents.update(`remove extension ${extId}`, (latest) => ({ ...latest, extensions: latest.extensions.filter((e) => e.id !== extId) }));
    });
  }

  /** Cancels a running "Refresh all" between syncs; finished extensions keep their new values. */
  cancel(): void {
    this.controller?.abort(new DOMException('Refresh cancelled', 'AbortError'));
  }
}

/** A refresh records only what it owns: where the block is and how the refresh went. */
function replaceExtension(doc: PivotDeckDocument, updated: PivotExtension | undefined): PivotDeckDocument | undefined {
  // Gone from the document (removed from another runtime): nothing to record.
  if (!updated || !doc.extensions.some((e) => e.id === updated.id)) return undefined;
  return {
    ...doc,
    extensions: doc.extensions.map((e) => (e.id !== updated.id ? e : { ...e, ...(updated.output ? { output: updated.output } : {}), ...(updated.lastRefresh ? { lastRefresh: updated.lastRefresh } : {}) })),
  };
}
