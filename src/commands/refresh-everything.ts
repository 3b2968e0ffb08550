/**
 * The ribbon's "Refresh all", step by step, in the order data flows: PivotTables, web sources
 * (their landed tables feed everything after), PivotDeck extensions (they reconcile against
 * their pivots), saved queries, dashboards. Each step loads the workbook's PivotDeck document,
 * refreshes, and saves it; a failing step is recorded and the later steps still run, as a
 * failing source or query already keeps its previous output (DESIGN.md, Refresh).
 */
import type { ExcelRun } from '../excel/api';
import { refreshAllPivots } from '../excel/refresh-pivots';
import { loadWorkbookDocument, saveWorkbookDocument } from '../excel/workbook-document';
import type { OpenResult, PivotDeckDocument } from '../model';
import type { QueryDeps } from '../refresh/queries';
import type { RefreshCoordinator } from '../refresh/refresh-coordinator';
import type { SourceDeps } from '../refresh/sources';

export type RefreshStep = 'pivots' | 'sources' | 'extensions' | 'queries' | 'dashboards';

/** What "Refresh all" needs besides Excel; each absent part skips its step. */
export interface RefreshEverythingDeps {
  run: ExcelRun;
  /** The pane's (or the commands runtime's) coordinator: extensions refresh through it. */
  coordinator?: RefreshCoordinator;
  /** Fetch, the user's credentials and the HTTP policy for web sources. */
  sources?: Omit<SourceDeps, 'run'>;
  /** Where queries and dashboards compute (in-thread when absent) and how cloud sources are read. */
  queries?: Omit<QueryDeps, 'run'>;
}

export interface StepReport {
  step: RefreshStep;
  /** Items refreshed (pivots, sources, extensions, queries, dashboards). */
  count: number;
  /** Items whose refresh failed; each keeps its previous output and says why in the pane. */
  failed: number;
  /** Why the whole step could not run (it was skipped or broke); absent when it ran. */
  problem?: string;
}

/**
 * Refreshes everything in the workbook, in order, and says what happened per step.
 *
 * @example
 * const report = await refreshEverything({ run, coordinator, sources: { fetch, credentials } });
 * report.map((s) => `${s.step}: ${s.count}`) // ['pivots: 2', 'sources: 1', …]
 */
export async function refreshEverything(deps: RefreshEverythingDeps): Promise<StepReport[]> {
  const report: StepReport[] = [];
  const step = async (name: RefreshStep, work: () => Promise<Omit<StepReport, 'step'>>) => {
    try {
      report.push({ step: name, ...(await work()) });
    } catch (error) {
      report.push({ step: name, count: 0, failed: 0, problem: error instanceof Error ? error.message : String(error) });
    }
  };
  const { run } = deps;

  await step('pivots', async () => ({ count: await refreshAllPivots(run), failed: 0 }));

  await step('sources', () => withDocument(run, async (doc) => {
    if (!deps.sources) return skipped(doc, 'No connection to the web here.');
    // Loaded on use: the connectors (parsers for CSV, Parquet, Arrow…) stay out of the pane's first bundle.
    const [{ refreshSource }, { isWebSource }] = await Promise.all([import('../refresh/sources'), import('../connectors/pull-source')]);
    const sourceDeps: SourceDeps = { run, ...deps.sources };
    let current = doc;
    let count = 0;
    let failed = 0;
    // Sources kept out of the sheet have nothing to land: the queries on them pull them below.
    for (const def of doc.sources.filter((s) => isWebSource(s.kind) && s.options?.keepOutOfSheet !== true)) {
      const r = await refreshSource(sourceDeps, current, def.id);
      current = r.document;
      count += 1;
      if (r.outcome.status !== 'landed' && r.outcome.status !== 'notModified') failed += 1;
    }
    return { doc: current, count, failed };
  }));

  await step('extensions', async () => {
    if (!deps.coordinator) return { count: 0, failed: 0, problem: 'No refresh coordinator here.' };
    const result = await deps.coordinator.refreshAll();
    const outcomes = [...result.outcomes.values()];
    return { count: outcomes.length, failed: outcomes.filter((o) => o.status !== 'written').length };
  });

  // Queries (and dashboards) on a source kept out of the sheet pull it from the web themselves.
  const { webPullSource } = await import('../refresh/queries');
  const pull = deps.sources ? webPullSource(deps.sources, async () => (await loadWorkbookDocument(run)).document) : undefined;
  const queryDeps = { run, pull, ...deps.queries };

  await step('queries', () => withDocument(run, async (doc) => {
    const { refreshAllQueries } = await import('../refresh/queries');
    const r = await refreshAllQueries(queryDeps, doc);
    const outcomes = [...r.outcomes.values()];
    return { doc: r.document, count: outcomes.length, failed: outcomes.filter((o) => o.status !== 'written').length };
  }));

  await step('dashboards', () => withDocument(run, async (doc) => {
    // Nothing to do, nothing loaded: the dashboard code stays out of a workbook without any.
    if (doc.dashboards.length === 0) return { doc, count: 0, failed: 0 };
    const { refreshAllDashboards } = await import('../refresh/dashboards');
    const r = await refreshAllDashboards(queryDeps, doc);
    return { doc: r.document, count: r.outcomes.size, failed: [...r.outcomes.values()].filter((o) => o.status !== 'written').length };
  }));

  return report;
}

function skipped(doc: PivotDeckDocument, problem: string) {
  return { doc, count: 0, failed: 0, problem };
}

/**
 * Loads the document, runs `work` on it, saves what it returns (only when it changed). A
 * read-only document (from a newer PivotDeck) is left alone: its step is skipped with the reason.
 */
async function withDocument(
  run: ExcelRun,
  work: (doc: PivotDeckDocument) => Promise<{ doc: PivotDeckDocument; count: number; failed: number; problem?: string }>,
): Promise<Omit<StepReport, 'step'>> {
  const opened: OpenResult = await loadWorkbookDocument(run);
  if (opened.readOnly) return { count: 0, failed: 0, problem: opened.message };
  const { doc, ...rest } = await work(opened.document);
  if (doc !== opened.document) await saveWorkbookDocument(run, opened, doc);
  return rest;
}
