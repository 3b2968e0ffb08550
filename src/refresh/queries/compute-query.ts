import { executeQuery, tableFromExcelValues, type QueryResult } from '../../engine';
import { sourceRefKey } from '../../engine/spec';
import type { QueryComputeInput } from './query-computer';

/** Where a computation is: turning Excel values into columns, then running the spec. */
export type QueryStage = 'columns' | 'query';

/**
 * The pure query computation shared by the in-thread computer and the query worker: builds each
 * source's table once (typed from Excel values), then runs the spec. Synchronous on purpose: in
 * the worker nothing else runs, and cancel is terminating it.
 *
 * @example
 * const result = computeQuery({ spec, sources: { 'table:Sales': { header, rows } }, output: 'grid' });
 */
export function computeQuery(input: QueryComputeInput, onStage?: (stage: QueryStage) => void): QueryResult {
  onStage?.('columns');
  const tables = new Map<string, ReturnType<typeof tableFromExcelValues>['table']>();
  for (const [key, data] of Object.entries(input.sources)) tables.set(key, tableFromExcelValues(data.header, data.rows).table);
  onStage?.('query');
  return executeQuery(input.spec, (ref) => {
    const table = tables.get(sourceRefKey(ref));
    if (!table) throw new Error(`PivotDeck did not read ${sourceRefKey(ref)} for this query.`);
    return table;
  }, { output: input.output });
}
