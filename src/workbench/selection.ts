import { parseArea, splitSheet, type Area } from '../engine/address/a1';

/**
 * The selected area on `sheet`, or null when the selection is on another sheet or unreadable.
 * @example
 * selectedArea({ sheet: 'Sales', address: 'Sales!B2:C3' }, 'Sales'); // { row: 1, column: 1, rows: 2, columns: 2 }
 */
export function selectedArea(selection: { sheet: string; address: string } | null | undefined, sheet: string): Area | null {
  if (!selection || selection.sheet !== sheet) return null;
  try {
    return parseArea(splitSheet(selection.address).local);
  } catch {
    return null;
  }
}

export function areaContains(area: Area | null, row: number, col: number): boolean {
  return area !== null && row >= area.row && row < area.row + area.rows && col >= area.column && col < area.column + area.columns;
}

/**
 * The active cell on `sheet` (the simulator's, else the selection's top-left), or null when the
 * selection is on another sheet.
 * @example
 * activeCellOf({ sheet: 'S', address: 'A6:C8', activeCell: 'C6' }, 'S'); // { row: 5, column: 2 }
 */
export function activeCellOf(
  selection: { sheet: string; address: string; activeCell?: string } | null | undefined,
  sheet: string,
): { row: number; column: number } | null {
  const area = selectedArea(selection, sheet);
  if (!area) return null;
  if (selection?.activeCell) {
    try {
      const a = parseArea(splitSheet(selection.activeCell).local);
      if (areaContains(area, a.row, a.column)) return { row: a.row, column: a.column };
    } catch {
      // An unreadable active cell falls back to the top-left, as for a simulator without one.
    }
  }
  return { row: area.row, column: area.column };
}
