/**
 * Range, RangeFormat, RangeFont and RangeFill proxies.
 */
import type {
  CellValue, XClientResult, XConditionalFormatCollection, XDataValidation, XRange, XRangeBorder, XRangeBorderCollection, XRangeFill, XRangeFont,
  XRangeAreas, XRangeFormat, XWorksheet,
} from '../../excel/api';
import { type Area, formatArea, MAX_COLUMNS, MAX_ROWS, columnName, parseArea, quoteSheet } from '../../engine/address/a1';
import { apiNotFound, fail } from '../errors';
import { readCellProperties, writeCellProperties } from './cell-properties';
import { mergedAreasOf, RangeAreasProxy } from './range-areas';
import { formatValue } from '../format';
import type { BorderModel } from '../model';
import { type CellStyle, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../state/sheet';
import { intersectArea } from '../state/areas';
import type { RangeRef } from '../state/workbook';
import { type Collectable, type Getters, SimObject } from './base';
import type { SimContext } from './context';
import { WorksheetProxy } from './worksheet';
import { ConditionalFormatCollectionProxy } from './conditional-format';
import { DataValidationProxy } from './data-validation';

/** Excel refuses to return more than this many cells in one read (Resource limits article). */
export const MAX_READ_CELLS = 5_000_000;

/**
 * `range.address` as Excel writes it: "Sheet1!A1:B2", "'My Sheet'!C3", whole columns "Sheet1!A:C",
 * whole rows "Sheet1!2:5".
 */
export function rangeAddress(sheet: string, area: Area): string {
  const s = quoteSheet(sheet);
  if (area.rows === MAX_ROWS && area.row === 0 && !(area.columns === MAX_COLUMNS && area.column === 0)) {
    return `${s}!${columnName(area.column)}:${columnName(area.column + area.columns - 1)}`;
  }
  if (area.columns === MAX_COLUMNS && area.column === 0) return `${s}!${area.row + 1}:${area.row + area.rows}`;
  return `${s}!${formatArea(area)}`;
}

function checkReadable(area: Area, location: string): void {
  if (area.rows * area.columns > MAX_READ_CELLS) fail('RangeExceedsLimit', location);
}

/** Accepts Excel's shapes: exact rows × columns, a single [[x]] (fills the range) or a scalar. */
function shaped(data: unknown, area: Area, location: string): { rows: unknown[][]; broadcast: boolean } {
  if (!Array.isArray(data)) return { rows: [[data]], broadcast: true };
  if (data.length === 1 && Array.isArray(data[0]) && data[0].length === 1) return { rows: data as unknown[][], broadcast: true };
  if (data.length !== area.rows) fail('InvalidArgument', location);
  for (const row of data) if (!Array.isArray(row) || row.length !== area.columns) fail('InvalidArgument', location);
  return { rows: data as unknown[][], broadcast: false };
}

/** Offsets an area, failing like Excel when it leaves the sheet. */
function moved(area: Area, dRow: number, dCol: number, rows: number, columns: number, location: string): Area {
  const out = { row: area.row + dRow, column: area.column + dCol, rows, columns };
  if (!Number.isInteger(out.row) || !Number.isInteger(out.column) || rows < 1 || columns < 1 || out.row < 0 || out.column < 0 || out.row + rows > MAX_ROWS || out.column + columns > MAX_COLUMNS) {
    fail('InvalidArgument', location);
  }
  return out;
}

export class RangeProxy extends SimObject<RangeRef> implements XRange {
  readonly entity = 'Range';

  constructor(ctx: SimContext, path: string, resolver: () => RangeRef | null, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  protected scalars(): Getters<RangeRef> {
    return {
      address: (r) => rangeAddress(r.sheet.name, r.area),
      rowCount: (r) => r.area.rows,
      columnCount: (r) => r.area.columns,
      rowIndex: (r) => r.area.row,
      columnIndex: (r) => r.area.column,
      values: (r) => {
        checkReadable(r.area, 'Range.values');
        // Excel calculates automatically: a read after a write in the same batch sees new results.
        this.ctx.state.ensureCalculated();
        return r.sheet.readValues(r.area);
      },
      numberFormat: (r) => {
        checkReadable(r.area, 'Range.numberFormat');
        return r.sheet.readFormats(r.area);
      },
      formulas: (r) => {
        checkReadable(r.area, 'Range.formulas');
        return r.sheet.readFormulas(r.area);
      },
      text: (r) => {
        checkReadable(r.area, 'Range.text');
        this.ctx.state.ensureCalculated();
        const values = r.sheet.readValues(r.area);
        return values.map((line, i) => line.map((v, j) => formatValue(v, r.sheet.numberFormat(r.area.row + i, r.area.column + j))));
      },
    };
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'worksheet') return this.worksheet as WorksheetProxy;
    if (name === 'format') return this.format as RangeFormatProxy;
    if (name === 'conditionalFormats') return this.conditionalFormats as ConditionalFormatCollectionProxy;
    if (name === 'dataValidation') return this.dataValidation as DataValidationProxy;
    return undefined;
  }

  get address(): string { return this.prop('address'); }
  get text(): string[][] { return this.prop('text'); }

  get conditionalFormats(): XConditionalFormatCollection {
    return this.child('conditionalFormats', () => new ConditionalFormatCollectionProxy(this.ctx, `${this.path}.conditionalFormats`, () => this.resolve()));
  }

  get dataValidation(): XDataValidation {
    return this.child('dataValidation', () => new DataValidationProxy(this.ctx, `${this.path}.dataValidation`, () => this.resolve()));
  }

  /**
   * Merges the range (or each of its rows with `across`). Like Excel, only the top-left value of
   * each merged area stays; merged areas overlapping the range are replaced.
   */
  merge(across = false): void {
    this.invoke('merge', [across], (r) => {
      const { sheet, area } = r;
      const parts = across ? Array.from({ length: area.rows }, (_, i) => ({ ...area, row: area.row + i, rows: 1 })) : [area];
      sheet.merges = sheet.merges.filter((m) => !intersectArea(parseArea(m), area));
      for (const part of parts) {
        if (part.rows * part.columns < 2) continue;
        for (let i = 0; i < part.rows; i++) {
          for (let j = 0; j < part.columns; j++) {
            if (i === 0 && j === 0) continue;
            const row = sheet.rows.get(part.row + i);
            if (row && row.v[part.column + j] !== undefined) row.v[part.column + j] = '';
            if (row?.fx) row.fx[part.column + j] = undefined;
          }
        }
        sheet.merges.push(formatArea(part));
      }
      sheet.touch();
      this.ctx.state.changed();
    });
  }

  insert(shift: Excel.InsertShiftDirection | 'Down' | 'Right'): XRange {
    const down = String(shift) === 'Down';
    if (!down && String(shift) !== 'Right') throw fail('InvalidArgument', 'Range.insert');
    this.invoke('insert', [shift], (r) => this.ctx.state.shiftCells(r, down ? 'insertDown' : 'insertRight', 'Range.insert'));
    // The returned range is the inserted cells: where this range was.
    return new RangeProxy(this.ctx, `${this.path}.insert(${JSON.stringify(shift)})`, () => this.resolve());
  }

  delete(shift: Excel.DeleteShiftDirection | 'Up' | 'Left'): void {
    const up = String(shift) === 'Up';
    if (!up && String(shift) !== 'Left') throw fail('InvalidArgument', 'Range.delete');
    this.invoke('delete', [shift], (r) => this.ctx.state.shiftCells(r, up ? 'deleteUp' : 'deleteLeft', 'Range.delete'));
  }

  unmerge(): void {
    this.invoke('unmerge', [], (r) => {
      r.sheet.merges = r.sheet.merges.filter((m) => !intersectArea(parseArea(m), r.area));
      this.ctx.state.changed();
    });
  }

  getCellProperties(load: Excel.CellPropertiesLoadOptions): XClientResult<Excel.CellProperties[][]> {
    if (!this.ctx.host.isSetSupported('ExcelApi', '1.9')) throw apiNotFound('Range.getCellProperties', 'ExcelApi 1.9');
    return this.result('getCellProperties', [load], (r) => readCellProperties(r, load) as Excel.CellProperties[][]);
  }

  setCellProperties(values: Excel.SettableCellProperties[][]): void {
    if (!this.ctx.host.isSetSupported('ExcelApi', '1.9')) throw apiNotFound('Range.setCellProperties', 'ExcelApi 1.9');
    this.invoke('setCellProperties', [values], (r) => {
      writeCellProperties(r, values, normalizeColor);
      this.ctx.state.changed();
    });
  }

  getMergedAreasOrNullObject(): XRangeAreas {
    if (!this.ctx.host.isSetSupported('ExcelApi', '1.13')) throw apiNotFound('Range.getMergedAreasOrNullObject', 'ExcelApi 1.13');
    return new RangeAreasProxy(this.ctx, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const r = this.resolve();
      return r === null ? null : mergedAreasOf(r);
    });
  }
  get rowCount(): number { return this.prop('rowCount'); }
  get columnCount(): number { return this.prop('columnCount'); }
  get rowIndex(): number { return this.prop('rowIndex'); }
  get columnIndex(): number { return this.prop('columnIndex'); }

  get values(): CellValue[][] { return this.prop('values'); }
  set values(v: CellValue[][]) {
    this.setProp('values', v, (r, data) => {
      const { rows, broadcast } = shaped(data, r.area, 'Range.values');
      this.ctx.state.writeInput(r, rows, broadcast, 'Range.values');
    });
  }

  get numberFormat(): Excel.Range['numberFormat'] { return this.prop('numberFormat'); }
  set numberFormat(v: Excel.Range['numberFormat']) {
    this.setProp('numberFormat', v, (r, data) => {
      const { rows, broadcast } = shaped(data, r.area, 'Range.numberFormat');
      this.ctx.state.writeFormats(r, rows, broadcast, 'Range.numberFormat');
    });
  }

  get formulas(): Excel.Range['formulas'] { return this.prop('formulas'); }
  set formulas(v: Excel.Range['formulas']) {
    this.setProp('formulas', v, (r, data) => {
      const { rows, broadcast } = shaped(data, r.area, 'Range.formulas');
      this.ctx.state.writeInput(r, rows, broadcast, 'Range.formulas');
    });
  }

  get worksheet(): XWorksheet {
    return this.child('worksheet', () => new WorksheetProxy(this.ctx, `${this.path}.worksheet`, () => this.resolve()?.sheet ?? null));
  }

  get format(): XRangeFormat {
    return this.child('format', () => new RangeFormatProxy(this.ctx, `${this.path}.format`, () => this.resolve()));
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents' = 'All'): void {
    this.invoke('clear', [applyTo], (r) => {
      const what = applyTo === 'Formats' ? 'Formats' : applyTo === 'All' ? 'All' : 'Contents';
      const before = r.area.rows === 1 && r.area.columns === 1 ? r.sheet.value(r.area.row, r.area.column) : undefined;
      r.sheet.clear(r.area, what);
      if (what !== 'Formats') this.ctx.state.recordChange(r, before);
      this.ctx.state.changed();
    });
  }

  /** A range computed from this one at sync time. */
  private derived(method: string, args: unknown[], compute: (r: RangeRef) => Area | null, orNull = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.${method}(${args.map((a) => JSON.stringify(a)).join(',')})`,
      () => {
        const r = orNull ? this.resolve() : this.need(`Range.${method}`);
        if (r === null) return null;
        const area = compute(r);
        return area ? { sheet: r.sheet, area } : null;
      },
      orNull,
    );
  }

  getCell(row: number, column: number): XRange {
    return this.derived('getCell', [row, column], (r) => moved(r.area, row, column, 1, 1, 'Range.getCell'));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): XRange {
    return this.derived('getOffsetRange', [rowOffset, columnOffset], (r) =>
      moved(r.area, rowOffset, columnOffset, r.area.rows, r.area.columns, 'Range.getOffsetRange'),
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): XRange {
    return this.derived('getResizedRange', [deltaRows, deltaColumns], (r) =>
      moved(r.area, 0, 0, r.area.rows + deltaRows, r.area.columns + deltaColumns, 'Range.getResizedRange'),
    );
  }

  getRow(row: number): XRange {
    return this.derived('getRow', [row], (r) => {
      if (row < 0 || row >= r.area.rows) fail('InvalidArgument', 'Range.getRow');
      return { ...r.area, row: r.area.row + row, rows: 1 };
    });
  }

  getColumn(column: number): XRange {
    return this.derived('getColumn', [column], (r) => {
      if (column < 0 || column >= r.area.columns) fail('InvalidArgument', 'Range.getColumn');
      return { ...r.area, column: r.area.column + column, columns: 1 };
    });
  }

  getIntersectionOrNullObject(anotherRange: XRange | string): XRange {
    const other = anotherRange;
    return this.derived(
      'getIntersectionOrNullObject',
      [typeof other === 'string' ? other : (other as RangeProxy).path],
      (r) => {
        const o = typeof other === 'string'
          ? this.ctx.state.resolveAddress(other, r.sheet, 'Range.getIntersectionOrNullObject')
          : (other as RangeProxy).resolve();
        if (!o || o.sheet !== r.sheet) return null;
        return intersectArea(r.area, o.area);
      },
      true,
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): XRange {
    return this.derived(
      'getUsedRangeOrNullObject',
      [valuesOnly],
      (r) => {
        const used = r.sheet.usedArea(valuesOnly);
        const box = used ? intersectArea(r.area, used) : null;
        // Only rows that exist are scanned, so whole-column ranges stay cheap.
        return box && box.columns <= MAX_COLUMNS ? r.sheet.usedAreaWithin(box, valuesOnly) : box;
      },
      true,
    );
  }

  select(): void {
    this.invoke('select', [], (r) => {
      const state = this.ctx.state;
      state.activate(r.sheet);
      state.select({ sheet: r.sheet, area: r.area });
      state.changed();
    });
  }
}

/**
 * One value for a property across the range's cells, or null when cells differ (Excel's rule
 * for format properties of multi-cell ranges). Huge areas look at stored rows only.
 */
function uniform<V>(r: RangeRef, pick: (style: CellStyle | undefined) => V): V | null {
  const { sheet, area } = r;
  const cells = area.rows * area.columns;
  const rows = cells > 1_000_000 ? sheet.existingRows(area) : Array.from({ length: area.rows }, (_, i) => area.row + i);
  let first: V | undefined;
  let seen = false;
  if (rows.length < area.rows) {
    first = pick(undefined);
    seen = true;
  }
  const columns = Math.min(area.columns, 16_384);
  for (const row of rows) {
    for (let c = area.column; c < area.column + columns; c++) {
      const v = pick(sheet.style(row, c));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

export class RangeFormatProxy extends SimObject<RangeRef> implements XRangeFormat {
  readonly entity = 'RangeFormat';

  protected scalars(): Getters<RangeRef> {
    return {
      columnWidth: (r) => {
        const widths = new Set<number>();
        for (let c = r.area.column; c < r.area.column + Math.min(r.area.columns, 1000); c++) {
          widths.add(r.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        }
        return widths.size === 1 ? [...widths][0] : null;
      },
      horizontalAlignment: (r) => uniform(r, (s) => s?.horizontalAlignment ?? 'General'),
      verticalAlignment: (r) => uniform(r, (s) => s?.verticalAlignment ?? 'Bottom'),
      wrapText: (r) => uniform(r, (s) => s?.wrapText ?? false),
      rowHeight: (r) => {
        const heights = new Set<number>();
        for (let i = r.area.row; i < r.area.row + Math.min(r.area.rows, 1000); i++) heights.add(r.sheet.rowHeight(i));
        return heights.size === 1 ? [...heights][0] : null;
      },
    };
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'font') return this.font as RangeFontProxy;
    if (name === 'fill') return this.fill as RangeFillProxy;
    return undefined;
  }

  get rowHeight(): number { return this.prop('rowHeight'); }
  set rowHeight(v: number) {
    this.setProp('rowHeight', v, (r, h) => {
      // Excel's limit is 409 points.
      if (typeof h !== 'number' || !(h >= 0) || h > 409) fail('InvalidArgument', 'RangeFormat.rowHeight');
      // Whole columns: only rows that hold something (as writeStyle does for huge areas), so a
      // sheet-wide height does not create a million entries.
      const rows = r.area.rows > 100_000 ? r.sheet.existingRows(r.area) : Array.from({ length: r.area.rows }, (_, i) => r.area.row + i);
      for (const i of rows) {
        if (h === DEFAULT_ROW_HEIGHT) r.sheet.rowHeights.delete(i);
        else r.sheet.rowHeights.set(i, h);
      }
      this.ctx.state.changed();
    });
  }

  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] { return this.prop('verticalAlignment'); }
  set verticalAlignment(v: Excel.RangeFormat['verticalAlignment']) {
    this.setProp('verticalAlignment', v, (r, a) => {
      if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(String(a))) fail('InvalidArgument', 'RangeFormat.verticalAlignment');
      this.ctx.state.writeStyle(r, { verticalAlignment: String(a) });
    });
  }

  get wrapText(): boolean { return this.prop('wrapText'); }
  set wrapText(v: boolean) { this.setProp('wrapText', v, (r, x) => this.ctx.state.writeStyle(r, { wrapText: Boolean(x) })); }

  get borders(): XRangeBorderCollection {
    return this.child('borders', () => new RangeBorderCollectionProxy(this.ctx, `${this.path}.borders`, () => this.resolve()));
  }

  get columnWidth(): number { return this.prop('columnWidth'); }
  set columnWidth(v: number) {
    this.setProp('columnWidth', v, (r, w) => {
      if (typeof w !== 'number' || !(w >= 0) || w > 255 * 7.5) fail('InvalidArgument', 'RangeFormat.columnWidth');
      for (let c = r.area.column; c < r.area.column + r.area.columns; c++) r.sheet.columnWidths.set(c, w);
      this.ctx.state.changed();
    });
  }

  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] { return this.prop('horizontalAlignment'); }
  set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
    this.setProp('horizontalAlignment', v, (r, a) => {
      if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(String(a))) {
        fail('InvalidArgument', 'RangeFormat.horizontalAlignment');
      }
      this.ctx.state.writeStyle(r, { horizontalAlignment: String(a) });
    });
  }

  get font(): XRangeFont {
    return this.child('font', () => new RangeFontProxy(this.ctx, `${this.path}.font`, () => this.resolve()));
  }

  get fill(): XRangeFill {
    return this.child('fill', () => new RangeFillProxy(this.ctx, `${this.path}.fill`, () => this.resolve()));
  }

  /** Widths from the longest displayed text per column (about 7 px per character, as Calibri 11). */
  autofitColumns(): void {
    this.invoke('autofitColumns', [], (r) => {
      const { sheet, area } = r;
      const used = sheet.usedArea(false);
      const scan = used ? intersectArea(area, used) : null;
      for (let c = area.column; c < area.column + Math.min(area.columns, 16_384); c++) {
        let longest = 0;
        if (scan && c >= scan.column && c < scan.column + scan.columns) {
          for (const row of sheet.existingRows({ ...scan, column: c, columns: 1 })) {
            const text = formatValue(sheet.value(row, c), sheet.numberFormat(row, c));
            if (text.length > longest) longest = text.length;
          }
        }
        sheet.columnWidths.set(c, longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.round((longest * 7 + 10) * 0.75 * 100) / 100);
      }
      this.ctx.state.changed();
    });
  }
}

export class RangeFontProxy extends SimObject<RangeRef> implements XRangeFont {
  readonly entity = 'RangeFont';

  protected scalars(): Getters<RangeRef> {
    return {
      bold: (r) => uniform(r, (s) => s?.bold ?? false),
      italic: (r) => uniform(r, (s) => s?.italic ?? false),
      color: (r) => uniform(r, (s) => s?.fontColor ?? '#000000'),
      size: (r) => uniform(r, (s) => s?.size ?? 11),
      name: (r) => uniform(r, (s) => s?.fontName ?? 'Calibri'),
    };
  }

  get name(): string { return this.prop('name'); }
  set name(v: string) {
    this.setProp('name', v, (r, x) => {
      if (typeof x !== 'string' || x.trim() === '') fail('InvalidArgument', 'RangeFont.name');
      this.ctx.state.writeStyle(r, { fontName: x });
    });
  }

  get bold(): boolean { return this.prop('bold'); }
  set bold(v: boolean) { this.setProp('bold', v, (r, x) => this.ctx.state.writeStyle(r, { bold: Boolean(x) })); }
  get italic(): boolean { return this.prop('italic'); }
  set italic(v: boolean) { this.setProp('italic', v, (r, x) => this.ctx.state.writeStyle(r, { italic: Boolean(x) })); }
  get color(): string { return this.prop('color'); }
  set color(v: string) { this.setProp('color', v, (r, x) => this.ctx.state.writeStyle(r, { fontColor: normalizeColor(x, 'RangeFont.color') })); }
  get size(): number { return this.prop('size'); }
  set size(v: number) {
    this.setProp('size', v, (r, x) => {
      // Excel accepts 1 to 409 points.
      if (typeof x !== 'number' || !(x >= 1 && x <= 409)) fail('InvalidArgument', 'RangeFont.size');
      this.ctx.state.writeStyle(r, { size: x });
    });
  }
}

export class RangeFillProxy extends SimObject<RangeRef> implements XRangeFill {
  readonly entity = 'RangeFill';

  protected scalars(): Getters<RangeRef> {
    return { color: (r) => uniform(r, (s) => s?.fill ?? '#FFFFFF') };
  }

  get color(): string { return this.prop('color'); }
  set color(v: string) { this.setProp('color', v, (r, x) => this.ctx.state.writeStyle(r, { fill: normalizeColor(x, 'RangeFill.color') })); }

  clear(): void {
    this.invoke('clear', [], (r) => this.ctx.state.writeStyle(r, { fill: undefined }));
  }
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000', white: '#FFFFFF', red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00',
  orange: '#FFA500', gray: '#808080', grey: '#808080', purple: '#800080', lightgray: '#D3D3D3', lightgrey: '#D3D3D3',
};

/** Office.js accepts "#RRGGBB" or an HTML colour name and returns "#RRGGBB". */
export function normalizeColor(x: unknown, location: string): string {
  if (typeof x !== 'string') return fail('InvalidArgument', location);
  if (/^#[0-9a-f]{6}$/i.test(x)) return x.toUpperCase();
  return NAMED_COLORS[x.toLowerCase()] ?? fail('InvalidArgument', location);
}

type Side = 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight';
type BorderIndex = Excel.RangeBorder['sideIndex'];

/** Cells and the side of each that a border index draws (edges of the range, or inner lines). */
function borderCells(area: Area, index: BorderIndex): Array<{ row: number; column: number; side: Side }> {
  const out: Array<{ row: number; column: number; side: Side }> = [];
  const rows = Math.min(area.rows, 10_000), columns = Math.min(area.columns, 1_000);
  const push = (row: number, column: number, side: Side) => out.push({ row, column, side });
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const row = area.row + i, column = area.column + j;
      if (index === 'EdgeTop' && i === 0) push(row, column, 'borderTop');
      if (index === 'EdgeBottom' && i === rows - 1) push(row, column, 'borderBottom');
      if (index === 'EdgeLeft' && j === 0) push(row, column, 'borderLeft');
      if (index === 'EdgeRight' && j === columns - 1) push(row, column, 'borderRight');
      if (index === 'InsideHorizontal' && i > 0) push(row, column, 'borderTop');
      if (index === 'InsideVertical' && j > 0) push(row, column, 'borderLeft');
    }
  }
  return out;
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

export class RangeBorderCollectionProxy extends SimObject<RangeRef> implements XRangeBorderCollection {
  readonly entity = 'RangeBorderCollection';

  protected scalars(): Getters<RangeRef> {
    return {};
  }

  getItem(index: BorderIndex): XRangeBorder {
    return new RangeBorderProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(index)})`, () => {
      const r = this.need('RangeBorderCollection.getItem');
      if (!BORDER_INDEXES.includes(index)) fail('InvalidArgument', 'RangeBorderCollection.getItem');
      return { ...r, index };
    });
  }
}

