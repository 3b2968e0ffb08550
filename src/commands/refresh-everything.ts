/**
 * The ribbon's "Refresh all", step by step, in the order data flows: PivotTables, web sources
 * (their landed tables feed everything after), PivotDeck extensions (they reconcile against
 * their pivots), saved queries, dashboards. Every step goes through the workbook runtime's
 * coordinators, so each object is refreshed by one caller at a time and recorded through the
 * document service: a query the pane inserts while this runs is kept. A failing step is recorded
 * and the later steps still run, as a failing source or query already keeps its previous output
 * (DESIGN.md, Refresh).
 */
import { refreshAllPivots } from '../excel/refresh-pivots';
import type { Services } from '../refresh/services';

export type RefreshStep = 'pivots' | 'sources' | 'extensions' | 'queries' | 'dashboards';

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
 * const report = await refreshEverything(createServices(host));
 * report.map((s) => `${s.step}: ${s.count}`) // ['pivots: 2', 'sources: 1', …]
 */
export async function refreshEverything(services: Services): Promise<StepReport[]> {
  const report: StepReport[] = [];
  const step = async (name: RefreshStep, work: () => Promise<Omit<StepReport, 'step'>>) => {
    try {
      report.push({ step: name, ...(await work()) });
    } catch (error) {
      report.push({ step: name, count: 0, failed: 0, problem: error instanceof Error ? error.message : String(error) });
    }
  };

  await step('pivots', async () => ({ count: await refreshAllPivots(services.run), failed: 0 }));

  // A read-only document (newer PivotDeck, damaged) is left alone: its steps say why.
  const readOnly = async (): Promise<string | undefined> => {
    const opened = await services.documents.open();
    return opened.readOnly ? opened.message : undefined;
  };

  await step('sources', async () => {
    const problem = await readOnly();
    if (problem) return { count: 0, failed: 0, problem };
    if (!services.http) return { count: 0, failed: 0, problem: 'No connection to the web here.' };
    return services.sources.refreshAll();
  });

  await step('extensions', async () => {
    const problem = await readOnly();
    if (problem) return { count: 0, failed: 0, problem };
    const result = await services.extensions.refreshAll();
    const outcomes = [...result.outcomes.values()];
    return { count: outcomes.length, failed: outcomes.filter((o) => o.status !== 'written').length };
  });

  await step('queries', async () => {
    const problem = await readOnly();
    if (problem) return { count: 0, failed: 0, problem };
    const r = await services.queries.refreshAll();
    const outcomes = [...r.outcomes.values()];
    return { count: outcomes.length, failed: outcomes.filter((o) => o.status !== 'written').length };
  });

  await step('dashboards', async () => {
    const problem = await readOnly();
    if (problem) return { count: 0, failed: 0, problem };
    const r = await services.dashboards.refreshAll();
    return { count: r.size, failed: [...r.values()].filter((o) => o.status !== 'written').length };
  });

  return report;
}
