import { executeQuery, tableFromExcelColumns, tableFromExcelValues, type QueryResult, type QuerySpec } from '../../engine';
import { sourceRefKey } from '../../engine/spec';
import type { CellValue } from '../../excel/api';
import type { QueryComputeInput } from './query-computer';

/** Where a computation is: turning Excel values into columns, then running the spec. */
export type QueryStage = 'columns' | 'query';

type Table = ReturnType<typeof tableFromExcelValues>['table'];

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
  const tables = new Map<string, Table>();
  for (const [key, data] of Object.entries(input.sources)) tables.set(key, tableFromExcelValues(data.header, data.rows).table);
  onStage?.('query');
  return runSpec(input.spec, tables, input.output);
}

/** A source already in columns (`columns[c][r]`, one per header cell), as the query worker has it. */
export interface ColumnSource {
  header: readonly CellValue[];
  columns: unknown[][];
}

/**
 * computeQuery for sources already in columns (the query worker, after unpacking what the pane
 * transferred): the same tables, so the same results.
 *
 * @example
 * const result = computeQueryOnColumns(spec, { 'table:Sales': { header, columns } }, 'grid');
 */
export function computeQueryOnColumns(spec: QuerySpec, sources: Readonly<Record<string, ColumnSource>>, output: 'grid' | 'flat', onStage?: (stage: QueryStage) => void): QueryResult {
  onStage?.('columns');
  const tables = new Map<string, Table>();
  for (const [key, data] of Object.entries(sources)) tables.set(key, tableFromExcelColumns(data.header, data.columns).table);
  onStage?.('query');
  return runSpec(spec, tables, output);
}

function runSpec(spec: QuerySpec, tables: ReadonlyMap<string, Table>, output: 'grid' | 'flat'): QueryResult {
  return executeQuery(spec, (ref) => {
    const table = tables.get(sourceRefKey(ref));
    if (!table) throw new Error(`PivotDeck did not read ${sourceRefKey(ref)} for this query.`);
    return table;
  }, { output });
}
