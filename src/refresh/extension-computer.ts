import type { ExtensionPlan, PlanInput, PlanStage } from '../engine/pivot-extension';

/**
 * Runs the pure extension computation. The pane injects one that posts to a Web Worker so 1M
 * source rows never block the UI thread; tests and the ribbon use the in-thread one below.
 * The input is plain data (structured-clone safe) for exactly that reason. Aborting `signal`
 * must reject promptly (a worker is terminated) and must never reach Excel.
 */
export type ExtensionComputer = (input: PlanInput, options?: ComputeOptions) => Promise<ExtensionPlan>;

export interface ComputeOptions {
  signal?: AbortSignal;
  /** Called as planExtension moves through its stages (from the worker, when there is one). */
  onStage?(stage: PlanStage): void;
}

/**
 * Computes on the calling thread. The engine loads on first use (it is not in the pane's
 * initial bundle), which also yields once so a progress update can paint first.
 * @example const plan = await computeInThread({ snapshot, source, measures });
 */
export const computeInThread: ExtensionComputer = async (input, options) => {
  const { planExtension } = await import('../engine/pivot-extension');
  options?.signal?.throwIfAborted();
  return planExtension(input, { onStage: options?.onStage });
};
