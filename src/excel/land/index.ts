/**
 * Landing pulled web data into Excel tables: cells typed in memory first (`landingBlock`), then
 * written in chunks under the 5 MB request limit with progress and cancel (`landTable`), replacing
 * the previous landing all-or-nothing (see land-table.ts for how and why).
 */
export { landTable, removeLandedTable, isLanded, type LandTarget, type LandOptions, type LandProgress, type LandResult } from './land-table';
export { checkColumnRemoval, columnsInUseMessage, declinedMessage, removalBreaksSomething, whatBreaks, type ColumnRemovalCheck, type ConfirmColumnRemoval, type PivotUse } from './removal-check';
export { formulasUsingColumns, type ColumnUse, type FormulaCell, type TablePlace } from './column-uses';
export { defaultResizeMode, type ResizeMode } from './rewrite-table';
export { planTableLayout, type TableLayout, type UserColumn } from './table-layout';
export { landingBlock, EXCEL_MAX_ROWS, EXCEL_MAX_COLUMNS, LANDING_FORMATS, type LandingBlock } from './landing-block';
export { planChunks, type RowChunk } from './plan-chunks';
export { landingName, checkTableName } from './table-name';
export { LandingError, isLandingError, type LandingErrorKind } from './land-error';
