/**
 * Landing a pulled table into a named Excel table, and refreshing it in place so that, from the
 * user's point of view, the refresh is all-or-nothing and nothing built on the table breaks.
 *
 * How (and why this way):
 *
 * 1. Everything that can fail without Excel fails first: the pull, typing the cells
 *    (`landingBlock`: too many rows, too many columns), the table name, cancel. Excel has not
 *    been touched, so the old table is trivially intact.
 * 2. Read-only syncs find the old table (through the tracking name `PivotDeck_<id>`, a defined
 *    name `=Table[#All]` that follows the table when the user renames or resizes it), its header
 *    and the user's calculated columns, check that the cells the table grows into are empty
 *    (never overwrite the user's cells) and that the name is free. Still nothing written.
 *    When the new data lacks columns of the old table, removal-check.ts reads what uses them
 *    (formulas, PivotTables on the table); if anything does, the pane is asked (no: nothing is
 *    written) and the ribbon, with nobody to ask, does not refresh the table.
 * 3. Back-up: the old table's cells (values + number formats) are read into memory before the
 *    first write, in chunks under the 5 MB response limit.
 * 4. Write IN PLACE (rewrite-table.ts): the table object stays, with its name, style, position,
 *    and the user's calculated columns; columns keep their place; rows change by Table.resize
 *    (ExcelApi 1.13) or, on older hosts, by inserting/deleting table rows. Cells go in chunks
 *    under the 5 MB request limit, one sync each; cancel is honoured between chunks. A first
 *    landing (no table yet) adds the table.
 * 5. Any failure or cancel once writing began: a fresh batch puts the old table back in place
 *    (columns, rows, cells), then the error is reported with "the previous table was put back".
 *
 * Why never delete and re-add the table: Excel turns every formula, PivotTable source and chart
 * series that refers to a deleted table into #REF! for good; a user who built a PivotTable and a
 * `=SUM(Orders[Amount])` on the landed table would lose them on the first refresh.
 * Why back-up/restore rather than a hidden staging sheet and a swap: a staged copy could only
 * reach the target by sending every byte through the 5 MB requests a second time, and swapping
 * sheets would break every reference too. Back-up costs one chunked read of the old table per
 * changed refresh (a 304 refresh costs nothing at all) and restores exactly.
 */
import type { CellValue, ExcelRun, XNamedItem, XRange, XRequestContext, XWorkbook } from '../api';
import { quoteSheet } from '../../engine/address';
import { PAYLOAD_BUDGET_BYTES, estimateJsonBytes } from '../payload';
import { columnName } from '../pivot/read-pivot';
import { readRangeValues } from '../read-range-values';
import { LandingError, isLandingError } from './land-error';
import type { LandingBlock } from './landing-block';
import { checkColumnRemoval, columnsInUse, declinedMessage, removalBreaksSomething, type ConfirmColumnRemoval } from './removal-check';
import { planChunks } from './plan-chunks';
import { defaultResizeMode, restoreTableInPlace, rewriteTableInPlace, type ExistingTable, type ResizeMode } from './rewrite-table';
import { planTableLayout, type TableLayout, type UserColumn } from './table-layout';
import { checkTableName, landingName } from './table-name';

export interface LandTarget {
  /** The source's id; the tracking name is `PivotDeck_<id>`. */
  sourceId: string;
  /** The Excel table's name for a first landing; a refresh keeps the table's current name. */
  tableName: string;
  /** Sheet for a first landing (created when missing, table at A1); a refresh keeps the place. */
  sheet: string;
}

export interface LandProgress {
  phase: 'backup' | 'write' | 'restore';
  rows: number;
  totalRows: number;
  /** Request bytes of values sent so far (write), or response bytes read (backup). */
  bytes: number;
  totalBytes: number;
}

