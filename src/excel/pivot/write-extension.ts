import { ExtensionError, type ExtensionPlan, type PivotSnapshot, type XlValue } from '../../engine/pivot-extension';
import { intersects } from '../../engine/address';
import type { ExcelRun, XRange, XRequestContext, XWorksheet } from '../api';
import { PAYLOAD_BUDGET_BYTES, estimateJsonBytes } from '../payload';
import { needsTextFormat } from '../text-cells';
import { columnName } from './read-pivot';

/** A rectangle on a sheet, zero-based. */
export interface BlockArea { sheet: string; row: number; column: number; rows: number; columns: number }

export type Placement = { kind: 'beside' } | { kind: 'sheet'; sheet: string };

export interface WriteResult {
  /** Sheet-qualified A1 address of the written block. */
  address: string;
  area: BlockArea;
  syncs: number;
  /** Estimated request bytes of values + number formats. */
  bytes: number;
}

/** Workbook name that tracks an extension's block: "PivotDeck_" + id with "-" made "_". */
export function outputName(extensionId: string): string {
  return `PivotDeck_${extensionId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * Where the block goes: beside the pivot, one column per measure immediately right of its range,
 * from the pivot's header row (the row above the data body, holding "Row Labels"/captions) to
 * its last row; or on its own sheet at A1, keyed by the pivot's row labels.
 */
export function plannedArea(snapshot: PivotSnapshot, plan: ExtensionPlan, placement: Placement): BlockArea {
  if (placement.kind === 'sheet') {
    return { sheet: placement.sheet, row: 0, column: 0, rows: snapshot.dataBody.rows + 1, columns: snapshot.rowLabels.columns + plan.columns.length };
  }
  return {
    sheet: snapshot.sheet,
    row: snapshot.dataBody.row - 1,
    column: snapshot.range.column + snapshot.range.columns,
    rows: snapshot.dataBody.rows + 1,
    columns: plan.columns.length,
  };
}

/**
 * Writes (or replaces) an extension's block and tracks it with the workbook name
 * `PivotDeck_<id>`, so a refresh replaces exactly it and Remove deletes exactly it.
 *
 * Two syncs: the first reads the previous block's place and the target cells' formulas; any
 * non-empty cell outside the previous block stops the write with a message (never overwrite a
 * user's cells). The second empties the previous block in place (contents, number format, bold:
 * never a "clear all", which would also take the conditional formatting a user put on the
 * columns), writes number formats then values (text Excel would parse is written under "@", so a
 * caption or label never becomes a formula), bold header and total rows, and moves the name
 * (never deleted: a formula may use it). Blocks over ~4.5 MB are written in row chunks, one sync
 * each.
 *
 * All or nothing: if Excel fails halfway (a later chunk, the final sync), the cells written so
 * far are emptied again and the previous block (values, formulas and number formats, read in the
 * first sync) is put back where it was, with its name; then the error is thrown.
 *
 * @example await writeExtension(host.run, snapshot, plan, { extensionId: 'ext1', placement: { kind: 'beside' } });
 */
export async function writeExtension(
  run: ExcelRun,
  snapshot: PivotSnapshot,
  plan: ExtensionPlan,
  options: { extensionId: string; placement: Placement },
): Promise<WriteResult> {
  const area = plannedArea(snapshot, plan, options.placement);
  const name = outputName(options.extensionId);
  const { values, formats } = blockCells(snapshot, plan, options.placement);
  let backup: Backup | undefined;
  try {
    return await run(async (context) => {
      let syncs = 0;
      const sheet = options.placement.kind === 'sheet'
        ? context.workbook.worksheets.getItemOrNullObject(area.sheet)
        : context.workbook.worksheets.getItem(area.sheet);
      sheet.load('name');
      const old = oldBlock(context, name, true);
      const pivotRange = snapshot.range;
      let target: XRange | undefined;
      if (options.placement.kind === 'beside') target = sheet.getRangeByIndexes(area.row, area.column, area.rows, area.columns).load('formulas');
      await context.sync();
      syncs++;

      let targetSheet: XWorksheet = sheet;
      if (sheet.isNullObject) {
        targetSheet = context.workbook.worksheets.add(area.sheet);
      } else if (!target) {
        target = sheet.getRangeByIndexes(area.row, area.column, area.rows, area.columns).load('formulas');
        await context.sync();
        syncs++;
      }
      const oldArea = old.range.isNullObject ? undefined : areaOf(old.range);
      const foreign = target ? occupiedCells(target.formulas as unknown[][], area, oldArea) : [];
      if (foreign.length > 0) {
        // Only now (a refusal anyway) look for PivotDeck's other blocks: its own columns are not "your data".
        const others = await otherBlocks(context, name, area.sheet);
        syncs += 2;
        refuseOccupied(area, foreign, others);
      }
      const parts = oldArea ? clearableParts(oldArea, oldArea.sheet === snapshot.sheet ? pivotRange : undefined) : [];
      // From here on cells change: remember what to put back if Excel fails before the end.
      backup = {
        area, name, sheetAdded: sheet.isNullObject,
        old: oldArea && {
          area: oldArea,
          parts: parts.map((part) => ({
            ...part,
            formulas: sliceBlock(old.range.formulas as unknown[][], part.row - oldArea.row, part.column - oldArea.column, part.rows, part.columns),
            formats: sliceBlock(old.range.numberFormat as unknown[][], part.row - oldArea.row, part.column - oldArea.column, part.rows, part.columns),
          })),
        },
      };

      if (oldArea) {
        const stale = context.workbook.worksheets.getItem(oldArea.sheet);
        for (const part of parts) {
          const cells = stale.getRangeByIndexes(part.row, part.column, part.rows, part.columns);
          cells.clear('Contents');
          cells.numberFormat = [['General']];
          cells.format.font.bold = false;
        }
      } else if (!old.name.isNullObject) {
        old.name.delete(); // a name whose cells were deleted by hand: nothing can use it
      }

      const bytes = estimateJsonBytes(values) + estimateJsonBytes(formats);
      const chunks = Math.max(1, Math.ceil(bytes / PAYLOAD_BUDGET_BYTES));
      const rowsPerChunk = Math.ceil(area.rows / chunks);
      for (let start = 0; start < area.rows; start += rowsPerChunk) {
        const rows = Math.min(rowsPerChunk, area.rows - start);
        const part = targetSheet.getRangeByIndexes(area.row + start, area.column, rows, area.columns);
        // Formats first: a "@" cell keeps text that Excel would otherwise parse.
        part.numberFormat = formats.slice(start, start + rows);
        part.values = values.slice(start, start + rows);
        if (start + rows < area.rows) {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 5 MB chunk is what chunking means
          await context.sync();
          syncs++;
        }
      }
      const block = targetSheet.getRangeByIndexes(area.row, area.column, area.rows, area.columns);
      block.getRow(0).format.font.bold = true;
      for (const r of plan.totalRows) block.getRow(r + 1).format.font.bold = true;
      block.format.autofitColumns();
      if (oldArea) old.name.formula = a1Formula(area);
      else context.workbook.names.add(name, block, `PivotDeck extension of "${snapshot.name}". PivotDeck rewrites these cells on refresh.`);
      await context.sync();
      syncs++;
      return { address: `${quote(area.sheet)}!${columnName(area.column)}${area.row + 1}:${columnName(area.column + area.columns - 1)}${area.row + area.rows}`, area, syncs, bytes };
    });
  } catch (error) {
    if (backup) {
      const saved = backup;
      // Best effort: if putting back fails too, the original error is still the one reported.
      await run((context) => restoreBlock(context, saved)).catch(() => undefined);
    }
    throw error;
  }
}

/** What a write changes, read before it starts, so a failure halfway can be undone. */
interface Backup {
  area: BlockArea;
  name: string;
  sheetAdded: boolean;
  old?: { area: BlockArea; parts: Array<Omit<BlockArea, 'sheet'> & { formulas: unknown[][]; formats: unknown[][] }> };
}

/** Empties what the failed write put down and puts the previous block and its name back. */
async function restoreBlock(context: XRequestContext, backup: Backup): Promise<void> {
  if (backup.sheetAdded) {
    const added = context.workbook.worksheets.getItemOrNullObject(backup.area.sheet).load('name');
    const stray = context.workbook.names.getItemOrNullObject(backup.name).load('name');
    await context.sync();
    if (!stray.isNullObject) stray.delete();
    if (!added.isNullObject) added.delete();
    await context.sync();
    return;
  }
  const { area } = backup;
  const written = context.workbook.worksheets.getItem(area.sheet).getRangeByIndexes(area.row, area.column, area.rows, area.columns);
  written.clear('Contents');
  written.numberFormat = [['General']];
  written.format.font.bold = false;
  const name = context.workbook.names.getItemOrNullObject(backup.name);
  name.load('name');
  await context.sync();
  if (backup.old) {
    const sheet = context.workbook.worksheets.getItem(backup.old.area.sheet);
    for (const part of backup.old.parts) {
      const cells = sheet.getRangeByIndexes(part.row, part.column, part.rows, part.columns);
      cells.numberFormat = part.formats as string[][];
      cells.formulas = part.formulas as string[][];
      if (part.row === backup.old.area.row) cells.getRow(0).format.font.bold = true;
    }
    if (name.isNullObject) context.workbook.names.add(backup.name, sheet.getRangeByIndexes(backup.old.area.row, backup.old.area.column, backup.old.area.rows, backup.old.area.columns));
    else name.formula = a1Formula(backup.old.area);
  } else if (!name.isNullObject) {
    name.delete();
  }
  await context.sync();
}

function sliceBlock(cells: unknown[][], row: number, column: number, rows: number, columns: number): unknown[][] {
  return cells.slice(row, row + rows).map((line) => line.slice(column, column + columns));
}

function a1Formula(area: BlockArea): string {
  return `=${quote(area.sheet)}!$${columnName(area.column)}$${area.row + 1}:$${columnName(area.column + area.columns - 1)}$${area.row + area.rows}`;
}

/**
 * Deletes exactly the block an extension wrote and its name. Returns false when there was
 * nothing to remove (already removed, or the name was deleted by hand).
 *
 * @example await removeExtensionBlock(host.run, 'ext1');
 */
export async function removeExtensionBlock(run: ExcelRun, extensionId: string): Promise<boolean> {
  return run(async (context) => {
    const old = oldBlock(context, outputName(extensionId));
    await context.sync();
    if (old.name.isNullObject) return false;
    if (!old.range.isNullObject) old.range.clear('All');
    old.name.delete();
    await context.sync();
    return true;
  });
}

function oldBlock(context: XRequestContext, name: string, withCells = false) {
  const item = context.workbook.names.getItemOrNullObject(name);
  item.load('name');
  const range = item.getRangeOrNullObject().load(`rowIndex, columnIndex, rowCount, columnCount, worksheet/name${withCells ? ', formulas, numberFormat' : ''}`);
  return { name: item, range };
}

function areaOf(range: XRange): BlockArea {
  return { sheet: range.worksheet.name, row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
}

/** The parts of the old block that are not (now) inside the pivot: never clear the pivot's cells. */
function clearableParts(old: BlockArea, pivot: { row: number; column: number; rows: number; columns: number } | undefined): Array<Omit<BlockArea, 'sheet'>> {
  if (!pivot) return [old];
  if (!intersects(old, pivot)) return [old];
  const right = pivot.column + pivot.columns;
  const parts: Array<Omit<BlockArea, 'sheet'>> = [];
  if (old.column + old.columns > right) parts.push({ row: old.row, column: right, rows: old.rows, columns: old.column + old.columns - right });
  return parts;
}

/** Non-empty cells of the target outside the extension's own previous block. */
function occupiedCells(formulas: unknown[][], area: BlockArea, old: BlockArea | undefined): Array<{ row: number; column: number }> {
  const cells: Array<{ row: number; column: number }> = [];
  formulas.forEach((line, r) => line.forEach((f, c) => {
    if (f === '' || f === null || f === undefined) return;
    const row = area.row + r, column = area.column + c;
    const ours = old && old.sheet === area.sheet && row >= old.row && row < old.row + old.rows && column >= old.column && column < old.column + old.columns;
    if (!ours) cells.push({ row, column });
  }));
  return cells;
}

/** The blocks of PivotDeck's other extensions on `sheet` (their tracking names and areas). */
async function otherBlocks(context: XRequestContext, own: string, sheet: string): Promise<Array<{ name: string; area: BlockArea }>> {
  const names = context.workbook.names.load('items/name');
  await context.sync();
  const ranges = names.items
    .filter((n) => n.name.startsWith('PivotDeck_') && n.name !== own)
    .map((n) => ({ name: n.name, range: n.getRangeOrNullObject().load('rowIndex, columnIndex, rowCount, columnCount, worksheet/name') }));
  await context.sync();
  return ranges.filter((r) => !r.range.isNullObject && r.range.worksheet.name === sheet).map((r) => ({ name: r.name, area: areaOf(r.range) }));
}

/** Refuses to write over occupied cells, telling the user's data apart from PivotDeck's own columns. */
function refuseOccupied(area: BlockArea, cells: Array<{ row: number; column: number }>, others: Array<{ name: string; area: BlockArea }>): never {
  const inside = (c: { row: number; column: number }, a: BlockArea) => c.row >= a.row && c.row < a.row + a.rows && c.column >= a.column && c.column < a.column + a.columns;
  const yours = cells.filter((c) => !others.some((o) => inside(c, o.area)));
  const where = `${columnName(area.column)}${area.row + 1}:${columnName(area.column + area.columns - 1)}${area.row + area.rows} on "${area.sheet}"`;
  if (yours.length === 0) {
    throw new ExtensionError('foreign-content',
      `PivotDeck needs ${where} for the new columns, but another PivotDeck extension's columns are there. Nothing was changed. Add the measures to that extension instead (its "Add measures" button in the list below), or place them on a new sheet keyed by the same row labels.`);
  }
  const first = yours.slice(0, 3).map((c) => `${columnName(c.column)}${c.row + 1}`).join(', ');
  throw new ExtensionError('foreign-content',
    `PivotDeck needs ${where} for the new columns, but ${yours.length} cell${yours.length === 1 ? ' there holds' : 's there hold'} your data (${first}${yours.length > 3 ? ', …' : ''}). Nothing was changed. Move ${yours.length === 1 ? 'that cell' : 'those cells'}, or place the measures on a new sheet keyed by the same row labels.`);
}

