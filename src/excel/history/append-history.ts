/**
 * Appending one snapshot to a history table, in place. Old rows are never rewritten: the new rows
 * are written below the table in chunks under Excel on the web's 5 MB request limit (one sync per
 * chunk), then the table takes them in with Table.resize (ExcelApi 1.13: no cell moves, the table
 * keeps its name, style and everything built on it). Retention deletes the oldest rows with the
 * table's own row delete (Range.delete up inside the table's columns, as deleting table rows in
 * Excel does), never by deleting and re-creating the table.
 *
 * All or nothing for the snapshot: until the resize, the rows are outside the table; if Excel fails
 * before it, they are cleared again, and a table created for this snapshot is removed with its sheet.
 */
import type { CellValue, ExcelRun, XRange, XRequestContext, XWorksheet } from '../api';
import { planChunks } from '../land/plan-chunks';
import { defaultResizeMode } from '../land/rewrite-table';
import { PAYLOAD_BUDGET_BYTES, estimateJsonBytes } from '../payload';
import { areaAddress, MAX_SHEET_ROWS, uniqueSheetName } from '../query-output/block-address';
import { textFormatAreas } from '../text-cells';
import { HistoryError } from './history-error';

/** The table style of history tables: light, so it reads as data rather than a report. */
export const HISTORY_TABLE_STYLE = 'TableStyleLight9';

export interface HistoryAppend {
  tableName: string;
  /** Sheet to create when the table does not exist yet (made valid and unique). */
  newSheet: string;
  /** The snapshot's columns, unique ignoring case; matched to the table's columns by name. */
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Per header column: Excel number format ('@' keeps a column as text whatever it holds). */
  numberFormats?: readonly string[];
  /** Oldest body rows to delete after appending (retention), as counted when the table was read. */
  deleteOldest: number;
  /**
   * Body rows the table had when it was read (0 when it did not exist); if it differs now the
   * append is refused, since `deleteOldest` was counted on other rows.
   */
  expectedBodyRows: number;
  /** The table's only body row is blank (all its rows were deleted): write over it. */
  overwriteBlankRow?: boolean;
  /** Request budget per sync; default PAYLOAD_BUDGET_BYTES. Lowered by tests. */
  budgetBytes?: number;
}

export interface HistoryAppendResult {
  sheet: string;
  created: boolean;
  appended: number;
  deleted: number;
  /** The table's address after the append. */
  address: string;
  syncs: number;
  requestBytes: number;
  /** Set when the snapshot went in but retention could not delete the oldest rows (they go next time). */
  retentionProblem?: string;
}

/** Bytes one queued operation costs besides its data (object path, verb, JSON punctuation). */
const OP_BYTES = 300;

interface Op { bytes: number; apply: () => void }

/**
 * @example
 * await appendHistory(host.run, { tableName: 'PivotDeck_History_q_1', newSheet: 'History · Revenue',
 *   header: ['Refreshed at (UTC)', 'Parameters', 'Region', 'Revenue'], rows, deleteOldest: 0, expectedBodyRows: 0 });
 */
