import type { CellValue } from '../api';
import { parseBlock, type CellBlock } from '../a1';

function inside(b: CellBlock, row: number, column: number): boolean {
  return row >= b.row && row < b.row + b.rows && column >= b.column && column < b.column + b.columns;
}

/**
 * The first cell of `address` that holds something (values as Excel gave them) and lies outside
 * every area PivotDeck wrote before (`ours`), or undefined. Pure, so the refusal is tested alone.
 *
 * @example firstForeignCell('A1:B2', [['', 'x'], ['', '']], []) // 'B1'
 */
export function firstForeignCell(address: string, values: readonly (readonly CellValue[])[], ours: readonly string[]): string | undefined {
  const block = parseBlock(address);
  if (!block) return undefined;
  const owned = ours.map((a) => parseBlock(a)).filter((b): b is CellBlock => b !== undefined);
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === '' || v === null || v === undefined) continue;
      const R = block.row + r;
      const C = block.column + c;
      if (owned.some((b) => inside(b, R, C))) continue;
      return cellName(R, C);
    }
  }
  return undefined;
}

function cellName(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}
