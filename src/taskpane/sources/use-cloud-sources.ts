/**
 * State and actions of the web-sources panel: the workbook's sources (from the PivotDeck
 * document), preview, load with progress and cancel, refresh, remove, and entering a credential.
 * Loading, refreshing and removing go through the composition root's source coordinator (one
 * refresh of a source at a time, whoever asks; recorded through the document service); the pane
 * never calls Office itself.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SourceDefinition } from '../../model';
import type { PullOk } from '../../refresh/sources';
import type { PaneHost } from '../../excel/host-types';
import type { PivotDeckDocument } from '../../model';
import type { SourceOutcome, SourceProgress, SourceRunOptions } from '../../refresh/sources';
import type { KeptSourceOutcome } from '../../refresh/queries/kept-source';
import { useServices } from '../services-context';
import { useColumnRemovalQuestion, type ColumnRemovalQuestion } from '../shared/use-column-removal-question';

export interface PreviewState {
  def: SourceDefinition;
  pull: PullOk;
}

export interface Running {
  sourceId: string;
  label: string;
  progress?: SourceProgress;
}

export interface CloudSources {
  doc: PivotDeckDocument | undefined;
  readOnlyMessage: string | undefined;
  loadError: string | undefined;
  running: Running | undefined;
  /** The last action's result, in words, per source id. */
  notices: Record<string, { intent: 'success' | 'warning' | 'error' | 'info'; text: string }>;
  preview(def: SourceDefinition, secret: string | undefined): Promise<PreviewState>;
  /** Lands the source, or (with `keepOutOfSheet`) saves it for queries without landing. */
  land(def: SourceDefinition, pulled: PullOk | undefined): Promise<SourceOutcome | KeptSourceOutcome | undefined>;
  refresh(sourceId: string): Promise<SourceOutcome | KeptSourceOutcome | undefined>;
  remove(sourceId: string): Promise<void>;
  saveCredential(def: SourceDefinition, secret: string): Promise<void>;
  /** Forget every source's last message (a new action in the section is starting). */
  clearNotices(): void;
  cancel(): void;
  /** The question asked before a refresh removes table columns the user's work uses (ColumnRemovalDialog). */
  removal: ColumnRemovalQuestion;
}

/** Words for an outcome, shown under the source. */
export function outcomeNotice(outcome: SourceOutcome | KeptSourceOutcome): CloudSources['notices'][string] {
  switch (outcome.status) {
    case 'checked': return { intent: 'success', text: `Saved for queries: ${outcome.rows.toLocaleString('en-US')} rows, not written to the sheet. Build a query on it in “Build a query”.` };
    case 'notModified': return { intent: 'info', text: 'Unchanged on the server: nothing was downloaded or rewritten.' };
    case 'landed': return { intent: outcome.notes.length ? 'warning' : 'success', text: `Loaded ${outcome.rows.toLocaleString('en-US')} rows into ${outcome.land.tableName}.${outcome.notes.length ? ` ${outcome.notes.join(' ')}` : ''}` };
    case 'needsCredential': return { intent: 'warning', text: outcome.message };
    case 'cancelled': return { intent: 'info', text: outcome.message };
    default: return { intent: 'error', text: outcome.message };
  }
}

export function useCloudSources(_host: PaneHost): CloudSources {
  const { sources, documents } = useServices();
  const [doc, setDoc] = useState<PivotDeckDocument>();
  const [readOnlyMessage, setReadOnly] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  const [running, setRunning] = useState<Running>();
  const [notices, setNotices] = useState<CloudSources['notices']>({});
  const controller = useRef<AbortController>();
  const removal = useColumnRemovalQuestion();
  const { ask } = removal;

  useEffect(() => {
    let live = true;
    documents.open().then((opened) => {
      if (!live) return;
      setDoc(opened.document);
      setReadOnly(opened.readOnly ? opened.message : undefined);
    }, (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)));
    const off = documents.subscribe((change) => setDoc(change.document));
    return () => { live = false; off(); };
  }, [documents]);

  /**
   * Runs a load or refresh with progress and Cancel; the outcome is shown under the source. Before
   * it removes table columns the user's formulas or PivotTables use, the dialog asks.
   */
  const run = useCallback(async (def: SourceDefinition, work: (options: SourceRunOptions) => Promise<SourceOutcome | KeptSourceOutcome | undefined>) => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning({ sourceId: def.id, label: def.label });
    try {
      const outcome = await work({
        signal: abort.signal,
        onProgress: (progress) => setRunning({ sourceId: def.id, label: def.label, progress }),
        confirmColumnRemoval: (check) => ask(check, `the source “${def.label}”`, abort.signal),
      });
      // One current status in the section: the latest outcome replaces every older one.
      if (outcome) setNotices({ [def.id]: outcomeNotice(outcome) });
      return outcome;
    } catch (error) {
      setNotices({ [def.id]: { intent: 'error', text: error instanceof Error ? error.message : String(error) } });
      return undefined;
    } finally {
      controller.current = undefined;
      setRunning(undefined);
    }
  }, [ask]);

  const preview = useCallback(async (def: SourceDefinition, secret: string | undefined): Promise<PreviewState> => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning({ sourceId: def.id, label: def.label });
    try {
      const pull = await sources.preview(def, secret, {
        signal: abort.signal,
        onProgress: (progress) => setRunning({ sourceId: def.id, label: def.label, progress }),
      });
      return { def, pull };
    } finally {
      controller.current = undefined;
      setRunning(undefined);
    }
  }, [sources]);

  const land = useCallback((def: SourceDefinition, pulled: PullOk | undefined) => run(def, (options) => sources.land(def, pulled, options)), [run, sources]);

  const refresh = useCallback(async (sourceId: string) => {
    const def = (await documents.read()).sources.find((s) => s.id === sourceId);
    if (!def) return undefined;
    return run(def, (options) => sources.refresh(sourceId, options));
  }, [documents, run, sources]);

  const remove = useCallback(async (sourceId: string) => {
    await sources.remove(sourceId);
    setNotices(({ [sourceId]: _gone, ...rest }) => rest);
  }, [sources]);

  const saveCredential = useCallback((def: SourceDefinition, secret: string) => sources.saveCredential(def, secret), [sources]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const clearNotices = useCallback(() => setNotices({}), []);

  return { doc, readOnlyMessage, loadError, running, notices, preview, land, refresh, remove, saveCredential, clearNotices, cancel, removal };
}
