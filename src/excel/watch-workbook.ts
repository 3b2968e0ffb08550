import type { ExcelRun, XEventHandlerResult, XRequestContext } from './api';

/** Something happened that may have changed a pivot or its source. */
export type WorkbookEvent = { kind: 'activated'; worksheetId: string } | { kind: 'changed'; worksheetId: string; address: string };

/**
 * Calls `onEvent` when a worksheet is activated (ExcelApi 1.7) or cells of any worksheet change
 * (ExcelApi 1.9), leaving out this add-in's own writes (triggerSource 'ThisLocalAddin', ExcelApi
 * 1.14; older hosts do not say, and then our own writes come through too). Returns `stop`.
 * Excel raises no event when a PivotTable's layout changes, so a tab switch is when PivotDeck
 * notices a pivot edited on its own sheet.
 *
 * @example const stop = await watchWorkbook(host.run, (e) => console.log(e.kind));
 * @example const stop = await watchWorkbook(host.run, () => recheck(), { changes: false }); // activations only
 */
export async function watchWorkbook(
  run: ExcelRun,
  onEvent: (event: WorkbookEvent) => void,
  options: { changes?: boolean } = {},
): Promise<() => Promise<void>> {
  let registration: { results: XEventHandlerResult[]; context: XRequestContext } | undefined;
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const results = [sheets.onActivated.add(async (args) => { onEvent({ kind: 'activated', worksheetId: args.worksheetId }); })];
    // `changes: false`: activations only (a caller that watches chosen sheets' cells itself).
    if (options.changes !== false) {
      results.push(sheets.onChanged.add(async (args) => {
        if (args.triggerSource === 'ThisLocalAddin') return;
        onEvent({ kind: 'changed', worksheetId: args.worksheetId, address: args.address });
      }));
    }
    await context.sync();
    registration = { results, context };
  });
  return async () => {
    if (!registration) return;
    const { results, context } = registration;
    registration = undefined;
    // Office.js removes handlers at the next sync of the context that added them.
    for (const r of results) r.remove();
    await context.sync();
  };
}