export interface LandOptions {
  signal?: AbortSignal;
  onProgress?: (progress: LandProgress) => void;
  /** Request bytes one write sync may carry. Default PAYLOAD_BUDGET_BYTES (under 5 MB). */
  budgetBytes?: number;
  /** How a refreshed table changes its row count; default: Table.resize where the host has ExcelApi 1.13. */
  resizeMode?: ResizeMode;
  /**
   * Asked before a refresh deletes table columns the new data no longer has (their references
   * become #REF! for good), with the user's formulas and PivotTables found using them (every
   * sheet's used range is read, up to 1,000,000 cells; `complete` is false beyond). Asked only when
   * something was found or the read was incomplete; columns nothing uses are deleted unasked.
   * Return false to cancel: nothing is changed. Without it (the ribbon, refresh on open) such a
   * refresh is not done: a LandingError 'columnsInUse' says to refresh from the pane.
   */
  confirmColumnRemoval?: ConfirmColumnRemoval;
}

export interface LandResult {
  tableName: string;
  trackingName: string;
  sheet: string;
  /** Sheet-qualified address of the whole table, header included. */
  address: string;
  rows: number;
  columns: number;
  /** Syncs of this landing: inspection, back-up and write. */
  syncs: number;
  /** Request bytes of the written cells (values and formats as estimated JSON). */
  bytes: number;
  chunks: number;
  /** Columns added or missing compared with the table this landing replaced. */
  schemaChange?: { added: string[]; missing: string[] };
}

interface Area { row: number; column: number; rows: number; columns: number }

interface OldLanding {
  sheet: string;
  area: Area;
  /** The Excel table at the tracked area, when the user has not deleted or converted it. */
  table?: { name: string; style: string; showTotals: boolean };
  header: string[];
  /** Columns the user added inside the table with a formula (kept on refresh). */
  userColumns: UserColumn[];
  /** The tracking name is an A1 address (older versions): it becomes `=Table[#All]`. */
  legacyName: boolean;
}

interface Plan {
  /** Round trips the inspection took (the second is skipped when there is nothing to ask). */
  syncs: number;
  trackingName: string;
  tableName: string;
  sheet: string;
  sheetExists: boolean;
  area: Area;
  old?: OldLanding;
  /** The tracking name exists but no longer points at cells (deleted by hand). */
  danglingName: boolean;
  /** Where columns go when the old table is rewritten in place. */
  layout?: TableLayout;
}

interface Backup { values: CellValue[][]; formats: string[][] }

const DEFAULT_STYLE = 'TableStyleMedium2';

/**
 * Lands `block` as an Excel table, or replaces the table landed earlier for the same source.
 * Every failure (cancel, foreign content, Excel errors) leaves the previous table as it was.
 *
 * @example
 *   const block = landingBlock(pull.table, pull.columns);
 *   const result = await landTable(host.run, block, { sourceId: 'cars', tableName: 'Cars', sheet: 'Cars' }, {
 *     signal, onProgress: (p) => setProgress(p.rows / p.totalRows),
 *   });
 */
