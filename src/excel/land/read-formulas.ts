/**
 * Reading the user's formulas, bounded, for the check before a refresh deletes table columns
 * (column-uses.ts decides which of them use those columns).
 */
import type { ExcelRun, XRange } from '../api';
import { columnIndex, holdsCell } from '../../engine/address';
import { columnName } from '../pivot/read-pivot';
import type { FormulaCell } from './column-uses';

interface Area { row: number; column: number; rows: number; columns: number }

/** Cells of formulas read when a refresh would delete columns (kept small: one response). */
export const FORMULA_SCAN_CELLS = 100_000;

/**
 * The formulas of every sheet's used range, in two syncs, up to `cap` cells (sheets beyond it are
 * skipped and `complete` is false).
 *
 * @example const { cells, complete } = await readFormulas(host.run, 100_000);
 */
export async function readFormulas(run: ExcelRun, cap: number): Promise<{ cells: FormulaCell[]; complete: boolean; syncs: number }> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const used = sheets.items.map((s) => ({ name: s.name, range: s.getUsedRangeOrNullObject().load('rowIndex, columnIndex, rowCount, columnCount') }));
    await ctx.sync();
    let budget = cap;
    let complete = true;
    const reads: Array<{ name: string; row: number; column: number; range: XRange }> = [];
    for (const u of used) {
      if (u.range.isNullObject) continue;
      const cells = u.range.rowCount * u.range.columnCount;
      if (cells > budget) { complete = false; continue; }
      budget -= cells;
      reads.push({ name: u.name, row: u.range.rowIndex, column: u.range.columnIndex, range: u.range.load('formulas') });
    }
    if (reads.length) await ctx.sync();
    const out: FormulaCell[] = [];
    for (const r of reads) {
      (r.range.formulas as unknown[][]).forEach((line, i) => line.forEach((f, j) => {
        if (typeof f === 'string' && f.startsWith('=')) out.push({ sheet: r.name, address: `${columnName(r.column + j)}${r.row + i + 1}`, formula: f });
      }));
    }
    return { cells: out, complete, syncs: reads.length ? 3 : 2 };
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

