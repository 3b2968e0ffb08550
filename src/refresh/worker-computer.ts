import type { ExtensionComputer } from './extension-computer';
import { replyError, type PlanReply, type PlanRequest } from './extension-worker-protocol';

/** The part of a Web Worker the computer uses (a real Worker, or an in-process stand-in in tests). */
export interface WorkerLike {
  postMessage(message: PlanRequest): void;
  terminate(): void;
  onmessage: ((event: { data: PlanReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/**
 * An ExtensionComputer that runs planExtension in a fresh worker per computation, so the pane
 * stays responsive over a million source rows. Cancel = terminate: the worker dies mid-compute,
 * the promise rejects with an AbortError, and nothing reaches Excel (writing happens only after
 * a plan comes back). A fresh worker each time means no state survives a cancelled run.
 *
 * @example
 * const compute = workerComputer(startExtensionWorker);
 * const plan = await compute(input, { signal, onStage: (s) => show(s) });
 */
export function workerComputer(start: () => WorkerLike): ExtensionComputer {
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
      if (data.type === 'done') resolve(data.plan);
      else reject(replyError(data));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`The PivotDeck computation worker failed${event.message ? `: ${event.message}` : ''}.`));
    };
    worker.postMessage({ type: 'plan', input });
  });
}
