import { computeQueryInThread, type QueryComputer } from './query-computer';
import { queryWorkerComputer, type QueryWorkerLike } from './query-worker-computer';

/**
 * Starts a query worker (webpack 5 bundles it as its own chunk, loaded on demand).
 * @example const worker = startQueryWorker();
 */
export function startQueryWorker(): QueryWorkerLike {
  return new Worker(new URL('./query.worker.ts', import.meta.url), { name: 'pivotdeck-query' }) as unknown as QueryWorkerLike;
}

/**
 * The query computer the pane uses: a Web Worker where the browser has them, else in-thread.
 * @example const deps: QueryDeps = { run: host.run, compute: browserQueryComputer() };
 */
export function browserQueryComputer(): QueryComputer {
  return typeof Worker === 'undefined' ? computeQueryInThread : queryWorkerComputer(startQueryWorker);
}
