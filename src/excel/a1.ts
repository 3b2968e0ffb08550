/**
 * Just enough A1 parsing for the adapter to plan reads before the first sync, on top of the one
 * pure A1 module in src/engine/address (which the simulator uses too).
 */
import { parseArea, splitSheet } from '../engine/address';

/** A rectangle of cells, zero-based. */
export interface CellBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;

/**
 * Parses "B3", "A1:K20001" or "Sheet1!$A$1:$C$3" (the sheet part is ignored). Returns undefined
 * for anything else (names, whole rows/columns), so callers fall back to asking Excel.
 *
 * @example parseBlock('A1:C3') // { row: 0, column: 0, rows: 3, columns: 3 }
 */
export function parseBlock(address: string): CellBlock | undefined {
  const { local } = splitSheet(address);
  const [a, b = a, extra] = local.split(':');
  // Cells only: whole rows/columns and names are for Excel to resolve.
  if (extra !== undefined || !CELL.test(a) || !CELL.test(b)) return undefined;
  try {
    return parseArea(local);
  } catch {
    return undefined; // row 0 or beyond the sheet
  }
}

/** Removes the sheet part: "'My Sheet'!A1:B2" → "A1:B2". */
export function localAddress(address: string): string {
  return splitSheet(address).local;
}
