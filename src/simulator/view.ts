/**
 * Synchronous, read-only view of the simulated workbook for the workbench grid. It reads the
 * state directly (no proxies, no payload accounting): the grid is not an add-in.
 */
import type { CellValue } from '../excel/api';
import { formatArea, parseArea } from '../engine/address/a1';
import { formatValue } from './format';
import type { CellStyleModel, ChartAxisModel } from './model';
import { seriesCategories, seriesName, seriesValues } from './state/chart';
import { conditionalStyle, readerFor } from './state/conditional-format';
import { listItems, validationAt } from './state/data-validation';
import type { SheetState } from './state/sheet';
import type { WorkbookState } from './state/workbook';

/** A cell as the grid shows it: its stored style plus the displayed text and conditional looks. */
export interface CellView extends CellStyleModel {
  value: CellValue;
  text: string;
  numberFormat: string;
  formula?: string;
  /** True when a conditional format changed how the cell looks (fill, font or number format). */
  conditional?: boolean;
}

/** Where a chart sits, in cells: a column/row and an offset into it in points (Excel's anchor). */
export interface ChartAnchor {
  column: number;
  columnOffset: number;
  row: number;
  rowOffset: number;
}

export interface ChartSeriesView {
  name: string;
  chartType: string;
  axisGroup: 'Primary' | 'Secondary';
  /** Plotted numbers; null where a cell is blank or text (a gap). */
  values: Array<number | null>;
  categories: string[];
  fillColor?: string;
  lineColor?: string;
  /** Fills of single points (a pie's slices) by 0-based index. */
  pointColors?: Record<string, string>;
  hasDataLabels: boolean;
}

export interface ChartView {
  name: string;
  chartType: string;
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  /** Points from the sheet's top-left corner. */
  top: number;
  left: number;
  width: number;
  height: number;
  from: ChartAnchor;
  to: ChartAnchor;
  series: ChartSeriesView[];
  axes: {
    category: { title?: string; visible: boolean; numberFormat: string };
    value: { title?: string; visible: boolean; numberFormat: string; minimum?: number; maximum?: number };
    secondaryValue: { title?: string; visible: boolean; numberFormat: string; minimum?: number; maximum?: number };
  };
}

export interface ValidationView {
  type: string;
  /** Dropdown items for a list rule. */
  items: string[];
  inCellDropDown: boolean;
}

export interface WorkbookView {
  sheetNames(): string[];
  activeSheet(): string;
  /** From A1 to the last used cell; { rows: 0, columns: 0 } for an empty sheet. */
  usedSize(sheet: string): { rows: number; columns: number };
  cell(sheet: string, row: number, column: number): CellView;
  columnWidth(sheet: string, column: number): number | undefined;
  tables(): Array<{ name: string; sheet: string; address: string }>;
  pivots(): Array<{ name: string; sheet: string; address: string }>;
  /** The selected area and, inside it, the active cell (e.g. "B5"), both sheet-local. */
  selection(): { sheet: string; address: string; activeCell: string };
  /** Row height in points when set, undefined for the default (15). */
  rowHeight(sheet: string, row: number): number | undefined;
  /** Every set row height (row index → points), a copy: a grid asks it once per change, not per row. */
  rowHeights(sheet: string): Map<number, number>;
  /** Merged areas, sheet-local ("A1:D1"). */
  merges(sheet: string): string[];
  charts(sheet: string): ChartView[];
  validation(sheet: string, row: number, column: number): ValidationView | undefined;
  sheetOptions(sheet: string): { showGridlines: boolean; tabColor: string; freeze: { rows: number; columns: number } };
}

function axisView(a: ChartAxisModel): ChartView['axes']['value'] {
  return {
    ...(a.title.visible ? { title: a.title.text } : {}),
    visible: a.visible,
    numberFormat: a.numberFormat,
    ...(a.minimum !== undefined ? { minimum: a.minimum } : {}),
    ...(a.maximum !== undefined ? { maximum: a.maximum } : {}),
  };
}

/** Column (or row) index and offset in points for a distance from the sheet's edge. */
function locate(pos: number, size: (i: number) => number): { index: number; offset: number } {
  let index = 0;
  let start = 0;
  while (index < 1_048_575 && start + size(index) <= pos) {
    start += size(index);
    index++;
  }
  return { index, offset: pos - start };
}

function anchorAt(sheet: SheetState, left: number, top: number): ChartAnchor {
  const c = locate(left, (i) => sheet.columnWidth(i));
  const r = locate(top, (i) => sheet.rowHeight(i));
  return { column: c.index, columnOffset: c.offset, row: r.index, rowOffset: r.offset };
}

const EMPTY: CellView = Object.freeze({ value: '', text: '', numberFormat: 'General' }) as CellView;

