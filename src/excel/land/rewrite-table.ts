/**
 * Rewriting one of PivotDeck's Excel tables in place, and putting it back when that fails.
 * Used by landing (land-table.ts) and by query tables (query-output/write-query-output.ts).
 *
 * The table object is never deleted: people build PivotTables, `=SUM(Orders[Amount])`, VLOOKUPs,
 * charts and calculated columns on it, and Excel turns every one of those into #REF! for good
 * when a table is deleted. Instead:
 *
 * - columns still in the data keep their place and header; new ones are added at the right end
 *   (TableColumnCollection.add, ExcelApi 1.4); the user's calculated columns keep their formula,
 *   which fills every row; columns the data lost are deleted last, in their own sync, once
 *   everything else is written (see table-layout.ts for why columns are never re-labelled);
 * - rows: `Table.resize` (ExcelApi 1.13) where the host has it; otherwise, within the ExcelApi 1.8
 *   the manifest declares, rows are inserted into / deleted from the table with Range.insert /
 *   Range.delete (ExcelApi 1.1), which moves the cells below the table in its columns with it, as
 *   inserting or deleting table rows in Excel does. docs/what-refresh-changes.md says which;
 * - text columns get the text format "@" before their values, so data starting with =, +, -, @
 *   stays text (never a formula).
 */
import type { CellValue, XRequestContext, XTable, XWorksheet } from '../api';
import { PAYLOAD_BUDGET_BYTES } from '../payload';
import { planChunks, type RowChunk } from './plan-chunks';
import { dataRuns, runRows, type TableLayout, type UserColumn } from './table-layout';

/** How a table changes its number of rows. */
export type ResizeMode = 'resize' | 'rows';

/**
 * 'resize' (Table.resize, ExcelApi 1.13) where the running Office supports it, else 'rows'
 * (Range.insert / Range.delete inside the table, ExcelApi 1.1). Outside Office (tests, the
 * workbench) 'resize': the simulator answers for ExcelApi 1.13 itself.
 *
 * @example const mode = defaultResizeMode(); // 'resize' on Excel on the web today
 */
export function defaultResizeMode(): ResizeMode {
  type Requirements = { isSetSupported(set: string, version: string): boolean };
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  const requirements = office?.context?.requirements;
  return !requirements || requirements.isSetSupported('ExcelApi', '1.13') ? 'resize' : 'rows';
}

export interface ExistingTable {
  name: string;
  sheet: string;
  row: number;
  column: number;
  /** Header row included. */
  rows: number;
  columns: number;
  header: string[];
  userColumns: UserColumn[];
  /**
   * The user turned on the table's totals row (not counted in `rows`): it is turned off while the
   * rows change and on again after, so data never lands in it. Excel then shows its default
   * totals row again ("Total" and a SUBTOTAL of the last column).
   */
  showTotals?: boolean;
}

export interface RewriteData {
  header: string[];
  /** One number format per data column ('@' for text). */
  formats: string[];
  rows: CellValue[][];
}

export interface RewriteHooks {
  /** Before each chunk after the first: throw to stop (cancel). */
  beforeChunk?(): void;
  /** After each sync that wrote a chunk of rows. */
  afterChunk?(rows: number, bytes: number): void;
  /** Called once the first write is queued for a sync (the workbook may change from then on). */
  writing(): void;
}

/**
 * Body rows the rewritten table has: max(1, data rows) (an Excel table always has a body row).
 * @example bodyRowsOf({ header: ['a'], formats: ['General'], rows: [] }) // 1
 */
export function bodyRowsOf(data: RewriteData): number {
  return Math.max(1, data.rows.length);
}

/**
 * Queues and syncs the in-place rewrite. Returns the syncs it made. `chunks` split the rows
 * under the request budget (one sync each, the last one also carries the header, formats and
 * user formulas).
 *
 * @example
 *   const layout = planTableLayout(old.header, old.userColumns, data.header);
 *   await run((ctx) => rewriteTableInPlace(ctx, old, layout, data, planChunks(data.rows, budget), defaultResizeMode(), { writing: () => {} }));
 */
