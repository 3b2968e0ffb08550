/**
 * Renders a PivotTable into cells exactly as Microsoft Excel lays it out.
 *
 * Written with plain loops and independently of src/engine on purpose: the simulator's pivots
 * are the reference the engine is checked against, so they must not agree by construction.
 *
 * Geometry (matches the fixtures saved by Excel and MS-XLSB 2.2.5.3.8.1 "Location and Body"):
 * - The body starts at `pivot.anchor`. Header rows come first: with column fields (or the Values
 *   pseudo-field on columns) there is one caption row plus one row per column-axis field; with
 *   none there is a single header row. Then one line per row-axis line.
 * - Row labels occupy the first column (compact form) or one column per row-axis field
 *   (outline and tabular forms).
 * - Page fields (filters) sit above the body: one row per field ("Field" | "(All)" / the one
 *   selected item / "(Multiple Items)"), then one empty row, then the body. MS-XLSB: "There is
 *   one row between the top-most cell of the PivotTable report body and the bottom-most cell of
 *   the page area." When the anchor leaves too little room above it (e.g. "A1" with a filter),
 *   the body moves down just enough, as Excel does when a filter is added to a pivot at A1.
 * - Ranges (MS-XLSB 2.2.5.3.8.1, which Office.js `PivotLayout` getters return):
 *   column label range = header rows × data columns (it includes the "Column Labels" caption
 *   cell, or the data field caption when there are no column fields); row label range = row
 *   label columns × lines below the header; data body = data columns × lines below the header,
 *   subtotal and grand total cells included; range = the whole body without the page area;
 *   filter range = the page area ("Field | item" rows, without the empty separator row).
 *
 * Grand totals, named as in the Excel object model (VBA `RowGrand`/`ColumnGrand`, Office.js
 * `PivotLayout.showRowGrandTotals`/`showColumnGrandTotals`, DevExpress `PivotLayout` docs:
 * "The PivotTable column displaying grand totals for rows"): `showRowGrandTotals` is the
 * "Grand Total" COLUMN at the right (a total for each row), `showColumnGrandTotals` is the
 * "Grand Total" ROW at the bottom. Caution: OOXML's attributes are the other way round —
 * `colGrandTotals="0"` removes the grand total column (sheetjs fixture pivotTable1/2), so an
 * xlsx loader maps rowGrandTotals → showColumnGrandTotals and colGrandTotals → showRowGrandTotals.
 */
import type { CellValue } from '../../excel/api';
import type { PivotFieldModel, PivotModel, PivotRenderModel, SummarizeBy } from '../model';
import { formatArea, MAX_ROWS, parseArea, splitSheet, type Area } from '../../engine/address/a1';
import { addValue, mergeStats, newStats, summarize, type Stats } from './aggregate';
import { layoutAxis, AxisTrie, type AxisField, type AxisLine, type AxisNode } from './axis';
import { ALL_ITEMS, COLUMN_LABELS, MULTIPLE_ITEMS, ROW_LABELS, TOTAL, VALUES } from './captions';
import { FieldItems, type PivotItem } from './items';
import { pivotStyles, type PivotLineKind } from './styles';

export interface PivotSource {
  header: string[];
  rows: CellValue[][];
  /** Per source column, "General" by default. */
  numberFormats: string[];
}

/**
 * `PivotModel` plus the classic-layout flag (xlsx `gridDropZones="1"`, "Classic PivotTable
 * layout"), until the model carries it. Only the header of a pivot without column fields differs:
 * a caption row holding the single data field's name, and "Total" over the value column
 * (sheetjs fixture PivotTable3, poi WithChartSheet PivotTable2 on Sheet6).
 */
export type PivotModelWithClassic = PivotModel & { classicLayout?: boolean };

/** Column nids are packed below row nids in one numeric Map key. */
const COL_SPAN = 2 ** 21;

