import { executeQuery, tableFromExcelValues, type QueryResult, type QuerySpec } from '../../engine';
import { sourceRefKey } from '../../engine/spec';
import type { SourceData } from './source-data';

export interface QueryComputeInput {
  spec: QuerySpec;
  /** Sources by sourceRefKey, as read from Excel. */
  sources: Record<string, Pick<SourceData, 'header' | 'rows'>>;
  output: 'grid' | 'flat';
}

/**
 * Runs the pure query computation. The input is plain data (structured-clone safe) so the pane
 * can post it to a Web Worker; aborting must reject promptly and never reach Excel.
 */
export type QueryComputer = (input: QueryComputeInput, options?: { signal?: AbortSignal }) => Promise<QueryResult>;

/**
 * Computes on the calling thread (after yielding once, so a progress update can paint first).
 * @example const result = await computeQueryInThread({ spec, sources: { 'table:Sales': sales }, output: 'grid' });
 */
export const computeQueryInThread: QueryComputer = async (input, options) => {
  await Promise.resolve();
  options?.signal?.throwIfAborted();
  const tables = new Map<string, ReturnType<typeof tableFromExcelValues>['table']>();
  return executeQuery(input.spec, (ref) => {
    const key = sourceRefKey(ref);
    let table = tables.get(key);
    if (!table) {
      const data = input.sources[key];
      if (!data) throw new Error(`PivotDeck did not read ${key} for this query.`);
      table = tableFromExcelValues(data.header, data.rows).table;
      tables.set(key, table);
    }
    return table;
  }, { output: input.output });
};