export function createView(state: () => WorkbookState): WorkbookView {
  const sheetOf = (name: string) => state().findSheet(name);
  const plainCell = (name: string, row: number, column: number): CellView => {
    const sheet = sheetOf(name);
    const r = sheet?.rows.get(row);
    if (!sheet || !r) return EMPTY;
    const value = r.v[column] ?? '';
    const numberFormat = r.nf?.[column] ?? 'General';
    const formula = r.fx?.[column];
    const style = r.st?.[column];
    if (value === '' && formula === undefined && style === undefined && numberFormat === 'General') return EMPTY;
    const view: CellView = { value, text: value === '' ? '' : formatValue(value, numberFormat), numberFormat };
    if (formula !== undefined) view.formula = formula;
    if (style?.bold) view.bold = true;
    if (style?.fill) view.fill = style.fill;
    if (style?.fontColor) view.fontColor = style.fontColor;
    if (style?.indent) view.indent = style.indent;
    if (style) {
      if (style.italic) view.italic = true;
      if (style.size !== undefined && style.size !== 11) view.size = style.size;
      if (style.fontName) view.fontName = style.fontName;
      if (style.horizontalAlignment && style.horizontalAlignment !== 'General') view.horizontalAlignment = style.horizontalAlignment;
      if (style.verticalAlignment) view.verticalAlignment = style.verticalAlignment;
      if (style.wrapText) view.wrapText = true;
      for (const side of ['borderTop', 'borderBottom', 'borderLeft', 'borderRight'] as const) if (style[side]) view[side] = style[side];
    }
    return view;
  };
  return {
    sheetNames: () => state().sheets.map((s) => s.name),
    activeSheet: () => state().activeSheet.name,
    usedSize(name) {
      const used = sheetOf(name)?.usedArea(false);
      return used ? { rows: used.row + used.rows, columns: used.column + used.columns } : { rows: 0, columns: 0 };
    },
    cell(name, row, column) {
      const base = plainCell(name, row, column);
      const sheet = sheetOf(name);
      if (!sheet || sheet.conditionalFormats.length === 0) return base;
      const cf = conditionalStyle(sheet, row, column, readerFor(sheet, (n) => state().findSheet(n)));
      if (!cf) return base;
      const view: CellView = { ...base, conditional: true };
      if (cf.fill) view.fill = cf.fill;
      if (cf.fontColor) view.fontColor = cf.fontColor;
      if (cf.bold !== undefined) view.bold = cf.bold;
      if (cf.italic !== undefined) view.italic = cf.italic;
      if (cf.numberFormat && view.value !== '') view.text = formatValue(view.value, cf.numberFormat);
      return view;
    },
    columnWidth: (name, column) => sheetOf(name)?.columnWidths.get(column),
    rowHeight: (name, row) => sheetOf(name)?.rowHeights.get(row),
    rowHeights: (name) => new Map(sheetOf(name)?.rowHeights ?? []),
    merges: (name) => [...(sheetOf(name)?.merges ?? [])],
    charts(name) {
      const sheet = sheetOf(name);
      if (!sheet) return [];
      const find = (n: string) => state().findSheet(n);
      return sheet.charts.map((c) => ({
        name: c.name,
        chartType: c.chartType,
        title: { ...c.title },
        legend: { visible: c.legend.visible, position: c.legend.position },
        top: c.top,
        left: c.left,
        width: c.width,
        height: c.height,
        from: anchorAt(sheet, c.left, c.top),
        to: anchorAt(sheet, c.left + c.width, c.top + c.height),
        series: c.series.map((s) => ({
          name: seriesName(s, find),
          chartType: s.chartType,
          axisGroup: s.axisGroup,
          values: seriesValues(s, find),
          categories: seriesCategories(s, find),
          ...(s.fillColor ? { fillColor: s.fillColor } : {}),
          ...(s.lineColor ? { lineColor: s.lineColor } : {}),
          ...(s.pointColors ? { pointColors: { ...s.pointColors } } : {}),
          hasDataLabels: s.hasDataLabels ?? false,
        })),
        axes: {
          category: axisView(c.axes.category),
          value: axisView(c.axes.value),
          secondaryValue: axisView(c.axes.secondaryValue),
        },
      }));
    },
    validation(name, row, column) {
      const sheet = sheetOf(name);
      const dv = sheet && validationAt(sheet, row, column);
      if (!sheet || !dv) return undefined;
      const ctx = {
        sheet,
        findSheet: (n: string) => state().findSheet(n),
        resolveName: (n: string, s: SheetState) => {
          const found = state().findName(n, s.name);
          return found ? state().nameRange(found) : undefined;
        },
      };
      return { type: dv.type, items: dv.type === 'List' ? listItems(dv, ctx) : [], inCellDropDown: dv.list?.inCellDropDown ?? false };
    },
    sheetOptions(name) {
      const sheet = sheetOf(name);
      return { showGridlines: sheet?.showGridlines ?? true, tabColor: sheet?.tabColor ?? '', freeze: { ...(sheet?.freeze ?? { rows: 0, columns: 0 }) } };
    },
    tables: () => state().tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: formatArea(t.area) })),
    pivots: () =>
      state().pivots.map((p) => ({
        name: p.model.name,
        sheet: p.model.sheet,
        address: p.model.rendered?.range ?? formatArea(parseArea(p.model.anchor)),
      })),
    selection: () => {
      const s = state().selection;
      return { sheet: s.sheet.name, address: formatArea(s.area), activeCell: formatArea(state().activeCell().area) };
    },
  };
}
