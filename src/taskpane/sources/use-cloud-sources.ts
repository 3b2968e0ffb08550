/**
 * State and actions of the web-sources panel: the workbook's sources (from the PivotDeck
 * document), preview, load with progress and cancel, refresh, remove, and entering a credential.
 * All Excel access goes through `host.run` via src/excel and src/refresh; the pane never calls
 * Office itself.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CredentialStore } from '../../connectors/credentials';
import { userCredentialStore } from '../../excel/user-credential-store';
import { allowsLocalHttp } from '../shared/allows-local-http';
import { isSourceError } from '../../connectors/errors';
import { pullSource } from '../../connectors/pull-source';
import type { PullOk, SourceDefinition } from '../../connectors/types';
import type { PaneHost } from '../../excel/host-types';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../excel/workbook-document';
import type { PivotDeckDocument } from '../../model';
import { refreshSource, removeSource, type SourceDeps, type SourceOutcome, type SourceProgress } from '../../refresh/sources';
import { refreshKeptSource, type KeptSourceOutcome } from '../../refresh/queries/kept-source';
import { keptOutOfSheet } from '../../refresh/queries/web-source-data';

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
  /** Lands the source, or (with `options.keepOutOfSheet`) saves it for queries without landing. */
  land(def: SourceDefinition, pulled: PullOk | undefined): Promise<SourceOutcome | KeptSourceOutcome | undefined>;
  refresh(sourceId: string): Promise<SourceOutcome | KeptSourceOutcome | undefined>;
  remove(sourceId: string): Promise<void>;
  saveCredential(def: SourceDefinition, secret: string): Promise<void>;
  cancel(): void;
}

function credentialStore(): CredentialStore {
  return userCredentialStore();
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

export function useCloudSources(host: PaneHost): CloudSources {
  const deps: SourceDeps = useMemo(() => ({
    run: host.run,
    // Bound call: the pane's fetch must be called on the window.
    fetch: (input, init) => globalThis.fetch(input, init),
    credentials: credentialStore(),
    policy: { allowHttpLocalhost: allowsLocalHttp(host) },
    origin: typeof location === 'undefined' ? undefined : location.origin,
  }), [host]);
  const [doc, setDoc] = useState<PivotDeckDocument>();
  const [readOnlyMessage, setReadOnly] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  const [running, setRunning] = useState<Running>();
  const [notices, setNotices] = useState<CloudSources['notices']>({});
  const controller = useRef<AbortController>();

  useEffect(() => {
    let live = true;
    loadWorkbookDocument(host.run).then((opened) => {
      if (!live) return;
      setDoc(opened.document);
      setReadOnly(opened.readOnly ? opened.message : undefined);
    }, (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => { live = false; };
  }, [host]);

  /** Saves only the sources of `next` into the latest stored document (other panels edit the rest). */
  const persist = useCallback(async (next: PivotDeckDocument) => {
    const latest = await loadWorkbookDocument(host.run);
    const merged = { ...latest.document, sources: next.sources };
    await saveWorkbookDocument(host.run, latest, merged);
    setDoc(merged);
  }, [host]);

  const current = useCallback(async (): Promise<PivotDeckDocument> => (await loadWorkbookDocument(host.run)).document, [host]);

  const run = useCallback(async (def: SourceDefinition, pulled: PullOk | undefined, base: PivotDeckDocument): Promise<SourceOutcome | KeptSourceOutcome | undefined> => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning({ sourceId: def.id, label: def.label });
    try {
      const options = {
        signal: abort.signal,
        pulled,
        onProgress: (progress: SourceProgress) => setRunning({ sourceId: def.id, label: def.label, progress }),
      };
      // A source kept out of the sheet is only checked and recorded; queries pull it themselves.
      const result = keptOutOfSheet(def) ? await refreshKeptSource(deps, base, def.id, options) : await refreshSource(deps, base, def.id, options);
      // A cancelled refresh changes nothing in the workbook's document.
      if (result.outcome.status !== 'cancelled') await persist(result.document);
      setNotices((n) => ({ ...n, [def.id]: outcomeNotice(result.outcome) }));
      return result.outcome;
    } catch (error) {
      setNotices((n) => ({ ...n, [def.id]: { intent: 'error', text: error instanceof Error ? error.message : String(error) } }));
      return undefined;
    } finally {
      controller.current = undefined;
      setRunning(undefined);
    }
  }, [deps, persist]);

  const preview = useCallback(async (def: SourceDefinition, secret: string | undefined): Promise<PreviewState> => {
    if (def.credential && secret) await deps.credentials.set(def.credential.origin, def.credential.kind, secret);
    const abort = new AbortController();
    controller.current = abort;
    setRunning({ sourceId: def.id, label: def.label });
    try {
      const pull = await pullSource(def, {
        fetch: deps.fetch, credentials: deps.credentials, policy: deps.policy, origin: deps.origin, signal: abort.signal,
        onProgress: (progress) => setRunning({ sourceId: def.id, label: def.label, progress }),
      });
      if (pull.status !== 'ok') throw new Error('The server said nothing changed; press Preview again.');
      return { def, pull };
    } catch (error) {
      if (isSourceError(error)) throw error;
      throw error instanceof Error ? error : new Error(String(error));
    } finally {
      controller.current = undefined;
      setRunning(undefined);
    }
  }, [deps]);

  const land = useCallback(async (def: SourceDefinition, pulled: PullOk | undefined) => {
    const base = await current();
    const exists = base.sources.some((s) => s.id === def.id);
    const withDef = { ...base, sources: exists ? base.sources.map((s) => (s.id === def.id ? { ...s, ...def, options: { ...s.options, ...def.options } } : s)) : [...base.sources, def] };
    return run(def, pulled, withDef);
  }, [current, run]);

  const refresh = useCallback(async (sourceId: string) => {
    const base = await current();
    const def = base.sources.find((s) => s.id === sourceId);
    if (!def) return undefined;
    return run(def, undefined, base);
  }, [current, run]);

  const remove = useCallback(async (sourceId: string) => {
    const base = await current();
    const next = await removeSource(deps, base, sourceId);
    await persist(next);
    setNotices(({ [sourceId]: _gone, ...rest }) => rest);
  }, [current, deps, persist]);

  const saveCredential = useCallback(async (def: SourceDefinition, secret: string) => {
    if (!def.credential) return;
    await deps.credentials.set(def.credential.origin, def.credential.kind, secret);
  }, [deps]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { doc, readOnlyMessage, loadError, running, notices, preview, land, refresh, remove, saveCredential, cancel };
}
