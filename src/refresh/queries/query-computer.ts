import type { QueryResult, QuerySpec } from '../../engine';
import { computeQuery, type QueryStage } from './compute-query';
import type { SourceData } from './source-data';

export interface QueryComputeInput {
  spec: QuerySpec;
  /** Sources by sourceRefKey, as read from Excel. */
  sources: Record<string, Pick<SourceData, 'header' | 'rows' | 'packed'>>;
  output: 'grid' | 'flat';
}

export interface QueryComputeOptions {
  signal?: AbortSignal;
  /** Called as the computation moves through its stages (from the worker, when there is one). */
  onStage?(stage: QueryStage): void;
}

/**
 * Runs the pure query computation. The input is plain data (structured-clone safe) so the pane
 * posts it to a Web Worker (queryWorkerComputer); aborting must reject promptly and never reach
 * Excel. Tests and the ribbon use computeQueryInThread.
 */
export type QueryComputer = (input: QueryComputeInput, options?: QueryComputeOptions) => Promise<QueryResult>;

/**
 * Computes on the calling thread (after yielding once, so a progress update can paint first).
 * @example const result = await computeQueryInThread({ spec, sources: { 'table:Sales': sales }, output: 'grid' });
 */
export const computeQueryInThread: QueryComputer = async (input, options) => {
  await Promise.resolve();
  options?.signal?.throwIfAborted();
  return computeQuery(input, options?.onStage);
};
