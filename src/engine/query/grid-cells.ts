import type { AxisItem, PivotGrid } from './result';

/** A cell as Range.values takes it: blanks are "" (never null or undefined). */
export type ExcelCell = number | string | boolean;

/** A block ready for Range.values / Range.numberFormat, with its header size. */
export interface GridCells {
  values: ExcelCell[][];
  numberFormats: string[][];
  /** Rows at the top holding column labels and measure names. */
  headerRows: number;
  /** Columns at the left holding row labels. */
  headerColumns: number;
}

const label = (v: unknown): ExcelCell => (v == null || v === '' ? '(blank)' : (v as ExcelCell));

/** Text of an axis entry at one depth: the item, "X Total" on a subtotal's own level, "Grand Total". */
function axisLabel(item: AxisItem, depth: number, previous: AxisItem | undefined): ExcelCell {
  if (item.kind === 'grandTotal') return depth === 0 ? 'Grand Total' : '';
  if (item.kind === 'subtotal') {
    if (depth === item.path.length - 1) return `${String(label(item.path[depth]))} Total`;
    return '';
  }
  // Tabular layout: an outer label shows once, on the first item of its group.
  if (depth >= item.path.length) return '';
  const same = previous?.kind === 'item' && previous.path.slice(0, depth + 1).every((v, i) => v === item.path[i]);
  return same ? '' : label(item.path[depth]);
}

/**
 * Lay the grid out as Excel cells in tabular form: one header row per column
 * field plus a row of measure names (row field names at its left), one column
 * per row field, then the values with each measure's number format.
 * @example gridToCells(result.grid!).values[0] // ['', '', 2024, '', 'Grand Total', '']
 */
export function gridToCells(grid: PivotGrid): GridCells {
  const M = grid.measures.length;
  const headerColumns = Math.max(grid.rowFields.length, 1);
  const headerRows = grid.columnFields.length + 1;
  const width = headerColumns + grid.columnItems.length * M;
  const values: ExcelCell[][] = [];
  const numberFormats: string[][] = [];
  for (let d = 0; d < grid.columnFields.length; d++) {
    const row: ExcelCell[] = new Array(width).fill('');
    if (d === 0) row[0] = grid.columnFields.join(' / ');
    grid.columnItems.forEach((ci, c) => {
      row[headerColumns + c * M] = axisLabel(ci, d, grid.columnItems[c - 1]);
    });
    values.push(row);
    numberFormats.push(new Array(width).fill('General'));
  }
  const names: ExcelCell[] = new Array(width).fill('');
  grid.rowFields.forEach((f, i) => (names[i] = f));
  grid.columnItems.forEach((_, c) => grid.measures.forEach((m, k) => (names[headerColumns + c * M + k] = m.label)));
  values.push(names);
  numberFormats.push(new Array(width).fill('General'));
  const formats = grid.measures.map((m) => m.numberFormat);
  grid.rowItems.forEach((ri, r) => {
    const row: ExcelCell[] = new Array(width);
    for (let d = 0; d < headerColumns; d++) row[d] = axisLabel(ri, d, grid.rowItems[r - 1]);
    const vals = grid.values[r];
    for (let k = 0; k < vals.length; k++) row[headerColumns + k] = vals[k] ?? '';
    values.push(row);
    const f: string[] = new Array(width).fill('General');
    for (let k = 0; k < vals.length; k++) f[headerColumns + k] = formats[k % M];
    numberFormats.push(f);
  });
  return { values, numberFormats, headerRows, headerColumns };
}
