/**
 * How Excel dresses a PivotTable with its default style, PivotStyleLight16, approximated with the
 * formatting the simulator keeps (bold, fill, indent):
 * - header rows (captions, column items): bold on a light fill;
 * - parent item lines (row subheadings) and "X Total" subtotal lines: bold;
 * - the Grand Total line: bold on the header fill; the Grand Total and subtotal columns: bold;
 * - compact form: each row label indented one level per field depth (Excel's `indent="1"`
 *   default), so child items sit under their parent in the single label column.
 *
 * Used by the renderer (line kinds known from its axis layout) and by the xlsx loader (line kinds
 * read from `rowItems` / `colItems`), so a re-rendered pivot and one opened from a file look alike.
 */
import type { CellStyleModel } from '../model';

/** PivotStyleLight16's header/grand-total fill, Office theme accent 1 at 80% tint. */
export const PIVOT_HEADER_FILL = '#DDEBF7';

export type PivotLineKind = 'item' | 'parent' | 'subtotal' | 'grand' | 'blank';

export interface StyledLine {
  kind: PivotLineKind;
  /** Axis depth of the line's own label (0 = outermost field); the indent level in compact form. */
  depth: number;
}

export interface PivotStyleGeometry {
  /** Rows × columns of the pivot body (the render model's `values`). */
  height: number;
  width: number;
  headerRows: number;
  labelCols: number;
  compact: boolean;
  /** One per body line below the header rows. */
  rowLines: readonly StyledLine[];
  /** One per data column: 'item', 'subtotal' or 'grand'. */
  colKinds: readonly PivotLineKind[];
}

const BOLD: CellStyleModel = Object.freeze({ bold: true });
const HEADER: CellStyleModel = Object.freeze({ bold: true, fill: PIVOT_HEADER_FILL });
const indentCache: CellStyleModel[] = [];
const indented = (level: number): CellStyleModel => (indentCache[level] ??= Object.freeze({ indent: level }));
const boldIndented: CellStyleModel[] = [];
const boldIndent = (level: number): CellStyleModel =>
  level === 0 ? BOLD : (boldIndented[level] ??= Object.freeze({ bold: true, indent: level }));

/**
 * Styles aligned with the pivot body's cells (undefined = no formatting).
 *
 * @example
 * // Compact "Row Labels | Sum of X", parent East, child Books, Grand Total:
 * pivotStyles({ height: 4, width: 2, headerRows: 1, labelCols: 1, compact: true,
 *   rowLines: [{ kind: 'parent', depth: 0 }, { kind: 'item', depth: 1 }, { kind: 'grand', depth: 0 }],
 *   colKinds: ['item'] });
 * // [[HEADER, HEADER], [BOLD, BOLD], [{ indent: 1 }, undefined], [HEADER, HEADER]]
 */
export function pivotStyles(g: PivotStyleGeometry): (CellStyleModel | undefined)[][] {
  const out: (CellStyleModel | undefined)[][] = [];
  for (let r = 0; r < g.height; r++) out.push(new Array<CellStyleModel | undefined>(g.width).fill(undefined));
  for (let r = 0; r < Math.min(g.headerRows, g.height); r++) out[r].fill(HEADER);
  g.rowLines.forEach((line, i) => {
    const r = g.headerRows + i;
    if (r >= g.height) return;
    const cells = out[r];
    if (line.kind === 'grand') { cells.fill(HEADER); return; }
    if (line.kind === 'parent' || line.kind === 'subtotal') {
      cells.fill(BOLD);
      if (g.compact && g.labelCols > 0) cells[0] = boldIndent(line.depth);
      return;
    }
    if (line.kind === 'blank') return;
    if (g.compact) {
      if (line.depth > 0 && g.labelCols > 0) cells[0] = indented(line.depth);
    } else {
      // Outline/tabular: label columns left of the line's own label hold parent labels (tabular
      // parents share their first child's line, repeated labels too), which are subheadings.
      for (let s = 0; s < Math.min(line.depth, g.labelCols); s++) cells[s] = BOLD;
    }
    g.colKinds.forEach((kind, j) => {
      const c = g.labelCols + j;
      if ((kind === 'grand' || kind === 'subtotal') && c < g.width) cells[c] = BOLD;
    });
  });
  return out;
}
