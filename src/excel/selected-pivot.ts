import type { ExcelRun, XRange } from './api';

/** A PivotTable as Excel identifies it: names are unique per worksheet, not per workbook. */
export interface PivotRef {
  sheet: string;
  name: string;
}

/**
 * Sheet and name of the PivotTable that contains the active cell, or undefined when the active cell is
 * outside every pivot.
 *
 * Two syncs: the active cell's position and the pivots' names and sheets, then every pivot's
 * range at once; containment is decided here by row/column indexes rather than by one
 * intersection request per pivot. (`Range.getPivotTables` would do it in one call but needs
 * ExcelApi 1.12, above our 1.8 floor.)
 *
 * @example
 * const ref = await getSelectedPivot(host.run); // { sheet: 'Sheet4', name: 'PivotTable1' } when a cell inside it is active
 */
export async function getSelectedPivot(run: ExcelRun): Promise<PivotRef | undefined> {
  return run(async (context) => {
    const cell = context.workbook.getActiveCell().load('rowIndex, columnIndex, worksheet/name');
    const pivots = context.workbook.pivotTables.load('items/name, items/worksheet/name');
    await context.sync();

    const sheet = cell.worksheet.name;
    const candidates: Array<{ name: string; range: XRange }> = pivots.items
      .filter((pivot) => pivot.worksheet.name === sheet)
      .map((pivot) => ({ name: pivot.name, range: pivot.layout.getRange().load('rowIndex, columnIndex, rowCount, columnCount') }));
    if (candidates.length === 0) return undefined;
    await context.sync();

    const hit = candidates.find(({ range }) =>
      cell.rowIndex >= range.rowIndex && cell.rowIndex < range.rowIndex + range.rowCount &&
      cell.columnIndex >= range.columnIndex && cell.columnIndex < range.columnIndex + range.columnCount);
    return hit ? { sheet, name: hit.name } : undefined;
  });
}

