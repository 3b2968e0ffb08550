/**
 * Pure pivot-extension logic: map a PivotTable's rendered rows to groups, apply its filters to
 * its source, compute extra measures per group, and reconcile with the numbers Excel shows.
 */
export * from './types';
export { itemKey, itemCaption, BLANK_ITEM } from './item-key';
export { buildGroupTree, findNode, type GroupNode, type GroupTree } from './group-tree';
export { filterSource, type FilterResult } from './filter-source';
export { parseRowLabels } from './parse-row-labels';
export { reconcile, sameValue, type Reconciliation, type Mismatch } from './reconcile';
export { detectUnsupported, READABLE_SOURCES } from './detect-unsupported';
export { valuesShownOnRows } from './values-on-rows';
export { planExtension, describeSkipped, type ExtensionPlan, type ExtensionColumn, type PlanInput, type PlanStage, type SkippedCells } from './plan-extension';
export { measureFormat, SHOW_AS_KINDS, EXCEL_FUNCTION, type ExtensionMeasure, type MeasureKind } from './measures';
export type { ColumnLookup, NodeValues } from './compute-measures';
export { engineTable, computeGroups, type GroupSpec, type HelperNames } from './engine-groups';
