import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExtensionMeasure } from '../../engine/pivot-extension';
import type { PaneHost } from '../../excel/host-types';
import type { PivotDescription } from '../../excel/pivot/describe-pivot';
import type { PivotRef } from '../../excel/selected-pivot';
import type { PivotInfo } from '../../excel/workbook-info';
import type { OpenResult, PivotDeckDocument, PivotExtension } from '../../model';
import type { ExtendProgress } from '../../refresh';
import type { EditOutcome } from '../../refresh/extension-coordinator';
import type { MeasureEdit } from '../../refresh/extensions/edit-measures';
import { watchExtensions } from '../../refresh/extensions/extension-watch';
import {
  describeExtendablePivot, listExtendablePivots, selectedPivot, settlePivotSheets, type PivotQuestion,
} from '../../refresh/extensions/pivot-choices';
import { pivotSourceFields } from '../../refresh/extensions/source-fields';
import type { FieldInfo } from '../query/field-info';
import { useServices } from '../services-context';
import { useSectionStatus, type SectionStatusValue } from '../StatusMessages';

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ExtendProgress; cancel: () => void }
  | { kind: 'done'; outcome: EditOutcome; pivot: PivotRef; pivotName: string; measures: ExtensionMeasure[] };

/** The one current status line of an extension's card (a newer action replaces it). */
export interface CardNotice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

/**
 * Where the section's one status message is shown: at the top (choosing a pivot, Refresh all),
 * in the Fields pane, or in an extension's card (by its id). One slot for the whole section, so a
 * newer action's message replaces the older one wherever that was (issue 16 part 8).
 */
export type StatusPlace = 'top' | 'fields' | { extensionId: string };

/** A change made in the Fields pane, written at once by the extension write path. */
export type ValuesChange =
  | { kind: 'add'; measures: ExtensionMeasure[] }
  | { kind: 'edit'; edit: MeasureEdit }
  /** The last columns go: the extension is removed. */
  | { kind: 'removeAll' };

/**
 * The extension beside this pivot, if any (the one the Fields pane edits; names compared as
 * Excel compares them, without regard to case).
 * @example extensionOfPivot(doc, { sheet: 'Summary', name: 'SalesPivot' })?.id // 'ext_…'
 */
