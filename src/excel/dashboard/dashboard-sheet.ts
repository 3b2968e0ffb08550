import type { ExcelRun } from '../api';
import { freshSheetName } from '../../dashboards/names';

/**
 * Adds a sheet for a new dashboard under a name no sheet has ("Sales overview (2)" if taken),
 * and shows it. Two syncs.
 *
 * @example const { sheet } = await addDashboardSheet(host.run, 'Sales overview');
 */
export async function addDashboardSheet(run: ExcelRun, wanted: string): Promise<{ sheet: string; syncs: number }> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const name = freshSheetName(sheets.items.map((s) => s.name), wanted);
    const sheet = context.workbook.worksheets.add(name);
    sheet.activate();
    await context.sync();
    return { sheet: name, syncs: 2 };
  });
}

/**
 * Removes what a dashboard wrote: its tracked blocks (values, formats, merges, rules), names and
 * charts; with `deleteSheet`, the whole sheet when it holds nothing else.
 *
 * @example await removeDashboardOutput(host.run, 'Dashboard', 'PivotDeck_dash_d1_');
 */
export async function removeDashboardOutput(run: ExcelRun, sheetName: string, prefix: string, options: { deleteSheet?: boolean } = {}): Promise<void> {
  await run(async (context) => {
    const wb = context.workbook;
    const names = wb.names.load('items/name, items/value');
    const sheet = wb.worksheets.getItemOrNullObject(sheetName).load('name');
    await context.sync();
    const owned = names.items.filter((n) => n.name.startsWith(prefix));
    if (sheet.isNullObject) {
      for (const n of owned) n.delete();
      await context.sync();
      return;
    }
    const charts = sheet.charts.load('items/name');
    await context.sync();
    for (const c of charts.items) if (c.name.startsWith(prefix)) c.delete();
    for (const n of owned) {
      const range = n.getRangeOrNullObject();
      range.unmerge();
      range.conditionalFormats.clearAll();
      range.dataValidation.clear();
      range.clear('All');
      n.delete();
    }
    await context.sync();
    if (options.deleteSheet) {
      const used = sheet.getUsedRangeOrNullObject(true).load('address');
      const left = sheet.charts.load('items/name');
      await context.sync();
      if (used.isNullObject && left.items.length === 0) {
        sheet.delete();
        await context.sync();
      }
    }
  });
}
