import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExtensionMeasure } from '../../engine/pivot-extension';
import type { PaneHost } from '../../excel/host-types';
import type { PivotDescription } from '../../excel/pivot/describe-pivot';
import type { PivotRef } from '../../excel/selected-pivot';
import type { PivotInfo } from '../../excel/workbook-info';
import type { OpenResult, PivotDeckDocument } from '../../model';
import type { ExtendProgress } from '../../refresh';
import type { EditOutcome } from '../../refresh/extension-coordinator';
import type { MeasureEdit } from '../../refresh/extensions/edit-measures';
import { watchExtensions } from '../../refresh/extensions/extension-watch';
import {
  describeExtendablePivot, listExtendablePivots, selectedPivot, settlePivotSheets, type PivotQuestion,
} from '../../refresh/extensions/pivot-choices';
import { useServices } from '../services-context';

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ExtendProgress; cancel: () => void }
  | { kind: 'done'; outcome: EditOutcome; pivot: PivotRef; pivotName: string; measures: ExtensionMeasure[] };

/** The one current status line of an extension's card (a newer action replaces it). */
export interface CardNotice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

/**
 * UI state of the "Extend a PivotTable" panel. Excel reads and writes are use-cases in
 * src/refresh (pivot-choices, the extension coordinator and its watch); this hook only holds what
 * the pane shows. Every saved change to the document (from here, another section or the ribbon)
 * updates the list here.
 */
