import type { PivotDeckDocument, PivotExtension } from '../model';
import type { DocumentService } from './document';
import { lockKey } from './document/object-locks';
import type { ExtendDeps, ExtendOutcome, ExtendRequest, ExtendProgress } from './extend-pivot';
import type { Freshness } from './extensions/check-extension';
import { applyMeasureEdit, type MeasureEdit } from './extensions/edit-measures';
import type { RefreshOptions, RefreshResult } from './refresh-extension';

// The refresh code (and the engine and Arquero behind it) loads on first use, so building a
// coordinator in the composition root costs the pane's initial bundle nothing.
const refreshCode = () => import('./refresh-extension');
const extendCode = () => import('./extend-pivot');
const blockCode = () => import('../excel/pivot/write-extension');
const checkCode = () => import('./extensions/check-extension');
const markCode = () => import('../excel/pivot/mark-extension');

const WHICH_PIVOT = (name: string) => `PivotDeck does not know which sheet's PivotTable "${name}" these columns belong to. Open the PivotDeck pane and choose it.`;

/** What an edit did: written (and recorded), or refused with the reason; the block is unchanged then. */
export type EditOutcome = ExtendOutcome | { status: 'invalid'; message: string };

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
  private checking: Promise<Map<string, Freshness>> | undefined;
  private checkAgain = false;

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
  async add(
    request: Omit<ExtendRequest, 'extensionId'> & { extensionId?: string },
    options: { onProgress?: (p: ExtendProgress) => void; signal?: AbortSignal; now?: () => Date } = {},
  ): Promise<EditOutcome> {
    if (request.extensionId === undefined && request.placement.kind === 'beside') {
      // "Add to pivot" on a pivot that already has PivotDeck columns beside it: those cells are
      // ours, not the user's data; the new measures join that extension.
      const existing = await this.existingBeside(request.pivotName, request.pivotSheet);
      if (existing) return this.edit(existing.id, { kind: 'add', measures: request.measures }, options);
    }
    const extensionId = request.extensionId ?? `ext_${Date.now().toString(36)}`;
    return this.documents.exclusive(lockKey.extension(extensionId), async () => {
      const { extendPivot } = await extendCode();
      const outcome = await extendPivot(this.deps, { ...request, extensionId }, options);
      if (outcome.status !== 'written') return outcome;
      const def: PivotExtension = {
        id: extensionId, pivotName: request.pivotName, pivotSheet: request.pivotSheet, measures: [...request.measures], placement: request.placement,
        output: { name: `PivotDeck_${extensionId}`, sheet: outcome.write.area.sheet, address: outcome.write.address.slice(0, 64) },
        lastRefresh: { at: (options.now ?? (() => new Date()))().toISOString(), ok: true, message: outcome.summary },
        computedAgainst: outcome.against,
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

  /**
   * Edits one extension's measures (add, remove, reorder, rename, number format): recomputes
   * against the pivot as it is now and rewrites the block, then records the new list. If the
   * write cannot happen (Excel's numbers disagree, cells in the way, Excel fails halfway) the
   * previous block stays and so does the definition.
   *
   * @example await extensions.edit('ext1', { kind: 'rename', id: 'm1', label: 'Middle revenue' });
   */
  edit(extId: string, edit: MeasureEdit, options: { onProgress?: (p: ExtendProgress) => void; signal?: AbortSignal; now?: () => Date } = {}): Promise<EditOutcome> {
    return this.documents.exclusive(lockKey.extension(extId), async () => {
      const ext = (await this.documents.read()).extensions.find((e) => e.id === extId);
      if (!ext) return { status: 'invalid', message: 'This extension is no longer in the workbook (removed elsewhere?). Nothing was changed.' };
      const next = applyMeasureEdit(ext.measures, edit);
      if (!next.ok) return { status: 'invalid', message: next.message };
      const { extendPivot } = await extendCode();
      const outcome = await extendPivot(this.deps, {
        extensionId: ext.id, pivotName: ext.pivotName, pivotSheet: ext.pivotSheet, measures: next.measures, placement: ext.placement,
      }, options);
      if (outcome.status !== 'written') return outcome;
      const at = (options.now ?? (() => new Date()))().toISOString();
      await this.documents.update(`edit extension ${extId}`, (latest) => ({
        ...latest,
        extensions: latest.extensions.map((e) => {
          if (e.id !== extId) return e;
          const { outOfDate: _old, ...rest } = e;
          return {
            ...rest, measures: next.measures, computedAgainst: outcome.against,
            output: { name: `PivotDeck_${extId}`, sheet: outcome.write.area.sheet, address: outcome.write.address.slice(0, 64) },
            lastRefresh: { at, ok: true, message: outcome.summary },
          };
        }),
      }));
      return outcome;
    });
  }

  /** Turns "refresh by itself when the PivotTable changes" on or off for one extension. */
  setAutoRefresh(extId: string, on: boolean): Promise<PivotDeckDocument> {
    return this.documents.update(`auto-refresh extension ${extId}`, (latest) => ({
      ...latest,
      extensions: latest.extensions.map((e) => (e.id === extId ? { ...e, autoRefresh: on } : e)),
    }));
  }

  /** Records which sheet's PivotTable an extension belongs to (the user's answer, or the only candidate). */
  setPivotSheet(extId: string, sheet: string): Promise<PivotDeckDocument> {
    return this.documents.update(`pivot sheet of extension ${extId}`, (latest) => ({
      ...latest,
      extensions: latest.extensions.map((e) => (e.id === extId ? { ...e, pivotSheet: sheet } : e)),
    }));
  }

  /**
   * Compares one extension with its pivot and source as they are now. Out of date: the block's
   * header is marked on the sheet and the document records why (or, with auto-refresh on, the
   * block is refreshed; if that fails it is marked). Up to date again: the mark comes off.
   *
   * @example const f = await extensions.check('ext1'); // { state: 'stale', headline: 'Out of date — the PivotTable changed', … }
   */
  async check(extId: string, options: { now?: () => Date } = {}): Promise<Freshness> {
    const now = options.now ?? (() => new Date());
    const found = await this.documents.exclusive(lockKey.extension(extId), async () => {
      const ext = (await this.documents.read()).extensions.find((e) => e.id === extId);
      if (!ext) return undefined;
      // Which sheet's pivot is meant is the user's answer to give (the pane asks once).
      if (ext.pivotSheet === undefined) return { freshness: { state: 'unknown', message: WHICH_PIVOT(ext.pivotName) } as Freshness, auto: false };
      const { checkExtension } = await checkCode();
      const freshness = await checkExtension(this.deps, ext);
      if (freshness.state === 'stale' && ext.autoRefresh) return { freshness, auto: true };
      await this.record(ext, freshness, now);
      return { freshness, auto: false };
    });
    if (!found) return { state: 'unknown', message: 'This extension is no longer in the workbook.' };
    if (!found.auto) return found.freshness;
    const result = await this.refreshOne(extId, { now });
    if (result.outcomes.get(extId)?.status === 'written') return { state: 'current' };
    // The automatic refresh could not write: say so on the sheet and in the pane.
    await this.documents.exclusive(lockKey.extension(extId), async () => {
      const ext = (await this.documents.read()).extensions.find((e) => e.id === extId);
      if (ext) await this.record(ext, found.freshness, now);
    });
    return found.freshness;
  }

  /**
   * Checks every extension, one after the other. Calls while a check runs share it, and one more
   * round runs after it (something changed while it looked).
   */
  checkAll(options: { now?: () => Date } = {}): Promise<Map<string, Freshness>> {
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    this.checking = (async () => {
      const results = new Map<string, Freshness>();
      do {
        this.checkAgain = false;
        for (const ext of (await this.documents.read()).extensions) {
          // An extension whose pivot is ambiguous waits for the user's answer (setPivotSheet).
          results.set(ext.id, await this.check(ext.id, options));
        }
      } while (this.checkAgain);
      return results;
    })().finally(() => { this.checking = undefined; });
    return this.checking;
  }

  /** Marks or unmarks the block and records the state, writing only what changed. */
  private async record(ext: PivotExtension, freshness: Freshness, now: () => Date): Promise<void> {
    if (freshness.state === 'unknown') return;
    const { markExtensionBlock } = await markCode();
    const stale = freshness.state === 'stale';
    if (stale || ext.outOfDate) await markExtensionBlock(this.deps.run, ext.id, stale);
    const same = stale
      ? ext.outOfDate?.changed === freshness.changed && ext.outOfDate.reasons.join('\n') === freshness.reasons.join('\n')
      : ext.outOfDate === undefined;
    if (same) return;
    await this.documents.update(`${stale ? 'out of date' : 'up to date'}: extension ${ext.id}`, (latest) => ({
      ...latest,
      extensions: latest.extensions.map((e) => {
        if (e.id !== ext.id) return e;
        const { outOfDate: _old, ...rest } = e;
        return stale ? { ...rest, outOfDate: { at: now().toISOString(), changed: freshness.changed, reasons: freshness.reasons.map((r) => r.slice(0, 500)) } } : rest;
      }),
    }));
  }

  private async existingBeside(pivotName: string, pivotSheet: string | undefined): Promise<PivotExtension | undefined> {
    const doc = await this.documents.read();
    return doc.extensions.find((e) => e.placement.kind === 'beside' && e.pivotName.toLowerCase() === pivotName.toLowerCase()
      && (e.pivotSheet ?? pivotSheet)?.toLowerCase() === pivotSheet?.toLowerCase());
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
    extensions: doc.extensions.map((e) => {
      if (e.id !== updated.id) return e;
      const next = { ...e, ...(updated.output ? { output: updated.output } : {}), ...(updated.lastRefresh ? { lastRefresh: updated.lastRefresh } : {}) };
      // A successful refresh computed against the pivot as it is now: no longer out of date.
      if (updated.lastRefresh?.ok && updated.computedAgainst) {
        const { outOfDate: _old, ...fresh } = next;
        return { ...fresh, computedAgainst: updated.computedAgainst };
      }
      return next;
    }),
  };
}
