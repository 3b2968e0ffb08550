import { executeQuery, tableFromExcelColumns, tableFromExcelValues, type QueryResult, type QuerySpec } from '../../engine';
import { sourceRefKey } from '../../engine/spec';
import type { CellValue } from '../../excel/api';
import type { QueryComputeInput } from './query-computer';

/** Where a computation is: turning Excel values into columns, then running the spec. */
export type QueryStage = 'columns' | 'query';

/**
 * The pure query computation of the in-thread computer: builds each source's table once (typed
 * from Excel values), then runs the spec. Synchronous on purpose: in a worker nothing else runs,
 * and cancel is terminating it.
 *
 * @example
 * const result = computeQuery({ spec, sources: { 'table:Sales': { header, rows } }, output: 'grid' });
 */
export function computeQuery(input: QueryComputeInput, onStage?: (stage: QueryStage) => void): QueryResult {
  onStage?.('columns');
  const tables = new Map<string, QueryTable>();
  for (const [key, data] of Object.entries(input.sources)) tables.set(key, tableFromExcelValues(data.header, data.rows).table);
  onStage?.('query');
  return runSpec(input.spec, tables, input.output);
}

/** A table built for a query, as computeQuery builds it. */
export type QueryTable = ReturnType<typeof tableFromExcelValues>['table'];

/**
 * A source already in columns (`columns[c][r]`, one per header cell) as a query's table: the
 * table computeQuery builds from the same cells as rows. The query worker builds it after
 * unpacking what the pane transferred, and keeps it for the next request over the same read.
 * @example const table = queryTable(['Region'], [['North', 'South']]);
 */
export function queryTable(header: readonly CellValue[], columns: unknown[][]): QueryTable {
  return tableFromExcelColumns(header, columns).table;
}

/**
 * Runs a spec over tables already built, by sourceRefKey (the query worker's side).
 * @example const result = computeQueryOnTables(spec, new Map([['table:Sales', table]]), 'grid');
 */
export function computeQueryOnTables(spec: QuerySpec, tables: ReadonlyMap<string, QueryTable>, output: 'grid' | 'flat'): QueryResult {
  return runSpec(spec, tables, output);
}

function runSpec(spec: QuerySpec, tables: ReadonlyMap<string, QueryTable>, output: 'grid' | 'flat'): QueryResult {
  return executeQuery(spec, (ref) => {
    const table = tables.get(sourceRefKey(ref));
    if (!table) throw new Error(`PivotDeck did not read ${sourceRefKey(ref)} for this query.`);
    return table;
  }, { output });
}
