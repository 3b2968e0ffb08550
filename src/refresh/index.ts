export { extendPivot, checkedSummary, type ExtendDeps, type ExtendOutcome, type ExtendProgress, type ExtendRequest } from './extend-pivot';
export { refreshExtension, refreshAllExtensions, removeExtension, type RefreshOptions, type RefreshResult } from './refresh-extension';
export { ExtensionCoordinator } from './extension-coordinator';
export { DocumentService, memoryDocumentStorage, workbookDocumentStorage, lockKey, type DocumentChange, type DocumentStorage } from './document';
export { computeInThread, type ComputeOptions, type ExtensionComputer } from './extension-computer';
export { workerComputerOf, answerRequest, type Computer, type RunOptions, type WorkerFailure, type WorkerJob, type WorkerLike, type WorkerReply } from './worker-computer';
export { workerComputer, type ExtensionWorkerLike } from './extension-worker-computer';
export { encodePlanRequest } from './extension-worker-protocol';
export { answerPlanRequest, replyError, type PlanReply, type PlanRequest } from './extension-worker-protocol';
