/**
 * The Excel side of dashboards (the only part that touches Excel): read a dashboard's state,
 * execute a write plan in two syncs, add its sheet, remove its output (its cells are watched
 * through src/excel/watch-workbook.ts, one handler per event for the whole pane).
 */
export { readDashboardState, type DashboardState, type DashboardStateRequest } from './read-dashboard-state';
export { writeDashboardPlan, type DashboardWrite, type WriteDashboardOptions } from './write-dashboard-plan';
export { addDashboardSheet, removeDashboardOutput } from './dashboard-sheet';
export { readSourceSamples, type SampledSource, type SourceSample } from './read-source-samples';
export { firstForeignCell } from './foreign-cells';
export { DashboardWriteError } from './dashboard-write-error';
export { defaultRestoreSupport, MAX_FORMAT_BACKUP_CELLS, type RestoreSupport } from './format-backup';