function blockCells(snapshot: PivotSnapshot, plan: ExtensionPlan, placement: Placement): { values: XlValue[][]; formats: string[][] } {
  const keyed = placement.kind === 'sheet';
  const labelWidth = keyed ? snapshot.rowLabels.columns : 0;
  const labelHeaders = keyed
    ? (labelWidth === snapshot.rows.length ? snapshot.rows.map((f) => f.name) : [snapshot.rows.map((f) => f.name).join(' / ') || 'Row Labels'])
    : [];
  const values: XlValue[][] = [[...labelHeaders, ...plan.columns.map((c) => c.header)]];
  const formats: string[][] = [[...labelHeaders.map(() => 'General'), ...plan.columns.map(() => 'General')]];
  for (let r = 0; r < snapshot.dataBody.rows; r++) {
    const labelRow = snapshot.rowLabels.values[snapshot.dataBody.row + r - snapshot.rowLabels.row] ?? [];
    const labels = keyed ? Array.from({ length: labelWidth }, (_, c) => labelRow[c] ?? '') : [];
    // Excel keeps no negative zero (typing -0 stores 0): write what it would hold.
    values.push([...labels, ...plan.columns.map((c) => { const v = c.values[r] ?? ''; return Object.is(v, -0) ? 0 : v; })]);
    formats.push([...labels.map(() => 'General'), ...plan.columns.map((c) => c.numberFormat)]);
  }
  // Data never becomes a formula: text Excel would parse is written under the text format.
  values.forEach((row, r) => row.forEach((v, c) => { if (typeof v === 'string' && needsTextFormat(v)) formats[r]![c] = '@'; }));
  return { values, formats };
}

function quote(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
