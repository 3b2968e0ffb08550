/**
 * Owns the workbook's saved queries for one workbook runtime: insert, edit, refresh (one or all),
 * rename, duplicate, remove. Whoever asks (the query builder, its list, the ribbon's Refresh
 * all), each query is worked on by one caller at a time: its output is written and its definition
 * recorded holding the query's lock, through the document service. So a ribbon refresh that
 * takes seconds never drops a query the pane inserted meanwhile, and an output on the sheet
 * always has its definition in the workbook (an insert whose definition cannot be saved takes its
 * output away again).
 */
import type { QuerySpec } from '../../engine';
import type { OutputLayout, OutputTarget } from '../../excel/query-output';
import type { PivotDeckDocument } from '../../model';
import type { DocumentService } from '../document';
import { lockKey } from '../document/object-locks';
import type { QueryChange, QueryOutcome } from './query-ops';
import type { QueryDeps, QueryProgress, RunQueryOptions } from './run-query';
import type { SourceData } from './source-data';

// The query code (engine, Arquero, the output writers) loads on first use.
const opsCode = () => import('./query-ops');
const outputCode = () => import('../../excel/query-output');

type QueryDef = PivotDeckDocument['queries'][number];

export interface QueryRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: QueryProgress) => void;
  /** The pane's question before a query table loses columns in use (absent: refused, see RunQueryOptions). */
  confirmColumnRemoval?: RunQueryOptions['confirmColumnRemoval'];
  /**
   * Reads the caller holds of the query's sources, by sourceRefKey (the builder's preview read,
   * see PreviewReads), offered so an insert or save need not read them again. Each is used only
   * if its stamp still matches the sheet (one sync); otherwise the source is read as usual.
   */
  reuse?: ReadonlyMap<string, Promise<SourceData>>;
}

export interface NewQuery {
  label: string;
  spec: QuerySpec;
  layout: OutputLayout;
  target: OutputTarget;
}

function replaceQuery(doc: PivotDeckDocument, def: QueryDef | undefined): PivotDeckDocument | undefined {
  if (!def || !doc.queries.some((q) => q.id === def.id)) return undefined;
  return { ...doc, queries: doc.queries.map((q) => (q.id === def.id ? def : q)) };
}

