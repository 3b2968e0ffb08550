/**
 * Show rows on the query worker: the same worker script as queries (query.worker.ts answers a
 * `drill` request beside `query`), through the one worker layer (worker-computer.ts), so
 * recomputing the grid and selecting the rows of a kept-out web source or a big workbook table
 * never runs on the pane thread; the rows cross as transferred packed columns. One worker per
 * drill, terminated when it answers; cancel terminates it at once.
 */
import { encodeDrillRequest, queryReplyError, type DrillReply, type DrillRequest } from '../queries/query-worker-protocol';
import type { QueryWorkerLike } from '../queries/query-worker-computer';
import { startQueryWorker } from '../queries/start-query-worker';
import { workerComputerOf, type WorkerLike } from '../worker-computer';
import { computeDrillInThread, type DrillComputer } from './compute-drill';

/**
 * @example
 * const compute = drillWorkerComputer(startQueryWorker);
 * const drilled = await compute({ spec, sources, locate, limit: 10_000 });
 */
export function drillWorkerComputer(start: () => QueryWorkerLike): DrillComputer {
  // The query worker's script answers a drill request with a drill reply (query.worker.ts), so
  // the same worker is seen here through the drill's message types.
  const startDrill = start as unknown as () => WorkerLike<DrillRequest, DrillReply>;
  return workerComputerOf(startDrill, { name: 'query worker', encode: encodeDrillRequest, failure: queryReplyError });
}

/**
 * The pane's drill computer: the query worker where the browser has Web Workers, else in-thread.
 * @example const compute = browserDrillComputer();
 */
export function browserDrillComputer(): DrillComputer {
  return typeof Worker === 'undefined' ? computeDrillInThread : drillWorkerComputer(startQueryWorker);
}
