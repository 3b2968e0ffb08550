import type { QueryResult, QuerySpec } from '../../engine';
import type { ExcelRun } from '../../excel/api';
import type { QueryStage } from './compute-query';
import { computeQueryInThread, type QueryComputer } from './query-computer';
import { readSourceData, sourcesOf, type PullSource, type SourceData } from './source-data';

/** What running queries needs from its surroundings; built once in the composition root. */
export interface QueryDeps {
  run: ExcelRun;
  /** Where queries compute: a Web Worker in the pane; in-thread by default (tests, ribbon). */
  compute?: QueryComputer;
  /** Reads cloud sources (`{ kind: 'source' }`); without it such queries fail with a message. */
  pull?: PullSource;
  now?: () => Date;
}

export type QueryPhase = 'source' | 'compute' | 'write';

export interface QueryProgress {
  phase: QueryPhase;
  rowsRead?: number;
  totalRows?: number;
  /** While computing: which stage the computation (in its worker) has reached. */
  stage?: QueryStage;
}

export interface RunQueryOptions {
  signal?: AbortSignal;
  onProgress?: (progress: QueryProgress) => void;
  /**
   * Sources already read in this refresh, by sourceRefKey; filled as sources are read, so a
   * "Refresh all" reads each source once however many queries use it.
   */
  cache?: Map<string, Promise<SourceData>>;
}

export interface QueryRun {
  result: QueryResult;
  /** Syncs and response bytes spent reading sources (0 for sources found in the cache). */
  sourceSyncs: number;
  sourceBytes: number;
}

/**
 * Reads a spec's sources (table or range, through readRangeValues), then computes it.
 *
 * @example const { result } = await runQuery(deps, spec, 'grid');
 */
export async function runQuery(deps: QueryDeps, spec: QuerySpec, output: 'grid' | 'flat', options: RunQueryOptions = {}): Promise<QueryRun> {
  const { signal, onProgress } = options;
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
  return { result, sourceSyncs, sourceBytes };
}
