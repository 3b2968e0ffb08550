/**
 * The composition root: everything PivotDeck needs for one workbook runtime, built once. The pane
 * gets it through React context (src/taskpane/services-context.tsx); the ribbon's commands call
 * this same function (in the shared runtime they use the pane's). Nothing else builds a document
 * service, a credential store, an HTTP context, a worker computer or a coordinator.
 */
import type { CredentialStore } from '../../connectors/credentials';
import type { CsvParser, HttpPolicy, PullContext, PullOk, SourceDefinition } from '../../connectors/types';
import type { WarehouseContext } from '../../connectors/warehouse';
import type { ExcelRun } from '../../excel/api';
import { userCredentialStore, userKeyValueBackend } from '../../excel/user-credential-store';
import { DashboardCoordinator, type DashboardCoordinatorOptions } from '../dashboards/dashboard-coordinator';
import { ConsentGate } from '../consent/consent-gate';
import { consentFetch } from '../consent/consent-fetch';
import { consentStoreOver, type ConsentStore } from '../consent/consent-store';
import { originsNamedBy } from '../consent/workbook-origins';
import { DocumentService, newWorkbookId, type DocumentStorage } from '../document/document-service';
import { workbookDocumentStorage } from '../document/workbook-document-storage';
import { computeInThread, type ExtensionComputer } from '../extension-computer';
import { ExtensionCoordinator } from '../extension-coordinator';
import { computeQueryInThread, type QueryComputer } from '../queries/query-computer';
import { QueryCoordinator } from '../queries/query-coordinator';
import type { QueryDeps } from '../queries/run-query';
import type { PullSource } from '../queries/source-data';
import { warehouseQueryRunner, type WarehouseQueryRunner } from '../queries/warehouse-query';
import { rememberPull, webPullSource, type PullMemory, type WebPullContext } from '../queries/web-source-data';
import { SourceCoordinator } from '../sources/source-coordinator';
import type { DrillComputer } from '../show-rows/compute-drill';
import type { ShowRowsOutcome } from '../show-rows/show-rows-outcome';
import { warehouseRowsRunner } from '../show-rows/warehouse-rows';
import type { SourceDeps } from '../sources/refresh-source';
import { WorkbookEvents } from './workbook-events';

/** What the runtime offers; everything else is built here. */
export interface ServiceHost {
  run: ExcelRun;
  /** `isSetSupported('ExcelApi', '1.15')`: PivotTable data sources can be read. */
  canReadDataSource: boolean;
  /** The page's fetch (bound to the window); absent where the runtime cannot reach the web. */
  fetch?: typeof fetch;
  /** The user's credential store; the per-user store of this computer when absent. */
  credentials?: CredentialStore;
  /** Plain http to localhost allowed (development pages and the workbench). */
  allowHttpLocalhost?: boolean;
  /** More HTTP policy (timeouts, retries); tests shorten them. */
  policy?: Omit<HttpPolicy, 'allowHttpLocalhost'>;
  /** The page's origin, named in CORS explanations. */
  origin?: string;
  /** Web Workers for extension and query computations (the pane); in-thread when absent. */
  workers?: {
    extension: () => ExtensionComputer;
    query: (options?: { keepWarm?: boolean }) => QueryComputer;
    /** Show rows' recompute-and-select, on the query worker (in-thread when absent). */
    drill?: () => DrillComputer;
    /** CSV parsing of web sources off the pane thread (in-thread when absent or undefined). */
    csv?: () => CsvParser | undefined;
  };
  /** The user's consent answers; this computer's per-user storage when absent. */
  consent?: ConsentStore;
  /**
   * Origins every workbook may contact without asking the user: a deployment's own services. Set
   * by the code that builds the services (never read from a workbook); tests pass their local servers.
   */
  trustedOrigins?: readonly string[];
  /** The file's URL where Office gives one (shown with remembered answers). */
  documentUrl?: string;
  /** Where the document lives: the workbook's settings unless a test gives memory. */
  storage?: DocumentStorage;
  dashboardOptions?: DashboardCoordinatorOptions;
  now?: () => Date;
  sleep?: PullContext['sleep'];
}

export interface Services {
  run: ExcelRun;
  /** The workbook document's one owner. */
  documents: DocumentService;
  /** Asks the user before the workbook's own definitions reach the network (docs/security.md). */
  consent: ConsentGate;
  /**
   * The remembered consent answers the gate reads (list and forget, for the pane's "Your data").
   * A forgotten workbook is asked again the next time it reaches the network.
   */
  consentStore: ConsentStore;
  credentials: CredentialStore;
  /** The one HTTP context (fetch, credentials, policy, origin) of web sources and warehouses; absent without fetch. */
  http: WebPullContext | undefined;
  /** Pulls web sources kept out of the sheet for queries and dashboards (the last pull kept per session). */
  pull: PullSource | undefined;
  /** Runs queries on warehouse sources where the data is; absent without fetch. */
  warehouse: WarehouseQueryRunner | undefined;
  /** The warehouse client's view of the HTTP context ("Test connection" uses it too). */
  warehouseContext: WarehouseContext | undefined;
  /** Computes previews: a warm Web Worker in the pane. */
  previewCompute: QueryComputer;
  /** What running queries needs (the query worker, the pull, the warehouse runner). */
  queryDeps: QueryDeps;
  extensions: ExtensionCoordinator;
  sources: SourceCoordinator;
  queries: QueryCoordinator;
  dashboards: DashboardCoordinator;
  /**
   * Show rows (issue 17) on the active cell: the pane's button and the ribbon's command. The
   * use-case loads on the first call, so the drill code stays out of the first bundle.
   */
  showRows: () => Promise<ShowRowsOutcome>;
  /** Hears every Show rows outcome (the ribbon's too: the pane shows its refusals); returns unsubscribe. */
  onShowRows: (listener: (outcome: ShowRowsOutcome) => void) => () => void;
  /**
   * The one dispatcher of Excel's sheet events (activations, cell changes): each registered once
   * however many watches listen (extensions, freshness, dashboard cells). Registers nothing until
   * something listens.
   */
  events: WorkbookEvents;
}

