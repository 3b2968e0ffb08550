/**
 * Range, RangeFormat, RangeFont and RangeFill proxies.
 */
import type { CellValue, XRange, XRangeFill, XRangeFont, XRangeFormat, XWorksheet } from '../../excel/api';
import { type Area, formatArea, MAX_COLUMNS, MAX_ROWS, columnName, quoteSheet } from '../address';
import { fail } from '../errors';
import { formatValue } from '../format';
import { type CellStyle, DEFAULT_COLUMN_WIDTH } from '../state/sheet';
import type { RangeRef } from '../state/workbook';
import { type Collectable, type Getters, SimObject } from './base';
import type { SimContext } from './context';
import { WorksheetProxy } from './worksheet';

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
        const values = r.sheet.readValues(r.area);
        return values.map((line, i) => line.map((v, j) => formatValue(v, r.sheet.numberFormat(r.area.row + i, r.area.column + j))));
      },
    };
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'worksheet') return this.worksheet as WorksheetProxy;
    if (name === 'format') return this.format as RangeFormatProxy;
    return undefined;
  }

  get address(): string { return this.prop('address'); }
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
      r.sheet.clear(r.area, what);
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
        return intersection(r.area, o.area);
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
        return used ? intersection(r.area, used) : null;
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

export function intersection(a: Area, b: Area): Area | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const endRow = Math.min(a.row + a.rows, b.row + b.rows);
  const endCol = Math.min(a.column + a.columns, b.column + b.columns);
  if (endRow <= row || endCol <= column) return null;
  return { row, column, rows: endRow - row, columns: endCol - column };
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
    };
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'font') return this.font as RangeFontProxy;
    if (name === 'fill') return this.fill as RangeFillProxy;
    return undefined;
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
    this.setProp('horizontalAlignment', v, (r, a) => this.ctx.state.writeStyle(r, { horizontalAlignment: String(a) }));
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
      const scan = used ? intersection(area, used) : null;
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
    };
  }

  get bold(): boolean { return this.prop('bold'); }
  set bold(v: boolean) { this.setProp('bold', v, (r, x) => this.ctx.state.writeStyle(r, { bold: Boolean(x) })); }
  get italic(): boolean { return this.prop('italic'); }
  set italic(v: boolean) { this.setProp('italic', v, (r, x) => this.ctx.state.writeStyle(r, { italic: Boolean(x) })); }
  get color(): string { return this.prop('color'); }
  set color(v: string) { this.setProp('color', v, (r, x) => this.ctx.state.writeStyle(r, { fontColor: normalizeColor(x, 'RangeFont.color') })); }
  get size(): number { return this.prop('size'); }
  set size(v: number) { this.setProp('size', v, (r, x) => this.ctx.state.writeStyle(r, { size: Number(x) })); }
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
function normalizeColor(x: unknown, location: string): string {
  if (typeof x !== 'string') return fail('InvalidArgument', location);
  if (/^#[0-9a-f]{6}$/i.test(x)) return x.toUpperCase();
  return NAMED_COLORS[x.toLowerCase()] ?? fail('InvalidArgument', location);
}
