import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PaneHost } from '../../excel/host-types';
import type { OpenResult, PivotDeckDocument } from '../../model';
import {
  listDashboards, showDashboardSheet,
  type DashboardChange, type DashboardOutcome, type DashboardProgress, type DashboardSummary, type NewDashboard,
} from '../../refresh/dashboards';
import { useServices } from '../services-context';
import { paneDashboards } from './pane-dashboards';
import { useFreshness } from './use-freshness';

/** A refresh, build or save under way on one dashboard ('new' while creating one). */
export interface Busy {
  what: string;
  events: DashboardProgress[];
}

export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** Keep the progress list short: the latest event per source is all the pane shows. */
const keep = (events: DashboardProgress[], p: DashboardProgress) => [...events.slice(-30), p];

/** What the pane says after a refresh, build or save. */
function noticeOf(label: string, outcome: DashboardOutcome, done: string): Notice {
  if (outcome.status === 'written' || outcome.status === 'saved') return { intent: 'success', text: `${done} “${label}”.` };
  if (outcome.status === 'partial') return { intent: 'warning', text: `${done} “${label}”, but some tiles kept their previous values: ${outcome.message}` };
  return { intent: 'error', text: outcome.message };
}

/**
 * State and actions of the Dashboards section. Excel is reached only through src/refresh and
 * src/excel with `host.run`; every change goes through the dashboard coordinator, which records
 * it through the document service.
 */
export function useDashboards(host: PaneHost) {
  const services = useServices();
  const pane = useMemo(() => paneDashboards(services), [services]);
  const { coordinator, documents } = pane;
  const [opened, setOpened] = useState<OpenResult | undefined>();
  const [doc, setDoc] = useState<PivotDeckDocument | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [busy, setBusy] = useState<Record<string, Busy>>({});
  const [outcomes, setOutcomes] = useState<Record<string, DashboardOutcome>>({});
  const [notice, setNotice] = useState<Notice | undefined>();
  // "Up to date" or "Out of date — Orders changed": checked when the section opens, on sheet
  // activation and change (the watch started with the pane), and after every write below.
  const freshness = useFreshness();
  const recheck = useCallback(() => { void pane.freshness.check().catch(() => undefined); }, [pane]);

  const reload = useCallback(async () => {
    try {
      const result = await documents.open();
      setOpened(result);
      setDoc(result.document);
      setLoadError(undefined);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, [documents]);

  useEffect(() => {
    void reload();
    const offDoc = documents.subscribe((change) => setDoc(change.document));
    const offOutcome = pane.onOutcome((id, outcome) => {
      setOutcomes((o) => ({ ...o, [id]: outcome }));
      // A refresh started by a dropdown, a schedule or the workbook opening makes an earlier
      // "Created …" or "Refreshed …" line out of date; the card shows this outcome instead.
      setNotice(undefined);
      void reload();
    });
    return () => { offDoc(); offOutcome(); };
  }, [pane, documents, reload]);

  const summaries: DashboardSummary[] = useMemo(() => (doc ? listDashboards(doc) : []), [doc]);
  const readOnly = opened?.readOnly === true;
  const readOnlyMessage = opened && 'message' in opened ? opened.message : undefined;

  /** Runs work on one dashboard with progress shown on its card. */
  const track = useCallback(async <T,>(id: string, what: string, work: (onProgress: (p: DashboardProgress) => void) => Promise<T>): Promise<T> => {
    setBusy((b) => ({ ...b, [id]: { what, events: [] } }));
    try {
      return await work((p) => setBusy((b) => (b[id] ? { ...b, [id]: { what, events: keep(b[id].events, p) } } : b)));
    } finally {
      setBusy((b) => {
        const next = { ...b };
        delete next[id];
        return next;
      });
    }
  }, []);

  const refresh = useCallback(async (id: string) => {
    const label = summaries.find((s) => s.id === id)?.label ?? id;
    setNotice(undefined);
    try {
      const outcome = await track(id, 'Refreshing', (onProgress) => coordinator.refresh(id, { onProgress }));
      setOutcomes((o) => ({ ...o, [id]: outcome }));
      setNotice(noticeOf(label, outcome, 'Refreshed'));
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
    recheck();
    await reload();
  }, [coordinator, recheck, reload, summaries, track]);

  const refreshAll = useCallback(async () => {
    setNotice(undefined);
    try {
      const result = await track('*', 'Refreshing all dashboards', (onProgress) => coordinator.refreshAll({ onProgress: (_id, p) => onProgress(p) }));
      setOutcomes((o) => ({ ...o, ...Object.fromEntries(result) }));
      const bad = [...result.values()].filter((o) => o.status !== 'written');
      setNotice(bad.length === 0
        ? { intent: 'success', text: `Refreshed ${result.size === 1 ? 'the dashboard' : `all ${result.size} dashboards`}.` }
        : { intent: 'warning', text: bad.map((o) => o.message).join(' ') });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
    recheck();
    await reload();
  }, [coordinator, recheck, reload, track]);

  const goTo = useCallback(async (sheet: string) => {
    try {
      await showDashboardSheet(host.run, sheet);
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  }, [host]);

  const remove = useCallback(async (id: string) => {
    const label = summaries.find((s) => s.id === id)?.label ?? id;
    setNotice(undefined);
    try {
      await track(id, 'Deleting', () => coordinator.remove(id, { deleteSheet: true }));
      setNotice({ intent: 'success', text: `Deleted “${label}” and its sheet.` });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  }, [coordinator, summaries, track]);

  /** Builds a new dashboard on its own sheet; resolves with its id and sheet when something was written. */
  const create = useCallback(async (request: NewDashboard): Promise<{ id: string; sheet?: string } | undefined> => {
    setNotice(undefined);
    try {
      const result = await track('new', `Creating “${request.label}”`, (onProgress) => coordinator.create(request, { onProgress }));
      setOutcomes((o) => ({ ...o, [result.id]: result.outcome }));
      setNotice(noticeOf(request.label, result.outcome, 'Created'));
      if (result.outcome.status === 'failed' || result.outcome.status === 'cancelled') return undefined;
      return { id: result.id, sheet: result.outcome.sheet };
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
      return undefined;
    }
  }, [coordinator, track]);

  /** Saves edits (tiles, name, refresh options) and rewrites the dashboard when tiles changed. */
  const update = useCallback(async (id: string, change: DashboardChange): Promise<boolean> => {
    const label = change.label ?? summaries.find((s) => s.id === id)?.label ?? id;
    setNotice(undefined);
    try {
      const outcome = await track(id, 'Saving', (onProgress) => coordinator.edit(id, change, { onProgress }));
      setOutcomes((o) => ({ ...o, [id]: outcome }));
      setNotice(noticeOf(label, outcome, 'Saved'));
      return outcome.status !== 'failed' && outcome.status !== 'cancelled';
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
      return false;
    }
  }, [coordinator, summaries, track]);

  const cancel = useCallback(() => coordinator.cancel(), [coordinator]);

  return { doc, summaries, loadError, readOnly, readOnlyMessage, busy, outcomes, notice, setNotice, refresh, refreshAll, goTo, remove, create, update, cancel, reload, freshness };
}

export type DashboardsState = ReturnType<typeof useDashboards>;
