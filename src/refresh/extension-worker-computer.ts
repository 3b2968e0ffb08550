import type { ExtensionComputer } from './extension-computer';
import { encodePlanRequest, replyError, type PlanReply, type PlanRequest } from './extension-worker-protocol';
import { workerComputerOf, type WorkerLike } from './worker-computer';

/** The extension worker as the computer sees it. */
export type ExtensionWorkerLike = WorkerLike<PlanRequest, PlanReply>;

/**
 * An ExtensionComputer that runs planExtension in a fresh worker per computation (no state
 * survives a cancelled run), through the one worker layer (worker-computer.ts). The source's
 * columns cross as packed columns whose buffers are transferred, not cloned cell by cell.
 *
 * @example
 * const compute = workerComputer(startExtensionWorker);
 * const plan = await compute(input, { signal, onStage: (s) => show(s) });
 */
export function workerComputer(start: () => ExtensionWorkerLike): ExtensionComputer {
  return workerComputerOf(start, { name: 'computation worker', encode: encodePlanRequest, failure: replyError });
}
