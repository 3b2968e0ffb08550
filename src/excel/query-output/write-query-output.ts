import type { CellValue, ExcelRun, XRange, XRequestContext, XTable, XWorksheet } from '../api';
import { quoteSheet } from '../../engine/address';
import { planChunks } from '../land/plan-chunks';
import { checkColumnRemoval, columnsInUseMessage, declinedMessage, removalBreaksSomething, type ConfirmColumnRemoval } from '../land/removal-check';
import { defaultResizeMode, restoreTableInPlace, rewriteTableInPlace, type ExistingTable, type RewriteData } from '../land/rewrite-table';
import { planTableLayout, type UserColumn } from '../land/table-layout';
import { PAYLOAD_BUDGET_BYTES, estimateJsonBytes } from '../payload';
import { readRangeValues } from '../read-range-values';
import { textColumns, textFormatAreas } from '../text-cells';
import {
  MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, areaAddress, columnLetters, contains, holds, parseCell, uniqueSheetName, type SheetArea,
} from './block-address';
import { BAND_FILL, HEADER_FILL, TABLE_STYLE, type OutputBlock, type OutputLayout } from './output-block';
import { QueryOutputError, queryOutputName } from './query-output-error';

/** Where a query's output goes. */
export type OutputTarget =
  /** A new sheet; the name is made valid and unique ("Revenue (2)"). */
  | { kind: 'newSheet'; sheet: string }
  /** From a top-left cell of a sheet (created when missing), e.g. `{ sheet: 'Report', cell: 'B3' }`. */
  | { kind: 'at'; sheet: string; cell: string };

export interface WriteQueryOutputOptions {
  queryId: string;
  target: OutputTarget;
  /**
   * When PivotDeck's block for this query exists, write at its top-left (a refresh follows a
   * block the user moved) instead of the target. Default true; false when the user picked a
   * new place (the old block is then removed).
   */
  followExisting?: boolean;
  /** Show the sheet and select the block's first cell afterwards (after an insert). */
  activate?: boolean;
  /** Shown in Name Manager beside the tracking name. */
  comment?: string;
  /** How a refreshed table changes its row count; default: Table.resize where the host has ExcelApi 1.13. */
  resizeMode?: 'resize' | 'rows';
  /**
   * Asked before a refresh deletes columns of the query table that the new result no longer has,
   * with the user's formulas and PivotTables found using them (asked only when something was
   * found; columns nothing uses are deleted unasked); false changes nothing (QueryOutputError
   * 'declined'). Without it (the ribbon, refresh on open) such a refresh writes nothing: a
   * QueryOutputError 'columns-in-use' says to refresh the query from the pane.
   */
  confirmColumnRemoval?: ConfirmColumnRemoval;
}

export interface QueryOutputWrite {
  layout: OutputLayout;
  /** The block written, and its sheet-qualified address. */
  area: SheetArea;
  address: string;
  sheetCreated: boolean;
  /** Round trips to Excel, and the estimated bytes of what was written. */
  syncs: number;
  requestBytes: number;
}

const AREA_PROPS = 'rowIndex, columnIndex, rowCount, columnCount';
/** Bytes one queued operation costs besides its data (object path, verb, JSON punctuation). */
const OP_BYTES = 300;
/** Old grids up to this many cells are backed up within the check's round trip (well under 5 MB). */
const BACKUP_IN_CHECK_CELLS = 50_000;
/** Cells of possibly foreign content read per sync when the used range needs a closer look. */
const CHECK_CELLS_PER_SYNC = 50_000;

/**
 * Writes a query result (grid or flat table) into Excel and tracks it by the name
 * `PivotDeck_<queryId>` (a defined name over the grid, or the Excel table's own name), so a
 * refresh replaces exactly what PivotDeck wrote, in place, growing or shrinking with the result:
 * a grid's old cells are cleared (references into them keep working) and the new ones written,
 * its name moved (never deleted); a table is rewritten in place (rewrite-table.ts: the table
 * object, its name, style, the user's calculated columns and everything built on it stay; its old
 * cells are backed up first and put back if Excel fails halfway). Text that Excel would read as
 * a formula, number or date is written under the text format, so it shows exactly as received.
 *
 * Nothing is written when the result does not fit on the sheet from its top-left cell, or when a
 * cell of the target area that PivotDeck did not write holds something (a QueryOutputError says
 * which cells). Syncs: 1 look-up (old block, sheets) + 1 check of the target area (skipped on a
 * new sheet) + the writes, packed under the 5 MB request limit (1 sync up to ~4.9 MB). A table
 * the user moved costs one more check; foreign-looking cells one more read per 50,000 cells.
 *
 * @example
 * await writeQueryOutput(host.run, gridBlock(result.grid!), { queryId: 'q1', target: { kind: 'newSheet', sheet: 'Revenue' } });
 */
