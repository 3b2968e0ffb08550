import type { WorkbookLists } from '../../refresh/workbook';

/**
 * True when the lists loaded and the workbook has neither tables nor PivotTables: the moment to
 * offer the sample (issue 20, part 3). A list that failed to load says nothing, so nothing is offered.
 * @example isBlankWorkbook({ tables: { ok: true, data: [] }, pivots: { ok: true, data: [] } }) // true
 */
export function isBlankWorkbook(lists: WorkbookLists | undefined): boolean {
  return !!lists && lists.tables.ok && lists.pivots.ok && lists.tables.data.length === 0 && lists.pivots.data.length === 0;
}
