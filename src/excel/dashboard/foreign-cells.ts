import type { CellValue } from '../api';
import { columnName, holdsCell } from '../../engine/address';
import { parseBlock, type CellBlock } from '../a1';

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
      if (owned.some((b) => holdsCell(b, R, C))) continue;
      return cellName(R, C);
    }
  }
  return undefined;
}

function cellName(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}
