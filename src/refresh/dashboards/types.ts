import type { PivotDeckDocument, SourceStamp } from '../../model';
import type { ChartColours } from '../../dashboards';
import type { TileOutcome } from '../../dashboards';
import type { QueryDeps } from '../queries/run-query';
import type { SourceData } from '../queries/source-data';
import type { QueryResult } from '../../engine';
import type { HistoryRecord } from '../history';

/** What dashboards need from their surroundings (the same as saved queries). */
export type DashboardDeps = QueryDeps;

export type DashboardDef = PivotDeckDocument['dashboards'][number];

export interface DashboardProgress {
  phase: 'read' | 'source' | 'compute' | 'write';
  /** The source being read ('the table "Sales"'). */
  source?: string;
  rowsRead?: number;
  totalRows?: number;
}

/** How one source fared in a refresh. */
export interface SourceStatus {
  key: string;
  label: string;
  ok: boolean;
  /** Why it failed, in words a user can act on. */
  message?: string;
  /** True when the data came from the session's memory (a parameter change), not a new read. */
  fromMemory?: boolean;
}

export interface DashboardOutcome {
  /** written: every tile fresh; partial: some tiles stale; failed: nothing written; saved: only the definition changed. */
  status: 'written' | 'partial' | 'failed' | 'cancelled' | 'saved';
  message: string;
  sheet?: string;
  tiles: Record<string, { status: TileOutcome['status']; reason?: string }>;
  sources: SourceStatus[];
  /** Distinct queries computed (tiles sharing a query count once; results kept from earlier in the session do not count). */
  queriesComputed: number;
  /** Round trips: reading parameter cells and targets, reading sources, writing. */
  syncs: { read: number; source: number; write: number };
  bytes: { source: number; write: number };
  /** The parameter values this refresh used ("All" when unset). */
  parameterValues?: Record<string, string | number>;
  /** Tiles that could not be read from the workbook (edited by hand, newer PivotDeck). */
  problems?: string[];
  /** How adding this refresh to the dashboard's history went (issue 17), when it keeps one. */
  history?: HistoryRecord;
  /** What each source read looked like (recorded so the pane can say "Out of date" later). */
  readFrom?: SourceStamp[];
  /** The colour each chart gave each category in this write (recorded, so colours stay). */
  chartColours?: ChartColours;
}

export interface DashboardDocResult {
  document: PivotDeckDocument;
  outcome: DashboardOutcome;
}

export interface RefreshDashboardOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DashboardProgress) => void;
  /**
   * Keeps source data in memory between refreshes of this pane session. With `reuseSources`, a
   * refresh takes sources from it instead of reading them again (a parameter change).
   */
  session?: DashboardSession;
  reuseSources?: boolean;
}

/** One source's data held by a session, with the version it was read at. */
export interface CachedSource {
  version: string;
  data: SourceData;
}

/**
 * Source data kept in memory for a pane session, keyed by source and a version (a cloud source's
 * last pull; a workbook table's read time), so changing a parameter recomputes without reading
 * or pulling again.
 */
export class DashboardSession {
  private readonly sources = new Map<string, CachedSource>();
  /** Query results by spec key, valid while the sources they read are unchanged in memory. */
  private readonly results = new Map<string, QueryResult>();

  /** A result computed earlier in this session from the same sources. */
  result(specKey: string): QueryResult | undefined {
    return this.results.get(specKey);
  }

  keepResult(specKey: string, result: QueryResult): void {
    this.results.set(specKey, result);
  }

  get(key: string, version?: string): SourceData | undefined {
    const hit = this.sources.get(key);
    if (!hit || (version !== undefined && hit.version !== version)) return undefined;
    return hit.data;
  }

  set(key: string, version: string, data: SourceData): void {
    this.sources.set(key, { version, data });
    // New data: results computed from the old data no longer hold.
    this.results.clear();
  }

  /** Forgets a source (it changed) or everything. */
  forget(key?: string): void {
    if (key === undefined) this.sources.clear();
    else this.sources.delete(key);
    this.results.clear();
  }

  get size(): number {
    return this.sources.size;
  }
}
