/**
 * Reading the user's formulas, bounded, for the check before a refresh deletes table columns
 * (column-uses.ts decides which of them use those columns).
 */
import type { ExcelRun, XRange } from '../api';
import { columnIndex, holdsCell } from '../../engine/address';
import { isPayloadTooLarge } from '../errors';
import { columnName } from '../pivot/read-pivot';
import type { FormulaCell } from './column-uses';

interface Area { row: number; column: number; rows: number; columns: number }

/**
 * Cells whose formulas are read, at most, when a refresh would delete columns. Data sheets are
 * large and hold no formulas, but only reading them tells; the check runs only when the data
 * lost a column, so it may cost a few round trips.
 */
export const FORMULA_SCAN_CELLS = 1_000_000;
/** Cells read per sync: mostly numbers and short text, well under Excel's 5 MB response limit. */
const CELLS_PER_SYNC = 100_000;

interface Chunk { name: string; row: number; column: number; rows: number; columns: number }

/**
 * The formulas of every sheet's used range, up to `cap` cells (a sheet that does not fit in what
 * is left is skipped and `complete` is false), read in row chunks of about 100,000 cells per
 * sync: 2 syncs to find the used ranges, then 1 per 100,000 cells. A chunk Excel refuses as too
 * large a response (long text) is skipped too, and `complete` says so.
 *
 * @example const { cells, complete } = await readFormulas(host.run, FORMULA_SCAN_CELLS);
 */
export async function readFormulas(run: ExcelRun, cap: number, perSync = CELLS_PER_SYNC): Promise<{ cells: FormulaCell[]; complete: boolean; syncs: number }> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const used = sheets.items.map((s) => ({ name: s.name, range: s.getUsedRangeOrNullObject().load('rowIndex, columnIndex, rowCount, columnCount') }));
    await ctx.sync();
    let syncs = 2;
    let budget = cap;
    let complete = true;
    // Row chunks of at most `perSync` cells, packed into batches of at most `perSync` cells.
    const batches: Chunk[][] = [];
    let batch: Chunk[] = [];
    let inBatch = 0;
    for (const u of used) {
      if (u.range.isNullObject) continue;
      const { rowIndex, columnIndex, rowCount, columnCount } = u.range;
      if (rowCount * columnCount > budget) { complete = false; continue; }
      budget -= rowCount * columnCount;
      const step = Math.max(1, Math.floor(perSync / columnCount));
      for (let r = 0; r < rowCount; r += step) {
        const rows = Math.min(step, rowCount - r);
        if (inBatch > 0 && inBatch + rows * columnCount > perSync) { batches.push(batch); batch = []; inBatch = 0; }
        batch.push({ name: u.name, row: rowIndex + r, column: columnIndex, rows, columns: columnCount });
        inBatch += rows * columnCount;
      }
    }
    if (batch.length) batches.push(batch);
    const out: FormulaCell[] = [];
    for (const part of batches) {
      const reads = part.map((c) => ({ ...c, range: ctx.workbook.worksheets.getItem(c.name).getRangeByIndexes(c.row, c.column, c.rows, c.columns).load('formulas') as XRange }));
      syncs++;
      try {
        // One sync per ~100,000 cells keeps each response under Excel's 5 MB limit.
        await ctx.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error)) throw error;
        complete = false;
        continue;
      }
      for (const r of reads) {
        (r.range.formulas as unknown[][]).forEach((line, i) => line.forEach((f, j) => {
          if (typeof f === 'string' && f.startsWith('=')) out.push({ sheet: r.name, address: `${columnName(r.column + j)}${r.row + i + 1}`, formula: f });
        }));
      }
    }
    return { cells: out, complete, syncs };
  });
}

export function columnOf(address: string): number {
  return columnIndex(/^[A-Z]+/.exec(address)?.[0] ?? 'A');
}

export function inArea(cell: FormulaCell, a: Area): boolean {
  const row = Number(/\d+$/.exec(cell.address)?.[0] ?? 0) - 1;
  const column = columnOf(cell.address);
  return holdsCell(a, row, column);
}

