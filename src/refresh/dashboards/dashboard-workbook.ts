/**
 * What the Dashboards section of the pane reads from, or does in, the workbook, as use-cases the
 * pane calls with its host's `run`: the tables a dashboard can be built on, a table's first rows
 * (to tell its fields' types), and showing a dashboard's sheet. The pane sees src/excel as types
 * only; this is its way in.
 */
import { activateSheet } from '../../excel/activate-sheet';
import type { ExcelRun } from '../../excel/api';
import { listTables } from '../../excel/list-tables';
import { readTablePreview } from '../../excel/read-table-preview';
import type { TableInfo, TablePreview } from '../../excel/workbook-info';

/** Rows read to tell a table's field types for the tile editor. */
export const FIELD_SAMPLE_ROWS = 20;

/**
 * The workbook's tables a dashboard can be built on (sheet, size, columns), in two syncs.
 * @example (await dashboardTables(host.run))[0] // { name: 'Sales', sheet: 'Data', rowCount: 20000, ... }
 */
export function dashboardTables(run: ExcelRun): Promise<TableInfo[]> {
  return listTables(run);
}

/**
 * A table's header and first rows with their number formats (one sync), from which the pane
 * tells each field's type. Rejects with a message naming the table when it is gone.
 * @example const sample = await tableFieldSample(host.run, 'Sales'); sample.headers // ['Date', 'Region', ...]
 */
export async function tableFieldSample(run: ExcelRun, table: string, rows = FIELD_SAMPLE_ROWS): Promise<TablePreview> {
  try {
    return await readTablePreview(run, table, rows);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`PivotDeck could not read the columns of the table "${table}" (${why}). Check that the table is still in the workbook, then choose it again.`);
  }
}

/**
 * Shows a dashboard's sheet ("Go to sheet"); a missing sheet gets a message saying so.
 * @example await showDashboardSheet(host.run, 'Sales overview');
 */
export function showDashboardSheet(run: ExcelRun, sheet: string): Promise<void> {
  return activateSheet(run, sheet);
}
