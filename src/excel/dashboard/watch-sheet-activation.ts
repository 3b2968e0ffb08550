import type { ExcelRun, XEventHandlerResult, XRequestContext } from '../api';

/**
 * Calls `onActivated` with the worksheet id after any worksheet is activated (the user clicks a
 * tab, or an add-in activates one; Office.js worksheets.onActivated, ExcelApi 1.7). Returns
 * `stop`, which unregisters.
 *
 * @example const stop = await watchSheetActivation(host.run, () => void recheck());
 */
export async function watchSheetActivation(run: ExcelRun, onActivated: (worksheetId: string) => void): Promise<() => Promise<void>> {
  let registration: { result: XEventHandlerResult; context: XRequestContext } | undefined;
  await run(async (context) => {
    const result = context.workbook.worksheets.onActivated.add(async (args) => {
      onActivated(args.worksheetId);
    });
    await context.sync();
    registration = { result, context };
  });
  return async () => {
    if (!registration) return;
    const { result, context } = registration;
    registration = undefined;
    // Office.js removes a handler at the next sync of the context that added it.
    result.remove();
    await context.sync();
  };
}
