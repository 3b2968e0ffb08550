import { useCallback, useEffect, useMemo, useReducer, useRef, type Dispatch, type SetStateAction } from 'react';
import type { QuerySpec } from '../../engine';
import type { PaneHost } from '../../excel/host-types';
import type { OutputLayout } from '../../excel/query-output';
import { loadBuilderLists, PreviewReads, queryOutputLayout, savedQueries, type QueryOutcome, type QueryRunOptions, type SavedQuery, type SourceData } from '../../refresh/queries';
import { sourceRefKey } from '../../engine/spec';
import { useServices } from '../services-context';
import { useColumnRemovalQuestion } from '../shared/use-column-removal-question';
import { builderReducer, defaultQueryLabel, INITIAL_BUILDER, outputTarget, sourceRefreshStamp, specOf, type Activity, type Placement } from './builder-state';
import { resolveSourceChoice } from './source-choice';
import { specToDraft, type Draft } from './spec-draft';
import { keptWebSources, webChoice } from './web-source-choice';
import { choiceOfSourceRef, warehouseComputer, warehouseIdOf, warehouseSources } from '../warehouse/builder-source';
import type { HistoryOptions } from '../../model';

export type { Activity, Placement, RunState, SourceState } from './builder-state';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The query builder's UI state (one reducer over source, draft, run and list state, see
 * builder-state.ts) wired to its use-cases, which do all Excel and document I/O outside React:
 * the lists and source reads of src/refresh/queries (loadBuilderLists, resolveSourceChoice over
 * readTableFields/readWebSourceFields, queryOutputLayout) and insert, edit, refresh, rename,
 * duplicate and remove (the composition root's QueryCoordinator, which writes outputs and
 * records them through the document service). Refs hold only what is not UI state: the run to
 * cancel, the rows being read for previews, and which source request is the latest. The list
 * follows every saved change to the document, wherever it came from.
 */