export function useExtendPivot(host: PaneHost) {
  const canReadDataSource = host.isSetSupported('ExcelApi', '1.15');
  const { extensions: coordinator, documents, events } = useServices();
  const deps = coordinator.deps;
  const opened = useRef<OpenResult | undefined>(undefined);
  const [doc, setDoc] = useState<PivotDeckDocument | undefined>();
  const [docMessage, setDocMessage] = useState<string | undefined>();
  const [pivots, setPivots] = useState<PivotInfo[] | undefined>();
  const [pivot, setPivot] = useState<PivotRef | undefined>();
  const pivotName = pivot?.name;
  const [description, setDescription] = useState<PivotDescription | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [questions, setQuestions] = useState<PivotQuestion[]>([]);
  const [notices, setNotices] = useState<ReadonlyMap<string, CardNotice>>(new Map());

  useEffect(() => documents.subscribe((change) => setDoc(change.document)), [documents]);

  const reload = useCallback(async () => {
    try {
      const [list, result] = await Promise.all([listExtendablePivots(deps), documents.open()]);
      opened.current = result;
      setPivots(list);
      setDoc(result.document);
      setDocMessage('message' in result ? result.message : undefined);
      if (!result.readOnly) {
        setQuestions(await settlePivotSheets(coordinator, list));
        // Extensions whose sheet was just settled can be checked now rather than at the next event.
        void coordinator.checkAll().catch(() => undefined);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [deps, coordinator, documents]);
  useEffect(() => { void reload(); }, [reload]);

  // While the pane is open, out-of-date blocks are noticed (on open, on sheet activation, on changes).
  useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    watchExtensions(coordinator, { events, onError: () => undefined }).then((s) => {
      if (cancelled) void s(); else stop = s;
    }, () => undefined);
    return () => { cancelled = true; void stop?.(); };
  }, [coordinator, events]);

  // Once PivotDeck finds the chosen pivot changed, an earlier "Added … match" result is withdrawn
  // (it spoke of the pivot as it was) and the pivot's fields shown above are read again.
  const staleKey = (doc?.extensions ?? []).filter((e) => e.outOfDate && pivot && e.pivotName === pivot.name && e.pivotSheet === pivot.sheet).map((e) => e.id).join(',');
  useEffect(() => {
    if (!staleKey || !pivot) return;
    setRun((r) => (r.kind === 'done' ? { kind: 'idle' } : r));
    let live = true;
    describeExtendablePivot(deps, pivot).then((d) => { if (live) setDescription(d); }, () => undefined);
    return () => { live = false; };
  }, [staleKey, pivot, deps]);

  const setNotice = useCallback((id: string, notice: CardNotice | undefined) => {
    setNotices((m) => { const n = new Map(m); if (notice) n.set(id, notice); else n.delete(id); return n; });
  }, []);

  const choosePivot = useCallback(async (ref: PivotRef | undefined) => {
    setPivot(ref);
    setDescription(undefined);
    setError(undefined);
    setRun({ kind: 'idle' });
    if (!ref) return;
    try {
      setDescription(await describeExtendablePivot(deps, ref));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [deps]);

  const useSelected = useCallback(async () => {
    try {
      const ref = await selectedPivot(deps);
      if (!ref) { setError('The selected cell is not inside a PivotTable. Click a cell of the pivot, then press "Use selected pivot" again.'); return; }
      await choosePivot(ref);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [deps, choosePivot]);

  const addToPivot = useCallback(async (measures: ExtensionMeasure[], placement: { kind: 'beside' } | { kind: 'sheet'; sheet: string }) => {
    if (!pivot) return false;
    const pivotName = pivot.name;
    const controller = new AbortController();
    setRun({ kind: 'running', progress: { phase: 'pivot' }, cancel: () => controller.abort() });
    // Extends and records it (joining PivotDeck's own block beside this pivot when there is one).
    const outcome = await coordinator.add({ pivotName, pivotSheet: pivot.sheet, measures, placement }, {
      signal: controller.signal,
      onProgress: (progress) => setRun({ kind: 'running', progress, cancel: () => controller.abort() }),
    });
    setRun({ kind: 'done', outcome, pivot, pivotName, measures });
    return outcome.status === 'written';
  }, [pivot, coordinator]);

  const withBusy = useCallback(async (id: string, work: () => Promise<void>) => {
    setBusyIds((s) => new Set([...s, id]));
    try { await work(); } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      if (id === '*') setError(text); else setNotice(id, { intent: 'error', text });
    } finally {
      setBusyIds((s) => { const n = new Set(s); n.delete(id); return n; });
    }
  }, [setNotice]);

  const refreshOne = useCallback((id: string) => withBusy(id, async () => {
    setNotice(id, undefined);
    setRun((r) => (r.kind === 'done' ? { kind: 'idle' } : r));
    const result = await coordinator.refreshOne(id);
    const outcome = result.outcomes.get(id);
    if (outcome && outcome.status !== 'written') setNotice(id, { intent: 'error', text: outcome.message });
  }), [coordinator, withBusy, setNotice]);
  const refreshAll = useCallback(() => withBusy('*', async () => { await coordinator.refreshAll(); }), [coordinator, withBusy]);
  const remove = useCallback((id: string) => withBusy(id, async () => { await coordinator.remove(id); }), [coordinator, withBusy]);
  const edit = useCallback((id: string, change: MeasureEdit, done: string) => withBusy(id, async () => {
    setRun((r) => (r.kind === 'done' ? { kind: 'idle' } : r));
    const outcome = await coordinator.edit(id, change);
    setNotice(id, outcome.status === 'written' ? { intent: 'success', text: `${done} ${outcome.summary}` } : { intent: 'error', text: outcome.message });
  }), [coordinator, withBusy, setNotice]);
  const setAutoRefresh = useCallback((id: string, on: boolean) => withBusy(id, async () => {
    await coordinator.setAutoRefresh(id, on);
    if (on) await coordinator.check(id);
  }), [coordinator, withBusy]);
  const answerQuestion = useCallback((extensionId: string, sheet: string) => withBusy(extensionId, async () => {
    await coordinator.setPivotSheet(extensionId, sheet);
    setQuestions((q) => q.filter((x) => x.extensionId !== extensionId));
    await coordinator.check(extensionId);
  }), [coordinator, withBusy]);

  return {
    canReadDataSource, doc, docMessage, readOnly: opened.current?.readOnly ?? false, pivots, pivot, pivotName, description, error, run, busyIds,
    questions, notices,
    choosePivot, useSelected, addToPivot, refreshOne, refreshAll, remove, edit, setAutoRefresh, answerQuestion, reload,
    dismissResult: () => setRun({ kind: 'idle' }),
  };
}
