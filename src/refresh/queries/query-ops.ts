import { ResultTooLargeError, validateQuerySpec, type QuerySpec } from '../../engine';
import { QueryFieldError } from '../../engine/query';
import { FormulaError } from '../../engine/formula';
import {
  findQueryOutput, flatBlock, gridBlock, QueryOutputError, queryOutputName, removeQueryOutput, writeQueryOutput,
  type OutputLayout, type OutputTarget, type QueryOutputWrite,
} from '../../excel/query-output';
import type { PivotDeckDocument, SourceStamp } from '../../model';
import { stampOf } from '../dashboards/source-stamps';
import { sourcesOf } from './source-data';
import { QueryComputeError } from './query-worker-protocol';
import { runQuery, type QueryDeps, type QueryRun, type RunQueryOptions } from './run-query';
import { keepQueryHistory, type HistoryRecord } from '../history';
import { warehouseSummary, type WarehouseRunDetails } from './warehouse-query';
import { isWarehouseError } from '../../connectors/warehouse';

type QueryDef = PivotDeckDocument['queries'][number];

export type QueryOutcome =
  | { status: 'written'; write: QueryOutputWrite; summary: string; sourceSyncs: number; sourceBytes: number; rowCount: number; warehouse?: WarehouseRunDetails; history?: HistoryRecord; readFrom?: SourceStamp[] }
  /** Nothing was written; the previous output (if any) is as it was. */
  | { status: 'failed'; code: string; message: string }
  | { status: 'cancelled'; message: string }
  /** Only the definition changed (e.g. a rename); Excel was not touched. */
  | { status: 'saved'; message: string };

export interface QueryChange {
  label?: string;
  /** Keep history (issue 17); null turns it off. A document-only change, like a new label. */
  history?: PivotDeckDocument['queries'][number]['history'] | null;
  spec?: QuerySpec;
  layout?: OutputLayout;
  /** A new place; absent, the output stays where it is. */
  target?: OutputTarget;
}

export interface QueryDocResult {
  document: PivotDeckDocument;
  outcome: QueryOutcome;
}

/**
 * Computes a spec and writes it: the shared core of insert, edit and refresh. Never throws for
 * expected failures (bad spec, unknown field, missing table, foreign cells, too large): they come
 * back as `failed` with a message a user can act on, and nothing is written.
 */
async function computeAndWrite(
  deps: QueryDeps,
  id: string,
  label: string,
  specInput: unknown,
  layout: OutputLayout,
  target: OutputTarget,
  follow: boolean,
  options: RunQueryOptions & { activate?: boolean; afterWrite?: (run: QueryRun) => Promise<HistoryRecord | undefined> },
): Promise<QueryOutcome> {
  const checked = validateQuerySpec(specInput);
  if (!checked.ok) return { status: 'failed', code: 'spec', message: `The query "${label}" is not valid: ${checked.error.message}` };
  try {
    const run = await runQuery(deps, checked.spec, layout === 'grid' ? 'grid' : 'flat', options);
    options.signal?.throwIfAborted();
    options.onProgress?.({ phase: 'write' });
    const block = layout === 'grid' ? gridBlock(run.result.grid!) : flatBlock(run.result.flat!);
    const write = await writeQueryOutput(deps.run, block, {
      queryId: id, target, followExisting: follow, activate: options.activate,
      comment: `PivotDeck query "${label}". PivotDeck replaces these cells on refresh.`,
      confirmColumnRemoval: options.confirmColumnRemoval,
    });
    const r = run.result;
    const base = `${r.rowCount.toLocaleString('en-US')} of ${r.sourceRowCount.toLocaleString('en-US')} source rows → ${write.address}`;
    // A warehouse query says what ran where (on the server, in the pane) and what crossed the wire.
    const summary = run.warehouse ? `${base}. ${warehouseSummary(run.warehouse).replace(/\.$/, '')}` : base;
    // What it read, so the pane can say "Out of date — Sales changed" later (issue 14 part 5).
    const readFrom = [...sourcesOf(checked.spec)].map(([key, ref]) => stampOf(ref, run.read?.[key], options.sources ?? [])).slice(0, 40);
    // History (issue 17): only after the output is written; it never fails the refresh.
    const history = await options.afterWrite?.(run);
    return {
      status: 'written', write, summary: history ? `${summary}. ${history.message}` : summary,
      sourceSyncs: run.sourceSyncs, sourceBytes: run.sourceBytes, rowCount: r.rowCount, warehouse: run.warehouse, readFrom, ...(history ? { history } : {}),
    };
  } catch (error) {
    if (options.signal?.aborted) return { status: 'cancelled', message: 'Cancelled. Nothing was written.' };
    // The user said no to removing columns their formulas use: nothing changed, nothing to record.
    if (error instanceof QueryOutputError && error.code === 'declined') return { status: 'cancelled', message: error.message };
    const code = error instanceof QueryOutputError ? error.code
      : error instanceof QueryComputeError ? (error.code === 'other' ? 'excel' : error.code)
      : error instanceof ResultTooLargeError ? 'too-large'
      : error instanceof QueryFieldError || error instanceof FormulaError ? 'field'
      : isWarehouseError(error) ? `warehouse-${error.kind}`
      : 'excel';
    return { status: 'failed', code, message: error instanceof Error ? error.message : String(error) };
  }
}

