import type { ExcelRun } from './api';
import { explainExcelError } from './errors';

/**
 * Shows a worksheet (the pane's "Go to sheet"). One sync; a missing sheet gets a clear message.
 *
 * @example await activateSheet(host.run, 'Sales overview');
 */
export async function activateSheet(run: ExcelRun, sheet: string): Promise<void> {
  try {
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });
  } catch (error) {
    throw new Error(explainExcelError(error, `go to the sheet "${sheet}"`));
  }
}
