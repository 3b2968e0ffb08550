import type { SourceRef } from '../../engine/spec';
import type { ExcelRun } from '../../excel/api';

/**
 * The number format of each column of a workbook source, by header, read from its first data row
 * (one sync), so the rows sheet shows dates as dates rather than serial numbers. Undefined for a
 * source outside the workbook or when Excel cannot say (the rows are still written, in General).
 * @example (await sourceFormats(host.run, { kind: 'table', name: 'Sales' }))?.get('date') // 'yyyy-mm-dd'
 */
export async function sourceFormats(run: ExcelRun, ref: SourceRef): Promise<Map<string, string> | undefined> {
  if (ref.kind === 'source') return undefined;
  try {
    return await run(async (ctx) => {
      const whole = ref.kind === 'table'
        ? ctx.workbook.tables.getItem(ref.name).getRange()
        : ctx.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
      const top = whole.getRow(0).load('values');
      const first = whole.getRow(1).load('numberFormat');
      await ctx.sync();
      const out = new Map<string, string>();
      (top.values[0] ?? []).forEach((h, i) => out.set(String(h).toLowerCase(), String((first.numberFormat as string[][])[0]?.[i] ?? 'General')));
      return out;
    });
  } catch {
    return undefined;
  }
}