interface BorderTarget extends RangeRef {
  index: BorderIndex;
}

const NO_BORDER: BorderModel = { style: 'None', color: '#000000', weight: 'Thin' };

export class RangeBorderProxy extends SimObject<BorderTarget> implements XRangeBorder {
  readonly entity = 'RangeBorder';

  private sideValue(t: BorderTarget, key: keyof BorderModel): unknown {
    const values = new Set(borderCells(t.area, t.index).map((c) => (t.sheet.style(c.row, c.column)?.[c.side] ?? NO_BORDER)[key]));
    return values.size === 1 ? [...values][0] : null;
  }

  protected scalars(): Getters<BorderTarget> {
    return {
      sideIndex: (t) => t.index,
      style: (t) => this.sideValue(t, 'style'),
      color: (t) => this.sideValue(t, 'color'),
      weight: (t) => this.sideValue(t, 'weight'),
    };
  }

  private edit(name: keyof BorderModel, v: unknown, check: (x: unknown) => string): void {
    this.setProp(name, v, (t, x) => {
      const value = check(x);
      for (const c of borderCells(t.area, t.index)) {
        const current = t.sheet.style(c.row, c.column)?.[c.side] ?? { ...NO_BORDER, style: 'Continuous' };
        const next = { ...current, [name]: value };
        t.sheet.setStyle(c.row, c.column, { [c.side]: next.style === 'None' ? undefined : next });
      }
      t.sheet.touch();
      this.ctx.state.changed();
    });
  }

  get sideIndex(): BorderIndex { return this.prop('sideIndex'); }
  get style(): Excel.RangeBorder['style'] { return this.prop('style'); }
  set style(v: Excel.RangeBorder['style']) {
    this.edit('style', v, (x) => (BORDER_STYLES.includes(String(x)) ? String(x) : fail('InvalidArgument', 'RangeBorder.style')));
  }
  get color(): string { return this.prop('color'); }
  set color(v: string) { this.edit('color', v, (x) => normalizeColor(x, 'RangeBorder.color')); }
  get weight(): Excel.RangeBorder['weight'] { return this.prop('weight'); }
  set weight(v: Excel.RangeBorder['weight']) {
    this.edit('weight', v, (x) => (BORDER_WEIGHTS.includes(String(x)) ? String(x) : fail('InvalidArgument', 'RangeBorder.weight')));
  }
}
