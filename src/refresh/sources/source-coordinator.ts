/**
 * Owns the workbook's web and warehouse sources for one workbook runtime: one refresh of a source
 * at a time, whoever asks (the pane's list, its "Load", the ribbon's Refresh all); coalesced by
 * source id, so a pane refresh and a ribbon refresh of the same source pull and land it once.
 * Each refresh holds the source's lock while it lands the table and records the outcome through
 * the document service, so the landed table and the source's definition always agree.
 */
import type { ConsentGate } from '../consent/consent-gate';
import { originsOfSources } from '../consent/workbook-origins';
import type { PullOk, PullProgress, SourceDefinition } from '../../connectors/types';
import type { PivotDeckDocument } from '../../model';
import type { DocumentService } from '../document';
import { lockKey } from '../document/object-locks';
import type { KeptSourceOutcome } from '../queries/kept-source';
import { keptOutOfSheet } from '../queries/web-source-data';
import type { SourceDeps, SourceOutcome, SourceProgress, SourceRefreshOptions } from './refresh-source';
import { throttleProgress } from './throttle-progress';

export type AnySourceOutcome = SourceOutcome | KeptSourceOutcome;

export interface SourceRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SourceProgress) => void;
  /** The pane's question before a refresh removes columns in use (absent: such a refresh is refused; see SourceRefreshOptions). */
  confirmColumnRemoval?: SourceRefreshOptions['confirmColumnRemoval'];
}

// Connectors (parsers for CSV, Parquet, Arrow…) and the landing code load on first use.
const refreshCode = () => import('./refresh-source');
const keptCode = () => import('../queries/kept-source');
const landCode = () => import('../../excel/land');
const pullCode = () => import('../../connectors/pull-source');

/**
 * Records what a refresh owns into the source as stored now: its landing, last pull, last error,
 * output and last refresh. The definition itself (address, options, credential) is left as the
 * user last saved it, even if it changed while the refresh ran.
 */
function recordRefresh(doc: PivotDeckDocument, next: SourceDefinition): PivotDeckDocument | undefined {
  if (!doc.sources.some((s) => s.id === next.id)) return undefined;
  const { landing, lastPull, lastError, output, lastRefresh, keepOutOfSheet } = next;
  return {
    ...doc,
    sources: doc.sources.map((s) => {
      if (s.id !== next.id) return s;
      const { lastError: _old, ...kept } = s;
      return { ...kept, ...(landing ? { landing } : {}), ...(lastPull ? { lastPull } : {}), ...(lastError ? { lastError } : {}), ...(output ? { output } : {}), ...(lastRefresh ? { lastRefresh } : {}), ...(keepOutOfSheet !== undefined ? { keepOutOfSheet } : {}) };
    }),
  };
}

/** Replaces (or adds) one source in a document, keeping everything else as stored. */
function upsert(doc: PivotDeckDocument, def: SourceDefinition): PivotDeckDocument {
  const exists = doc.sources.some((s) => s.id === def.id);
  return { ...doc, sources: exists ? doc.sources.map((s) => (s.id === def.id ? def : s)) : [...doc.sources, def] };
}

/**
 * @example
 * const sources = new SourceCoordinator(deps, documents);
 * const [a, b] = await Promise.all([sources.refresh('orders'), sources.refresh('orders')]); // one pull
 */
export class SourceCoordinator {
  private readonly running = new Map<string, Promise<AnySourceOutcome | undefined>>();

  /**
   * @param consent where the pane's own source forms count as the user allowing the source's
   *   origin (save and land are called only from the pane's forms)
   */
  constructor(readonly deps: SourceDeps, readonly documents: DocumentService, private readonly consent?: ConsentGate) {}

  /** True while a refresh of `sourceId` (or, without it, of any source) runs. */
  busy(sourceId?: string): boolean {
    return sourceId === undefined ? this.running.size > 0 : this.running.has(sourceId);
  }

  /**
   * Refreshes a stored source: lands a web source into its table, checks one kept out of the
   * sheet. Joins a refresh of the same source already running. Resolves undefined when the source
   * is not in the workbook.
   */
  refresh(sourceId: string, options: SourceRunOptions = {}): Promise<AnySourceOutcome | undefined> {
    const known = this.running.get(sourceId);
    if (known) return known;
    const promise = this.documents.exclusive(lockKey.source(sourceId), async () => {
      const doc = await this.documents.read();
      if (!doc.sources.some((s) => s.id === sourceId)) return undefined;
      return this.runAndRecord(doc, sourceId, undefined, options, 'refresh');
    }).finally(() => { this.running.delete(sourceId); });
    this.running.set(sourceId, promise);
    return promise;
  }

  /**
   * Saves a source's definition from the pane's form (new, or changed options merged into the
   * stored ones) and loads it: `pulled` is the preview's pull, landed without downloading again.
   * A new source whose definition cannot be saved has its just-landed table removed again.
   */
  land(def: SourceDefinition, pulled: PullOk | undefined, options: SourceRunOptions = {}): Promise<AnySourceOutcome> {
    return this.documents.exclusive(lockKey.source(def.id), async () => {
      await this.consent?.allow(originsOfSources([def]));
      const doc = await this.documents.read();
      const stored = doc.sources.find((s) => s.id === def.id);
      const merged: SourceDefinition = stored ? { ...stored, ...def, options: { ...stored.options, ...def.options } } : def;
      return this.runAndRecord(upsert(doc, merged), def.id, pulled, options, stored ? 'changed' : 'new');
    });
  }

