/**
 * The first rows of a workbook table for the pane's preview, as a result rather than a throw so
 * the pane shows the Excel error in words next to the table it was reading.
 */
import { explainExcelError } from '../../excel/errors';
import type { ExcelRun } from '../../excel/api';
import { readTablePreview } from '../../excel/read-table-preview';
import type { TablePreview } from '../../excel/workbook-info';

export type PreviewRead = { ok: true; preview: TablePreview } | { ok: false; message: string };

/**
 * Reads the header and the first `rows` rows of table `table`.
 *
 * @example const read = await readPreview(host.run, 'Sales', 50);
 * if (!read.ok) show(read.message); // "Could not read table "Sales": …"
 */
export async function readPreview(run: ExcelRun, table: string, rows: number): Promise<PreviewRead> {
  try {
    return { ok: true, preview: await readTablePreview(run, table, rows) };
  } catch (error) {
    return { ok: false, message: explainExcelError(error, `read table "${table}"`) };
  }
}
