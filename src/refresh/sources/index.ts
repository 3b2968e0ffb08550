/**
 * Web sources in the workbook: refresh (conditional pull → all-or-nothing landing), status for
 * the pane (fresh / stale with reason / needs credential), remove.
 */
export { refreshSource, defaultLanding, type SourceDeps, type SourceOutcome, type SourceProgress, type SourceRefreshOptions, type SourceRefreshResult } from './refresh-source';
export { removeSource } from './remove-source';
export { SourceCoordinator, type AnySourceOutcome, type SourceRunOptions } from './source-coordinator';
export { sourceStatus, landingOf, lastPullOf, hostOf, type SourceStatus, type LandingOptions, type LastPull } from './source-state';
// What the pane needs about sources from elsewhere, so it imports source use-cases from one place.
export { keptOutOfSheet, tooBigToLand } from '../queries/web-source-data';
export { isWebSource } from '../../connectors/pull-source';
export type { ColumnType, PullOk } from '../../connectors/types';
// The "Data from the web" form's draft and its translation to a source definition.
export {
  addressProblem, AUTH_LABELS, draftOrigin, draftToSource, emptyDraft, KIND_LABELS, labelFromUrl, moveUrlSecrets, newSourceId, PAGING_LABELS,
  sourceToDraft, type AuthKind, type DraftSecrets, type PagingKind, type SourceDraft, type WebKind,
} from './source-draft';
export type { ColumnRemovalCheck, ConfirmColumnRemoval, PivotUse } from '../../excel/land';
