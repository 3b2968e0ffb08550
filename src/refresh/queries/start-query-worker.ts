import { computeQueryInThread, type QueryComputer } from './query-computer';
import { queryWorkerComputer, type QueryWorkerLike, type QueryWorkerOptions } from './query-worker-computer';

/**
 * Starts a query worker (webpack 5 bundles it as its own chunk, loaded on demand).
 * @example const worker = startQueryWorker();
 */
export function startQueryWorker(): QueryWorkerLike {
  return new Worker(new URL('./query.worker.ts', import.meta.url), { name: 'pivotdeck-query' }) as unknown as QueryWorkerLike;
}

/**
 * The query computer the pane uses: a Web Worker where the browser has them, else in-thread.
 * Previews pass `keepWarm` (one edit after another reuses a worker with the engine loaded);
 * insert and refresh start a fresh one.
 * @example const deps: QueryDeps = { run: host.run, compute: browserQueryComputer() };
 */
export function browserQueryComputer(options: QueryWorkerOptions = {}): QueryComputer {
  return typeof Worker === 'undefined' ? computeQueryInThread : queryWorkerComputer(startQueryWorker, options);
}
