import { executeQuery, tableFromExcelValues, type QueryResult } from '../../engine';
import { sourceRefKey, type QuerySpec } from '../../engine/spec';
import { computeQueryInThread, type QueryComputer } from '../queries/query-computer';
import type { SourceData } from '../queries/source-data';

export type QueryOutcomeByKey = Map<string, { ok: true; result: QueryResult } | { ok: false; reason: string }>;

/**
 * Computes a dashboard's distinct queries. In the calling thread, each source becomes an Arquero
 * table once for all queries (a dashboard's queries mostly read the same table); with a
 * `compute` (the warm query worker the composition root gives the dashboard coordinator) each
 * query goes through it: the first sends the source as packed columns and the worker keeps its
 * table, so the next queries send only the spec. A query that fails is reported, the others
 * still compute.
 *
 * @example const results = await computeDashboardQueries(plan.queries, { 'table:Sales': sales });
 */
export async function computeDashboardQueries(
  queries: ReadonlyMap<string, QuerySpec>,
  sources: Readonly<Record<string, SourceData>>,
  options: { compute?: QueryComputer; signal?: AbortSignal } = {},
): Promise<QueryOutcomeByKey> {
  const out: QueryOutcomeByKey = new Map();
  const tables = new Map<string, ReturnType<typeof tableFromExcelValues>['table']>();
  for (const [key, spec] of queries) {
    options.signal?.throwIfAborted();
    try {
      let result: QueryResult;
      if (options.compute && options.compute !== computeQueryInThread) {
        result = await options.compute({ spec, sources, output: 'grid' }, { signal: options.signal });
      } else {
        // Yield between queries so the pane can paint progress.
        await Promise.resolve();
        result = executeQuery(spec, (ref) => {
          const k = sourceRefKey(ref);
          let table = tables.get(k);
          if (!table) {
            const data = sources[k];
            if (!data) throw new Error(`PivotDeck did not read ${k} for this dashboard.`);
            table = tableFromExcelValues(data.header, data.rows).table;
            tables.set(k, table);
          }
          return table;
        }, { output: 'grid' });
      }
      out.set(key, { ok: true, result });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      out.set(key, { ok: false, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}
