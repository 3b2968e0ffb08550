import type { QueryComputer } from './query-computer';
import { QueryComputeError, type QueryReply, type QueryRequest } from './query-worker-protocol';

/** The part of a Web Worker the computer uses (a real Worker, or an in-process stand-in in tests). */
export interface QueryWorkerLike {
  postMessage(message: QueryRequest): void;
  terminate(): void;
  onmessage: ((event: { data: QueryReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export interface QueryWorkerOptions {
  /**
   * Keep one finished worker for the next run, so previews do not load the engine into a new
   * worker on every edit. A cancelled or failed run still terminates its worker.
   */
  keepWarm?: boolean;
}

/**
 * A QueryComputer that runs each computation in a worker, so a million source rows never block
 * the pane. Cancel = terminate: the worker dies mid-compute, the promise rejects with an
 * AbortError, and nothing reaches Excel (writing happens only after a result comes back). A
 * superseded live preview is cancelled the same way. Runs at the same time get workers of
 * their own; with `keepWarm`, one idle worker is kept between runs (it holds no data: each
 * request brings its own and the reply hands the result back).
 *
 * @example
 * const compute = queryWorkerComputer(startQueryWorker, { keepWarm: true });
 * const result = await compute({ spec, sources, output: 'grid' }, { signal, onStage: (s) => show(s) });
 */
export function queryWorkerComputer(start: () => QueryWorkerLike, options: QueryWorkerOptions = {}): QueryComputer {
  let idle: QueryWorkerLike | undefined;
  return (input, runOptions = {}) => new Promise((resolve, reject) => {
    const { signal, onStage } = runOptions;
    if (signal?.aborted) { reject(signal.reason ?? new DOMException('Cancelled', 'AbortError')); return; }
    const worker = idle ?? start();
    idle = undefined;
    const detach = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
    };
    const end = () => { detach(); worker.terminate(); };
    const release = () => {
      if (!options.keepWarm || idle) { end(); return; }
      detach();
      idle = worker;
    };
    const onAbort = () => { end(); reject(signal?.reason ?? new DOMException('Cancelled', 'AbortError')); };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'stage') { onStage?.(data.stage); return; }
      if (data.type === 'done') { release(); resolve(data.result); return; }
      // A drill reply goes to drillWorkerComputer's own listener; here it would be a stray.
      if (data.type === 'drilled') return;
      // An engine refusal leaves the worker sound; it can be kept like a success.
      release();
      reject(new QueryComputeError(data.code, data.name, data.message));
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(`The PivotDeck query worker failed${event.message ? `: ${event.message}` : ''}.`));
    };
    // Only the header and rows cross: the read's syncs and bytes stay here.
    const sources = Object.fromEntries(Object.entries(input.sources).map(([key, s]) => [key, { header: s.header, rows: s.rows }]));
    worker.postMessage({ type: 'query', input: { spec: input.spec, sources, output: input.output } });
  });
}