export function extensionOfPivot(doc: PivotDeckDocument | undefined, pivot: PivotRef | undefined): PivotExtension | undefined {
  if (!doc || !pivot) return undefined;
  return doc.extensions.find((e) => e.placement.kind === 'beside' && e.pivotName.toLowerCase() === pivot.name.toLowerCase()
    && (e.pivotSheet ?? pivot.sheet).toLowerCase() === pivot.sheet.toLowerCase());
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
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [questions, setQuestions] = useState<PivotQuestion[]>([]);
  const [fields, setFields] = useState<FieldInfo[] | undefined>();
  const [writing, setWriting] = useState<ExtendProgress | undefined>();
  const { status, show, clear } = useSectionStatus();
  const [statusAt, setStatusAt] = useState<StatusPlace>('top');
  /** Shows the section's one message at `place`; an earlier message or "Added at …" result goes. */
  const say = useCallback((place: StatusPlace, value: SectionStatusValue) => {
    setRun((r) => (r.kind === 'done' ? { kind: 'idle' } : r));
    setStatusAt(place);
    show(value);
  }, [show]);
  const error = statusAt === 'top' && status?.intent === 'error' ? status.message : undefined;
  const setError = useCallback((text: string | undefined) => {
    if (text === undefined) clear(); else say('top', { intent: 'error', message: text });
  }, [say, clear]);

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
  }, [deps, coordinator, documents, setError]);
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
    if (notice) say({ extensionId: id }, { intent: notice.intent, message: notice.text });
    else clear();
  }, [say, clear]);
  const cardStatus = typeof statusAt === 'object' && status ? statusAt.extensionId : undefined;
  const notices: ReadonlyMap<string, CardNotice> = new Map(cardStatus && status ? [[cardStatus, { intent: status.intent, text: status.message }]] : []);

  const choosePivot = useCallback(async (ref: PivotRef | undefined) => {
    setPivot(ref);
    setDescription(undefined);
    setFields(undefined);
    setError(undefined);
    setRun({ kind: 'idle' });
    if (!ref) return;
    try {
      const described = await describeExtendablePivot(deps, ref);
      setDescription(described);
      // The Fields pane's list: the source's fields typed from its first rows (one more sync).
      if (described.problems.length === 0) setFields(await pivotSourceFields(deps, described.snapshot));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [deps, setError]);

  const useSelected = useCallback(async () => {
    try {
      const ref = await selectedPivot(deps);
      if (!ref) { setError('The selected cell is not inside a PivotTable. Click a cell of the pivot, then press "Use selected pivot" again.'); return; }
      await choosePivot(ref);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [deps, choosePivot, setError]);

  const addToPivot = useCallback(async (measures: ExtensionMeasure[], placement: { kind: 'beside' } | { kind: 'sheet'; sheet: string }) => {
    if (!pivot) return false;
    const pivotName = pivot.name;
    const controller = new AbortController();
    clear();
    setRun({ kind: 'running', progress: { phase: 'pivot' }, cancel: () => controller.abort() });
    // Extends and records it (joining PivotDeck's own block beside this pivot when there is one).
    const outcome = await coordinator.add({ pivotName, pivotSheet: pivot.sheet, measures, placement }, {
      signal: controller.signal,
      onProgress: (progress) => setRun({ kind: 'running', progress, cancel: () => controller.abort() }),
    });
    setRun({ kind: 'done', outcome, pivot, pivotName, measures });
    return outcome.status === 'written';
  }, [pivot, coordinator, clear]);

  /**
   * A Fields-pane change, written at once through the extension write path (all or nothing:
   * recomputed, checked against Excel, the block rewritten, then recorded). `done` says what
   * was done ("Added Median of Revenue.") above the check's summary.
   */
  const writeValues = useCallback(async (change: ValuesChange, done: string): Promise<boolean> => {
    if (!pivot || writing) return false;
    setWriting({ phase: 'pivot' });
    clear();
    try {
      const ext = extensionOfPivot(await documents.read(), pivot);
      if (change.kind === 'removeAll') {
        if (ext) await coordinator.remove(ext.id);
        say('fields', { intent: 'success', message: `${done} PivotDeck's columns beside the PivotTable were deleted; the PivotTable is unchanged.` });
        return true;
      }
      const onProgress = (p: ExtendProgress) => setWriting(p);
      let outcome: EditOutcome;
      if (change.kind === 'add') {
        // Joins the extension beside this pivot, or starts one.
        outcome = await coordinator.add({ pivotName: pivot.name, pivotSheet: pivot.sheet, measures: change.measures, placement: { kind: 'beside' } }, { onProgress });
      } else if (ext) {
        outcome = await coordinator.edit(ext.id, change.edit, { onProgress });
      } else {
        outcome = { status: 'invalid', message: 'This PivotTable has no PivotDeck columns any more (removed elsewhere?). Nothing was changed.' };
      }
      if (outcome.status === 'written') {
        const notes = outcome.notes.length > 0 ? ` ${outcome.notes.join(' ')}` : '';
        say('fields', { intent: 'success', title: done, message: `${outcome.summary}${notes}` });
        return true;
      }
      say('fields', {
        intent: outcome.status === 'cancelled' ? 'info' : outcome.status === 'disagrees' ? 'error' : 'warning',
        title: outcome.status === 'disagrees' ? 'Excel\'s numbers disagree: nothing was changed' : 'Nothing was changed',
        message: outcome.message,
      });
      return false;
    } catch (e) {
      say('fields', { intent: 'error', title: 'Nothing was changed', message: e instanceof Error ? e.message : String(e) });
      return false;
    } finally {
      setWriting(undefined);
    }
  }, [pivot, writing, documents, coordinator, say, clear]);

  const withBusy = useCallback(async (id: string, work: () => Promise<void>) => {
    setBusyIds((s) => new Set([...s, id]));
    try { await work(); } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      if (id === '*') setError(text); else setNotice(id, { intent: 'error', text });
    } finally {
      setBusyIds((s) => { const n = new Set(s); n.delete(id); return n; });
    }
  }, [setNotice, setError]);

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
    questions, notices, fields, writing, status: { status, show, clear }, statusAt,
    extension: extensionOfPivot(doc, pivot),
    choosePivot, useSelected, addToPivot, writeValues, refreshOne, refreshAll, remove, edit, setAutoRefresh, answerQuestion, reload,
    dismissResult: () => setRun({ kind: 'idle' }),
  };
}
