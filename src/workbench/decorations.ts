/**
 * How the grid dresses tables and PivotTables, standing in for Excel's table and pivot styles
 * (TableStyleMedium2: coloured header, banded rows; PivotStyleLight16: emphasised header and
 * grand total rows), which the simulator does not store as cell formats.
 */
import { parseArea, type Area } from '../simulator/address';
import type { WorkbenchView } from './workbench-simulator';

export type Decoration = 'tableHeader' | 'tableBand' | 'pivotHeader' | 'pivotTotal' | undefined;

export interface SheetDecorations {
  at(row: number, col: number): Decoration;
}

const within = (a: Area, row: number, col: number) =>
  row >= a.row && row < a.row + a.rows && col >= a.column && col < a.column + a.columns;

/**
 * @example
 * sheetDecorations(sim.view, 'Sales').at(0, 0); // 'tableHeader'
 */
export function sheetDecorations(view: WorkbenchView, sheet: string): SheetDecorations {
  const areas = (items: Array<{ sheet: string; address: string }>) => items
    .filter((t) => t.sheet === sheet)
    .flatMap((t) => { try { return [parseArea(t.address)]; } catch { return []; } });
  const tables = areas(view.tables());
  // Header rows run down to the first row with a row label ("Row Labels" in compact layout):
  // above it are the "Values"/column-label rows Excel adds for column fields or several values.
  const pivots = areas(view.pivots()).map((area) => {
    let headerEnd = area.row;
    while (headerEnd < area.row + area.rows - 1 && view.cell(sheet, headerEnd, area.column).text === '') headerEnd++;
    return { area, headerEnd };
  });
  return {
    at(row, col) {
      for (const t of tables) {
        if (!within(t, row, col)) continue;
        if (row === t.row) return 'tableHeader';
        return (row - t.row) % 2 === 1 ? 'tableBand' : undefined;
      }
      for (const p of pivots) {
        if (!within(p.area, row, col) || p.area.rows < 2) continue;
        if (row <= p.headerEnd) return 'pivotHeader';
        if (row === p.area.row + p.area.rows - 1) return 'pivotTotal';
      }
      return undefined;
    },
  };
}