export function useQueryBuilder(host: PaneHost) {
  const services = useServices();
  const { queries, documents } = services;
  const warehouseCompute = useMemo(() => (services.warehouse ? warehouseComputer(services.warehouse) : services.previewCompute), [services]);
  const [state, dispatch] = useReducer(builderReducer, INITIAL_BUILDER);
  // The latest state for setters given a function (as useState's are).
  const stateRef = useRef(state);
  stateRef.current = state;
  const { doc, opened, tables, activity } = state;
  const setActivity = useCallback((next: Activity | undefined) => dispatch({ type: 'activity', activity: next }), []);
  /** The question before a refresh removes query-table columns the user's work uses (ColumnRemovalDialog). */
  const removal = useColumnRemovalQuestion();
  const { ask } = removal;
  /** Aborts the insert, save or refresh under way (Cancel). */
  const running = useRef<AbortController | undefined>(undefined);
  /** All rows of the chosen source, read once in the background for previews. */
  /** `since`: the workbook's change count when the read began (PreviewReads.mark). */
  const data = useRef<{ table: string; promise: Promise<SourceData>; since: number | undefined } | undefined>(undefined);
  /** Hears workbook changes, so an insert can tell whether the preview's read is still true. */
  const previewReads = useRef<PreviewReads | undefined>(undefined);
  useEffect(() => {
    const reads = new PreviewReads(services.events);
    previewReads.current = reads;
    return () => {
      if (previewReads.current === reads) previewReads.current = undefined;
      void reads.close();
    };
  }, [services]);
  const holdRead = useCallback((table: string, promise: Promise<SourceData>) => {
    promise.catch(() => undefined);
    data.current = { table, promise, since: previewReads.current?.mark() };
  }, []);
  const sourceRequest = useRef(0);

  const load = useCallback(async () => {
    try {
      const lists = await loadBuilderLists(host.run, documents);
      dispatch({ type: 'listsLoaded', tables: lists.tables, opened: lists.opened });
    } catch (e) {
      dispatch({ type: 'loadError', message: errorText(e) });
    }
  }, [host, documents]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => documents.subscribe((change) => dispatch({ type: 'document', doc: change.document })), [documents]);

  const chooseTable = useCallback(async (name: string | undefined, keepDraft = false) => {
    const request = ++sourceRequest.current;
    dispatch({ type: 'choose', table: name, keepDraft });
    if (!name) { data.current = undefined; return; }
    try {
      const resolved = resolveSourceChoice({ run: host.run, read: () => documents.read(), pull: services.pull }, name);
      // Previews start on the rows as soon as they are being read.
      holdRead(name, resolved.then((r) => r.data));
      const r = await resolved;
      if (request === sourceRequest.current) dispatch({ type: 'sourceReady', table: name, fields: r.fields, totalRows: r.totalRows });
    } catch (e) {
      if (request === sourceRequest.current) dispatch({ type: 'sourceFailed', table: name, message: errorText(e) });
    }
  }, [host, documents, services, holdRead]);

  // Previews follow a refresh of what they show: when the chosen source's pull record changes
  // (refreshed from the pane, the ribbon or a schedule), its rows are read again.
  const shownStamp = useRef<{ table: string; stamp: string } | undefined>(undefined);
  const chosen = state.source.status === 'ready' ? state.source.table : undefined;
  useEffect(() => {
    if (!chosen) { shownStamp.current = undefined; return; }
    const stamp = sourceRefreshStamp(chosen, doc);
    const before = shownStamp.current;
    shownStamp.current = { table: chosen, stamp };
    if (!before || before.table !== chosen || before.stamp === stamp) return;
    const resolved = resolveSourceChoice({ run: host.run, read: () => documents.read(), pull: services.pull }, chosen);
    holdRead(chosen, resolved.then((r) => r.data));
    resolved.then(
      (r) => dispatch({ type: 'sourceRefreshed', table: chosen, fields: r.fields, totalRows: r.totalRows }),
      (e: unknown) => dispatch({ type: 'sourceFailed', table: chosen, message: errorText(e) }),
    );
  }, [chosen, doc, host, documents, services, holdRead]);

  const spec: QuerySpec | undefined = specOf(state);

  /** Runs one insert, save or refresh with progress and a Cancel that aborts it. */
  const tracked = useCallback(async <T,>(where: Activity['where'], what: string, work: (options: QueryRunOptions) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    running.current = controller;
    setActivity({ where, what });
    try {
      return await work({
        signal: controller.signal,
        onProgress: (progress) => setActivity({ where, what, progress }),
        confirmColumnRemoval: (check) => ask(check, `the query table “${check.table}”`, controller.signal),
      });
    } finally {
      if (running.current === controller) {
        running.current = undefined;
        setActivity(undefined);
      }
    }
  }, [setActivity, ask]);
  const cancel = useCallback(() => running.current?.abort(), []);

  const withRun = useCallback(async (what: string, work: (options: QueryRunOptions) => Promise<QueryOutcome>) => {
    dispatch({ type: 'runStarted', what });
    try {
      dispatch({ type: 'runDone', what, outcome: await tracked('builder', what, work) });
    } catch (e) {
      dispatch({ type: 'runDone', what, outcome: { status: 'failed', code: 'excel', message: errorText(e) } });
    }
  }, [tracked]);

  const { label, placement, editingId, layout } = state;
  /** Insert a new query, or save the edited one (rewriting its output). */
  const commit = useCallback(async () => {
    if (!spec || !doc) return;
    const name = label.trim() || defaultQueryLabel(spec);
    const target = outputTarget(placement, name);
    // The preview's read of the table, offered when nothing in the workbook changed since it
    // began; the coordinator still checks its stamp against the sheet (PreviewReads).
    const held = data.current;
    const fresh = held && spec.source.kind === 'table' && held.table === spec.source.name && previewReads.current?.unchangedSince(held.since);
    const reuse = fresh ? new Map([[sourceRefKey(spec.source), held.promise]]) : undefined;
    await withRun(editingId ? 'Saving the query…' : 'Inserting into Excel…', async (run) => {
      const options = { ...run, ...(reuse ? { reuse } : {}) };
      if (editingId) return queries.update(editingId, { label: name, spec, layout, target: placement.kind === 'at' ? target : undefined }, options);
      const r = await queries.insert({ label: name, spec, layout, target }, options);
      if (r.outcome.status === 'written') dispatch({ type: 'inserted', id: r.id, label: name });
      return r.outcome;
    });
  }, [spec, doc, label, placement, editingId, layout, queries, withRun]);

  const withBusy = useCallback(async (id: string, work: () => Promise<void>) => {
    dispatch({ type: 'busy', id, on: true });
    try { await work(); } catch (e) { dispatch({ type: 'listStatus', status: { intent: 'error', text: errorText(e) } }); } finally {
      dispatch({ type: 'busy', id, on: false });
    }
  }, []);

  const refresh = useCallback((id: string) => withBusy(id, async () => {
    const name = doc?.queries.find((q) => q.id === id)?.label ?? 'the query';
    const outcome = await tracked('list', `Refreshing “${name}”…`, (options) => queries.refresh(id, options));
    if (outcome?.status === 'cancelled') dispatch({ type: 'listStatus', status: { intent: 'info', text: outcome.message } });
  }), [doc, queries, withBusy, tracked]);

  const refreshAll = useCallback(() => withBusy('*', async () => {
    const total = (await documents.read()).queries.length;
    const r = await tracked('list', 'Refreshing all queries…', ({ signal, onProgress, confirmColumnRemoval }) =>
      queries.refreshAll({ signal, onProgress: (_, p) => onProgress?.(p), confirmColumnRemoval }));
    // Queries refreshed before a Cancel keep their new output and their record.
    if ([...r.outcomes.values()].some((o) => o.status === 'cancelled') || r.outcomes.size < total) {
      dispatch({ type: 'listStatus', status: { intent: 'info', text: 'Cancelled. Queries not yet refreshed keep their previous output.' } });
    }
  }), [documents, queries, withBusy, tracked]);

  const rename = useCallback((id: string, name: string) => withBusy(id, async () => {
    await queries.rename(id, name);
    dispatch({ type: 'renamed', id, label: name });
  }), [queries, withBusy]);

  const duplicate = useCallback((id: string) => withBusy(id, async () => { await queries.duplicate(id); }), [queries, withBusy]);

  /** Keep history (issue 17): a document-only change. */
  const setHistory = useCallback((id: string, history: HistoryOptions | null) => withBusy(id, async () => {
    await queries.update(id, { history });
  }), [queries, withBusy]);

  const remove = useCallback((id: string) => withBusy(id, async () => {
    await queries.remove(id);
    dispatch({ type: 'removed', id });
  }), [queries, withBusy]);

  /** Loads a saved query into the builder. */
  const edit = useCallback((saved: SavedQuery) => withBusy(saved.def.id, async () => {
    if (!saved.spec) throw new Error(saved.problem ?? 'This query cannot be edited.');
    const ref = saved.spec.source;
    const choice = ref.kind === 'source' && keptWebSources(doc?.sources).some((s) => s.id === ref.id) ? webChoice(ref.id) : choiceOfSourceRef(ref);
    if (!choice) throw new Error('Only queries on workbook tables and warehouse sources can be edited here for now.');
    const layout = await queryOutputLayout(host.run, saved.def.id);
    await chooseTable(choice, true);
    dispatch({ type: 'editing', id: saved.def.id, label: saved.def.label, draft: specToDraft(saved.spec), layout });
  }), [host, chooseTable, withBusy, doc]);

  const startNew = useCallback(() => dispatch({ type: 'startNew' }), []);
  const setDraft = useCallback<Dispatch<SetStateAction<Draft>>>((next) => dispatch({ type: 'draft', draft: typeof next === 'function' ? next(stateRef.current.draft) : next }), []);
  const setLabel = useCallback((next: string) => dispatch({ type: 'label', label: next }), []);
  const setLayout = useCallback((next: OutputLayout) => dispatch({ type: 'layout', layout: next }), []);
  const setPlacement = useCallback<Dispatch<SetStateAction<Placement>>>((next) => dispatch({ type: 'placement', placement: typeof next === 'function' ? next(stateRef.current.placement) : next }), []);
  const saved = useMemo(() => (doc ? savedQueries(doc) : []), [doc]);
  const { source, draft, run, busyIds, loadError, listStatus } = state;

  return {
    doc, docMessage: opened && 'message' in opened ? opened.message : undefined, readOnly: opened?.readOnly ?? false, tables, source, draft, setDraft, label, setLabel, layout, setLayout,
    placement, setPlacement, editingId, run, busyIds, loadError, listStatus, activity, spec, saved, sourceData: data, sourceVersion: state.sourceVersion,
    compute: warehouseIdOf(source.status === 'idle' ? undefined : source.table) ? warehouseCompute : services.previewCompute,
    warehouses: warehouseSources(doc?.sources), webSources: keptWebSources(doc?.sources), chooseTable, commit, cancel, refresh, refreshAll, rename, duplicate, remove, edit, startNew, reload: load, setHistory, removal,
  };
}