function stamp(deps: QueryDeps): string {
  return (deps.now ?? (() => new Date()))().toISOString();
}

function recorded(def: QueryDef, outcome: QueryOutcome, at: string): QueryDef {
  if (outcome.status === 'written') {
    return {
      ...def,
      output: { name: queryOutputName(def.id), sheet: outcome.write.area.sheet.slice(0, 31), address: outcome.write.address.slice(0, 64) },
      lastRefresh: { at, ok: true, message: outcome.summary.slice(0, 2000) },
      ...(outcome.readFrom ? { readFrom: outcome.readFrom } : {}),
    };
  }
  return { ...def, lastRefresh: { at, ok: false, message: outcome.message.slice(0, 2000) } };
}

/** A new query id: letters, digits and "_" (safe in Excel names), unique in the document. */
export function newQueryId(doc: PivotDeckDocument, now: Date = new Date(), alsoTaken: Iterable<string> = []): string {
  const taken = new Set([...doc.queries.map((q) => q.id), ...alsoTaken].map((id) => id.toLowerCase()));
  for (let n = 0; ; n++) {
    const id = `q_${now.getTime().toString(36)}${n ? `_${n}` : ''}`;
    if (!taken.has(id.toLowerCase())) return id;
  }
}

/**
 * Runs a new query and writes it; on success the query is added to the document (the caller
 * saves it). On failure the document is unchanged and nothing was written.
 *
 * @example
 * const { document, outcome, id } = await insertQuery(deps, doc, { label: 'Revenue by region', spec, layout: 'grid',
 *   target: { kind: 'newSheet', sheet: 'Revenue by region' } });
 */
export async function insertQuery(
  deps: QueryDeps,
  doc: PivotDeckDocument,
  request: { label: string; spec: QuerySpec; layout: OutputLayout; target: OutputTarget; id?: string },
  options: RunQueryOptions = {},
): Promise<QueryDocResult & { id: string }> {
  const id = request.id ?? newQueryId(doc, (deps.now ?? (() => new Date()))());
  const outcome = await computeAndWrite(deps, id, request.label, request.spec, request.layout, request.target, false, { ...options, activate: true, sources: doc.sources });
  if (outcome.status !== 'written') return { id, document: doc, outcome };
  const def = recorded({ id, label: request.label.slice(0, 255), spec: request.spec }, outcome, stamp(deps));
  return { id, document: { ...doc, queries: [...doc.queries, def] }, outcome };
}

/**
 * How a saved query's output is written now (a grid or a table), read from its block; 'grid'
 * when it has none or it cannot be read (a grid is what a new query writes).
 * @example const layout = await queryOutputLayout(host.run, 'q_1'); // 'table'
 */
export async function queryOutputLayout(run: QueryDeps['run'], id: string): Promise<OutputLayout> {
  try {
    return (await findQueryOutput(run, id))?.layout ?? 'grid';
  } catch {
    return 'grid';
  }
}

/** Where a saved query writes when nothing tells otherwise: its last place, else a new sheet. */
function savedTarget(def: QueryDef): OutputTarget {
  const address = def.output?.address;
  const cell = address?.slice(address.lastIndexOf('!') + 1).split(':')[0];
  if (def.output?.sheet && cell) return { kind: 'at', sheet: def.output.sheet, cell };
  return { kind: 'newSheet', sheet: def.label };
}

/**
 * Recomputes a saved query and replaces its output where it is now (following a moved block),
 * as a grid or table as it was written (`layout` overrides). On any failure the previous output
 * stays exactly as it was and `lastRefresh` records `{ ok: false, message }`.
 *
 * @example const { document, outcome } = await refreshQuery(deps, doc, 'q_1');
 */
export async function refreshQuery(
  deps: QueryDeps,
  doc: PivotDeckDocument,
  id: string,
  options: RunQueryOptions & { layout?: OutputLayout } = {},
): Promise<QueryDocResult> {
  const def = doc.queries.find((q) => q.id === id);
  if (!def) throw new Error(`There is no PivotDeck query "${id}" in this workbook.`);
  const layout = options.layout ?? await queryOutputLayout(deps.run, id);
  const outcome = await computeAndWrite(deps, id, def.label, def.spec, layout, savedTarget(def), true, {
    ...options, sources: doc.sources,
    ...(def.history?.keep ? { afterWrite: (run: QueryRun) => keepQueryHistory(deps.run, def, run.result, (deps.now ?? (() => new Date()))()) } : {}),
  });
  if (outcome.status === 'cancelled' || outcome.status === 'saved') return { document: doc, outcome };
  const updated = recorded(def, outcome, stamp(deps));
  return { document: { ...doc, queries: doc.queries.map((q) => (q.id === id ? updated : q)) }, outcome };
}