/**
 * Lays out `pivot` over `source` as Excel would show it on the sheet.
 *
 * @example
 * const out = renderPivot(
 *   { name: 'P', sheet: 'S', anchor: 'A3', source: { kind: 'range', sheet: 'D', address: 'A1:B3' },
 *     rows: [{ name: 'Region' }], columns: [], filters: [],
 *     data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }],
 *     layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true },
 *   { header: ['Region', 'Revenue'], rows: [['West', 2], ['East', 1]], numberFormats: ['General', 'General'] },
 * );
 * out.range;  // "A3:B6"
 * out.values; // [['Row Labels', 'Sum of Revenue'], ['East', 1], ['West', 2], ['Grand Total', 3]]
 */
export function renderPivot(pivot: PivotModel, source: PivotSource): PivotRenderModel {
  const data = pivot.data;
  const valuesOnRows = data.length > 1 && pivot.valuesOn === 'rows';
  const valuesOnCols = data.length > 1 && !valuesOnRows;

  const col = (name: string): number => sourceColumn(source.header, name);
  const fmtOf = (c: number): string => source.numberFormats[c] || 'General';
  const axisField = (f: PivotFieldModel): AxisField & { col: number } => {
    const c = col(f.name);
    return { model: f, items: new FieldItems(f.hiddenItems), ranks: new Int32Array(0), numberFormat: fmtOf(c), col: c };
  };
  const rowFields = pivot.rows.map(axisField);
  const colFields = pivot.columns.map(axisField);
  const pageFields = pivot.filters.map(axisField);
  const dataCols = data.map((d) => col(d.field));

  // One pass over the source: intern items, drop filtered records, and add each record to the
  // statistics of its leaf group (full row path × full column path). Subtotals and totals are
  // then rolled up from the leaf groups, so each record is touched once.
  const rowTrie = new AxisTrie();
  const colTrie = new AxisTrie();
  const R = rowFields.length, C = colFields.length, D = data.length;
  const leaves = new Map<number, Leaf>();
  const rowItems: PivotItem[] = new Array(R);
  const colItems: PivotItem[] = new Array(C);
  const records = source.rows;
  for (let at = 0; at < records.length; at++) {
    const rec = records[at];
    let hidden = false;
    for (const f of pageFields) if (f.items.intern(cell(rec, f.col)).hidden) hidden = true;
    for (let i = 0; i < R; i++) { const it = rowFields[i].items.intern(cell(rec, rowFields[i].col)); rowItems[i] = it; if (it.hidden) hidden = true; }
    for (let i = 0; i < C; i++) { const it = colFields[i].items.intern(cell(rec, colFields[i].col)); colItems[i] = it; if (it.hidden) hidden = true; }
    if (hidden) continue;
    let rowNode = rowTrie.root;
    for (let i = 0; i < R; i++) rowNode = rowTrie.child(rowNode, rowItems[i]);
    let colNode = colTrie.root;
    for (let i = 0; i < C; i++) colNode = colTrie.child(colNode, colItems[i]);
    const key = rowNode.nid * COL_SPAN + colNode.nid;
    let leaf = leaves.get(key);
    if (leaf === undefined) {
      leaf = { row: rowNode, col: colNode, stats: newGroup(D) };
      leaves.set(key, leaf);
    }
    for (let k = 0; k < D; k++) addValue(leaf.stats[k], cell(rec, dataCols[k]), at);
  }
  const stats = rollUp(leaves, D);
  if (colTrie.size >= COL_SPAN) throw new Error('Too many column items for a PivotTable');
  for (const f of [...rowFields, ...colFields]) f.ranks = f.items.ranks(f.model.itemOrder);

  const form = pivot.layout === 'Compact' ? 'compact' : pivot.layout === 'Outline' ? 'outline' : 'tabular';
  const rowLines = layoutAxis(rowTrie, rowFields, data, {
    form,
    subtotalLocation: pivot.subtotalLocation,
    grandTotals: pivot.showColumnGrandTotals,
    valuesOnAxis: valuesOnRows,
  });
  const colLines = data.length === 0 && C === 0 ? [] : layoutAxis(colTrie, colFields, data, {
    form: 'tabular',
    subtotalLocation: pivot.subtotalLocation === 'Off' ? 'Off' : 'AtBottom',
    grandTotals: pivot.showRowGrandTotals,
    valuesOnAxis: valuesOnCols,
  });

  // Grid geometry.
  const rowSlots = R + (valuesOnRows ? 1 : 0);
  const colSlots = C + (valuesOnCols ? 1 : 0);
  const labelCols = rowSlots === 0 ? (colSlots > 0 ? 1 : 0) : form === 'compact' ? 1 : rowSlots;
  const classic = (pivot as PivotModelWithClassic).classicLayout === true;
  const headerRows = colSlots > 0 ? colSlots + 1 : classic && D === 1 ? 2 : 1;
  const width = Math.max(1, labelCols + colLines.length);
  const height = headerRows + rowLines.length;
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(''));
    formats.push(new Array<string>(width).fill('General'));
  }
  const put = (r: number, c: number, v: CellValue, f = 'General'): void => {
    if (r < height && c < width) { values[r][c] = v; formats[r][c] = f; }
  };
  const slotName = (fields: AxisField[], s: number): string => (s < fields.length ? fieldCaption(fields[s].model) : VALUES);

  // Header rows.
  const rowCaption = pivot.rowHeaderCaption ?? ROW_LABELS;
  const lastHeader = headerRows - 1;
  if (rowSlots > 0) {
    if (form === 'compact') put(lastHeader, 0, rowCaption);
    else for (let s = 0; s < rowSlots; s++) put(lastHeader, s, slotName(rowFields, s));
  }
  if (colSlots > 0) {
    if (D === 1 && labelCols > 0) put(0, 0, data[0].name);
    if (form === 'compact') put(0, labelCols, C > 0 ? pivot.colHeaderCaption ?? COLUMN_LABELS : VALUES);
    else for (let s = 0; s < colSlots; s++) put(0, labelCols + s, slotName(colFields, s));
    colLines.forEach((line, j) => {
      for (const l of line.labels) put(1 + l.slot, labelCols + j, l.value, l.numberFormat);
    });
  } else if (classic && colLines.length === 1) {
    if (D === 1) put(0, 0, data[0].name);
    put(lastHeader, labelCols, TOTAL);
  } else if (colLines.length === 1 && D === 1) {
    // No column fields: the single data column is headed by the data field's caption.
    put(0, labelCols, data[0].name);
  }

  // Row lines and data cells.
  rowLines.forEach((line, i) => {
    const r = headerRows + i;
    for (const l of line.labels) put(r, l.slot, l.value, l.numberFormat);
    if (!line.showValues) return;
    colLines.forEach((cl, j) => {
      const k = line.dataIndex ?? cl.dataIndex ?? (D > 0 ? 0 : undefined);
      if (k === undefined) return;
      const fn = subtotalFn(line, cl, data[k].summarizeBy);
      if (fn === undefined) return;
      const v = summarize(stats.get(line.nid * COL_SPAN + cl.nid)?.[k], fn);
      put(r, labelCols + j, v, data[k].numberFormat ?? 'General');
    });
  });

  // Placement on the sheet.
  const anchor = parseCell(pivot.anchor);
  const nPages = pageFields.length;
  const top = nPages > 0 ? Math.max(anchor.row, nPages + 1) : anchor.row;
  if (top + height > MAX_ROWS) throw new Error(`PivotTable ${pivot.name} does not fit on the sheet`);
  const area = (row: number, column: number, rows: number, columns: number): string =>
    rows > 0 && columns > 0 ? formatArea({ row, column, rows, columns } satisfies Area) : '';
  const x0 = anchor.column;
  const dataCols0 = width - labelCols;
  const out: PivotRenderModel = {
    range: area(top, x0, height, width),
    rowLabelRange: area(top + headerRows, x0, rowLines.length, labelCols),
    columnLabelRange: area(top, x0 + labelCols, headerRows, dataCols0),
    dataBodyRange: area(top + headerRows, x0 + labelCols, rowLines.length, dataCols0),
    values,
    numberFormats: formats,
    styles: pivotStyles({
      height, width, headerRows, labelCols, compact: form === 'compact',
      rowLines: rowLines.map((l) => ({ kind: styleKind(l), depth: l.depth })),
      colKinds: colLines.map(styleKind),
    }),
  };
  if (nPages > 0) {
    out.filterRange = area(top - nPages - 1, x0, nPages, 2);
    out.filterValues = pageFields.map((f) => [fieldCaption(f.model), pageCaption(f.items.items)]);
  }
  return out;
}

