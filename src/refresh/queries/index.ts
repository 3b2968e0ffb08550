/**
 * Saved queries: insert, edit, refresh (one or all, each source read once), rename, duplicate,
 * delete. Functions take and return the workbook document; QueryCoordinator runs them for the
 * pane and the ribbon and records the results through the document service.
 */
export {
  deleteQuery, duplicateQuery, insertQuery, newQueryId, queryOutputLayout, refreshAllQueries, refreshQuery, renameQuery, updateQuery,
  type QueryChange, type QueryDocResult, type QueryOutcome,
} from './query-ops';
export { computeQueryInThread, type QueryComputeInput, type QueryComputeOptions, type QueryComputer } from './query-computer';
export { computeQuery, type QueryStage } from './compute-query';
export { answerDrillRequest, answerQueryRequest, QueryComputeError, type DrillReply, type DrillRequest, type QueryFailureCode, type QueryReply, type QueryRequest } from './query-worker-protocol';
export { queryWorkerComputer, type QueryWorkerLike, type QueryWorkerOptions } from './query-worker-computer';
export { runQuery, type QueryDeps, type QueryPhase, type QueryProgress, type QueryRun, type RunQueryOptions } from './run-query';
export { savedQueries, type SavedQuery } from './saved-queries';
export { readSourceData, sourceLabel, sourcesOf, type PullSource, type ReadSourceOptions, type SourceData } from './source-data';
export { keptOutOfSheet, pulledToSourceData, SHEET_ROW_LIMIT, tooBigToLand, webPullSource, type WebPullContext } from './web-source-data';
export { refreshKeptSource, type KeptSourceOptions, type KeptSourceOutcome } from './kept-source';
export { QueryCoordinator, type NewQuery, type QueryRunOptions } from './query-coordinator';
export { PreviewReads } from './preview-reads';
export { warehouseQueryRunner, warehouseSummary, type WarehouseQueryDeps, type WarehouseQueryRunner, type WarehouseRunDetails } from './warehouse-query';
export { describeFields, type FieldInfo, type FieldType } from './field-info';
export { loadBuilderLists, readTableFields, readWebSourceFields, webFieldList, type BuilderLists, type ResolvedSource } from './source-fields';
