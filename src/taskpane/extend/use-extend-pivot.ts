import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExtensionMeasure } from '../../engine/pivot-extension';
import type { PaneHost } from '../../excel/host-types';
import { listPivots } from '../../excel/list-pivots';
import { describePivot, type PivotDescription } from '../../excel/pivot/describe-pivot';
import { getSelectedPivot, type PivotRef } from '../../excel/selected-pivot';
import type { PivotInfo } from '../../excel/workbook-info';
import type { OpenResult, PivotDeckDocument } from '../../model';
import type { ExtendOutcome, ExtendProgress } from '../../refresh';
import { useServices } from '../services-context';

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ExtendProgress; cancel: () => void }
  | { kind: 'done'; outcome: ExtendOutcome; pivotName: string; measures: ExtensionMeasure[] };

/**
 * State and actions of the "Extend a PivotTable" panel. Excel calls go through src/excel and
 * src/refresh with `host.run`; the extension coordinator comes from the composition root (so the
 * ribbon and the pane share one, and its Web Worker computer); every saved change to the
 * document (from here, another section or the ribbon) updates the list here.
 */
export function useExtendPivot(host: PaneHost) {
  const canReadDataSource = host.isSetSupported('ExcelApi', '1.15');
  const { extensions: coordinator, documents } = useServices();
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

  useEffect(() => documents.subscribe((change) => setDoc(change.document)), [documents]);

  const reload = useCallback(async () => {
    try {
      const [list, result] = await Promise.all([listPivots(host.run, { canReadDataSource }), documents.open()]);
      opened.current = result;
      setPivots(list);
      setDoc(result.document);
      setDocMessage('message' in result ? result.message : undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [host, canReadDataSource, documents]);
  useEffect(() => { void reload(); }, [reload]);

  const choosePivot = useCallback(async (ref: PivotRef | undefined) => {
    setPivot(ref);
    setDescription(undefined);
    setError(undefined);
    setRun({ kind: 'idle' });
    if (!ref) return;
    try {
      setDescription(await describePivot(host.run, ref.name, { canReadDataSource, sheet: ref.sheet }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [host, canReadDataSource]);

  const useSelected = useCallback(async () => {
    try {
      const ref = await getSelectedPivot(host.run);
      if (!ref) { setError('The selected cell is not inside a PivotTable. Click a cell of the pivot, then press "Use selected pivot" again.'); return; }
      await choosePivot(ref);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [host, choosePivot]);

  const addToPivot = useCallback(async (measures: ExtensionMeasure[], placement: { kind: 'beside' } | { kind: 'sheet'; sheet: string }) => {
    if (!pivot) return;
    const pivotName = pivot.name;
    const controller = new AbortController();
    setRun({ kind: 'running', progress: { phase: 'pivot' }, cancel: () => controller.abort() });
    // Extends and records it; columns whose definition cannot be saved are removed again.
    const outcome = await coordinator.add({ pivotName, pivotSheet: pivot.sheet, measures, placement }, {
      signal: controller.signal,
      onProgress: (progress) => setRun({ kind: 'running', progress, cancel: () => controller.abort() }),
    });
    setRun({ kind: 'done', outcome, pivotName, measures });
  }, [pivot, coordinator]);

  const withBusy = useCallback(async (id: string, work: () => Promise<void>) => {
    setBusyIds((s) => new Set([...s, id]));
    try { await work(); } catch (e) { setError(e instanceof Error ? e.message : String(e)); } finally {
      setBusyIds((s) => { const n = new Set(s); n.delete(id); return n; });
    }
  }, []);
  const refreshOne = useCallback((id: string) => withBusy(id, async () => { await coordinator.refreshOne(id); }), [coordinator, withBusy]);
  const refreshAll = useCallback(() => withBusy('*', async () => { await coordinator.refreshAll(); }), [coordinator, withBusy]);
  const remove = useCallback((id: string) => withBusy(id, async () => { await coordinator.remove(id); }), [coordinator, withBusy]);

  return {
    canReadDataSource, doc, docMessage, readOnly: opened.current?.readOnly ?? false, pivots, pivot, pivotName, description, error, run, busyIds,
    choosePivot, useSelected, addToPivot, refreshOne, refreshAll, remove, reload, dismissResult: () => setRun({ kind: 'idle' }),
  };
}
