/**
 * History across refreshes (issue 17): what a snapshot is, retention and the guard, and the hooks
 * the query and dashboard refreshes call. The Excel side is src/excel/history.
 */
export { recordHistory, historySheetName, type HistoryRecord, type RecordHistoryInput } from './record-history';
export { keepQueryHistory } from './query-history';
export { keepDashboardHistory, prepareDashboardHistory, type DashboardHistoryInput } from './dashboard-history';
export { planRetention, snapshotsOf, HISTORY_ROW_LIMIT, type RetentionPlan, type StoredSnapshot } from './retention';
export {
  dashboardSnapshot, parameterWords, querySnapshot, stampedHeader, stampedRows, DASHBOARD_COLUMNS, PARAMETERS_COLUMN, STAMP_COLUMN,
  type HistoryCell, type Snapshot,
} from './snapshot';