export async function landTable(run: ExcelRun, block: LandingBlock, target: LandTarget, options: LandOptions = {}): Promise<LandResult> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal);
  const wantedName = checkTableName(target.tableName);
  let syncs = 0;
  const plan = await run(async (ctx) => {
    const inspected = await inspect(ctx, block, target, wantedName);
    syncs += inspected.syncs;
    return inspected;
  });
  throwIfCancelled(signal);

  const columns = block.header.length;
  const totalRows = block.rows.length;
  const headerBytes = estimateJsonBytes([block.header]) + estimateJsonBytes([block.header.map(() => '@')]) + estimateJsonBytes([block.formats]);
  const budget = Math.max(1, (options.budgetBytes ?? PAYLOAD_BUDGET_BYTES) - headerBytes);
  const chunks = planChunks(block.rows, budget);
  const totalBytes = headerBytes + chunks.reduce((sum, c) => sum + c.bytes, 0);

  if (plan.layout?.removed.length && plan.old?.table) {
    const { old, layout } = plan;
    const place = { name: old.table!.name, sheet: old.sheet, ...old.area, header: old.header };
    const looked = await checkColumnRemoval(run, place, layout.removed, old.userColumns.map((u) => u.index));
    syncs += looked.syncs;
    throwIfCancelled(signal);
    // Nothing uses the columns: they go without a question. Something does: the pane asks; with
    // nobody to ask (the ribbon, refresh on open) the refresh is not done.
    if (removalBreaksSomething(looked.check)) {
      if (!options.confirmColumnRemoval) throw columnsInUse(looked.check);
      if (!(await options.confirmColumnRemoval(looked.check))) throw new LandingError('cancelled', declinedMessage(looked.check));
    }
  }
  throwIfCancelled(signal);

  let backup: Backup | undefined;
  if (plan.old) {
    const { old } = plan;
    try {
      const read = await readRangeValues(run, old.sheet, rangeText(old.area), {
        numberFormat: true,
        signal,
        onProgress: (p) => onProgress?.({ phase: 'backup', rows: p.rowsRead, totalRows: p.totalRows, bytes: p.bytes, totalBytes: 0 }),
      });
      syncs += read.syncs;
      backup = { values: read.values, formats: read.numberFormat ?? [] };
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      throw error;
    }
  }
  throwIfCancelled(signal);

  let writing = false;
  let rowsSent = 0;
  let bytesSent = headerBytes;
  const mode = options.resizeMode ?? defaultResizeMode();
  const inPlace = plan.old?.table && plan.layout ? existingOf(plan.old, plan.old.table.name) : undefined;
  try {
    await run(async (ctx) => {
      const wb = ctx.workbook;
      if (inPlace && plan.layout) {
        syncs += await rewriteTableInPlace(ctx, inPlace, plan.layout, block, chunks, mode, {
          beforeChunk: () => throwIfCancelled(signal),
          afterChunk: (rows, bytes) => {
            rowsSent += rows;
            bytesSent += bytes;
            onProgress?.({ phase: 'write', rows: rowsSent, totalRows, bytes: bytesSent, totalBytes });
          },
          writing: () => { writing = true; },
        }, () => {
          // An address-style name from an older version points at the table itself from now on
          // (moved, never deleted: the name is the user's to use too).
          if (plan.old?.legacyName || plan.danglingName) wb.names.getItem(plan.trackingName).formula = trackingReference(inPlace.name);
        });
        return;
      }
      const sheet = plan.sheetExists ? wb.worksheets.getItem(plan.sheet) : wb.worksheets.add(plan.sheet);
      if (plan.old) {
        // PivotDeck's old cells without a table (the user converted it to a range): nothing can
        // refer to a table here, so the block is cleared and a table added over the new one.
        wb.worksheets.getItem(plan.old.sheet).getRangeByIndexes(plan.old.area.row, plan.old.area.column, plan.old.area.rows, plan.old.area.columns).clear('All');
      }
      if (plan.old || plan.danglingName) wb.names.getItem(plan.trackingName).delete();
      const { row, column } = plan.area;
      const bodyRows = Math.max(1, totalRows); // an Excel table always has a body row
      const headerRange = sheet.getRangeByIndexes(row, column, 1, columns);
      headerRange.numberFormat = [block.header.map(() => '@')]; // headers stay text ("2024" too)
      headerRange.values = [block.header];
      block.formats.forEach((format, c) => {
        // Formats before values: text columns must be "@" when their strings arrive.
        sheet.getRangeByIndexes(row + 1, column + c, bodyRows, 1).numberFormat = [[format]];
      });
      for (let i = 0; i < chunks.length; i++) {
        const chunk = chunks[i]!;
        if (i > 0) throwIfCancelled(signal);
        sheet.getRangeByIndexes(row + 1 + chunk.start, column, chunk.rows, columns).values = block.rows.slice(chunk.start, chunk.start + chunk.rows);
        if (i < chunks.length - 1) {
          writing = true;
          await ctx.sync();
          syncs++;
          rowsSent += chunk.rows;
          bytesSent += chunk.bytes;
          onProgress?.({ phase: 'write', rows: rowsSent, totalRows, bytes: bytesSent, totalBytes });
        }
      }
      const table = wb.tables.add(sheet.getRangeByIndexes(row, column, 1 + bodyRows, columns), true);
      table.name = plan.tableName;
      table.style = DEFAULT_STYLE;
      wb.names.add(plan.trackingName, trackingReference(plan.tableName), trackingComment(target.sourceId));
      // A first landing shows the user the new table; a refresh leaves their view alone.
      if (!plan.old) sheet.activate();
      writing = true;
      await ctx.sync();
      syncs++;
    });
  } catch (error) {
    if (!writing) throw error;
    onProgress?.({ phase: 'restore', rows: 0, totalRows, bytes: 0, totalBytes: 0 });
    try {
      const restored = inPlace && backup ? await run((ctx) => restoreTableInPlace(ctx, inPlace, backup, mode)) : undefined;
      syncs += restored ?? (await restore(run, plan, backup));
    } catch (restoreError) {
      throw new LandingError('restoreFailed',
        `Excel failed while loading the new data (${describe(error)}) and again while putting the previous table back (${describe(restoreError)}). Refresh the source once Excel responds; the tracking name ${plan.trackingName} shows where the table belongs.`,
        { cause: restoreError });
    }
    const after = plan.old ? 'The previous table was put back as it was.' : 'The partly written cells were removed.';
    if (isLandingError(error) && error.kind === 'cancelled') throw new LandingError('cancelled', `Loading was cancelled. ${after}`);
    throw new LandingError('writeFailed', `Excel failed while loading the new data: ${describe(error)} ${after} Try Refresh again.`, { cause: error });
  }
  onProgress?.({ phase: 'write', rows: totalRows, totalRows, bytes: totalBytes, totalBytes });

  const { area } = plan;
  const finalArea = { ...area, rows: 1 + Math.max(1, totalRows), columns: plan.layout?.finalWidth ?? area.columns };
  return {
    tableName: plan.tableName,
    trackingName: plan.trackingName,
    sheet: plan.sheet,
    address: `${quoteSheet(plan.sheet)}!${rangeText(finalArea)}`,
    rows: totalRows,
    columns: finalArea.columns,
    syncs,
    bytes: totalBytes,
    chunks: chunks.length,
    schemaChange: plan.old ? headerChange(plan.old.header.filter((_, i) => !plan.old!.userColumns.some((u) => u.index === i)), block.header) : undefined,
  };
}