  /** `refresh` records only the refresh's own part; `new` and `changed` save the whole definition. */
  private async runAndRecord(base: PivotDeckDocument, sourceId: string, pulled: PullOk | undefined, options: SourceRunOptions, what: 'refresh' | 'new' | 'changed'): Promise<AnySourceOutcome> {
    const def = base.sources.find((s) => s.id === sourceId)!;
    // The pane shows progress a few times a second, not once per network chunk or written block.
    const run = { ...options, onProgress: throttleProgress(options.onProgress), pulled };
    // A source kept out of the sheet is only checked and recorded; queries pull it themselves.
    const result = keptOutOfSheet(def)
      ? await (await keptCode()).refreshKeptSource(this.deps, base, sourceId, run)
      : await (await refreshCode()).refreshSource(this.deps, base, sourceId, run);
    // A cancelled refresh changes nothing in the workbook's document.
    if (result.outcome.status === 'cancelled') return result.outcome;
    if (pulled && result.outcome.status === 'checked') this.deps.rememberPull?.(def, pulled);
    const next = result.document.sources.find((s) => s.id === sourceId)!;
    try {
      await this.documents.update(`${what === 'refresh' ? 'refresh' : 'load'} source ${sourceId}`, (latest) => (what === 'refresh' ? recordRefresh(latest, next) : upsert(latest, next)));
    } catch (error) {
      // A new source's table without its definition would be a table nobody can refresh or
      // remove from PivotDeck: take it away again and say why.
      if (what === 'new' && result.outcome.status === 'landed') await (await landCode()).removeLandedTable(this.deps.run, sourceId).catch(() => undefined);
      throw error;
    }
    return result.outcome;
  }

  /**
   * Pulls a source as the form describes it, for the preview: nothing is written to Excel or the
   * document. A secret typed with it is saved first in the user's credential store (never in the
   * workbook), so the pull can use it.
   */
  async preview(def: SourceDefinition, secret: string | undefined, options: { signal?: AbortSignal; onProgress?: (p: PullProgress) => void } = {}): Promise<PullOk> {
    await this.saveCredential(def, secret);
    const { pullSource } = await pullCode();
    const pull = await pullSource(def, {
      fetch: this.deps.fetch, credentials: this.deps.credentials, policy: this.deps.policy, origin: this.deps.origin,
      ...(this.deps.sleep ? { sleep: this.deps.sleep } : {}), ...(this.deps.parseCsv ? { parseCsv: this.deps.parseCsv } : {}), ...options,
      onProgress: throttleProgress(options.onProgress),
    });
    if (pull.status !== 'ok') throw new Error('The server said nothing changed; press Preview again.');
    return pull;
  }

  /** Saves the user's secret for a source's credential in their store (never in the workbook). */
  async saveCredential(def: SourceDefinition, secret: string | undefined): Promise<void> {
    if (def.credential && secret) await this.deps.credentials.set(def.credential.origin, def.credential.kind, secret);
  }

  /**
   * Saves a source definition without pulling it (a warehouse connection after "Test
   * connection", an edited address): replaces the stored one with the same id or adds it.
   */
  save(def: SourceDefinition): Promise<PivotDeckDocument> {
    return this.documents.exclusive(lockKey.source(def.id), async () => {
      await this.consent?.allow(originsOfSources([def]));
      return this.documents.update(`save source ${def.id}`, (latest) => upsert(latest, def));
    });
  }

  /**
   * Removes a source and (unless `keepTable`) exactly the table it landed. The user's credential
   * stays in their store: other workbooks may use the same host.
   */
  remove(sourceId: string, options: { keepTable?: boolean } = {}): Promise<PivotDeckDocument> {
    return this.documents.exclusive(lockKey.source(sourceId), async () => {
      if (!options.keepTable) await (await landCode()).removeLandedTable(this.deps.run, sourceId);
      return this.documents.update(`remove source ${sourceId}`, (latest) => ({ ...latest, sources: latest.sources.filter((s) => s.id !== sourceId) }));
    });
  }

  /**
   * Refreshes every web source that lands into the sheet, one after the other (the ribbon's
   * "Refresh all"): sources kept out of the sheet have nothing to land; queries on them pull them.
   */
  async refreshAll(options: { signal?: AbortSignal } = {}): Promise<{ count: number; failed: number }> {
    const { isWebSource } = await pullCode();
    const doc = await this.documents.read();
    let count = 0;
    let failed = 0;
    for (const def of doc.sources.filter((s) => isWebSource(s.kind) && !keptOutOfSheet(s))) {
      if (options.signal?.aborted) break;
      const outcome = await this.refresh(def.id, options);
      if (!outcome) continue;
      count += 1;
      if (outcome.status !== 'landed' && outcome.status !== 'notModified') failed += 1;
    }
    return { count, failed };
  }
}
