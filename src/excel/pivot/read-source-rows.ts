import { ExtensionError } from '../../engine/pivot-extension';
import type { CellValue, ExcelRun, XRange, XRequestContext, XWorksheet } from '../api';
import { explainExcelError, isPayloadTooLarge } from '../errors';
import { PAYLOAD_LIMIT_BYTES, sampledJsonBytes } from '../payload';
import type { ReadProgress } from '../read-range-values';
import { sourceRanges } from './source-ranges';

/** Rows read together with the source's geometry in the first sync (no sync spent on a sample). */
export const FIRST_BLOCK_ROWS = 10_000;
/** Share of the 5 MB limit a planned sync may fill; the first block measured the row width. */
const BUDGET = Math.floor(PAYLOAD_LIMIT_BYTES * 0.92);
/** Excel fails reads above 5,000,000 cells per range and slows well before; stay far below. */
const MAX_CELLS_PER_RANGE = 1_000_000;

export interface SourceRows {
  sheet: string;
  headers: string[];
  /** The header row as Excel gave it (numbers stay numbers), for the source's stamp. */
  header: CellValue[];
  formats: string[];
  rows: CellValue[][];
  syncs: number;
  bytes: number;
}

/**
 * Reads a pivot's source (table name or "Sheet!A1:F100" range) in as few syncs as the 5 MB
 * limit allows: the first sync fetches the geometry, header, first-row number formats AND the
 * first FIRST_BLOCK_ROWS data rows (sized by `getResizedRange` from the first row, so the
 * column count need not be known); later syncs each carry as many ≤1M-cell blocks as fit 92%
 * of 5 MB at the widest row width seen. A sync Excel still refuses as too large is retried
 * with half the rows. Cancellable between syncs; progress after each.
 *
 * @example const src = await readSourceRows(host.run, 'LocalTable', 'Sales', { onProgress });
 */
export async function readSourceRows(
  run: ExcelRun,
  type: string,
  text: string,
  options: { onProgress?: (p: ReadProgress) => void; signal?: AbortSignal } = {},
): Promise<SourceRows> {
  return run(async (context) => {
    let syncs = 0;
    const locate = () => {
      const { body, header } = sourceRanges(context, type, text);
      body.load('rowIndex, columnIndex, rowCount, columnCount, worksheet/name');
      header.load('values');
      const formats = body.getRow(0).load('numberFormat');
      return { body, header, formats };
    };
    let where = locate();
    // Intersected with the body so a small source does not drag 10,000 empty rows along.
    let first: XRange | undefined = where.body.getIntersectionOrNullObject(where.body.getRow(0).getResizedRange(FIRST_BLOCK_ROWS - 1, 0)).load('values');
    try {
      syncs++;
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw new ExtensionError('unsupported', explainExcelError(error, `read the source "${text}"`));
      // Very wide rows: the first block alone was too big. Ask for the geometry only.
      first = undefined;
      where = locate();
      syncs++;
      await context.sync();
    }
    const { body, header, formats } = where;
    const total = body.rowCount;
    const columns = body.columnCount;
    const rows: CellValue[][] = new Array(total);
    let next = 0;
    let bytes = 0;
    let bytesPerRow = 0;
    const take = (offset: number, values: CellValue[][]) => {
      const count = Math.min(values.length, total - offset);
      const kept = count === values.length ? values : values.slice(0, count);
      const size = sampledJsonBytes(kept); // a walk of every cell cost ~1 s of pane thread at 1M rows
      bytes += size;
      bytesPerRow = Math.max(bytesPerRow, size / Math.max(1, count));
      for (let i = 0; i < count; i++) rows[offset + i] = kept[i];
      next = Math.max(next, offset + count);
    };
    if (first) take(0, first.values);
    else bytesPerRow = columns * 24;
    options.onProgress?.({ rowsRead: next, totalRows: total, syncs, bytes });

    const sheet: XWorksheet = context.workbook.worksheets.getItem(body.worksheet.name);
    let shrink = 1;
    while (next < total) {
      options.signal?.throwIfAborted();
      const rowsPerSync = Math.max(1, Math.floor(BUDGET / Math.max(1, bytesPerRow) / shrink));
      const rowsPerRange = Math.max(1, Math.min(rowsPerSync, Math.floor(MAX_CELLS_PER_RANGE / columns)));
      const blocks = planBlocks(context, sheet, body, next, Math.min(total - next, rowsPerSync), rowsPerRange);
      try {
        syncs++;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 5 MB of rows is the point of chunking
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || shrink >= 256) throw error;
        shrink *= 2;
        continue;
      }
      shrink = 1;
      for (const b of blocks) take(b.offset, b.range.values);
      options.onProgress?.({ rowsRead: next, totalRows: total, syncs, bytes });
    }
    return {
      sheet: body.worksheet.name,
      headers: (header.values[0] ?? []).map((h) => String(h)),
      header: header.values[0] ?? [],
      formats: ((formats.numberFormat as string[][])[0] ?? []).map((f) => String(f || 'General')),
      rows,
      syncs,
      bytes,
    };
  });
}

function planBlocks(context: XRequestContext, sheet: XWorksheet, body: XRange, from: number, count: number, perRange: number) {
  void context;
  const blocks: Array<{ offset: number; range: XRange }> = [];
  for (let offset = from; offset < from + count; offset += perRange) {
    const rows = Math.min(perRange, from + count - offset);
    blocks.push({ offset, range: sheet.getRangeByIndexes(body.rowIndex + offset, body.columnIndex, rows, body.columnCount).load('values') });
  }
  return blocks;
}
