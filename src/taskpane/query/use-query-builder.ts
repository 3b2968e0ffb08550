import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { QuerySpec } from '../../engine';
import type { PaneHost } from '../../excel/host-types';
import { listTables } from '../../excel/list-tables';
import type { OutputLayout, OutputTarget } from '../../excel/query-output';
import { readTablePreview } from '../../excel/read-table-preview';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../excel/workbook-document';
import type { TableInfo } from '../../excel/workbook-info';
import type { OpenResult, PivotDeckDocument } from '../../model';
import {
  deleteQuery, duplicateQuery, insertQuery, readSourceData, refreshAllQueries, refreshQuery, renameQuery, savedQueries, updateQuery,
  type QueryDeps, type QueryOutcome, type QueryProgress, type RunQueryOptions, type SavedQuery, type SourceData,
} from '../../refresh/queries';
import { browserQueryComputer } from '../../refresh/queries/start-query-worker';
import { findQueryOutput } from '../../excel/query-output';
import { describeFields, type FieldInfo } from './field-info';
import { draftToSpec, EMPTY_DRAFT, specToDraft, type Draft } from './spec-draft';
import { keptWebSources, paneWebPull, webChoice, webFieldList, webIdOf } from './web-source-choice';
import {
  choiceOfSourceRef, NO_ROWS, paneWarehouseRunner, sourceRefOfChoice, warehouseComputer, warehouseFieldList, warehouseIdOf, warehouseSources,
} from '../warehouse/builder-source';

/** The spec's source for a dropdown choice: a web source kept out of the sheet, else as the choice says. */
const webRefOrChoice = (choice: string) => {
  const id = webIdOf(choice);
  return id ? { kind: 'source' as const, id } : sourceRefOfChoice(choice);
};

export type SourceState =
  | { status: 'idle' }
  | { status: 'loading'; table: string }
  | { status: 'ready'; table: string; fields: FieldInfo[]; totalRows: number }
  | { status: 'error'; table: string; message: string };

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; what: string }
  | { kind: 'done'; outcome: QueryOutcome; what: string };

/** An insert, save or refresh under way: where the pane shows it, and how far it is. */
export interface Activity {
  where: 'builder' | 'list';
  what: string;
  progress?: QueryProgress;
}

