import type { ExcelRun, XEventHandlerResult, XRequestContext } from './api';

/** Something happened that may have changed a pivot, a source or a dashboard's cells. */
export type WorkbookEvent =
  | { kind: 'activated'; worksheetId: string }
  | {
    kind: 'changed'; worksheetId: string;
    /** Sheet-local address that changed ("C2", "A1:B3"). */
    address: string;
    /**
     * This add-in's own API write (triggerSource 'ThisLocalAddin', ExcelApi 1.14). Older hosts do
     * not say, and then PivotDeck's own writes read as anyone's.
     */
    ownWrite: boolean;
  };

/**
 * Which Excel event to hear: a worksheet activated (`worksheets.onActivated`, ExcelApi 1.7),
 * cells changed on any worksheet (`worksheets.onChanged`, ExcelApi 1.9), or on one worksheet by
 * name (`worksheet.onChanged`, ExcelApi 1.7, so a 1.8 host still hears its dashboards' cells).
 */
export type WorkbookEventSource = { kind: 'activated' } | { kind: 'changed' } | { kind: 'sheetChanged'; sheet: string };

/**
 * Registers one Excel handler for `source` that calls `onEvent`; resolves once Excel has it, with
 * `stop`, which removes it. One handler per call: src/refresh/services/workbook-events.ts calls
 * this once per event whatever the number of listeners, and fans out. Excel raises no event when
 * a PivotTable's layout changes, so a tab switch is when PivotDeck notices a pivot edited on its
 * own sheet.
 *
 * @example const stop = await addWorkbookHandler(host.run, { kind: 'activated' }, (e) => recheck(e));
 * @example const stop = await addWorkbookHandler(host.run, { kind: 'sheetChanged', sheet: 'Dashboard' }, (e) => console.log(e));
 */
export async function addWorkbookHandler(run: ExcelRun, source: WorkbookEventSource, onEvent: (event: WorkbookEvent) => void): Promise<() => Promise<void>> {
  let registration: { result: XEventHandlerResult; context: XRequestContext } | undefined;
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const changed = source.kind === 'changed' ? sheets.onChanged : source.kind === 'sheetChanged' ? sheets.getItem(source.sheet).onChanged : undefined;
    const result = changed
      ? changed.add(async (args) => {
        onEvent({ kind: 'changed', worksheetId: args.worksheetId, address: args.address, ownWrite: args.triggerSource === 'ThisLocalAddin' });
      })
      : sheets.onActivated.add(async (args) => { onEvent({ kind: 'activated', worksheetId: args.worksheetId }); });
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
