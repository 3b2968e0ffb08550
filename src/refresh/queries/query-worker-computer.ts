import { workerComputerOf, type WorkerLike } from '../worker-computer';
import type { QueryComputer } from './query-computer';
import { encodeQueryRequest, queryReplyError, type QueryReply, type QueryRequest } from './query-worker-protocol';

/** The query worker as the computer sees it (a real Worker, or an in-process stand-in in tests). */
export type QueryWorkerLike = WorkerLike<QueryRequest, QueryReply>;

export interface QueryWorkerOptions {
  /**
   * Keep one finished worker for the next run, so previews do not load the engine into a new
   * worker on every edit; a run cancelled mid-compute lets its worker finish and keeps it
   * (WorkerJob.keepWarm in src/refresh/worker-computer.ts).
   */
  keepWarm?: boolean;
  /** How long a cancelled run's worker may go on before it is ended. Default 10 s. */
  drainMs?: number;
  /** How long a kept worker (and the tables it holds) may sit idle before it ends. Default 60 s. */
  idleMs?: number;
}

/**
 * A QueryComputer that runs each computation in a worker (the one worker layer,
 * worker-computer.ts), so a million source rows never block the pane: the rows cross as packed
 * columns whose buffers are transferred, and value-to-column conversion, the query and grid
 * assembly all run in the worker. Cancel = terminate; a superseded live preview is cancelled the
 * same way. With `keepWarm`, one idle worker is kept between runs.
 *
 * @example
 * const compute = queryWorkerComputer(startQueryWorker, { keepWarm: true });
 * const result = await compute({ spec, sources, output: 'grid' }, { signal, onStage: (s) => show(s) });
 */
export function queryWorkerComputer(start: () => QueryWorkerLike, options: QueryWorkerOptions = {}): QueryComputer {
  return workerComputerOf(start, { name: 'query worker', encode: encodeQueryRequest, failure: queryReplyError, keepWarm: options.keepWarm, idleMs: options.idleMs, drainMs: options.drainMs });
}