const noWeb: typeof fetch = () => Promise.reject(new TypeError('This part of PivotDeck cannot reach the web. Refresh the source from the task pane.'));

/**
 * Builds the services of one workbook runtime.
 * @example
 * const services = createServices({ run: host.run, canReadDataSource: true, fetch: (i, o) => fetch(i, o) });
 * await services.queries.refreshAll();
 */
export function createServices(host: ServiceHost): Services {
  const { run } = host;
  const events = new WorkbookEvents(run);
  const documents = new DocumentService(host.storage ?? workbookDocumentStorage(run));
  const current = async () => documents.lastOpened()?.document ?? await documents.read();
  const consentStore = host.consent ?? consentStoreOver(userKeyValueBackend('pivotdeck-consent'));
  const consent = new ConsentGate(
    consentStore,
    async () => ({ id: (await current()).workbookId, url: host.documentUrl }),
    async () => (await documents.update('give the workbook an id for consent', (doc) => (doc.workbookId ? undefined : { ...doc, workbookId: newWorkbookId() }))).workbookId,
    host.trustedOrigins,
  );
  const credentials = host.credentials ?? userCredentialStore();
  const policy: HttpPolicy = { ...host.policy, allowHttpLocalhost: host.allowHttpLocalhost === true };
  // Every request of web sources and warehouses goes through this one guarded fetch.
  const guarded = host.fetch && consentFetch(host.fetch, consent, async () => originsNamedBy(await current()));
  const parseCsv = host.workers?.csv?.();
  const http: WebPullContext | undefined = guarded
    ? { fetch: guarded, credentials, policy, origin: host.origin, ...(host.sleep ? { sleep: host.sleep } : {}), ...(parseCsv ? { parseCsv } : {}) }
    : undefined;
  const warehouseContext: WarehouseContext | undefined = http && {
    fetch: http.fetch, credentials, policy: { allowHttpLocalhost: policy.allowHttpLocalhost }, origin: host.origin,
  };
  const readSources = async () => (await documents.read()).sources;
  // Queries' pulls and the source coordinator share the last pull of each web source.
  const pulls: PullMemory = new Map();
  const pull = http && webPullSource(http, () => documents.read(), pulls);
  const warehouse = warehouseContext && warehouseQueryRunner({ context: warehouseContext, sources: readSources });
  const queryCompute = host.workers?.query() ?? computeQueryInThread;
  const queryDeps: QueryDeps = { run, compute: queryCompute, pull, warehouse, ...(host.now ? { now: host.now } : {}) };
  const sourceDeps: SourceDeps = {
    run, fetch: http?.fetch ?? noWeb, credentials, policy, origin: host.origin,
    ...(host.now ? { now: host.now } : {}), ...(host.sleep ? { sleep: host.sleep } : {}), ...(parseCsv ? { parseCsv } : {}),
    ...(pull ? { rememberPull: (def: SourceDefinition, pulled: PullOk) => rememberPull(pulls, def, pulled) } : {}),
  };
  const showRowsListeners = new Set<(outcome: ShowRowsOutcome) => void>();
  const showRowsDeps = {
    run, canReadDataSource: host.canReadDataSource, documents, pull, warehouse,
    warehouseRows: warehouseContext && warehouseRowsRunner({ context: warehouseContext, sources: readSources }),
    compute: host.workers?.drill?.(),
  };
  return {
    run,
    documents,
    consent,
    consentStore,
    credentials,
    http,
    pull,
    warehouse,
    warehouseContext,
    previewCompute: host.workers?.query({ keepWarm: true }) ?? computeQueryInThread,
    queryDeps,
    extensions: new ExtensionCoordinator({ run, canReadDataSource: host.canReadDataSource, compute: host.workers?.extension() ?? computeInThread }, documents),
    sources: new SourceCoordinator(sourceDeps, documents, consent),
    queries: new QueryCoordinator(queryDeps, documents),
    // Dashboards compute in a query worker too; a warm one, since a refresh runs its distinct
    // queries one after the other and each would otherwise load the engine into a new worker.
    dashboards: new DashboardCoordinator({ ...queryDeps, compute: host.workers?.query({ keepWarm: true }) ?? queryCompute }, documents, { ...host.dashboardOptions, consent, events }),
    showRows: async () => {
      const { showRowsAtSelection } = await import('../show-rows/show-rows-at-selection');
      const outcome = await showRowsAtSelection(showRowsDeps);
      for (const listener of showRowsListeners) listener(outcome);
      return outcome;
    },
    onShowRows: (listener) => {
      showRowsListeners.add(listener);
      return () => { showRowsListeners.delete(listener); };
    },
    events,
  };
}
