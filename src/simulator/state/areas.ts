/**
 * Rectangle arithmetic for things that cover parts of a sheet (conditional formats, validations):
 * clearing them from a range keeps what lies outside it, as Excel does.
 */
import { type Area, formatArea, holdsCell, parseArea } from '../../engine/address/a1';

export function intersectArea(a: Area, b: Area): Area | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const endRow = Math.min(a.row + a.rows, b.row + b.rows);
  const endCol = Math.min(a.column + a.columns, b.column + b.columns);
  if (endRow <= row || endCol <= column) return null;
  return { row, column, rows: endRow - row, columns: endCol - column };
}

/**
 * `a` minus `b` as at most four rectangles (above, below, left, right).
 * @example subtractArea(parseArea('A1:A10'), parseArea('A5')) // A1:A4 and A6:A10
 */
export function subtractArea(a: Area, b: Area): Area[] {
  const cut = intersectArea(a, b);
  if (!cut) return [a];
  const out: Area[] = [];
  if (cut.row > a.row) out.push({ row: a.row, column: a.column, rows: cut.row - a.row, columns: a.columns });
  const cutEnd = cut.row + cut.rows;
  if (cutEnd < a.row + a.rows) out.push({ row: cutEnd, column: a.column, rows: a.row + a.rows - cutEnd, columns: a.columns });
  if (cut.column > a.column) out.push({ row: cut.row, column: a.column, rows: cut.rows, columns: cut.column - a.column });
  const cutRight = cut.column + cut.columns;
  if (cutRight < a.column + a.columns) out.push({ row: cut.row, column: cutRight, rows: cut.rows, columns: a.column + a.columns - cutRight });
  return out;
}

/** Removes `cut` from a list of A1 areas; returns the remaining A1 areas. */
export function subtractFromList(ranges: string[], cut: Area): string[] {
  return ranges.flatMap((r) => subtractArea(parseArea(r), cut)).map(formatArea);
}

export function listIntersects(ranges: string[], area: Area): boolean {
  return ranges.some((r) => intersectArea(parseArea(r), area) !== null);
}

export function listContains(ranges: string[], row: number, column: number): boolean {
  return ranges.some((r) => {
    return holdsCell(parseArea(r), row, column);
  });
}