export async function rewriteTableInPlace(
  ctx: XRequestContext, old: ExistingTable, layout: TableLayout, data: RewriteData, chunks: RowChunk[], mode: ResizeMode, hooks: RewriteHooks,
  finish?: (table: XTable, sheet: XWorksheet) => void,
): Promise<number> {
  let syncs = 0;
  const wb = ctx.workbook;
  const sheet = wb.worksheets.getItem(old.sheet);
  const table = wb.tables.getItem(old.name);
  const { row, column } = old;
  const oldBody = old.rows - 1;
  const newBody = bodyRowsOf(data);
  const W = layout.writeWidth;
  if (old.showTotals) table.showTotals = false;
  for (const j of layout.added) table.columns.add(null, undefined, data.header[j]);
  if (mode === 'resize') {
    if (newBody !== oldBody) table.resize(sheet.getRangeByIndexes(row, column, 1 + newBody, W));
    if (newBody < oldBody) sheet.getRangeByIndexes(row + 1 + newBody, column, oldBody - newBody, W).clear('All');
  } else if (newBody > oldBody) {
    // Inserting at the last body row keeps the new rows inside the table, which grows.
    sheet.getRangeByIndexes(row + oldBody, column, newBody - oldBody, W).insert('Down');
  } else if (newBody < oldBody) {
    // With two rows or more left, the rows just above the last body row go, not the last rows:
    // the old last row becomes the new last one, so putting rows back (restoreTableInPlace, which
    // must insert at the last body row to stay inside the table) returns every surviving row, and
    // the A1 references to it, to its old place. Down to one row, the first row stays (references
    // to the top of a table are the common ones); a failure after that step then leaves A1
    // references to that row pointing at the restored table's last row (documented).
    const from = newBody >= 2 ? row + newBody : row + 2;
    sheet.getRangeByIndexes(from, column, oldBody - newBody, W).delete('Up');
  }
  const runs = dataRuns(layout.columns);
  for (const run of runs) {
    const header = sheet.getRangeByIndexes(row, column + run.start, 1, run.sources.length);
    header.numberFormat = [run.sources.map(() => '@')]; // headers stay text ("2024" too)
    header.values = [run.sources.map((s) => data.header[s]!)];
    run.sources.forEach((s, k) => {
      // Formats before values: text columns must be "@" when their strings arrive.
      sheet.getRangeByIndexes(row + 1, column + run.start + k, newBody, 1).numberFormat = [[data.formats[s]!]];
    });
    if (data.rows.length === 0) sheet.getRangeByIndexes(row + 1, column + run.start, 1, run.sources.length).values = [run.sources.map(() => '')];
  }
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (i > 0) hooks.beforeChunk?.();
    const part = data.rows.slice(chunk.start, chunk.start + chunk.rows);
    for (const run of runs) {
      sheet.getRangeByIndexes(row + 1 + chunk.start, column + run.start, chunk.rows, run.sources.length).values = runRows(part, run, data.header.length);
    }
    if (i < chunks.length - 1) {
      hooks.writing();
      await ctx.sync();
      syncs++;
      hooks.afterChunk?.(chunk.rows, chunk.bytes);
    }
  }
  layout.columns.forEach((c, p) => {
    // The user's calculated column: its formula fills every body row, new ones included.
    if (c.kind === 'user') sheet.getRangeByIndexes(row + 1, column + p, newBody, 1).formulas = [[c.column.formula]];
  });
  if (!layout.removed.length) {
    if (old.showTotals) table.showTotals = true;
    finish?.(table, sheet);
  }
  hooks.writing();
  await ctx.sync();
  syncs++;
  if (layout.removed.length) {
    for (const name of layout.removed) table.columns.getItem(name).delete();
    if (old.showTotals) table.showTotals = true;
    finish?.(table, sheet);
    await ctx.sync();
    syncs++;
  }
  return syncs;
}

