import type { PaneHost } from '../../excel/host-types';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../excel/workbook-document';
import type { OpenResult, PivotDeckDocument } from '../../model';
import { createDashboardCoordinator, type DashboardCoordinator, type DashboardOutcome } from '../../refresh/dashboards';
import type { DocumentStore } from '../../refresh/document-hub';
import { paneWarehouseRunner } from '../warehouse/builder-source';

/**
 * The dashboards of one open workbook as the pane holds them: one coordinator (so a refresh from
 * the list, a parameter change and a schedule coalesce), the document store it saves through,
 * and listeners told after every save and every refresh outcome.
 */
export interface PaneDashboards {
  coordinator: DashboardCoordinator;
  store: DocumentStore;
  /** The last open result (read-only documents are never rewritten). */
  opened(): OpenResult | undefined;
  /** Told after every save; returns unsubscribe. */
  onDocument(listener: (doc: PivotDeckDocument) => void): () => void;
  /** Told when a refresh started outside the list (parameter change, schedule, on open) ends. */
  onOutcome(listener: (id: string, outcome: DashboardOutcome) => void): () => void;
  reportOutcome(id: string, outcome: DashboardOutcome): void;
}

const byHost = new WeakMap<PaneHost, PaneDashboards>();

/**
 * The pane's dashboards for a host, built once per host (workbook).
 * @example const { coordinator, store } = paneDashboards(host);
 */
export function paneDashboards(host: PaneHost): PaneDashboards {
  const known = byHost.get(host);
  if (known) return known;
  let opened: OpenResult | undefined;
  const docListeners = new Set<(doc: PivotDeckDocument) => void>();
  const outcomeListeners = new Set<(id: string, outcome: DashboardOutcome) => void>();
  const store: DocumentStore = {
    async load() {
      opened = await loadWorkbookDocument(host.run);
      return opened.document;
    },
    async save(doc) {
      await saveWorkbookDocument(host.run, opened ?? { readOnly: false }, doc);
      for (const listener of docListeners) listener(doc);
    },
  };
  const made: PaneDashboards = {
    // Tiles on a warehouse source run where the data is (one SELECT per distinct query).
    coordinator: createDashboardCoordinator(host.run, store, { warehouse: paneWarehouseRunner(host) }),
    store,
    opened: () => opened,
    onDocument(listener) {
      docListeners.add(listener);
      return () => { docListeners.delete(listener); };
    },
    onOutcome(listener) {
      outcomeListeners.add(listener);
      return () => { outcomeListeners.delete(listener); };
    },
    reportOutcome(id, outcome) {
      for (const listener of outcomeListeners) listener(id, outcome);
    },
  };
  byHost.set(host, made);
  return made;
}