export interface Placement {
  kind: 'newSheet' | 'at';
  sheet: string;
  cell: string;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * State and actions of the query builder. Excel is reached only through src/excel and
 * src/refresh with `host.run`; the source is read once per chosen table (first rows for the
 * field list, all rows in the background for previews) and reused until the table changes.
 */
export function useQueryBuilder(host: PaneHost) {
  // Queries compute in a Web Worker (a fresh one per run; Cancel terminates it).
  // Queries on a warehouse source run there (SQL pushdown); only the summary comes back.
  const warehouse = useMemo(() => paneWarehouseRunner(host), [host]);
  // Web sources kept out of the sheet are pulled straight into the query ("don't land raw rows").
  const deps = useMemo<QueryDeps>(() => ({ run: host.run, compute: browserQueryComputer(), warehouse, pull: paneWebPull(host) }), [host, warehouse]);
  const warehouseCompute = useMemo(() => warehouseComputer(warehouse), [warehouse]);
  // Previews follow every edit: they reuse a warm worker (a superseded one is still terminated).
  const previewCompute = useMemo(() => browserQueryComputer({ keepWarm: true }), []);
  const opened = useRef<OpenResult | undefined>(undefined);
  const [doc, setDoc] = useState<PivotDeckDocument | undefined>();
  const [docMessage, setDocMessage] = useState<string | undefined>();
  const [tables, setTables] = useState<TableInfo[] | undefined>();
  const [source, setSource] = useState<SourceState>({ status: 'idle' });
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [label, setLabel] = useState('');
  const [layout, setLayout] = useState<OutputLayout>('grid');
  const [placement, setPlacement] = useState<Placement>({ kind: 'newSheet', sheet: '', cell: 'A1' });
  const [editingId, setEditingId] = useState<string | undefined>();
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [listError, setListError] = useState<string | undefined>();
  const [listNotice, setListNotice] = useState<string | undefined>();
  const [activity, setActivity] = useState<Activity | undefined>();
  /** Aborts the insert, save or refresh under way (Cancel). */
  const running = useRef<AbortController | undefined>(undefined);
  /** All rows of the chosen source, read once in the background for previews. */
  const data = useRef<{ table: string; promise: Promise<SourceData> } | undefined>(undefined);
  const sourceRequest = useRef(0);

  const load = useCallback(async () => {
    try {
      const [list, result] = await Promise.all([listTables(host.run), loadWorkbookDocument(host.run)]);
      opened.current = result;
      setTables(list);
      setDoc(result.document);
      setDocMessage('message' in result ? result.message : undefined);
    } catch (e) {
      setListError(errorText(e));
    }
  }, [host]);
  useEffect(() => { void load(); }, [load]);

  const save = useCallback(async (next: PivotDeckDocument) => {
    await saveWorkbookDocument(host.run, opened.current ?? { readOnly: false }, next);
    setDoc(next);
  }, [host]);

  const chooseTable = useCallback(async (name: string | undefined, keepDraft = false) => {
    const request = ++sourceRequest.current;
    if (!keepDraft) {
      setDraft(EMPTY_DRAFT);
      setEditingId(undefined);
    }
    if (!name) { setSource({ status: 'idle' }); data.current = undefined; return; }
    setSource({ status: 'loading', table: name });
    if (!keepDraft) {
      setLabel('');
      setPlacement((p) => ({ ...p, sheet: '' }));
    }
    const warehouseId = warehouseIdOf(name);
    if (warehouseId) {
      // No rows are read: the fields come from the source's saved types, previews run on the warehouse.
      data.current = { table: name, promise: Promise.resolve(NO_ROWS) };
      try {
        const list = await warehouseFieldList(host, warehouseId);
        if (request === sourceRequest.current) setSource({ status: 'ready', table: name, fields: list.fields, totalRows: list.totalRows });
      } catch (e) {
        if (request === sourceRequest.current) setSource({ status: 'error', table: name, message: errorText(e) });
      }
      return;
    }
    const webId = webIdOf(name);
    if (webId) {
      const promise = deps.pull
        ? deps.pull({ kind: 'source', id: webId }, {})
        : Promise.reject(new Error('This pane cannot read web sources.'));
      promise.catch(() => undefined); // reported below and by the preview
      data.current = { table: name, promise };
      try {
        const [pulled, current] = await Promise.all([promise, loadWorkbookDocument(host.run)]);
        if (request !== sourceRequest.current) return;
        const def = current.document.sources.find((s) => s.id === webId);
        setSource({ status: 'ready', table: name, fields: webFieldList(pulled, def), totalRows: pulled.rows.length });
      } catch (e) {
        if (request === sourceRequest.current) setSource({ status: 'error', table: name, message: errorText(e) });
      }
      return;
    }
    const promise = readSourceData(host.run, { kind: 'table', name });
    promise.catch(() => undefined); // reported by the preview that awaits it
    data.current = { table: name, promise };
    try {
      const preview = await readTablePreview(host.run, name, 20);
      if (request !== sourceRequest.current) return;
      setSource({ status: 'ready', table: name, fields: describeFields(preview.headers, preview.rows, preview.numberFormats), totalRows: preview.totalRows });
    } catch (e) {
      if (request !== sourceRequest.current) return;
      setSource({ status: 'error', table: name, message: errorText(e) });
    }
  }, [host, deps]);

  const sourceFields = source.status === 'ready' ? source.fields.map((f) => f.name) : [];
  const spec: QuerySpec | undefined = source.status === 'ready' && draft.measures.length > 0
    ? draftToSpec(webRefOrChoice(source.table), draft, sourceFields)
    : undefined;

  const defaultLabel = (s: QuerySpec) => `${s.measures.map((m) => m.label ?? m.id).slice(0, 2).join(', ')} by ${[...s.rows, ...(s.columns ?? [])].join(' × ') || 'total'}`.slice(0, 120);

  /** Runs one insert, save or refresh with progress and a Cancel that aborts it. */
  const tracked = useCallback(async <T,>(where: Activity['where'], what: string, work: (options: RunQueryOptions) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    running.current = controller;
    setActivity({ where, what });
    try {
      return await work({ signal: controller.signal, onProgress: (progress) => setActivity({ where, what, progress }) });
    } finally {
      if (running.current === controller) {
        running.current = undefined;
        setActivity(undefined);
      }
    }
  }, []);
  const cancel = useCallback(() => running.current?.abort(), []);

  const withRun = useCallback(async (what: string, work: (options: RunQueryOptions) => Promise<QueryOutcome>) => {
    setRun({ kind: 'running', what });
    try {
      setRun({ kind: 'done', what, outcome: await tracked('builder', what, work) });
    } catch (e) {
      setRun({ kind: 'done', what, outcome: { status: 'failed', code: 'excel', message: errorText(e) } });
    }
  }, [tracked]);

  /** Insert a new query, or save the edited one (rewriting its output). */
  const commit = useCallback(async () => {
    if (!spec || !doc) return;
    const name = label.trim() || defaultLabel(spec);
    const target: OutputTarget = placement.kind === 'newSheet'
      ? { kind: 'newSheet', sheet: placement.sheet.trim() || name }
      : { kind: 'at', sheet: placement.sheet, cell: placement.cell };
    await withRun(editingId ? 'Saving the query…' : 'Inserting into Excel…', async (options) => {
      const current = (await loadWorkbookDocument(host.run)).document;
      if (editingId) {
        const r = await updateQuery(deps, current, editingId, { label: name, spec, layout, target: placement.kind === 'at' ? target : undefined }, options);
        if (r.outcome.status === 'written') await save(r.document);
        return r.outcome;
      }
      const r = await insertQuery(deps, current, { label: name, spec, layout, target }, options);
      if (r.outcome.status === 'written') {
        await save(r.document);
        setEditingId(r.id);
        setLabel(name);
      }
      return r.outcome;
    });
  }, [spec, doc, label, placement, editingId, layout, deps, host, save, withRun]);

  const withBusy = useCallback(async (id: string, work: () => Promise<void>) => {
    setBusyIds((s) => new Set([...s, id]));
    try { await work(); } catch (e) { setListError(errorText(e)); } finally {
      setBusyIds((s) => { const n = new Set(s); n.delete(id); return n; });
    }
  }, []);

  const refresh = useCallback((id: string) => withBusy(id, async () => {
    setListNotice(undefined);
    const current = (await loadWorkbookDocument(host.run)).document;
    const label = current.queries.find((q) => q.id === id)?.label ?? 'the query';
    const r = await tracked('list', `Refreshing “${label}”…`, (options) => refreshQuery(deps, current, id, options));
    if (r.outcome.status === 'cancelled') { setListNotice(r.outcome.message); return; }
    await save(r.document);
  }), [deps, host, save, withBusy, tracked]);

  const refreshAll = useCallback(() => withBusy('*', async () => {
    setListNotice(undefined);
    const current = (await loadWorkbookDocument(host.run)).document;
    const r = await tracked('list', 'Refreshing all queries…', ({ signal, onProgress }) =>
      refreshAllQueries(deps, current, { signal, onProgress: (_, p) => onProgress?.(p) }));
    // Queries refreshed before a Cancel keep their new output, so their record is saved too.
    await save(r.document);
    if ([...r.outcomes.values()].some((o) => o.status === 'cancelled') || r.outcomes.size < current.queries.length) {
      setListNotice('Cancelled. Queries not yet refreshed keep their previous output.');
    }
  }), [deps, host, save, withBusy, tracked]);

  const rename = useCallback((id: string, name: string) => withBusy(id, async () => {
    const current = (await loadWorkbookDocument(host.run)).document;
    await save(renameQuery(current, id, name));
    if (id === editingId) setLabel(name.trim());
  }), [host, save, withBusy, editingId]);

  const duplicate = useCallback((id: string) => withBusy(id, async () => {
    const current = (await loadWorkbookDocument(host.run)).document;
    await save(duplicateQuery(current, id).document);
  }), [host, save, withBusy]);

  const remove = useCallback((id: string) => withBusy(id, async () => {
    const current = (await loadWorkbookDocument(host.run)).document;
    await save(await deleteQuery(host.run, current, id));
    if (id === editingId) { setEditingId(undefined); setDraft(EMPTY_DRAFT); }
  }), [host, save, withBusy, editingId]);

  /** Loads a saved query into the builder. */
  const edit = useCallback((saved: SavedQuery) => withBusy(saved.def.id, async () => {
    if (!saved.spec) throw new Error(saved.problem ?? 'This query cannot be edited.');
    const ref = saved.spec.source;
    const choice = ref.kind === 'source' && keptWebSources(doc?.sources).some((s) => s.id === ref.id) ? webChoice(ref.id) : choiceOfSourceRef(ref);
    if (!choice) throw new Error('Only queries on workbook tables and warehouse sources can be edited here for now.');
    const tracked = await findQueryOutput(host.run, saved.def.id).catch(() => undefined);
    await chooseTable(choice, true);
    setDraft(specToDraft(saved.spec));
    setEditingId(saved.def.id);
    setLabel(saved.def.label);
    setLayout(tracked?.layout ?? 'grid');
    setPlacement({ kind: 'newSheet', sheet: '', cell: 'A1' });
    setRun({ kind: 'idle' });
  }), [host, chooseTable, withBusy, doc]);

  const startNew = useCallback(() => {
    setEditingId(undefined);
    setDraft(EMPTY_DRAFT);
    setLabel('');
    setRun({ kind: 'idle' });
  }, []);

  const saved = useMemo(() => (doc ? savedQueries(doc) : []), [doc]);

  return {
    doc, docMessage, readOnly: opened.current?.readOnly ?? false, tables, source, draft, setDraft, label, setLabel, layout, setLayout,
    placement, setPlacement, editingId, run, busyIds, listError, listNotice, activity, spec, saved, sourceData: data,
    compute: warehouseIdOf(source.status === 'idle' ? undefined : source.table) ? warehouseCompute : previewCompute,
    warehouses: warehouseSources(doc?.sources), webSources: keptWebSources(doc?.sources), chooseTable, commit, cancel, refresh, refreshAll, rename, duplicate, remove, edit, startNew, reload: load,
  };
}
