/**
 * Dashboard queries on warehouse sources: each distinct query runs through the warehouse runner
 * (one pushed-down SELECT, finished in the pane on the reduced answer), so a dashboard on a
 * warehouse never reads raw rows. Which "source" refs are warehouses is learnt by asking the runner
 * (it answers undefined for anything else), so no extra document read is needed up front.
 */
import type { SourceDefinition } from '../../connectors/types';
import { sourceRefKey, type QuerySpec, type SourceRef } from '../../engine/spec';
import type { QueryResult } from '../../engine';
import type { WarehouseQueryRunner } from '../queries/warehouse-query';
import type { QueryOutcomeByKey } from './compute-queries';
import type { DashboardProgress, SourceStatus } from './types';

export interface WarehouseTilesResult {
  /** Source keys answered by the warehouse: never read as rows. */
  keys: Set<string>;
  /** Outcomes of the queries that ran (or failed) on a warehouse, by spec key. */
  results: QueryOutcomeByKey;
  sources: SourceStatus[];
  /** Distinct queries the warehouse computed. */
  computed: number;
  /** Bytes of the warehouses' answers. */
  bytes: number;
}

export interface WarehouseTilesOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DashboardProgress) => void;
  /** A result kept from earlier in the session (a parameter change), not run again. */
  kept?: (specKey: string) => QueryResult | undefined;
  /** True when the session holds rows for a source key (so it is not a warehouse). */
  inMemory?: (sourceKey: string) => boolean;
  /** The document's sources: the runner then needs no document read per query. */
  sources?: readonly SourceDefinition[];
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Runs the dashboard queries whose source is a warehouse. A query that fails is reported with
 * its reason (its tiles go stale); the others still run.
 *
 * @example
 * const wh = await runWarehouseTiles(deps.warehouse, plan.queries, refs, { signal });
 * wh.keys.has('source:wh_1') // true: not read as rows
 */
export async function runWarehouseTiles(
  runner: WarehouseQueryRunner,
  queries: ReadonlyMap<string, QuerySpec>,
  refs: ReadonlyMap<string, SourceRef>,
  options: WarehouseTilesOptions = {},
): Promise<WarehouseTilesResult> {
  const { signal, onProgress } = options;
  const out: WarehouseTilesResult = { keys: new Set(), results: new Map(), sources: [], computed: 0, bytes: 0 };
  for (const [sourceKey, ref] of refs) {
    if (ref.kind !== 'source' || options.inMemory?.(sourceKey)) continue;
    const specs = [...queries].filter(([, spec]) => sourceRefKey(spec.source) === sourceKey);
    const toRun = specs.filter(([key]) => !options.kept?.(key));
    if (specs.length > 0 && toRun.length === 0) {
      // Everything on it was kept from earlier in the session and no rows are in memory: a
      // warehouse whose answers still hold (a web source's rows would be in the session).
      out.keys.add(sourceKey);
      out.sources.push({ key: sourceKey, label: ref.id, ok: true, fromMemory: true });
      continue;
    }
    let table: string | undefined;
    let failure: string | undefined;
    let isWarehouse = false;
    for (const [key, spec] of toRun) {
      signal?.throwIfAborted();
      onProgress?.({ phase: 'source', source: table ? `the warehouse table ${table}` : 'the warehouse', rowsRead: 0 });
      try {
        const run = await runner(spec, 'grid', {
          signal,
          sources: options.sources,
          onProgress: (p) => { if (p.phase === 'source') onProgress?.({ phase: 'source', source: table ? `the warehouse table ${table}` : 'the warehouse', rowsRead: p.rowsRead, totalRows: p.totalRows }); },
        });
        // The runner's "not a warehouse": the caller reads this source as rows, as before.
        if (!run) break;
        isWarehouse = true;
        table = run.warehouse.table;
        out.results.set(key, { ok: true, result: run.result });
        out.computed++;
        out.bytes += run.sourceBytes;
      } catch (error) {
        if (signal?.aborted) throw error;
        // The runner only throws once it knows the source is a warehouse (or the workbook's
        // document cannot be read, where reading rows would fail too).
        isWarehouse = true;
        failure ??= message(error);
        out.results.set(key, { ok: false, reason: message(error) });
      }
    }
    if (!isWarehouse) continue;
    out.keys.add(sourceKey);
    out.sources.push({ key: sourceKey, label: table ? `${table} (warehouse)` : ref.id, ok: failure === undefined, ...(failure !== undefined ? { message: failure } : {}) });
  }
  return out;
}