export async function appendHistory(run: ExcelRun, append: HistoryAppend): Promise<HistoryAppendResult> {
  const budget = append.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => { syncs++; await context.sync(); };
    const table = context.workbook.tables.getItemOrNullObject(append.tableName).load('name, showTotals, worksheet/name');
    const sheets = context.workbook.worksheets.load('items/name');
    await sync();
    if (table.isNullObject) return create(context, append, sheets.items.map((s) => s.name), budget, sync, () => syncs);

    if (defaultResizeMode() !== 'resize') {
      throw new HistoryError('unsupported', 'Adding to a history needs Excel for Microsoft 365, Excel 2021 or Excel on the web (this Excel cannot grow a table in place). The history is as it was.');
    }
    const range = table.getRange().load('rowIndex, columnIndex, rowCount, columnCount');
    const headerRange = table.getHeaderRowRange().load('values');
    await sync();
    const sheetName = table.worksheet.name;
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const top = range.rowIndex;
    const left = range.columnIndex;
    const bodyRows = range.rowCount - 1 - (table.showTotals ? 1 : 0);
    if (table.showTotals) {
      // Rows added under a total row would sit below the totals; PivotDeck does not move it.
      throw new HistoryError('changed', 'The history table shows a Total Row, so PivotDeck cannot add below its last row. Turn the Total Row off (Table Design → Total Row) and refresh again. Nothing was added.');
    }
    if (bodyRows !== append.expectedBodyRows) {
      throw new HistoryError('changed', 'The history table changed while PivotDeck was adding to it (another refresh, or an edit). Nothing was added; refresh again.');
    }
    // Snapshot columns go to the table's column of the same name; new ones are added at the right.
    const existing = (headerRange.values[0] ?? []).map((v) => String(v));
    const lower = existing.map((h) => h.toLowerCase());
    const added = append.header.filter((h) => !lower.includes(h.toLowerCase()));
    const width = existing.length + added.length;
    const place = [...lower, ...added.map((h) => h.toLowerCase())];
    const positions = append.header.map((h) => place.indexOf(h.toLowerCase()));
    const rows: CellValue[][] = append.rows.map((r) => {
      const out = new Array<CellValue>(width).fill('');
      positions.forEach((p, i) => { out[p] = r[i] ?? ''; });
      return out;
    });
    const formats = new Array<string>(width).fill('General');
    positions.forEach((p, i) => { formats[p] = append.numberFormats?.[i] ?? 'General'; });
    const start = append.overwriteBlankRow ? 0 : bodyRows; // body row the snapshot starts at
    const firstRow = top + 1 + start;
    if (firstRow + rows.length > MAX_SHEET_ROWS) {
      throw new HistoryError('changed', 'The history table has reached the bottom of its sheet. Nothing was added.');
    }

    // Anything below the table (where the rows go) or right of it (new columns) must be empty.
    const below = sheet.getRangeByIndexes(firstRow, left, rows.length, width).getUsedRangeOrNullObject(true).load('address');
    const right = added.length > 0
      ? sheet.getRangeByIndexes(top, left + existing.length, 1 + start + rows.length, added.length).getUsedRangeOrNullObject(true).load('address')
      : undefined;
    await sync();
    const foreign = [below, right].find((r): r is XRange => r !== undefined && !r.isNullObject);
    if (foreign) {
      throw new HistoryError('foreign-content', `PivotDeck did not add to the history: ${foreign.address} holds cells PivotDeck did not write. Move them away from the history table and refresh again.`);
    }

    const ops: Op[] = [];
    for (const name of added) ops.push({ bytes: OP_BYTES, apply: () => void table.columns.add(null, undefined, name) });
    ops.push(...rowOps(sheet, rows, formats, firstRow, left, budget));
    let requestBytes = 0;
    try {
      requestBytes = await flush(ops, budget, sync);
      // The table takes the rows in: one resize, no cell moves.
      table.resize(sheet.getRangeByIndexes(top, left, 1 + start + rows.length, width));
      await sync();
    } catch (error) {
      // A failed batch may have run in part (Excel does not roll a batch back): the table goes
      // back to its old extent and columns, and the rows below it are cleared.
      await cleanUp(run, append.tableName, { sheet: sheetName, top, left, rows: range.rowCount, columns: existing.length }, added, rows.length);
      throw failed(error);
    }
    let deleted = 0;
    let retentionProblem: string | undefined;
    if (append.deleteOldest > 0) {
      try {
        // The table's own row delete: the body's first rows, across its columns only.
        sheet.getRangeByIndexes(top + 1, left, append.deleteOldest, width).delete('Up');
        await sync();
        deleted = append.deleteOldest;
      } catch (error) {
        retentionProblem = `The oldest snapshots could not be removed this time (${error instanceof Error ? error.message : String(error)}); the next refresh tries again.`;
      }
    }
    const bodyAfter = start + rows.length - deleted;
    return {
      sheet: sheetName, created: false, appended: rows.length, deleted,
      address: areaAddress({ sheet: sheetName, row: top, column: left, rows: 1 + bodyAfter, columns: width }),
      syncs, requestBytes, ...(retentionProblem ? { retentionProblem } : {}),
    };
  });
}

