import type { PaneHost } from '../../excel/host-types';
import type { PivotDeckDocument } from '../../model';
import type { Services } from '../../refresh/services';
import { paneDashboards } from './pane-dashboards';

/**
 * What dashboards do while the pane is open, whether or not the Dashboards section is: refresh
 * those marked "when the workbook opens", start every-N-minutes schedules, and recompute a
 * dashboard when one of its dropdown cells changes, and keep "Out of date" current for dashboards
 * and saved queries (checked on open, on sheet activation and change). Watches follow the document: a dashboard
 * created later is watched too, a deleted one no longer. App.tsx imports this lazily after
 * the first render, so a workbook without dashboards costs one settings read.
 *
 * @example const stop = await startDashboards(host, services); ... stop();
 */
export async function startDashboards(host: PaneHost, services: Services): Promise<() => void> {
  const pane = paneDashboards(services);
  const { coordinator } = pane;
  const watches = new Map<string, Promise<() => Promise<void>>>();
  let stopSchedules: (() => void) | undefined;
  let stopped = false;
  let loadOnOpen: boolean | undefined;
  let stopFreshness: Promise<(() => Promise<void>) | undefined> | undefined;
  // Out-of-date checks run while there is something that read a source (a dashboard or a query).
  const watchFreshness = (doc: PivotDeckDocument) => {
    if (stopFreshness || stopped || (doc.dashboards.length === 0 && doc.queries.length === 0)) return;
    stopFreshness = Promise.resolve().then(() => pane.freshness.start()).catch(() => undefined);
  };

  const follow = (doc: PivotDeckDocument) => {
    if (stopped) return;
    const ids = new Set(doc.dashboards.map((d) => d.id));
    for (const id of ids) {
      if (watches.has(id)) continue;
      // Deferred so a failure to watch (the sheet is gone) never breaks the save that told us.
      const watch = Promise.resolve().then(() => coordinator.watchParameters(id, { onRefreshed: (outcome) => pane.reportOutcome(id, outcome) }));
      watch.catch(() => undefined); // a dashboard whose sheet is gone is simply not watched
      watches.set(id, watch);
    }
    for (const [id, watch] of watches) {
      if (ids.has(id)) continue;
      watches.delete(id);
      void watch.then((stop) => stop()).catch(() => undefined);
    }
    // Office loads PivotDeck on open only while some dashboard asks for it.
    const wanted = doc.dashboards.some((d) => d.refreshOnOpen === true);
    if (wanted !== loadOnOpen && host.setLoadOnOpen) {
      loadOnOpen = wanted;
      void host.setLoadOnOpen(wanted).catch(() => false);
    }
    // Schedules are read from the document: restart them when it changes.
    stopSchedules?.();
    void Promise.resolve().then(() => coordinator.startSchedules()).then((stop) => { if (stopped) stop(); else stopSchedules = stop; }, () => undefined);
  };

  const unsubscribe = pane.documents.subscribe((change) => {
    follow(change.document);
    watchFreshness(change.document);
  });
  const opened = await pane.documents.open();
  const doc = opened.document;
  watchFreshness(doc);
  if (doc.dashboards.length > 0 && !opened.readOnly) {
    follow(doc);
    void Promise.resolve().then(() => coordinator.refreshOnOpen()).then((outcomes) => {
      for (const [id, outcome] of outcomes) pane.reportOutcome(id, outcome);
    }, () => undefined);
  }
  return () => {
    stopped = true;
    unsubscribe();
    stopSchedules?.();
    void stopFreshness?.then((stop) => stop?.()).catch(() => undefined);
    for (const watch of watches.values()) void watch.then((stop) => stop()).catch(() => undefined);
    watches.clear();
    try {
      coordinator.cancel();
    } catch {
      // Nothing running: nothing to cancel.
    }
    // The workbench keeps one host across workbook swaps: data read from this workbook must not
    // serve the next one.
    coordinator.session.forget();
  };
}
