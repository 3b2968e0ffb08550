/**
 * Show rows on the query worker: the same worker script as queries (query.worker.ts answers a
 * `drill` request beside `query`), so recomputing the grid and selecting the rows of a kept-out
 * web source or a big workbook table never runs on the pane thread. One worker per drill,
 * terminated when it answers; cancel terminates it at once.
 */
import { QueryComputeError } from '../queries/query-worker-protocol';
import type { QueryWorkerLike } from '../queries/query-worker-computer';
import { startQueryWorker } from '../queries/start-query-worker';
import { computeDrillInThread, type DrillComputer } from './compute-drill';

/**
 * @example
 * const compute = drillWorkerComputer(startQueryWorker);
 * const drilled = await compute({ spec, sources, locate, limit: 10_000 });
 */
export function drillWorkerComputer(start: () => QueryWorkerLike): DrillComputer {
  return (input, options = {}) => new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) { reject(signal.reason ?? new DOMException('Cancelled', 'AbortError')); return; }
    const worker = start();
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    };
    const onAbort = () => { end(); reject(signal?.reason ?? new DOMException('Cancelled', 'AbortError')); };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'stage' || data.type === 'done') return;
      end();
      if (data.type === 'drilled') resolve(data.drilled);
      else reject(new QueryComputeError(data.code, data.name, data.message));
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(`The PivotDeck query worker failed${event.message ? `: ${event.message}` : ''}.`));
    };
    // Only the header and rows cross: the read's syncs and bytes stay here.
    const sources = Object.fromEntries(Object.entries(input.sources).map(([key, s]) => [key, { header: s.header, rows: s.rows }]));
    worker.postMessage({ type: 'drill', input: { ...input, sources } });
  });
}

/**
 * The pane's drill computer: the query worker where the browser has Web Workers, else in-thread.
 * @example const compute = browserDrillComputer();
 */
export function browserDrillComputer(): DrillComputer {
  return typeof Worker === 'undefined' ? computeDrillInThread : drillWorkerComputer(startQueryWorker);
}