/** A new sheet with the table at A1: header and rows in chunks, the table made in the last sync. */
async function create(
  context: XRequestContext, append: HistoryAppend, taken: string[], budget: number, sync: () => Promise<void>, syncs: () => number,
): Promise<HistoryAppendResult> {
  const sheetName = uniqueSheetName(append.newSheet, taken);
  const sheet = context.workbook.worksheets.add(sheetName);
  const width = append.header.length;
  const formats = append.header.map((_, i) => append.numberFormats?.[i] ?? 'General');
  const header = sheet.getRangeByIndexes(0, 0, 1, width);
  header.numberFormat = [append.header.map(() => '@')]; // headers stay text ("2024" too)
  header.values = [[...append.header]];
  const ops = rowOps(sheet, append.rows, formats, 1, 0, budget);
  let requestBytes = 0;
  try {
    requestBytes = await flush(ops, budget, sync);
    const table = context.workbook.tables.add(sheet.getRangeByIndexes(0, 0, 1 + append.rows.length, width), true);
    table.name = append.tableName;
    table.style = HISTORY_TABLE_STYLE;
    sheet.getRangeByIndexes(0, 0, 1, width).format.autofitColumns();
    await sync();
  } catch (error) {
    // The sheet is PivotDeck's own and new: take it away again, so nothing half-made stays.
    try {
      context.workbook.worksheets.getItem(sheetName).delete();
      await context.sync();
    } catch { /* the sheet may never have been made */ }
    throw failed(error);
  }
  return {
    sheet: sheetName, created: true, appended: append.rows.length, deleted: 0,
    address: areaAddress({ sheet: sheetName, row: 0, column: 0, rows: 1 + append.rows.length, columns: width }),
    syncs: syncs(), requestBytes,
  };
}

/** Formats before values (text cells must be "@" when their strings arrive), one op per chunk. */
function rowOps(sheet: XWorksheet, rows: ReadonlyArray<ReadonlyArray<CellValue>>, formats: readonly string[], firstRow: number, left: number, budget: number): Op[] {
  const ops: Op[] = [];
  const width = formats.length;
  for (const chunk of planChunks(rows, Math.max(1, budget - OP_BYTES * (width + 4)))) {
    const part = rows.slice(chunk.start, chunk.start + chunk.rows).map((r) => [...r]);
    const at = firstRow + chunk.start;
    const areas = textFormatAreas(part);
    ops.push({
      bytes: chunk.bytes + OP_BYTES * (width + 1 + areas.length),
      apply: () => {
        formats.forEach((f, c) => {
          if (f !== 'General') sheet.getRangeByIndexes(at, left + c, chunk.rows, 1).numberFormat = [[f]];
        });
        for (const a of areas) sheet.getRangeByIndexes(at + a.row, left + a.column, a.rows, a.columns).numberFormat = [['@']];
        sheet.getRangeByIndexes(at, left, chunk.rows, width).values = part;
      },
    });
  }
  return ops;
}

/** Applies the ops, one sync per ~4.9 MB; the last batch stays queued for the caller's final sync. */
async function flush(ops: Op[], budget: number, sync: () => Promise<void>): Promise<number> {
  let pending = 0;
  let total = 0;
  for (const op of ops) {
    if (pending > 0 && pending + op.bytes > budget) {
      await sync();
      pending = 0;
    }
    op.apply();
    pending += op.bytes;
    total += op.bytes;
  }
  return total;
}

/** The table's extent before the append. */
interface OldExtent { sheet: string; top: number; left: number; rows: number; columns: number }

async function cleanUp(run: ExcelRun, tableName: string, old: OldExtent, added: readonly string[], appended: number): Promise<void> {
  try {
    await run(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      const range = table.getRange().load('rowCount, columnCount');
      await context.sync();
      const sheet = context.workbook.worksheets.getItem(old.sheet);
      if (range.rowCount !== old.rows) table.resize(sheet.getRangeByIndexes(old.top, old.left, old.rows, range.columnCount));
      for (const name of added) table.columns.getItemOrNullObject(name).delete();
      sheet.getRangeByIndexes(old.top + old.rows, old.left, appended, old.columns + added.length).clear('All');
      await context.sync();
    });
  } catch { /* Excel is failing: the message says the history may need a look */ }
}

function failed(error: unknown): HistoryError {
  if (error instanceof HistoryError) return error;
  const why = error instanceof Error ? error.message : String(error);
  return new HistoryError('write-failed', `Excel could not add this refresh to the history (${why}). The history is as it was.`);
}

/** The estimated request bytes of a snapshot's values (for the guard's message and tests). */
export function snapshotBytes(rows: ReadonlyArray<ReadonlyArray<CellValue>>): number {
  return estimateJsonBytes(rows);
}
