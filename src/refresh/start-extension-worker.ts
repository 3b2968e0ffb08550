import { computeInThread, type ExtensionComputer } from './extension-computer';
import { workerComputer, type ExtensionWorkerLike } from './extension-worker-computer';

/**
 * Starts the extension worker (webpack 5 bundles it as its own chunk, loaded on demand).
 * @example const worker = startExtensionWorker();
 */
export function startExtensionWorker(): ExtensionWorkerLike {
  return new Worker(new URL('./extension.worker.ts', import.meta.url), { name: 'pivotdeck-extension' }) as unknown as ExtensionWorkerLike;
}

/**
 * The computer the pane uses: a Web Worker where the browser has them, else in-thread.
 * @example const deps = { run, canReadDataSource, compute: browserComputer() };
 */
export function browserComputer(): ExtensionComputer {
  return typeof Worker === 'undefined' ? computeInThread : workerComputer(startExtensionWorker);
}
