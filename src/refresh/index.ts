export { extendPivot, checkedSummary, type ExtendDeps, type ExtendOutcome, type ExtendProgress, type ExtendRequest } from './extend-pivot';
export { refreshExtension, refreshAllExtensions, removeExtension, type RefreshOptions, type RefreshResult } from './refresh-extension';
export { RefreshCoordinator } from './refresh-coordinator';
export { DocumentHub, workbookDocumentStore, type DocumentStore } from './document-hub';
export { computeInThread, type ComputeOptions, type ExtensionComputer } from './extension-computer';
export { workerComputer, type WorkerLike } from './worker-computer';
export { answerPlanRequest, replyError, type PlanReply, type PlanRequest } from './extension-worker-protocol';
export { createRefreshCoordinator } from './create-coordinator';
