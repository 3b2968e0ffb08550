import { parseArea, splitSheet, type Area } from '../simulator/address';

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
