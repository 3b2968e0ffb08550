/**
 * Show rows (issue 17 part 1): the rows behind any number PivotDeck computed, as a filter spec
 * every executor runs, with the header in words and Excel's own function to recompute the number.
 */
export { drillWords, filterWords, itemWords, WORDS_SEPARATOR } from './describe-drill';
export { drillGridCell, gridCellAtOffset, type GridCellAt } from './drill-cell';
export { DrillError, type Drill, type DrillItem, type ExcelRecompute, type RowsSpec } from './drill-spec';
export { DISTINCT_COUNT_NOTE, excelRecompute } from './excel-recompute';
export { itemFilter } from './item-filter';
export { DEFAULT_ROW_LIMIT, selectRows, type DrilledRows } from './select-rows';
export { drillPivotCell, pivotRows, type PivotDrill } from './pivot-cell';
export { parseColumnLabels } from './pivot-columns';
export { drillExtensionCell, type ExtensionDrill } from './extension-cell';
