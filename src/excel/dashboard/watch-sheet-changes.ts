import type { ExcelRun, XRequestContext, XEventHandlerResult } from '../api';

export interface SheetChange {
  /** Sheet-local address that changed ("C2", "A1:B3"). */
  address: string;
  /** True when this add-in's own API writes made the change (ExcelApi 1.14 triggerSource). */
  ownWrite: boolean;
}

/**
 * Calls `onChange` after cells of `sheet` change (user edits and API writes alike; `ownWrite`
 * tells PivotDeck's own apart where Excel says so). Returns `stop`, which unregisters.
 *
 * @example const stop = await watchSheetChanges(host.run, 'Dashboard', (c) => console.log(c.address));
 */
export async function watchSheetChanges(run: ExcelRun, sheet: string, onChange: (change: SheetChange) => void): Promise<() => Promise<void>> {
  let registration: { result: XEventHandlerResult; context: XRequestContext } | undefined;
  await run(async (context) => {
    const result = context.workbook.worksheets.getItem(sheet).onChanged.add(async (args) => {
      onChange({ address: args.address, ownWrite: args.triggerSource === 'ThisLocalAddin' });
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
