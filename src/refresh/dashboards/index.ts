/**
 * Dashboards, the orchestration: build one from tiles (on a fresh sheet, never over user cells),
 * refresh one or all (each source read once, each distinct query computed once, written in two
 * batched syncs; a tile whose source fails keeps its values and is marked stale), react to
 * parameter cells, refresh on open and every N minutes, coalescing concurrent requests.
 * Functions take and return the workbook document; DashboardCoordinator records them through the
 * document service.
 */
export * from './types';
export {
  createDashboard, deleteDashboard, listDashboards, refreshDashboard, updateDashboard,
  type DashboardChange, type DashboardSummary, type NewDashboard,
} from './dashboard-ops';
export { DashboardCoordinator, type DashboardCoordinatorOptions } from './dashboard-coordinator';
export { dashboardSourceKeys, refreshTimeText, runDashboard, type RunDashboardOptions } from './run-dashboard';
export { computeDashboardQueries, type QueryOutcomeByKey } from './compute-queries';
export { checkFreshness, currentStamps, type FreshnessReport } from './freshness';
export { FreshnessWatch, type FreshnessWatchOptions } from './freshness-watch';
export { compareStamps, outOfDateWords, stampOf, type Freshness } from './source-stamps';
export { dashboardTables, FIELD_SAMPLE_ROWS, showDashboardSheet, tableFieldSample } from './dashboard-workbook';
