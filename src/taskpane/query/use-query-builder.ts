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
  type QueryDeps, type QueryOutcome, type SavedQuery, type SourceData,
} from '../../refresh/queries';
import { findQueryOutput } from '../../excel/query-output';
import { describeFields, type FieldInfo } from './field-info';
import { draftToSpec, EMPTY_DRAFT, specToDraft, type Draft } from './spec-draft';

export type SourceState =
  | { status: 'idle' }
  | { status: 'loading'; table: string }
  | { status: 'ready'; table: string; fields: FieldInfo[]; totalRows: number }
  | { status: 'error'; table: string; message: string };

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; what: string }
  | { kind: 'done'; outcome: QueryOutcome; what: string };

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
  const deps = useMemo<QueryDeps>(() => ({ run: host.run }), [host]);
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
  }, [host]);

  const sourceFields = source.status === 'ready' ? source.fields.map((f) => f.name) : [];
  const spec: QuerySpec | undefined = source.status === 'ready' && draft.measures.length > 0
    ? draftToSpec({ kind: 'table', name: source.table }, draft, sourceFields)
    : undefined;

  const defaultLabel = (s: QuerySpec) => `${s.measures.map((m) => m.label ?? m.id).slice(0, 2).join(', ')} by ${[...s.rows, ...(s.columns ?? [])].join(' × ') || 'total'}`.slice(0, 120);

  const withRun = useCallback(async (what: string, work: () => Promise<QueryOutcome>) => {
    setRun({ kind: 'running', what });
    try {
      setRun({ kind: 'done', what, outcome: await work() });
    } catch (e) {
      setRun({ kind: 'done', what, outcome: { status: 'failed', code: 'excel', message: errorText(e) } });
    }
  }, []);

  /** Insert a new query, or save the edited one (rewriting its output). */
  const commit = useCallback(async () => {
    if (!spec || !doc) return;
    const name = label.trim() || defaultLabel(spec);
    const target: OutputTarget = placement.kind === 'newSheet'
      ? { kind: 'newSheet', sheet: placement.sheet.trim() || name }
      : { kind: 'at', sheet: placement.sheet, cell: placement.cell };
    await withRun(editingId ? 'Saving the query…' : 'Inserting into Excel…', async () => {
      const current = (await loadWorkbookDocument(host.run)).document;
      if (editingId) {
        const r = await updateQuery(deps, current, editingId, { label: name, spec, layout, target: placement.kind === 'at' ? target : undefined });
        if (r.outcome.status === 'written') await save(r.document);
        return r.outcome;
      }
      const r = await insertQuery(deps, current, { label: name, spec, layout, target });
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
    const current = (await loadWorkbookDocument(host.run)).document;
    const r = await refreshQuery(deps, current, id);
    await save(r.document);
  }), [deps, host, save, withBusy]);

  const refreshAll = useCallback(() => withBusy('*', async () => {
    const current = (await loadWorkbookDocument(host.run)).document;
    await save((await refreshAllQueries(deps, current)).document);
  }), [deps, host, save, withBusy]);

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
    if (saved.spec.source.kind !== 'table') throw new Error('Only queries on workbook tables can be edited here for now.');
    const tracked = await findQueryOutput(host.run, saved.def.id).catch(() => undefined);
    await chooseTable(saved.spec.source.name, true);
    setDraft(specToDraft(saved.spec));
    setEditingId(saved.def.id);
    setLabel(saved.def.label);
    setLayout(tracked?.layout ?? 'grid');
    setPlacement({ kind: 'newSheet', sheet: '', cell: 'A1' });
    setRun({ kind: 'idle' });
  }), [host, chooseTable, withBusy]);

  const startNew = useCallback(() => {
    setEditingId(undefined);
    setDraft(EMPTY_DRAFT);
    setLabel('');
    setRun({ kind: 'idle' });
  }, []);

  const saved = useMemo(() => (doc ? savedQueries(doc) : []), [doc]);

  return {
    doc, docMessage, readOnly: opened.current?.readOnly ?? false, tables, source, draft, setDraft, label, setLabel, layout, setLayout,
    placement, setPlacement, editingId, run, busyIds, listError, spec, saved, sourceData: data,
    chooseTable, commit, refresh, refreshAll, rename, duplicate, remove, edit, startNew, reload: load,
  };
}
