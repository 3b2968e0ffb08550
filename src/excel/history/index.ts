/**
 * History tables in Excel: read one, append a snapshot to one (issue 17). The refresh layer
 * (src/refresh/history) decides what a snapshot is and what retention removes.
 */
export { HistoryError, historyTableName, type HistoryErrorCode } from './history-error';
export { readHistoryTable, type HistoryTableState, type ReadHistoryOptions } from './read-history-table';
export { appendHistory, HISTORY_TABLE_STYLE, snapshotBytes, type HistoryAppend, type HistoryAppendResult } from './append-history';
