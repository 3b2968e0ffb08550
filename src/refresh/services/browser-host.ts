import type { ExcelRun } from '../../excel/api';
import { browserComputer } from '../start-extension-worker';
import { browserQueryComputer } from '../queries/start-query-worker';
import { browserDrillComputer } from '../show-rows/drill-worker-computer';
import { browserCsvParser } from '../sources/start-csv-parse-worker';
import type { ServiceHost } from './create-services';
import { pageIsLocal } from './local-hosts';

/**
 * The ServiceHost of a browser page (the pane, or the ribbon's commands page): the page's fetch,
 * the user's credential store, http to localhost only on a development page, and Web Workers
 * where asked (the pane; the commands runtime computes in-thread).
 *
 * @example const services = createServices(browserServiceHost(host.run, { canReadDataSource: true, workers: true }));
 */
export function browserServiceHost(run: ExcelRun, options: { canReadDataSource: boolean; workers?: boolean; allowHttpLocalhost?: boolean }): ServiceHost {
  const hasFetch = typeof globalThis.fetch === 'function';
  return {
    run,
    canReadDataSource: options.canReadDataSource,
    // Bound call: fetch must be called on the window.
    ...(hasFetch ? { fetch: (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init) } : {}),
    allowHttpLocalhost: options.allowHttpLocalhost ?? pageIsLocal(),
    origin: typeof location === 'undefined' ? undefined : location.origin,
    ...(options.workers ? { workers: { extension: browserComputer, query: browserQueryComputer, drill: browserDrillComputer, csv: browserCsvParser } } : {}),
  };
}