/**
 * Two read-only syncs (a third when the table grows wider than both its old and its new width,
 * i.e. columns are added while others go, or the user added columns of their own; another for a
 * table an older PivotDeck tracked by address that the user has since resized): where the old
 * landing is, its header and the user's calculated columns, whether the cells it grows into are
 * free, the name.
 */
async function inspect(ctx: XRequestContext, block: LandingBlock, target: LandTarget, wantedName: string): Promise<Plan> {
  const wb = ctx.workbook;
  const trackingName = landingName(target.sourceId);
  const { tracked, range: trackedRange } = trackedLanding(wb, trackingName);
  const tables = wb.tables.load('items/name, items/style, items/showTotals');
  const targetSheet = wb.worksheets.getItemOrNullObject(target.sheet).load('name');
  await ctx.sync();
  let syncs = 1;

  const trackedArea: (Area & { sheet: string }) | undefined = trackedRange.isNullObject ? undefined : {
    sheet: trackedRange.worksheet.name, row: trackedRange.rowIndex, column: trackedRange.columnIndex, rows: trackedRange.rowCount, columns: trackedRange.columnCount,
  };
  const tableRanges = tables.items.map((t) => ({ name: t.name, style: t.style, showTotals: t.showTotals, range: t.getRange().load('rowIndex, columnIndex, rowCount, columnCount, worksheet/name') }));
  const look = (a: Area & { sheet: string }) => ({
    header: wb.worksheets.getItem(a.sheet).getRangeByIndexes(a.row, a.column, 1, a.columns).load('values'),
    body: wb.worksheets.getItem(a.sheet).getRangeByIndexes(a.row + 1, a.column, 1, a.columns).load('formulas, numberFormat'),
  });
  let seen = trackedArea && trackedArea.rows > 1 ? look(trackedArea) : trackedArea ? { header: look(trackedArea).header, body: undefined } : undefined;
  const sheet0 = trackedArea?.sheet ?? (targetSheet.isNullObject ? target.sheet : targetSheet.name);
  const sheetExists = trackedArea !== undefined || !targetSheet.isNullObject;
  const firstArea: Area = { row: 0, column: 0, rows: 1 + Math.max(1, block.rows.length), columns: block.header.length };
  const firstStrips = !trackedArea && sheetExists ? [firstArea].map((a) => used(wb, sheet0, a)) : [];
  // A refresh usually keeps its columns: check the cells it grows into now (rows below, and
  // columns right up to the new width), so only an unusual layout needs one more look.
  const guess = trackedArea && { ...trackedArea, rows: 1 + Math.max(1, block.rows.length), columns: Math.max(trackedArea.columns, block.header.length) };
  const early = guess && trackedArea ? outside(guess, trackedArea).map((a) => used(wb, trackedArea.sheet, a)) : [];
  if (tableRanges.length > 0 || seen || firstStrips.length > 0) {
    await ctx.sync();
    syncs++;
  }

  // The table the tracking name covers: the same cells, or (a name from an older version, the
  // table since grown by the user) the table whose top-left cell it is.
  const at = (r: XRange, a: Area & { sheet: string }) => r.worksheet.name === a.sheet && r.rowIndex === a.row && r.columnIndex === a.column;
  const oldTable = trackedArea
    ? tableRanges.find((t) => at(t.range, trackedArea) && t.range.rowCount === trackedArea.rows && t.range.columnCount === trackedArea.columns)
      ?? tableRanges.find((t) => at(t.range, trackedArea))
    : undefined;
  let oldArea = trackedArea;
  if (trackedArea && oldTable && (oldTable.range.rowCount !== trackedArea.rows || oldTable.range.columnCount !== trackedArea.columns)) {
    oldArea = { ...trackedArea, rows: oldTable.range.rowCount, columns: oldTable.range.columnCount };
    seen = look(oldArea);
    await ctx.sync();
    syncs++;
  }
  // The whole table, totals row included (its cells are the table's, not foreign content).
  const wholeOld = oldArea;
  if (oldArea && oldTable?.showTotals) oldArea = { ...oldArea, rows: oldArea.rows - 1 };
  const tableName = oldTable?.name ?? wantedName;
  const clash = tableRanges.find((t) => t.name.toLowerCase() === tableName.toLowerCase() && t !== oldTable);
  if (clash) {
    throw new LandingError('tableNameTaken', `The workbook already has a table named "${clash.name}" on "${clash.range.worksheet.name}" that PivotDeck did not load for this source. Nothing was changed. Choose another table name.`);
  }
  const header = ((seen?.header.values[0] ?? []) as CellValue[]).map(String);
  const userColumns: UserColumn[] = [];
  if (oldTable && seen?.body) {
    const formulas = seen.body.formulas[0] as unknown[];
    const formats = seen.body.numberFormat[0] as unknown[];
    formulas.forEach((f, i) => {
      // A formula, not text that looks like one: PivotDeck's text cells are formatted "@".
      if (typeof f === 'string' && f.startsWith('=') && formats[i] !== '@') userColumns.push({ index: i, name: header[i]!, formula: f });
    });
  }
  const layout = oldTable ? planTableLayout(header, userColumns, block.header) : undefined;
  const area: Area = oldArea
    ? { row: oldArea.row, column: oldArea.column, rows: 1 + Math.max(1, block.rows.length), columns: layout?.finalWidth ?? block.header.length }
    : firstArea;
  // While writing, the table may be wider (columns are added before old ones are deleted).
  const reach: Area = { ...area, columns: layout?.writeWidth ?? area.columns };
  const sheet = oldArea?.sheet ?? sheet0;
  let busy = firstStrips.find((s) => !s.isNullObject);
  const checked = wholeOld === trackedArea && guess !== undefined && reach.rows === guess.rows && reach.columns === guess.columns;
  if (checked) busy = early.find((s) => !s.isNullObject);
  const strips = wholeOld && !checked ? outside(reach, wholeOld).map((a) => used(wb, sheet, a)) : [];
  if (strips.length > 0) {
    await ctx.sync();
    syncs++;
    busy = strips.find((s) => !s.isNullObject);
  }
  if (busy) {
    const where = busy.address.replace(/^.*!/, '');
    throw new LandingError('foreignContent', `The table needs ${rangeText(area)} on "${sheet}", but ${where} already holds other data. Nothing was changed. Move that data, or load the table onto an empty sheet.`);
  }
  return {
    syncs,
    trackingName,
    tableName,
    sheet,
    sheetExists,
    area,
    danglingName: !tracked.isNullObject && !trackedArea,
    layout,
    old: oldArea && {
      sheet: oldArea.sheet,
      area: { row: oldArea.row, column: oldArea.column, rows: oldArea.rows, columns: oldArea.columns },
      table: oldTable && { name: oldTable.name, style: oldTable.style, showTotals: oldTable.showTotals },
      header,
      userColumns,
      legacyName: !/\[#All\]$/i.test(String(tracked.formula)),
    },
  };
}

/** The used (non-empty) part of an area, loaded at the next sync. */
function used(wb: XWorkbook, sheet: string, a: Area): XRange {
  return wb.worksheets.getItem(sheet).getRangeByIndexes(a.row, a.column, a.rows, a.columns).getUsedRangeOrNullObject(true).load('address');
}

/** The old landing as the in-place rewrite needs it. */
function existingOf(old: OldLanding, table: string): ExistingTable {
  return { name: table, sheet: old.sheet, ...old.area, header: old.header, userColumns: old.userColumns, showTotals: old.table?.showTotals };
}

/** The tracking name's reference: the whole table, so it follows the table wherever it goes. */
function trackingReference(table: string): string {
  return `=${table}[#All]`;
}

function trackingComment(sourceId: string): string {
  return `PivotDeck landed table${sourceId ? ` of source "${sourceId}"` : ''}. PivotDeck rewrites it in place on refresh.`;
}

/** The parts of `area` outside `old` (same top-left when both exist): a right and a bottom strip. */
function outside(area: Area, old: Area | undefined): Area[] {
  if (!old) return [area];
  const parts: Area[] = [];
  if (area.columns > old.columns) parts.push({ row: area.row, column: area.column + old.columns, rows: area.rows, columns: area.columns - old.columns });
  if (area.rows > old.rows) parts.push({ row: area.row + old.rows, column: area.column, rows: area.rows - old.rows, columns: Math.min(area.columns, old.columns) });
  return parts;
}

/**
 * Puts the workbook back as it was before the write began, in a fresh batch (the failed one may
 * have left operations half done): removes the new table, its name and cells (or the sheet that
 * was created for it), then writes the back-up and re-creates the old table and tracking name.
 */
async function restore(run: ExcelRun, plan: Plan, backup: Backup | undefined): Promise<number> {
  return run(async (ctx) => {
    let syncs = 0;
    const wb = ctx.workbook;
    const table = wb.tables.getItemOrNullObject(plan.tableName).load('name');
    const name = wb.names.getItemOrNullObject(plan.trackingName).load('name');
    const sheet = wb.worksheets.getItemOrNullObject(plan.sheet).load('name');
    await ctx.sync();
    syncs++;
    if (!table.isNullObject) table.delete();
    if (!name.isNullObject) name.delete();
    if (!plan.sheetExists) {
      if (!sheet.isNullObject) sheet.delete();
    } else {
      const { row, column, rows, columns } = plan.area;
      wb.worksheets.getItem(plan.sheet).getRangeByIndexes(row, column, rows, columns).clear('All');
    }
    const old = plan.old;
    if (old && backup) {
      const target = wb.worksheets.getItem(old.sheet);
      for (const chunk of planChunks(backup.values, PAYLOAD_BUDGET_BYTES / 2)) {
        const part = target.getRangeByIndexes(old.area.row + chunk.start, old.area.column, chunk.rows, old.area.columns);
        part.numberFormat = backup.formats.slice(chunk.start, chunk.start + chunk.rows);
        part.values = backup.values.slice(chunk.start, chunk.start + chunk.rows);
        await ctx.sync();
        syncs++;
      }
      const whole = target.getRangeByIndexes(old.area.row, old.area.column, old.area.rows, old.area.columns);
      if (old.table) {
        const again = wb.tables.add(whole, true);
        again.name = old.table.name;
        again.style = old.table.style;
        wb.names.add(plan.trackingName, trackingReference(old.table.name), trackingComment(''));
      } else {
        wb.names.add(plan.trackingName, whole, trackingComment(''));
      }
    }
    await ctx.sync();
    syncs++;
    return syncs;
  });
}

/**
 * Removes what a source landed: the table (and its cells) and the tracking name. Returns false
 * when nothing was tracked (already removed, or the name was deleted by hand).
 *
 * @example await removeLandedTable(host.run, 'cars');
 */
export async function removeLandedTable(run: ExcelRun, sourceId: string): Promise<boolean> {
  return run(async (ctx) => {
    const wb: XWorkbook = ctx.workbook;
    const { tracked, range } = trackedLanding(wb, landingName(sourceId));
    const tables = wb.tables.load('items/name');
    await ctx.sync();
    if (tracked.isNullObject) return false;
    if (!range.isNullObject) {
      const ranges = tables.items.map((t) => ({ t, r: t.getRange().load('rowIndex, columnIndex, rowCount, columnCount, worksheet/name') }));
      await ctx.sync();
      const own = ranges.find(({ r }) => r.worksheet.name === range.worksheet.name && r.rowIndex === range.rowIndex && r.columnIndex === range.columnIndex && r.rowCount === range.rowCount && r.columnCount === range.columnCount);
      if (own) own.t.delete();
      range.clear('All');
    }
    tracked.delete();
    await ctx.sync();
    return true;
  });
}

/** The tracking name and the cells it covers, both loaded at the next sync (null objects when absent). */
function trackedLanding(wb: XWorkbook, name: string): { tracked: XNamedItem; range: XRange } {
  const tracked = wb.names.getItemOrNullObject(name);
  tracked.load('name, formula');
  return { tracked, range: tracked.getRangeOrNullObject().load('rowIndex, columnIndex, rowCount, columnCount, worksheet/name') };
}

function headerChange(before: string[], after: string[]): { added: string[]; missing: string[] } | undefined {
  const was = new Set(before.map((n) => n.toLowerCase()));
  const now = new Set(after.map((n) => n.toLowerCase()));
  const added = after.filter((n) => !was.has(n.toLowerCase()));
  const missing = before.filter((n) => !now.has(n.toLowerCase()));
  return added.length || missing.length ? { added, missing } : undefined;
}

function rangeText(a: Area): string {
  return `${columnName(a.column)}${a.row + 1}:${columnName(a.column + a.columns - 1)}${a.row + a.rows}`;
}

function cancelled(): LandingError {
  return new LandingError('cancelled', 'Loading was cancelled. The previous table is unchanged.');
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Is the table landed for `sourceId` still in the workbook (its tracking name points at cells)?
 * One read-only sync. A refresh asks before sending validators: a 304 must not leave a user who
 * deleted the table with nothing.
 *
 * @example if (!(await isLanded(host.run, 'cars'))) previous = undefined;
 */
export async function isLanded(run: ExcelRun, sourceId: string): Promise<boolean> {
  return run(async (ctx) => {
    const { range } = trackedLanding(ctx.workbook, landingName(sourceId));
    await ctx.sync();
    return !range.isNullObject;
  });
}