export interface TableBackup {
  values: CellValue[][];
  formats: string[][];
}

/**
 * Puts the table back as `old` describes it, from `backup` (values and formats of the old table
 * area), in a fresh batch: columns PivotDeck added go, columns it deleted come back at their
 * place, the row count is restored, then the cells are written back (the user's calculated
 * columns get their formula again). Returns the syncs, or undefined when the table itself is gone
 * (the caller then rebuilds it).
 *
 * @example await run((ctx) => restoreTableInPlace(ctx, old, { values, formats }, 'resize'));
 */
export async function restoreTableInPlace(ctx: XRequestContext, old: ExistingTable, backup: TableBackup, mode: ResizeMode): Promise<number | undefined> {
  let syncs = 0;
  const wb = ctx.workbook;
  const probe = wb.tables.getItemOrNullObject(old.name).load('name');
  await ctx.sync();
  syncs++;
  if (probe.isNullObject) return undefined;
  const table = wb.tables.getItem(old.name);
  if (old.showTotals) table.showTotals = false;
  const columns = table.columns.load('items/name');
  const extent = table.getRange().load('rowCount, columnCount');
  await ctx.sync();
  syncs++;
  const sheet = wb.worksheets.getItem(old.sheet);
  const oldNames = old.header.map((h) => h.toLowerCase());
  const now = columns.items.map((c) => c.name);
  for (const name of now) if (!oldNames.includes(name.toLowerCase())) table.columns.getItem(name).delete();
  const present = new Set(now.map((n) => n.toLowerCase()));
  old.header.forEach((h, i) => { if (!present.has(h.toLowerCase())) table.columns.add(i, undefined, h); });
  const body = extent.rowCount - 1;
  const oldBody = old.rows - 1;
  const { row, column } = old;
  if (mode === 'resize') {
    if (body !== oldBody) table.resize(sheet.getRangeByIndexes(row, column, old.rows, old.columns));
    if (body > oldBody) sheet.getRangeByIndexes(row + old.rows, column, body - oldBody, Math.max(old.columns, extent.columnCount)).clear('All');
  } else if (body > oldBody) {
    // The rewrite inserted its rows at the old last body row (so they fell inside the table),
    // pushing that row down: delete exactly the inserted rows, so the old last row — and every
    // A1 reference to it — moves back to where it was.
    sheet.getRangeByIndexes(row + oldBody, column, body - oldBody, old.columns).delete('Up');
  } else if (body < oldBody) {
    // Inserting at the last body row keeps the rows inside the table and moves that row (the old
    // last row, see rewriteTableInPlace) back down to its place.
    sheet.getRangeByIndexes(row + body, column, oldBody - body, old.columns).insert('Down');
  }
  const user = new Map(old.userColumns.map((u) => [u.index, u]));
  const runs = dataRuns(old.header.map((_, i) => (user.has(i) ? { kind: 'user' as const, column: user.get(i)! } : { kind: 'data' as const, source: i })));
  for (const chunk of planChunks(backup.values, PAYLOAD_BUDGET_BYTES / 2)) {
    const values = backup.values.slice(chunk.start, chunk.start + chunk.rows);
    const formats = backup.formats.slice(chunk.start, chunk.start + chunk.rows);
    for (const run of runs) {
      const part = sheet.getRangeByIndexes(row + chunk.start, column + run.start, chunk.rows, run.sources.length);
      part.numberFormat = runRows(formats, run, old.columns);
      part.values = runRows(values, run, old.columns);
    }
    await ctx.sync();
    syncs++;
  }
  for (const u of old.userColumns) sheet.getRangeByIndexes(row + 1, column + u.index, oldBody, 1).formulas = [[u.formula]];
  if (old.showTotals) table.showTotals = true;
  await ctx.sync();
  syncs++;
  return syncs;
}
