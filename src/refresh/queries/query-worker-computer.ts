import type { QueryComputer } from './query-computer';
import { QueryComputeError, type QueryReply, type QueryRequest } from './query-worker-protocol';

/** The part of a Web Worker the computer uses (a real Worker, or an in-process stand-in in tests). */
export interface QueryWorkerLike {
  postMessage(message: QueryRequest): void;
  terminate(): void;
  onmessage: ((event: { data: QueryReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/**
 * A QueryComputer that runs each computation in a fresh worker, so a million source rows never
 * block the pane. Cancel = terminate: the worker dies mid-compute, the promise rejects with an
 * AbortError, and nothing reaches Excel (writing happens only after a result comes back). A
 * superseded live preview is cancelled the same way.
 *
 * @example
 * const compute = queryWorkerComputer(startQueryWorker);
 * const result = await compute({ spec, sources, output: 'grid' }, { signal, onStage: (s) => show(s) });
 */
export function queryWorkerComputer(start: () => QueryWorkerLike): QueryComputer {
  return (input, options = {}) => new Promise((resolve, reject) => {
    const { signal, onStage } = options;
    if (signal?.aborted) { reject(signal.reason ?? new DOMException('Cancelled', 'AbortError')); return; }
    const worker = start();
    const finish = () => { signal?.removeEventListener('abort', onAbort); worker.terminate(); };
    const onAbort = () => { finish(); reject(signal?.reason ?? new DOMException('Cancelled', 'AbortError')); };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'stage') { onStage?.(data.stage); return; }
      finish();
      if (data.type === 'done') resolve(data.result);
      else reject(new QueryComputeError(data.code, data.name, data.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`The PivotDeck query worker failed${event.message ? `: ${event.message}` : ''}.`));
    };
    // Only the header and rows cross: the read's syncs and bytes stay here.
    const sources = Object.fromEntries(Object.entries(input.sources).map(([key, s]) => [key, { header: s.header, rows: s.rows }]));
    worker.postMessage({ type: 'query', input: { spec: input.spec, sources, output: input.output } });
  });
}
