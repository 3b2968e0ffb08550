/**
 * Just enough A1 parsing for the adapter to plan reads before the first sync.
 *
 * Why here and not shared with src/simulator/address.ts: the simulator never ships in the
 * production bundle, and src/excel must not depend on it.
 */

/** A rectangle of cells, zero-based. */
export interface CellBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Parses "B3", "A1:K20001" or "Sheet1!$A$1:$C$3" (the sheet part is ignored). Returns undefined
 * for anything else (names, whole rows/columns), so callers fall back to asking Excel.
 *
 * @example parseBlock('A1:C3') // { row: 0, column: 0, rows: 3, columns: 3 }
 */
export function parseBlock(address: string): CellBlock | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const [a, b = a, extra] = local.split(':');
  if (extra !== undefined || !a) return undefined;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (!ca || !cb) return undefined;
  const r1 = Number(ca[2]) - 1, r2 = Number(cb[2]) - 1;
  const c1 = columnIndex(ca[1]), c2 = columnIndex(cb[1]);
  if (r1 < 0 || r2 < 0) return undefined;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    columns: Math.abs(c2 - c1) + 1,
  };
}

/** Removes the sheet part: "'My Sheet'!A1:B2" → "A1:B2". */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}