export async function writeQueryOutput(run: ExcelRun, block: OutputBlock, options: WriteQueryOutputOptions): Promise<QueryOutputWrite> {
  const name = queryOutputName(options.queryId);
  const follow = options.followExisting ?? true;
  const wanted = options.target.kind === 'at' ? parseCell(options.target.cell) : { row: 0, column: 0 };
  if (!wanted) throw new QueryOutputError('bad-target', `"${options.target.kind === 'at' ? options.target.cell : ''}" is not a cell address; use one like B3.`);
  assertFits(block, wanted);

  return run(async (context) => {
    let syncs = 0;
    const sync = async () => { syncs++; await context.sync(); };

    // 1. Look up what exists: the sheets, PivotDeck's previous grid (a name) or table.
    const sheets = context.workbook.worksheets.load('items/name');
    const oldName = context.workbook.names.getItemOrNullObject(name).load('name');
    const oldNameRange = oldName.getRangeOrNullObject().load(`${AREA_PROPS}, worksheet/name`);
    const oldTable = context.workbook.tables.getItemOrNullObject(name).load('name, showTotals, worksheet/name');
    await sync();
    const sheetNames = sheets.items.map((s) => s.name);
    const findSheet = (s: string) => sheetNames.find((n) => n.toLowerCase() === s.toLowerCase());
    const oldGrid = !oldName.isNullObject && !oldNameRange.isNullObject ? areaOfRange(oldNameRange) : undefined;

    // 2. Where to write; then check the target area (and learn where an old table is).
    let sheet: string;
    let anchor = wanted;
    let create = false;
    if (follow && oldGrid) {
      sheet = oldGrid.sheet;
      anchor = { row: oldGrid.row, column: oldGrid.column };
    } else if (options.target.kind === 'at') {
      sheet = findSheet(options.target.sheet) ?? uniqueSheetName(options.target.sheet, sheetNames);
      create = findSheet(options.target.sheet) === undefined;
    } else {
      sheet = uniqueSheetName(options.target.sheet, sheetNames);
      create = true;
    }
    let tableRange: XRange | undefined;
    let tableLook: { header: XRange; body: XRange } | undefined;
    if (!oldTable.isNullObject) {
      tableRange = oldTable.getRange().load(AREA_PROPS);
      // The header and first body row: which columns are the user's calculated columns.
      tableLook = { header: oldTable.getHeaderRowRange().load('values'), body: oldTable.getDataBodyRange().getRow(0).load('formulas, numberFormat') };
    }
    let used = create ? undefined : usedIn(context, sheet, anchor, block);
    // A grid of ordinary size is backed up in this same round trip (larger ones are read in
    // chunks just before writing), so a failure halfway can put it back.
    const gridCopy = oldGrid && oldGrid.rows * oldGrid.columns <= BACKUP_IN_CHECK_CELLS
      ? context.workbook.worksheets.getItem(oldGrid.sheet).getRangeByIndexes(oldGrid.row, oldGrid.column, oldGrid.rows, oldGrid.columns).load('values, numberFormat')
      : undefined;
    if (tableRange || used || gridCopy) await sync();
    const oldTableArea = tableRange ? { ...areaOfRange(tableRange, oldTable.worksheet.name) } : undefined;
    if (follow && !oldGrid && oldTableArea && (oldTableArea.sheet !== sheet || oldTableArea.row !== anchor.row || oldTableArea.column !== anchor.column)) {
      // The user moved PivotDeck's table: follow it, and check its surroundings instead.
      sheet = oldTableArea.sheet;
      anchor = { row: oldTableArea.row, column: oldTableArea.column };
      create = false;
      used = usedIn(context, sheet, anchor, block);
      await sync();
    }
    assertFits(block, anchor);
    const area: SheetArea = { sheet, row: anchor.row, column: anchor.column, rows: block.rows, columns: block.columns };
    const ours = [oldGrid, oldTableArea].filter((a): a is SheetArea => a !== undefined);
    if (used && !used.isNullObject) {
      const usedArea = areaOfRange(used, sheet);
      if (!ours.some((o) => contains(o, usedArea))) {
        const foreign = await foreignCells(context, sheet, usedArea, ours, () => syncs++);
        if (foreign.length > 0) throw foreignContent(area, foreign);
      }
    }

    // 3a. A table PivotDeck wrote here before is rewritten in place, never deleted.
    if (block.layout === 'table' && oldTableArea && tableLook && oldTableArea.sheet === sheet && oldTableArea.row === anchor.row && oldTableArea.column === anchor.column) {
      const body = oldTable.showTotals ? { ...oldTableArea, rows: oldTableArea.rows - 1 } : oldTableArea;
      const written = await rewriteQueryTable(run, context, block, options, { ...body, name, showTotals: oldTable.showTotals }, tableLook, () => syncs++);
      return { layout: block.layout, area: { ...area, columns: written.columns }, address: areaAddress({ ...area, columns: written.columns }), sheetCreated: false, syncs, requestBytes: written.bytes };
    }

    // 3. Replace: clear the old block, write the new one, track it; packed into ≤ 4.9 MB syncs.
    const ops: Op[] = [];
    let target: XWorksheet | undefined;
    const targetSheet = () => (target ??= create ? context.workbook.worksheets.add(sheet) : context.workbook.worksheets.getItem(sheet));
    if (create) ops.push({ bytes: OP_BYTES, apply: () => void targetSheet() });
    // The grid's name is moved at the end, never deleted: a formula may use it. It goes only when
    // the output becomes a table (the table's own name then tracks it).
    const keepName = block.layout === 'grid' && !oldName.isNullObject;
    if (oldGrid) {
      ops.push({ bytes: OP_BYTES * 2, apply: () => {
        context.workbook.worksheets.getItem(oldGrid.sheet).getRangeByIndexes(oldGrid.row, oldGrid.column, oldGrid.rows, oldGrid.columns).clear('All');
        if (!keepName) oldName.delete();
      } });
    } else if (!oldName.isNullObject && !keepName) {
      ops.push({ bytes: OP_BYTES, apply: () => oldName.delete() }); // a name whose cells were deleted
    }
    if (!oldTable.isNullObject) {
      ops.push({ bytes: OP_BYTES * 2, apply: () => { oldTable.getRange().clear('All'); oldTable.delete(); } });
    }
    const rangeAt = (r: number, c: number, rows: number, columns: number) =>
      targetSheet().getRangeByIndexes(area.row + r, area.column + c, rows, columns);
    // Data never becomes a formula: cells whose text Excel would parse get "@" before their value.
    for (const t of textFormatAreas(block.values)) {
      ops.push({ bytes: OP_BYTES, apply: () => { rangeAt(t.row, t.column, t.rows, t.columns).numberFormat = [['@']]; } });
    }
    for (const chunk of rowChunks(block.values)) {
      ops.push({ bytes: chunk.bytes + OP_BYTES, apply: () => { rangeAt(chunk.start, 0, chunk.rows.length, block.columns).values = chunk.rows; } });
    }
    const dataRows = block.rows - block.headerRows;
    if (dataRows > 0) {
      const text = textColumns(block.values.slice(block.headerRows), block.columns);
      block.columnFormats.forEach((format, c) => {
        if (format === 'General' || text[c]) return;
        ops.push({ bytes: OP_BYTES + format.length, apply: () => { rangeAt(block.headerRows, c, dataRows, 1).numberFormat = [[format]]; } });
      });
    }
    ops.push(...formattingOps(block, rangeAt));
    ops.push({ bytes: OP_BYTES * 3, apply: () => {
      const whole = rangeAt(0, 0, block.rows, block.columns);
      if (block.layout === 'table') {
        const table = context.workbook.tables.add(whole, true);
        table.name = name;
        table.style = TABLE_STYLE;
      } else if (keepName) {
        oldName.formula = `=${quoteSheet(sheet)}!${absolute(area)}`;
      } else {
        context.workbook.names.add(name, whole, options.comment ?? 'PivotDeck query output. PivotDeck replaces these cells on refresh.');
      }
      whole.format.autofitColumns();
      if (options.activate) {
        targetSheet().activate();
        rangeAt(0, 0, 1, 1).select();
      }
    } });

    // The old grid's cells are read first, so a failure halfway can put them back.
    let backup: { values: CellValue[][]; formats: string[][] } | undefined = gridCopy && { values: gridCopy.values, formats: gridCopy.numberFormat as string[][] };
    if (oldGrid && !backup) {
      const read = await readRangeValues(run, oldGrid.sheet, localA1(oldGrid), { numberFormat: true });
      for (let i = 0; i < read.syncs; i++) syncs++;
      backup = { values: read.values, formats: read.numberFormat ?? [] };
    }
    let requestBytes = 0;
    let pending = 0;
    let started = false;
    try {
      for (const op of ops) {
        if (pending > 0 && pending + op.bytes > PAYLOAD_BUDGET_BYTES) {
          // One sync per ~4.9 MB of writes is the point of chunking.
          await sync();
          pending = 0;
        }
        op.apply();
        started = true;
        pending += op.bytes;
        requestBytes += op.bytes;
      }
      await sync();
    } catch (error) {
      if (!started) throw error;
      await run((ctx) => restoreGrid(ctx, { name, sheet, area, create, oldGrid, backup, layout: block.layout, hadName: !oldName.isNullObject }));
      throw new QueryOutputError('write-failed',
        `Excel failed while writing the query's new result (${error instanceof Error ? error.message : String(error)}). ${oldGrid ? "The previous grid's values were put back (its shading comes back with the next refresh)" : 'The partly written cells were removed'}. Try Refresh again.`);
    }
    return { layout: block.layout, area, address: areaAddress(area), sheetCreated: create, syncs, requestBytes };
  });
}

