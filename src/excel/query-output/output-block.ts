import { gridToCells, type FlatResult, type PivotGrid } from '../../engine/query';
import type { CellValue } from '../api';

/** How a query result lands in Excel. */
export type OutputLayout = 'grid' | 'table';

/** A run of block rows (or columns), zero-based within the block. */
export interface Span { start: number; count: number }

/**
 * A result laid out as cells plus the formatting PivotDeck applies, all relative to the block's
 * top-left cell. Plain data: built without Excel, so its shape is tested on its own.
 */
export interface OutputBlock {
  layout: OutputLayout;
  values: CellValue[][];
  rows: number;
  columns: number;
  /** Rows at the top holding captions (column items and measure names, or the table header). */
  headerRows: number;
  /** Number format of each column below the header rows ("General" leaves Excel's default). */
  columnFormats: string[];
  /** Grid only: subtotal rows (bold). */
  boldRows: Span[];
  /** Grid only: the grand total row (bold on the header fill). */
  grandTotalRows: Span[];
  /** Grid only: grand total and subtotal columns, below the header (bold). */
  boldColumns: Span[];
  /** Grid only: every other item row (light fill), counted within each outer group. */
  bandRows: number[];
}

/** Header and grand-total fill (PivotStyleLight16's, so a query grid looks like a pivot beside it). */
export const HEADER_FILL = '#DDEBF7';
/** Banding of alternate item rows: a light grey that keeps black text readable. */
export const BAND_FILL = '#F2F2F2';
/** Style of the flat table: light, banded rows, as Excel's "Light 9" (blue header). */
export const TABLE_STYLE = 'TableStyleLight9';

function spansOf(indices: number[]): Span[] {
  const out: Span[] = [];
  for (const i of indices) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === i) last.count++;
    else out.push({ start: i, count: 1 });
  }
  return out;
}

/**
 * The pivot-style grid as cells: column items and measure names on top, row labels at the left
 * (tabular, outer labels once per group), subtotals bold, the grand total row bold on a fill,
 * alternate item rows banded, one number format per measure column.
 *
 * @example
 * const block = gridBlock(result.grid!);
 * block.values[0] // ['Year', 2023, '', 2024, '', 'Grand Total', '']
 */
export function gridBlock(grid: PivotGrid): OutputBlock {
  const cells = gridToCells(grid);
  const { headerRows, headerColumns } = cells;
  // Blank measure cells (no source rows) are "" in Excel's values.
  const values: CellValue[][] = cells.values.map((row) => row.map((v) => (v === null || v === undefined ? '' : v)));
  const columns = values[0]?.length ?? 0;
  const M = grid.measures.length;
  const columnFormats = new Array<string>(columns).fill('General');
  grid.columnItems.forEach((_, c) => grid.measures.forEach((m, k) => (columnFormats[headerColumns + c * M + k] = m.numberFormat || 'General')));
  const bold: number[] = [];
  const grand: number[] = [];
  const band: number[] = [];
  let itemIndex = 0;
  grid.rowItems.forEach((item, r) => {
    const row = headerRows + r;
    if (item.kind === 'subtotal') {
      bold.push(row);
      itemIndex = 0; // banding restarts in each outer group, so every group starts unshaded
    } else if (item.kind === 'grandTotal') {
      grand.push(row);
    } else {
      if (itemIndex % 2 === 1) band.push(row);
      itemIndex++;
    }
  });
  const boldCols: number[] = [];
  grid.columnItems.forEach((item, c) => {
    if (item.kind === 'item') return;
    for (let k = 0; k < M; k++) boldCols.push(headerColumns + c * M + k);
  });
  return {
    layout: 'grid',
    values,
    rows: values.length,
    columns,
    headerRows,
    columnFormats,
    boldRows: spansOf(bold),
    grandTotalRows: spansOf(grand),
    boldColumns: spansOf(boldCols),
    bandRows: band,
  };
}

/**
 * Header captions an Excel table accepts: text, not empty, unique ignoring case (Excel would
 * rename duplicates itself; doing it here keeps the written header what we report).
 * @example tableHeader(['Region', 'Sum', 'sum', '']) // ['Region', 'Sum', 'sum2', 'Column4']
 */
export function tableHeader(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    const base = h.trim() === '' ? `Column${i + 1}` : h;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * The flat result as an Excel table's cells: one header row, one row per group. A result with no
 * groups keeps one empty body row, because an Excel table always has at least one.
 *
 * @example flatBlock(result.flat!).values[0] // ['Region', 'Year', 'Revenue']
 */
export function flatBlock(flat: FlatResult): OutputBlock {
  const header = tableHeader(flat.header);
  const width = header.length;
  const body: CellValue[][] = flat.rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : (v as CellValue))));
  if (body.length === 0) body.push(new Array<CellValue>(width).fill(''));
  const values = [header as CellValue[], ...body];
  return {
    layout: 'table',
    values,
    rows: values.length,
    columns: width,
    headerRows: 1,
    columnFormats: flat.numberFormats.map((f) => f || 'General'),
    boldRows: [],
    grandTotalRows: [],
    boldColumns: [],
    bandRows: [],
  };
}
