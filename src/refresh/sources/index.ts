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
export type { ColumnRemovalCheck, ConfirmColumnRemoval, PivotUse } from '../../excel/land';