interface Op { bytes: number; apply(): void }

function assertFits(block: OutputBlock, at: { row: number; column: number }): void {
  const lastRow = at.row + block.rows;
  const lastColumn = at.column + block.columns;
  if (lastRow <= MAX_SHEET_ROWS && lastColumn <= MAX_SHEET_COLUMNS) return;
  const what = block.layout === 'table' ? 'table' : 'grid';
  throw new QueryOutputError('too-large',
    `The ${what} has ${block.rows.toLocaleString('en-US')} rows × ${block.columns.toLocaleString('en-US')} columns and does not fit on a sheet from ${columnLetters(at.column)}${at.row + 1} (a sheet has ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows and ${MAX_SHEET_COLUMNS.toLocaleString('en-US')} columns). Nothing was written. Add filters, move a field between rows and columns, or start higher up.`);
}

function areaOfRange(range: XRange, sheet?: string): SheetArea {
  return { sheet: sheet ?? range.worksheet.name, row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
}

/** Queues a look at the used part of the target area (only its corners travel back). */
function usedIn(context: XRequestContext, sheet: string, at: { row: number; column: number }, block: OutputBlock): XRange {
  return context.workbook.worksheets.getItem(sheet)
    .getRangeByIndexes(at.row, at.column, block.rows, block.columns)
    .getUsedRangeOrNullObject()
    .load(AREA_PROPS);
}

/** Cells of `used` outside PivotDeck's old blocks that hold a value or formula (A1 names, at most 4). */
async function foreignCells(context: XRequestContext, sheet: string, used: SheetArea, ours: SheetArea[], counted: () => void): Promise<string[]> {
  const found: string[] = [];
  const rowsPerRead = Math.max(1, Math.floor(CHECK_CELLS_PER_SYNC / used.columns));
  for (let start = 0; start < used.rows && found.length === 0; start += rowsPerRead) {
    const rows = Math.min(rowsPerRead, used.rows - start);
    const part = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(used.row + start, used.column, rows, used.columns).load('formulas');
    counted();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- reads stop at the first block with foreign cells
    await context.sync();
    (part.formulas as unknown[][]).forEach((line, r) => line.forEach((f, c) => {
      if (f === '' || f === null || f === undefined || found.length >= 4) return;
      const row = used.row + start + r;
      const column = used.column + c;
      if (!ours.some((o) => holds(o, sheet, row, column))) found.push(`${columnLetters(column)}${row + 1}`);
    }));
  }
  return found;
}

function foreignContent(area: SheetArea, cells: string[]): QueryOutputError {
  const list = cells.slice(0, 3).join(', ') + (cells.length > 3 ? ', …' : '');
  return new QueryOutputError('foreign-content',
    `PivotDeck needs ${areaAddress(area)} for this query, but ${cells.length === 1 ? 'a cell there holds' : 'cells there hold'} your data (${list}). Nothing was changed. Move or clear ${cells.length === 1 ? 'that cell' : 'those cells'}, or put the query on a new sheet.`);
}

/** Row chunks of values whose JSON stays under the per-sync budget. */
function rowChunks(values: CellValue[][]): Array<{ start: number; rows: CellValue[][]; bytes: number }> {
  const out: Array<{ start: number; rows: CellValue[][]; bytes: number }> = [];
  const limit = PAYLOAD_BUDGET_BYTES - 4 * OP_BYTES;
  let start = 0;
  let bytes = 2;
  for (let r = 0; r < values.length; r++) {
    const rowBytes = estimateJsonBytes([values[r]]) - 1;
    if (r > start && bytes + rowBytes > limit) {
      out.push({ start, rows: values.slice(start, r), bytes });
      start = r;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  if (values.length > start) out.push({ start, rows: values.slice(start), bytes });
  return out;
}

/** Bold, fills and banding of a grid (a table brings its own style). */
function formattingOps(block: OutputBlock, rangeAt: (r: number, c: number, rows: number, columns: number) => XRange): Op[] {
  if (block.layout !== 'grid') return [];
  const ops: Op[] = [];
  const W = block.columns;
  const op = (apply: () => void): Op => ({ bytes: OP_BYTES, apply });
  if (block.headerRows > 0) {
    ops.push(op(() => {
      const header = rangeAt(0, 0, block.headerRows, W).format;
      header.font.bold = true;
      header.fill.color = HEADER_FILL;
      // Labels start their group (a year over its measures), as in a pivot's column labels.
      header.horizontalAlignment = 'Left';
    }));
  }
  for (const row of block.bandRows) ops.push(op(() => { rangeAt(row, 0, 1, W).format.fill.color = BAND_FILL; }));
  for (const s of block.boldRows) ops.push(op(() => { rangeAt(s.start, 0, s.count, W).format.font.bold = true; }));
  const body = block.rows - block.headerRows;
  if (body > 0) for (const s of block.boldColumns) ops.push(op(() => { rangeAt(block.headerRows, s.start, body, s.count).format.font.bold = true; }));
  for (const s of block.grandTotalRows) {
    ops.push(op(() => {
      const total = rangeAt(s.start, 0, s.count, W).format;
      total.font.bold = true;
      total.fill.color = HEADER_FILL;
    }));
  }
  return ops;
}

function absolute(a: { row: number; column: number; rows: number; columns: number }): string {
  return `$${columnLetters(a.column)}$${a.row + 1}:$${columnLetters(a.column + a.columns - 1)}$${a.row + a.rows}`;
}

/**
 * The flat result rewritten into PivotDeck's existing table (rewrite-table.ts), with a back-up of
 * the old cells read first and put back in place if Excel fails halfway.
 */
async function rewriteQueryTable(
  run: ExcelRun, context: XRequestContext, block: OutputBlock, options: WriteQueryOutputOptions,
  old: SheetArea & { name: string; showTotals: boolean }, look: { header: XRange; body: XRange }, counted: () => void,
): Promise<{ columns: number; bytes: number }> {
  const header = (look.header.values[0] as CellValue[]).map(String);
  const formulas = look.body.formulas[0] as unknown[];
  const formats = look.body.numberFormat[0] as unknown[];
  const userColumns: UserColumn[] = [];
  formulas.forEach((f, i) => {
    if (typeof f === 'string' && f.startsWith('=') && formats[i] !== '@') userColumns.push({ index: i, name: header[i]!, formula: f });
  });
  const body = block.values.slice(1);
  // flatBlock keeps one blank body row for an empty result; the rewrite adds it itself.
  const rows = body.length === 1 && body[0]!.every((v) => v === '') ? [] : body;
  const text = textColumns(rows, block.columns);
  const data: RewriteData = {
    header: (block.values[0] ?? []).map(String),
    formats: block.columnFormats.map((f, c) => (text[c] ? '@' : f)),
    rows,
  };
  const layout = planTableLayout(header, userColumns, data.header);
  if (layout.removed.length) {
    const place = { name: old.name, sheet: old.sheet, row: old.row, column: old.column, rows: old.rows, columns: old.columns, header };
    const looked = await checkColumnRemoval(run, place, layout.removed, userColumns.map((u) => u.index));
    for (let i = 0; i < looked.syncs; i++) counted();
    // Nothing uses the columns: they go without a question. Something does: the pane asks; with
    // nobody to ask (the ribbon, refresh on open) nothing is written.
    if (removalBreaksSomething(looked.check)) {
      if (!options.confirmColumnRemoval) {
        throw new QueryOutputError('columns-in-use', columnsInUseMessage(looked.check, 'Refresh the query from the PivotDeck pane (Build a query → Saved queries → Refresh)'));
      }
      if (!(await options.confirmColumnRemoval(looked.check))) throw new QueryOutputError('declined', declinedMessage(looked.check));
    }
  }
  const existing: ExistingTable = { name: old.name, sheet: old.sheet, row: old.row, column: old.column, rows: old.rows, columns: old.columns, header, userColumns, showTotals: old.showTotals };
  // Cells the table grows into, beyond its old extent and the new block (checked already), must be free.
  const reach = { row: old.row, column: old.column, rows: 1 + Math.max(1, rows.length), columns: layout.writeWidth };
  if (reach.columns > Math.max(old.columns, block.columns)) {
    const start = Math.max(old.columns, block.columns);
    const strip = context.workbook.worksheets.getItem(old.sheet).getRangeByIndexes(reach.row, reach.column + start, reach.rows, reach.columns - start).getUsedRangeOrNullObject(true).load('address');
    counted();
    await context.sync();
    if (!strip.isNullObject) throw foreignContent({ ...old, ...reach }, [strip.address.replace(/^.*!/, '')]);
  }
  const backup = await readRangeValues(run, old.sheet, `${columnLetters(old.column)}${old.row + 1}:${columnLetters(old.column + old.columns - 1)}${old.row + old.rows}`, { numberFormat: true });
  for (let i = 0; i < backup.syncs; i++) counted();
  const mode = options.resizeMode ?? defaultResizeMode();
  const chunks = planChunks(rows, PAYLOAD_BUDGET_BYTES - 4 * OP_BYTES - estimateJsonBytes([data.header]));
  let writing = false;
  try {
    const syncs = await rewriteTableInPlace(context, existing, layout, data, chunks, mode, { writing: () => { writing = true; } }, (table: XTable, sheet: XWorksheet) => {
      table.getRange().format.autofitColumns();
      if (options.activate) {
        sheet.activate();
        sheet.getRangeByIndexes(old.row, old.column, 1, 1).select();
      }
    });
    for (let i = 0; i < syncs; i++) counted();
  } catch (error) {
    if (!writing) throw error;
    await run((ctx) => restoreTableInPlace(ctx, existing, { values: backup.values, formats: backup.numberFormat ?? [] }, mode));
    throw new QueryOutputError('write-failed', `Excel failed while writing the query's new result (${error instanceof Error ? error.message : String(error)}). The previous table was put back. Try Refresh again.`);
  }
  return { columns: layout.finalWidth, bytes: estimateJsonBytes(block.values) };
}

function localA1(a: SheetArea): string {
  return `${columnLetters(a.column)}${a.row + 1}:${columnLetters(a.column + a.columns - 1)}${a.row + a.rows}`;
}

/**
 * Puts a grid write that failed halfway back, in a fresh batch: the new cells (or the sheet made
 * for them) go, the old grid's values and number formats come back under its name.
 */
async function restoreGrid(ctx: XRequestContext, w: {
  name: string; sheet: string; area: SheetArea; create: boolean; oldGrid?: SheetArea; layout: OutputBlock['layout'];
  backup?: { values: CellValue[][]; formats: string[][] }; hadName: boolean;
}): Promise<void> {
  const wb = ctx.workbook;
  const sheet = wb.worksheets.getItemOrNullObject(w.sheet).load('name');
  const table = wb.tables.getItemOrNullObject(w.name).load('name');
  const named = wb.names.getItemOrNullObject(w.name).load('name');
  await ctx.sync();
  // A table this write added (a grid became a table): nothing can refer to it yet.
  if (w.layout === 'table' && !table.isNullObject) table.delete();
  if (w.create) {
    if (!sheet.isNullObject) sheet.delete();
  } else if (!sheet.isNullObject) {
    wb.worksheets.getItem(w.sheet).getRangeByIndexes(w.area.row, w.area.column, w.area.rows, w.area.columns).clear('All');
  }
  const old = w.oldGrid;
  if (old && w.backup) {
    const target = wb.worksheets.getItem(old.sheet);
    for (const chunk of rowChunks(w.backup.values)) {
      const part = target.getRangeByIndexes(old.row + chunk.start, old.column, chunk.rows.length, old.columns);
      part.numberFormat = w.backup.formats.slice(chunk.start, chunk.start + chunk.rows.length);
      part.values = chunk.rows;
      await ctx.sync();
    }
    const reference = `=${quoteSheet(old.sheet)}!${absolute(old)}`;
    if (!named.isNullObject) wb.names.getItem(w.name).formula = reference;
    else if (w.hadName) wb.names.add(w.name, reference, 'PivotDeck query output. PivotDeck replaces these cells on refresh.');
  }
  await ctx.sync();
}
