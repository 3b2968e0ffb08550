/**
 * The computing half of Show rows on a query spec, shared by the query worker and the in-thread
 * computer: recompute the query's grid from the sources as read, find the selected number in it
 * (locateCell), and select the rows behind it with the same code the query used. Synchronous and
 * plain data in and out, so the pane posts it to the query worker: a kept-out web source or a big
 * workbook table never blocks the pane thread.
 */
import { drillGridCell, selectRows, type DrilledRows, type GridCellAt } from '../../engine/drill';
import { executeQuery, tableFromExcelValues, type PivotGrid } from '../../engine/query';
import { sourceRefKey, type QuerySpec } from '../../engine/spec';
import type { QueryTable } from '../queries/compute-query';
import type { SourceData } from '../queries/source-data';
import { locateCell, type CellLocator, type Located } from './locate-cell';

export interface DrillComputeInput {
  spec: QuerySpec;
  /** Sources by sourceRefKey, as read from Excel (or pulled). */
  sources: Record<string, Pick<SourceData, 'header' | 'rows' | 'packed'>>;
  locate: CellLocator;
  /** Rows returned at most; the total counts them all. */
  limit: number;
}

/** The rows behind the cell, with the grid and the cell they were found at; or why there are none. */
export type DrillComputed =
  | { status: 'rows'; grid: PivotGrid; at: GridCellAt; rows: DrilledRows }
  | Exclude<Located, { status: 'cell' }>;

/** Runs a DrillComputeInput somewhere: the query worker in the pane, in-thread elsewhere. */
export type DrillComputer = (input: DrillComputeInput, options?: { signal?: AbortSignal }) => Promise<DrillComputed>;

/**
 * @example
 * computeDrill({ spec, sources: { 'table:Sales': sales }, locate: { kind: 'grid', rowOffset: 2, columnOffset: 1, labels: ['West'], heads: [2025, 'Revenue'], shown: 400 }, limit: 10_000 })
 * // { status: 'rows', at: { row: 0, value: 0 }, rows: { columns: [...], rows: [...], total: 2 }, grid }
 */
export function computeDrill(input: DrillComputeInput): DrillComputed {
  const tables = new Map<string, QueryTable>();
  for (const [key, data] of Object.entries(input.sources)) tables.set(key, tableFromExcelValues(data.header, data.rows).table);
  return computeDrillOnTables(input.spec, tables, input.locate, input.limit);
}

/**
 * The same over tables already built, by sourceRefKey: the query worker's side, which builds
 * them from the packed columns the pane transferred.
 * @example const drilled = computeDrillOnTables(spec, new Map([['table:Sales', table]]), locate, 10_000);
 */
export function computeDrillOnTables(spec: QuerySpec, tables: ReadonlyMap<string, QueryTable>, locate: CellLocator, limit: number): DrillComputed {
  const resolve = (ref: QuerySpec['source']) => {
    const table = tables.get(sourceRefKey(ref));
    if (!table) throw new Error(`PivotDeck did not read ${sourceRefKey(ref)} for this drill.`);
    return table;
  };
  const grid = executeQuery(spec, resolve, { output: 'grid' }).grid!;
  const located = locateCell(locate, grid);
  if (located.status !== 'cell') return located;
  const drill = drillGridCell(spec, grid, located.at);
  return { status: 'rows', grid, at: located.at, rows: selectRows(drill.rows, resolve, limit) };
}

/**
 * On the calling thread (tests, and the ribbon's commands runtime, which has no worker).
 * @example const drilled = await computeDrillInThread(input);
 */
export const computeDrillInThread: DrillComputer = async (input, options) => {
  await Promise.resolve();
  options?.signal?.throwIfAborted();
  return computeDrill(input);
};
