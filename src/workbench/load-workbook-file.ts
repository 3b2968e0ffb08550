/**
 * Loads an .xlsx in a Web Worker (xlsx-worker.ts) with progress and cancel; where workers are
 * not available (very old browsers, a page opened from file://) it loads on the page instead.
 */
import { loadXlsx, XlsxLoadError, type LoadResult } from '../simulator/xlsx';
import type { LoadReply, LoadRequest } from './xlsx-worker-protocol';

export interface WorkbookLoad {
  result: Promise<LoadResult>;
  /** Stops the load: the worker is terminated and `result` rejects with a CancelledLoad. */
  cancel(): void;
}

/** What `result` rejects with after `cancel()`. */
export class CancelledLoad extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledLoad';
  }
}

/**
 * @example
 * const load = loadWorkbookFile(await file.arrayBuffer(), file.name, (step) => setStatus(step));
 * cancelButton.onclick = load.cancel;
 * const { model, notices } = await load.result;
 */
export function loadWorkbookFile(bytes: ArrayBuffer, fileName: string, onProgress: (step: string) => void): WorkbookLoad {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./xlsx-worker.ts', import.meta.url));
  } catch {
    let cancelled = false;
    return {
      result: loadXlsx(new Uint8Array(bytes), { fileName, onProgress }).then((r) => {
        if (cancelled) throw new CancelledLoad();
        return r;
      }),
      cancel: () => { cancelled = true; },
    };
  }
  let settle: { reject(e: Error): void } | undefined;
  const result = new Promise<LoadResult>((resolve, reject) => {
    settle = { reject };
    worker.addEventListener('message', (event: MessageEvent<LoadReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') { onProgress(reply.step); return; }
      worker.terminate();
      if (reply.kind === 'done') resolve({ model: reply.model, notices: reply.notices });
      // The worker's message already names the part; rebuilt without one so it is not repeated.
      else if (reply.code) reject(new XlsxLoadError(reply.code, reply.message));
      else reject(new Error(reply.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The loader stopped unexpectedly'));
    });
  });
  const request: LoadRequest = { bytes, fileName };
  worker.postMessage(request, [bytes]);
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new CancelledLoad());
    },
  };
}