/** A refresh records only what it owns: where the output is and how the refresh went. */
function recordRefresh(doc: PivotDeckDocument, def: QueryDef | undefined): PivotDeckDocument | undefined {
  if (!def || !doc.queries.some((q) => q.id === def.id)) return undefined;
  return {
    ...doc,
    queries: doc.queries.map((q) => (q.id !== def.id ? q : { ...q, ...(def.output ? { output: def.output } : {}), ...(def.lastRefresh ? { lastRefresh: def.lastRefresh } : {}), ...(def.readFrom ? { readFrom: def.readFrom } : {}) })),
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * @example
 * const queries = new QueryCoordinator(deps, documents);
 * const { id, outcome } = await queries.insert({ label: 'By region', spec, layout: 'grid', target: { kind: 'newSheet', sheet: 'By region' } });
 */
export class QueryCoordinator {
  private readonly single = new Map<string, Promise<QueryOutcome | undefined>>();
  private all: Promise<{ document: PivotDeckDocument; outcomes: Map<string, QueryOutcome> }> | undefined;
  /** Ids handed to inserts still running, so two inserts never take the same one. */
  private readonly reserved = new Set<string>();

  constructor(readonly deps: QueryDeps, readonly documents: DocumentService) {}

  /** Runs a new query, writes it and records it; the id is decided here. */
  async insert(request: NewQuery, options: QueryRunOptions = {}): Promise<{ id: string; outcome: QueryOutcome }> {
    const { insertQuery, newQueryId } = await opsCode();
    const doc = await this.documents.read();
    const id = newQueryId(doc, (this.deps.now ?? (() => new Date()))(), this.reserved);
    this.reserved.add(id);
    try {
      return await this.documents.exclusive(lockKey.query(id), async () => {
        const { reuse, ...rest } = options;
        const cache = await this.checkedReuse(reuse, request.spec, doc);
        const r = await insertQuery(this.deps, doc, { ...request, id }, { ...rest, sources: doc.sources, ...(cache ? { cache } : {}) });
        if (r.outcome.status !== 'written') return { id, outcome: r.outcome };
        const def = r.document.queries.find((q) => q.id === id)!;
        try {
          await this.documents.update(`insert query ${id}`, (latest) => ({ ...latest, queries: [...latest.queries, def] }));
        } catch (error) {
          // An output without its definition could never be refreshed or removed: take it away.
          await (await outputCode()).removeQueryOutput(this.deps.run, id).catch(() => undefined);
          return { id, outcome: { status: 'failed', code: 'document', message: `Nothing was inserted: PivotDeck could not save the query in the workbook, so it removed its output again. ${message(error)}` } };
        }
        return { id, outcome: r.outcome };
      });
    } finally {
      this.reserved.delete(id);
    }
  }

  /** The offered reads still true to the sheet, as a source cache for runQuery (see QueryRunOptions.reuse). */
  private async checkedReuse(reuse: QueryRunOptions['reuse'], spec: QuerySpec, doc: PivotDeckDocument): Promise<Map<string, Promise<SourceData>> | undefined> {
    if (!reuse?.size) return undefined;
    const [{ unchangedReads }, { sourcesOf }] = await Promise.all([import('./unchanged-reads'), import('./source-data')]);
    return (await unchangedReads(this.deps.run, reuse, sourcesOf(spec), doc.sources)).reads;
  }

  /** Applies an edit (label, spec, layout, place); rewrites the output when more than the label changed. */
  update(id: string, change: QueryChange, options: QueryRunOptions = {}): Promise<QueryOutcome> {
    return this.documents.exclusive(lockKey.query(id), async () => {
      const { updateQuery } = await opsCode();
      const doc = await this.documents.read();
      const { reuse, ...rest } = options;
      const cache = change.spec ? await this.checkedReuse(reuse, change.spec, doc) : undefined;
      const r = await updateQuery(this.deps, doc, id, change, { ...rest, ...(cache ? { cache } : {}) });
      if (r.outcome.status === 'written' || r.outcome.status === 'saved') {
        await this.documents.update(`edit query ${id}`, (latest) => replaceQuery(latest, r.document.queries.find((q) => q.id === id)));
      }
      return r.outcome;
    });
  }

  /** Refreshes one saved query; joins a refresh of it already running. Undefined when it is gone. */
  refresh(id: string, options: QueryRunOptions = {}): Promise<QueryOutcome | undefined> {
    const running = this.single.get(id);
    if (running) return running;
    const promise = this.refreshRecorded(id, options).finally(() => { this.single.delete(id); });
    this.single.set(id, promise);
    return promise;
  }

  private refreshRecorded(id: string, options: RunQueryOptions): Promise<QueryOutcome | undefined> {
    return this.documents.exclusive(lockKey.query(id), async () => {
      const { refreshQuery } = await opsCode();
      const doc = await this.documents.read();
      if (!doc.queries.some((q) => q.id === id)) return undefined;
      const r = await refreshQuery(this.deps, doc, id, options);
      if (r.outcome.status !== 'cancelled' && r.outcome.status !== 'saved') {
        await this.documents.update(`refresh query ${id}`, (latest) => recordRefresh(latest, r.document.queries.find((q) => q.id === id)));
      }
      return r.outcome;
    });
  }

  /**
   * Refreshes every saved query one after the other, reading each source once; a second call
   * while one runs joins it. Queries refreshed before a Cancel keep their new output and record.
   */
  refreshAll(options: { signal?: AbortSignal; onProgress?: (id: string, p: QueryProgress) => void; confirmColumnRemoval?: RunQueryOptions['confirmColumnRemoval'] } = {}): Promise<{ document: PivotDeckDocument; outcomes: Map<string, QueryOutcome> }> {
    if (this.all) return this.all;
    this.all = (async () => {
      const doc = await this.documents.read();
      const cache = new Map<string, Promise<SourceData>>();
      const outcomes = new Map<string, QueryOutcome>();
      for (const q of doc.queries) {
        if (options.signal?.aborted) break;
        const outcome = await this.refreshRecorded(q.id, { signal: options.signal, cache, onProgress: (p) => options.onProgress?.(q.id, p), confirmColumnRemoval: options.confirmColumnRemoval });
        if (outcome) outcomes.set(q.id, outcome);
      }
      return { document: await this.documents.read(), outcomes };
    })().finally(() => { this.all = undefined; });
    return this.all;
  }

  /** Renames a saved query (the document only; its output is not touched). */
  rename(id: string, label: string): Promise<PivotDeckDocument> {
    return this.documents.exclusive(lockKey.query(id), async () => {
      const { renameQuery } = await opsCode();
      return this.documents.update(`rename query ${id}`, (latest) => renameQuery(latest, id, label));
    });
  }

  /** Copies a saved query without output (its first refresh writes it to a new sheet); resolves with the copy's id. */
  async duplicate(id: string): Promise<string> {
    const { duplicateQuery } = await opsCode();
    let copy = '';
    await this.documents.update(`duplicate query ${id}`, (latest) => {
      const r = duplicateQuery(latest, id, (this.deps.now ?? (() => new Date()))(), this.reserved);
      copy = r.id;
      return r.document;
    });
    return copy;
  }

  /** Deletes a saved query and exactly the output PivotDeck wrote for it. */
  remove(id: string): Promise<PivotDeckDocument> {
    return this.documents.exclusive(lockKey.query(id), async () => {
      // The output goes first: if the definition then cannot be saved, a refresh writes the
      // output again; the other order could leave an output nobody can remove.
      await (await outputCode()).removeQueryOutput(this.deps.run, id);
      return this.documents.update(`remove query ${id}`, (latest) => ({ ...latest, queries: latest.queries.filter((q) => q.id !== id) }));
    });
  }
}
