import type { ExcelRun } from '../api';
import { outputName } from './write-extension';

/** What an out-of-date block's header cells start with, on the sheet. */
export const OUT_OF_DATE_MARK = 'Out of date — ';

/**
 * Marks an extension's block as out of date on the sheet, or takes the mark off: each text cell
 * of its header row gets (or loses) the prefix "Out of date — ", written as text, so anyone
 * looking at the sheet sees the columns no longer match the pivot. Cells keep their position and
 * format (a user's conditional formatting stays). Two syncs to look, a third to write only when
 * something changes.
 * Returns false when the block is gone (its name deleted).
 *
 * @example await markExtensionBlock(host.run, 'ext1', true); // "Median of Revenue" → "Out of date — Median of Revenue"
 */
export async function markExtensionBlock(run: ExcelRun, extensionId: string, outOfDate: boolean): Promise<boolean> {
  return run(async (context) => {
    const name = context.workbook.names.getItemOrNullObject(outputName(extensionId));
    name.load('name');
    const block = name.getRangeOrNullObject().load('rowCount');
    await context.sync();
    if (name.isNullObject || block.isNullObject) return false;
    const header = block.getRow(0).load('values, numberFormat');
    await context.sync();
    const before = header.values[0] ?? [];
    const after = before.map((v) => (typeof v !== 'string' || v === '' ? v : outOfDate ? markHeader(v) : unmarkHeader(v)));
    if (after.every((v, i) => v === before[i])) return true;
    // "@" keeps the header as typed text, whatever it says.
    header.numberFormat = [after.map((v, i) => (v === before[i] ? (header.numberFormat as string[][])[0]?.[i] ?? 'General' : '@'))];
    header.values = [after];
    await context.sync();
    return true;
  });
}

/** "Median" → "Out of date — Median"; already marked text stays as it is. */
export function markHeader(text: string): string {
  return text.startsWith(OUT_OF_DATE_MARK) ? text : `${OUT_OF_DATE_MARK}${text}`;
}

/** Takes the mark off again. */
export function unmarkHeader(text: string): string {
  return text.startsWith(OUT_OF_DATE_MARK) ? text.slice(OUT_OF_DATE_MARK.length) : text;
}
