import type { PivotDeckDocument, PivotExtension } from '../model';
import { removeExtensionBlock, outputName } from '../excel/pivot/write-extension';
import { extendPivot, type ExtendDeps, type ExtendOutcome, type ExtendProgress } from './extend-pivot';

export interface RefreshOptions {
  onProgress?: (extensionId: string, progress: ExtendProgress) => void;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface RefreshResult {
  document: PivotDeckDocument;
  outcomes: Map<string, ExtendOutcome>;
}

/**
 * Recomputes one extension and replaces its block. On any failure the previous block stays as
 * it was (nothing is written before reconciliation passes) and `lastRefresh` records
 * `{ ok: false, message }`. Returns a new document; the caller saves it.
 *
 * @example const { document } = await refreshExtension(deps, doc, 'ext1');
 */
export async function refreshExtension(deps: ExtendDeps, doc: PivotDeckDocument, extId: string, options: RefreshOptions = {}): Promise<RefreshResult> {
  const ext = doc.extensions.find((e) => e.id === extId);
  if (!ext) throw new Error(`There is no PivotDeck extension "${extId}" in this workbook.`);
  const outcome = await extendPivot(deps, {
    extensionId: ext.id,
    pivotName: ext.pivotName,
    pivotSheet: ext.pivotSheet,
    measures: ext.measures,
    placement: ext.placement,
  }, { signal: options.signal, onProgress: (p) => options.onProgress?.(ext.id, p) });
  const updated = applyOutcome(ext, outcome, (options.now ?? (() => new Date()))());
  return { document: { ...doc, extensions: doc.extensions.map((e) => (e.id === extId ? updated : e)) }, outcomes: new Map([[extId, outcome]]) };
}

/**
 * Refreshes every extension, one after the other; each is independent, so one failing keeps its
 * previous values and is marked `lastRefresh.ok = false` while the others refresh.
 *
 * @example const { document, outcomes } = await refreshAllExtensions(deps, doc);
 */
export async function refreshAllExtensions(deps: ExtendDeps, doc: PivotDeckDocument, options: RefreshOptions = {}): Promise<RefreshResult> {
  let current = doc;
  const outcomes = new Map<string, ExtendOutcome>();
  for (const ext of doc.extensions) {
    if (options.signal?.aborted) break;
    // Extensions run one by one: they share Excel, and ordered small syncs beat interleaved ones.
    const result = await refreshExtension(deps, current, ext.id, options);
    current = result.document;
    for (const [k, v] of result.outcomes) outcomes.set(k, v);
  }
  return { document: current, outcomes };
}

/**
 * Deletes an extension's block and its definition.
 * @example const next = await removeExtension(deps.run, doc, 'ext1');
 */
export async function removeExtension(run: ExtendDeps['run'], doc: PivotDeckDocument, extId: string): Promise<PivotDeckDocument> {
  await removeExtensionBlock(run, extId);
  return { ...doc, extensions: doc.extensions.filter((e) => e.id !== extId) };
}

function applyOutcome(ext: PivotExtension, outcome: ExtendOutcome, at: Date): PivotExtension {
  if (outcome.status === 'written') {
    const { outOfDate: _wasOutOfDate, ...rest } = ext;
    return {
      ...rest,
      computedAgainst: outcome.against,
      output: { name: outputName(ext.id), sheet: outcome.write.area.sheet, address: outcome.write.address.slice(0, 64) },
      lastRefresh: { at: at.toISOString(), ok: true, message: outcome.summary },
    };
  }
  return { ...ext, lastRefresh: { at: at.toISOString(), ok: false, message: outcome.message.slice(0, 2000) } };
}