/**
 * Refreshes every saved query, one after the other, reading each source once. A failing query
 * keeps its previous output and is marked `lastRefresh.ok = false`; the others still refresh.
 *
 * @example const { document, outcomes } = await refreshAllQueries(deps, doc);
 */
export async function refreshAllQueries(
  deps: QueryDeps,
  doc: PivotDeckDocument,
  options: Omit<RunQueryOptions, 'cache' | 'onProgress'> & { onProgress?: (id: string, p: Parameters<NonNullable<RunQueryOptions['onProgress']>>[0]) => void } = {},
): Promise<{ document: PivotDeckDocument; outcomes: Map<string, QueryOutcome> }> {
  const cache: NonNullable<RunQueryOptions['cache']> = new Map();
  const outcomes = new Map<string, QueryOutcome>();
  let current = doc;
  for (const q of doc.queries) {
    if (options.signal?.aborted) break;
    const r = await refreshQuery(deps, current, q.id, { signal: options.signal, cache, onProgress: (p) => options.onProgress?.(q.id, p), confirmColumnRemoval: options.confirmColumnRemoval });
    current = r.document;
    outcomes.set(q.id, r.outcome);
  }
  return { document: current, outcomes };
}

/**
 * Applies an edit from the builder: a new label alone only renames; a new spec, layout or place
 * recomputes and rewrites the output (in place unless `target` is given). If that fails, the
 * document keeps the previous definition and the outcome says why.
 *
 * @example await updateQuery(deps, doc, 'q_1', { spec: withMedian, layout: 'grid' });
 */
export async function updateQuery(deps: QueryDeps, doc: PivotDeckDocument, id: string, change: QueryChange, options: RunQueryOptions = {}): Promise<QueryDocResult> {
  const def = doc.queries.find((q) => q.id === id);
  if (!def) throw new Error(`There is no PivotDeck query "${id}" in this workbook.`);
  const label = change.label?.trim() ? change.label.trim().slice(0, 255) : def.label;
  const kept = change.history === undefined ? def : withHistory(def, change.history);
  if (!change.spec && !change.layout && !change.target) {
    const renamed = { ...kept, label };
    const message = change.history === undefined ? 'Renamed.' : 'Saved.';
    return { document: { ...doc, queries: doc.queries.map((q) => (q.id === id ? renamed : q)) }, outcome: { status: 'saved', message } };
  }
  const layout = change.layout ?? await queryOutputLayout(deps.run, id);
  const spec = change.spec ?? def.spec;
  const outcome = await computeAndWrite(deps, id, label, spec, layout, change.target ?? savedTarget(def), change.target === undefined, { ...options, sources: doc.sources });
  if (outcome.status !== 'written') return { document: doc, outcome };
  const updated = recorded({ ...kept, label, spec }, outcome, stamp(deps));
  return { document: { ...doc, queries: doc.queries.map((q) => (q.id === id ? updated : q)) }, outcome };
}

/** The definition with its history option set (null: removed). The history table itself stays. */
function withHistory(def: QueryDef, history: QueryChange['history']): QueryDef {
  const { history: _old, ...rest } = def;
  void _old;
  return history ? { ...rest, history } : rest;
}

/**
 * Renames a saved query (the document only; its output is not touched).
 * @example renameQuery(doc, 'q_1', 'Revenue by region and year')
 */
export function renameQuery(doc: PivotDeckDocument, id: string, label: string): PivotDeckDocument {
  const clean = label.trim().slice(0, 255);
  if (!clean) return doc;
  return { ...doc, queries: doc.queries.map((q) => (q.id === id ? { ...q, label: clean } : q)) };
}

/**
 * Copies a saved query under a new id and "<label> (copy)", without output: its first refresh
 * writes it to a new sheet.
 * @example const { document, id } = duplicateQuery(doc, 'q_1');
 */
export function duplicateQuery(doc: PivotDeckDocument, id: string, now: Date = new Date(), alsoTaken: Iterable<string> = []): { document: PivotDeckDocument; id: string } {
  const def = doc.queries.find((q) => q.id === id);
  if (!def) throw new Error(`There is no PivotDeck query "${id}" in this workbook.`);
  const copy: QueryDef = { id: newQueryId(doc, now, alsoTaken), label: `${def.label} (copy)`.slice(0, 255), spec: structuredClone(def.spec) };
  return { document: { ...doc, queries: [...doc.queries, copy] }, id: copy.id };
}

/**
 * Deletes a saved query and exactly the output PivotDeck wrote for it.
 * @example const next = await deleteQuery(host.run, doc, 'q_1');
 */
export async function deleteQuery(run: QueryDeps['run'], doc: PivotDeckDocument, id: string): Promise<PivotDeckDocument> {
  await removeQueryOutput(run, id);
  return { ...doc, queries: doc.queries.filter((q) => q.id !== id) };
}
