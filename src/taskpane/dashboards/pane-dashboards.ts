import { FreshnessWatch, type DashboardCoordinator, type DashboardOutcome } from '../../refresh/dashboards';
import type { DocumentService } from '../../refresh/document';
import type { Services } from '../../refresh/services';

/**
 * The dashboards of one open workbook as the pane holds them: the composition root's coordinator
 * (so a refresh from the list, a parameter change and a schedule coalesce) and document service,
 * and listeners told when a refresh started outside the list ends.
 */
export interface PaneDashboards {
  coordinator: DashboardCoordinator;
  documents: DocumentService;
  /** Told when a refresh started outside the list (parameter change, schedule, on open) ends. */
  onOutcome(listener: (id: string, outcome: DashboardOutcome) => void): () => void;
  reportOutcome(id: string, outcome: DashboardOutcome): void;
  /** "Up to date" or "Out of date — Orders changed" for every dashboard and saved query. */
  freshness: FreshnessWatch;
}

const byServices = new WeakMap<Services, PaneDashboards>();

/**
 * The pane's dashboards for a workbook's services, built once.
 * @example const { coordinator, documents } = paneDashboards(services);
 */
export function paneDashboards(services: Services): PaneDashboards {
  const known = byServices.get(services);
  if (known) return known;
  const outcomeListeners = new Set<(id: string, outcome: DashboardOutcome) => void>();
  const made: PaneDashboards = {
    coordinator: services.dashboards,
    documents: services.documents,
    onOutcome(listener) {
      outcomeListeners.add(listener);
      return () => { outcomeListeners.delete(listener); };
    },
    reportOutcome(id, outcome) {
      for (const listener of outcomeListeners) listener(id, outcome);
    },
    freshness: new FreshnessWatch(services.run, services.documents, { events: services.events }),
  };
  byServices.set(services, made);
  return made;
}