/** What Excel shows for a field: the user's custom name, else the source column's. */
function fieldCaption(field: PivotFieldModel): string {
  return field.caption ?? field.name;
}

/** A line's look: the lone line of an axis without fields is plain, like an item. */
function styleKind(line: AxisLine): PivotLineKind {
  return line.kind === 'total' ? 'item' : line.kind;
}

interface Leaf {
  row: AxisNode;
  col: AxisNode;
  stats: Stats[];
}

function newGroup(d: number): Stats[] {
  const group: Stats[] = new Array(d);
  for (let k = 0; k < d; k++) group[k] = newStats();
  return group;
}

/** Statistics of every (row node × column node) pair, each leaf merged into all its ancestors. */
function rollUp(leaves: Map<number, Leaf>, d: number): Map<number, Stats[]> {
  const out = new Map<number, Stats[]>();
  for (const [key, leaf] of leaves) {
    out.set(key, leaf.stats);
    for (let r: AxisNode | undefined = leaf.row; r !== undefined; r = r.parent) {
      for (let c: AxisNode | undefined = leaf.col; c !== undefined; c = c.parent) {
        if (r === leaf.row && c === leaf.col) continue;
        const k = r.nid * COL_SPAN + c.nid;
        let group = out.get(k);
        if (group === undefined) { group = newGroup(d); out.set(k, group); }
        for (let i = 0; i < d; i++) mergeStats(group[i], leaf.stats[i]);
      }
    }
  }
  return out;
}

