import type { SourceDefinition } from '../../connectors/types';
import type { QueryResult, QuerySpec } from '../../engine';
import type { ExcelRun } from '../../excel/api';
import type { ConfirmColumnRemoval } from '../../excel/land';
import type { QueryStage } from './compute-query';
import { computeQueryInThread, type QueryComputer } from './query-computer';
import { readSourceData, sourcesOf, type PullSource, type SourceData } from './source-data';
import type { WarehouseQueryRunner, WarehouseRunDetails } from './warehouse-query';

/** What running queries needs from its surroundings; built once in the composition root. */
export interface QueryDeps {
  run: ExcelRun;
  /** Where queries compute: a Web Worker in the pane; in-thread by default (tests, ribbon). */
  compute?: QueryComputer;
  /** Reads cloud sources (`{ kind: 'source' }`); without it such queries fail with a message. */
  pull?: PullSource;
  /** Runs queries on warehouse sources where the data is (SQL pushdown); absent, they are refused. */
  warehouse?: WarehouseQueryRunner;
  now?: () => Date;
}

export type QueryPhase = 'source' | 'compute' | 'write';

export interface QueryProgress {
  phase: QueryPhase;
  rowsRead?: number;
  totalRows?: number;
  /** While computing: which stage the computation (in its worker) has reached. */
  stage?: QueryStage;
  /** Set when the source is a warehouse: rowsRead/totalRows are then the server's. */
  where?: 'warehouse';
  /** Bytes of the warehouse's answer received so far. */
  bytesReceived?: number;
}

export interface RunQueryOptions {
  signal?: AbortSignal;
  onProgress?: (progress: QueryProgress) => void;
  /**
   * Sources already read in this refresh, by sourceRefKey; filled as sources are read, so a
   * "Refresh all" reads each source once however many queries use it.
   */
  cache?: Map<string, Promise<SourceData>>;
  /** The document's sources when the caller holds the document: the warehouse runner then needs no read. */
  sources?: readonly SourceDefinition[];
  /**
   * Asked (the pane) before a query table loses columns the user's formulas or PivotTables use;
   * absent (the ribbon), such a refresh is refused with a message to refresh from the pane.
   */
  confirmColumnRemoval?: ConfirmColumnRemoval;
}

export interface QueryRun {
  result: QueryResult;
  /** Syncs and response bytes spent reading sources (0 for sources found in the cache). */
  sourceSyncs: number;
  sourceBytes: number;
  /** What ran where, when the query ran on a warehouse. */
  warehouse?: WarehouseRunDetails;
  /** The sources read, by sourceRefKey (absent on a warehouse): what "out of date" compares with. */
  read?: Record<string, SourceData>;
}

/**
 * Reads a spec's sources (table or range, through readRangeValues), then computes it.
 *
 * @example const { result } = await runQuery(deps, spec, 'grid');
 */
export async function runQuery(deps: QueryDeps, spec: QuerySpec, output: 'grid' | 'flat', options: RunQueryOptions = {}): Promise<QueryRun> {
  const { signal, onProgress } = options;
  // A warehouse source is never read here: the planner runs the query where the data is.
  const pushed = await deps.warehouse?.(spec, output, { signal, onProgress, sources: options.sources });
  if (pushed) return pushed;
  const cache = options.cache ?? new Map<string, Promise<SourceData>>();
  const sources: Record<string, SourceData> = {};
  let sourceSyncs = 0;
  let sourceBytes = 0;
  for (const [key, ref] of sourcesOf(spec)) {
    let pending = cache.get(key);
    const fresh = pending === undefined;
    if (!pending) {
      onProgress?.({ phase: 'source', rowsRead: 0 });
      pending = readSourceData(deps.run, ref, {
        signal,
        pull: deps.pull,
        onProgress: (p) => onProgress?.({ phase: 'source', rowsRead: p.rowsRead, totalRows: p.totalRows }),
      });
      cache.set(key, pending);
      // A failed read is not cached: the next query (or the next refresh) tries again.
      pending.catch(() => cache.delete(key));
    }
    const data = await pending;
    if (fresh) {
      sourceSyncs += data.syncs;
      sourceBytes += data.bytes;
    }
    sources[key] = data;
  }
  signal?.throwIfAborted();
  onProgress?.({ phase: 'compute' });
  const result = await (deps.compute ?? computeQueryInThread)({ spec, sources, output }, {
    signal,
    onStage: (stage) => onProgress?.({ phase: 'compute', stage }),
  });
  return { result, sourceSyncs, sourceBytes, read: sources };
}
