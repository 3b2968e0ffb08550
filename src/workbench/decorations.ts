/**
 * How the grid dresses Excel tables, standing in for the table style (TableStyleMedium2: coloured
 * header, banded rows), which the simulator does not store as cell formats. PivotTables need no
 * decoration here: the simulator writes their style (bold headers and totals, header fill,
 * compact indents) into the cells, as Excel's pivot style shows through `range.format`.
 */
import { holdsCell, parseArea } from '../engine/address/a1';
import type { WorkbenchView } from './workbench-simulator';

export type Decoration = 'tableHeader' | 'tableBand' | undefined;

export interface SheetDecorations {
  at(row: number, col: number): Decoration;
}

const within = holdsCell;

/**
 * @example
 * sheetDecorations(sim.view, 'Sales').at(0, 0); // 'tableHeader'
 */
export function sheetDecorations(view: WorkbenchView, sheet: string): SheetDecorations {
  const tables = view.tables()
    .filter((t) => t.sheet === sheet)
    .flatMap((t) => { try { return [parseArea(t.address)]; } catch { return []; } });
  return {
    at(row, col) {
      for (const t of tables) {
        if (!within(t, row, col)) continue;
        if (row === t.row) return 'tableHeader';
        return (row - t.row) % 2 === 1 ? 'tableBand' : undefined;
      }
      return undefined;
    },
  };
}