/** Function for a data cell; undefined when row and column ask for two different custom subtotals. */
function subtotalFn(row: AxisLine, col: AxisLine, own: SummarizeBy): SummarizeBy | undefined {
  if (row.fn !== undefined && col.fn !== undefined && row.fn !== col.fn) return undefined;
  return row.fn ?? col.fn ?? own;
}

/** What the page field's cell shows: "(All)", the one visible item, or "(Multiple Items)". */
function pageCaption(items: readonly PivotItem[]): CellValue {
  let visible: PivotItem | undefined;
  let nVisible = 0;
  let anyHidden = false;
  for (const it of items) {
    if (it.hidden) anyHidden = true;
    else { nVisible++; visible = it; }
  }
  if (!anyHidden) return ALL_ITEMS;
  return nVisible === 1 && visible !== undefined ? visible.value : MULTIPLE_ITEMS;
}

function cell(rec: CellValue[], c: number): CellValue {
  const v = rec[c];
  return v === undefined || v === null ? '' : v;
}

/** Source column of a field: exact header match first, then case-insensitive like Excel. */
function sourceColumn(header: readonly string[], name: string): number {
  let i = header.indexOf(name);
  if (i < 0) {
    const lower = name.toLowerCase();
    i = header.findIndex((h) => h.toLowerCase() === lower);
  }
  if (i < 0) throw new Error(`The PivotTable field "${name}" is not a column of its source`);
  return i;
}

/** Top-left cell of the anchor ("A3", "$A$3", "Sheet1!A3" or a range whose corner is used). */
function parseCell(a1: string): Area {
  return parseArea(splitSheet(a1).local);
}
