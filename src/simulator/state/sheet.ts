/**
 * One worksheet's cells, stored sparsely by row: a Map from row number to a row record whose
 * arrays are indexed by column. Why rows of arrays: tables are written and read a block of rows
 * at a time, so a block read costs one Map lookup per row plus an array slice, independent of
 * how much else the sheet holds; a 1,000,000-row table is 1,000,000 small arrays, not
 * 11,000,000 cell objects.
 */
import type { CellValue } from '../../excel/api';
import type { Area } from '../../engine/address/a1';
import { MAX_COLUMNS } from '../../engine/address/a1';
import type { CellStyleModel, ChartModel, ConditionalFormatModel, DataValidationModel } from '../model';

/** Cell formatting the simulator keeps (the workbench grid shows fonts, fills, borders, alignment). */
export type CellStyle = CellStyleModel;

export interface Row {
  /** Values by column; a hole or "" is an empty cell. */
  v: CellValue[];
  /** Number formats by column; a hole is "General". */
  nf?: (string | undefined)[];
  /** Formulas by column. */
  fx?: (string | undefined)[];
  /** Styles by column (shared objects, never mutated in place). */
  st?: (CellStyle | undefined)[];
}

export type ClearWhat = 'All' | 'Formats' | 'Contents';

/** Default column width in points (Excel's 8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Default row height in points (Calibri 11). */
export const DEFAULT_ROW_HEIGHT = 15;

let nextSheetId = 1;

export class SheetState {
  readonly id: string;
  name: string;
  visible: boolean;
  readonly rows = new Map<number, Row>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  merges: string[];
  /** Native charts, plain models (their series reference cells by address). */
  charts: ChartModel[] = [];
  /** Conditional formats in priority order (index 0 = priority 0, evaluated first). */
  conditionalFormats: ConditionalFormatModel[] = [];
  dataValidations: DataValidationModel[] = [];
  showGridlines = true;
  tabColor = '';
  freeze = { rows: 0, columns: 0 };
  /** Rows that hold (or held) a formula: what recalculation visits; stale entries are skipped. */
  readonly fxRows = new Set<number>();
  /** Cached used areas; undefined = stale. `null` = the sheet is empty. */
  private usedAll: Area | null | undefined;
  private usedValues: Area | null | undefined;

  constructor(name: string, options: { id?: string; visible?: boolean; merges?: string[] } = {}) {
    this.id = options.id ?? `{SHEET-${String(nextSheetId++).padStart(4, '0')}}`;
    this.name = name;
    this.visible = options.visible ?? true;
    this.merges = options.merges ?? [];
  }

  columnWidth(c: number): number {
    return this.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  }
  rowHeight(r: number): number {
    return this.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
  }
  /** Points from the sheet's left edge to the left edge of column `c`. */
  columnLeft(c: number): number {
    let x = 0;
    for (let i = 0; i < c; i++) x += this.columnWidth(i);
    return x;
  }
  /** Points from the sheet's top edge to the top edge of row `r`. */
  rowTop(r: number): number {
    let y = r * DEFAULT_ROW_HEIGHT;
    for (const [row, h] of this.rowHeights) if (row < r) y += h - DEFAULT_ROW_HEIGHT;
    return y;
  }

  /** Marks cached used areas stale; every mutation calls it. */
  touch(): void {
    this.usedAll = undefined;
    this.usedValues = undefined;
  }

  /**
   * After writing non-empty values into `area`: grows the cached used areas instead of
   * dropping them, so chunked writes followed by getUsedRange stay linear on huge sheets.
   */
  grewBy(area: Area): void {
    const grow = (a: Area | null | undefined): Area | null | undefined => {
      if (a === undefined) return undefined;
      if (a === null) return { ...area };
      const row = Math.min(a.row, area.row);
      const column = Math.min(a.column, area.column);
      const endRow = Math.max(a.row + a.rows, area.row + area.rows);
      const endCol = Math.max(a.column + a.columns, area.column + area.columns);
      return { row, column, rows: endRow - row, columns: endCol - column };
    };
    this.usedAll = grow(this.usedAll);
    this.usedValues = grow(this.usedValues);
  }

  /** The row record, created when missing (callers must `touch()` after writing). */
  rowFor(r: number): Row {
    return this.row(r);
  }

  private row(r: number): Row {
    let row = this.rows.get(r);
    if (!row) {
      row = { v: [] };
      this.rows.set(r, row);
    }
    return row;
  }

  value(r: number, c: number): CellValue {
    return this.rows.get(r)?.v[c] ?? '';
  }
  numberFormat(r: number, c: number): string {
    return this.rows.get(r)?.nf?.[c] ?? 'General';
  }
  formula(r: number, c: number): string | undefined {
    return this.rows.get(r)?.fx?.[c];
  }
  style(r: number, c: number): CellStyle | undefined {
    return this.rows.get(r)?.st?.[c];
  }

  /** Stores one cell. `formula` undefined removes a formula; "General" removes a format. */
  setCell(r: number, c: number, value: CellValue, numberFormat?: string, formula?: string): void {
    const row = this.row(r);
    row.v[c] = value;
    if (numberFormat !== undefined) this.setFormat(r, c, numberFormat, row);
    if (formula !== undefined || row.fx) (row.fx ??= [])[c] = formula;
    if (formula !== undefined) this.fxRows.add(r);
    this.touch();
  }

  setValue(r: number, c: number, value: CellValue): void {
    this.row(r).v[c] = value;
  }

  setFormula(r: number, c: number, formula: string | undefined): void {
    const row = this.row(r);
    if (formula === undefined && !row.fx) return;
    (row.fx ??= [])[c] = formula;
    if (formula !== undefined) this.fxRows.add(r);
  }

  setFormat(r: number, c: number, format: string, row: Row = this.row(r)): void {
    if (format === 'General') {
      if (row.nf) row.nf[c] = undefined;
    } else {
      (row.nf ??= [])[c] = format;
    }
  }

  setStyle(r: number, c: number, patch: CellStyle | undefined): void {
    const row = this.row(r);
    if (patch === undefined) {
      if (row.st) row.st[c] = undefined;
      return;
    }
    const current = row.st?.[c];
    (row.st ??= [])[c] = { ...current, ...patch };
  }

  /** Values of an area, "" for empty, row-major. */
  readValues(area: Area): CellValue[][] {
    const out: CellValue[][] = new Array(area.rows);
    const end = area.column + area.columns;
    for (let i = 0; i < area.rows; i++) {
      const row = this.rows.get(area.row + i);
      const line: CellValue[] = new Array(area.columns);
      if (!row) line.fill('');
      else for (let c = area.column; c < end; c++) line[c - area.column] = row.v[c] ?? '';
      out[i] = line;
    }
    return out;
  }

  readFormats(area: Area): string[][] {
    const out: string[][] = new Array(area.rows);
    const end = area.column + area.columns;
    for (let i = 0; i < area.rows; i++) {
      const nf = this.rows.get(area.row + i)?.nf;
      const line: string[] = new Array(area.columns);
      if (!nf) line.fill('General');
      else for (let c = area.column; c < end; c++) line[c - area.column] = nf[c] ?? 'General';
      out[i] = line;
    }
    return out;
  }

  /** Formulas where a cell has one, otherwise its value (what `range.formulas` returns). */
  readFormulas(area: Area): CellValue[][] {
    const values = this.readValues(area);
    for (let i = 0; i < area.rows; i++) {
      const fx = this.rows.get(area.row + i)?.fx;
      if (!fx) continue;
      for (let c = 0; c < area.columns; c++) {
        const f = fx[area.column + c];
        if (f !== undefined) values[i][c] = f;
      }
    }
    return values;
  }

  /** Rows of the area that exist (hold anything); lets whole-column operations skip empty rows. */
  existingRows(area: Area): number[] {
    const end = area.row + area.rows;
    if (area.rows <= this.rows.size) {
      const out: number[] = [];
      for (let r = area.row; r < end; r++) if (this.rows.has(r)) out.push(r);
      return out;
    }
    const out: number[] = [];
    for (const r of this.rows.keys()) if (r >= area.row && r < end) out.push(r);
    return out.sort((a, b) => a - b);
  }

  /** Clears contents and/or formats of an area. */
  clear(area: Area, what: ClearWhat): void {
    const contents = what !== 'Formats';
    const formats = what !== 'Contents';
    const end = area.column + area.columns;
    for (const r of this.existingRows(area)) {
      const row = this.rows.get(r)!;
      for (let c = area.column; c < end; c++) {
        if (contents) {
          if (c < row.v.length) row.v[c] = '';
          if (row.fx && c < row.fx.length) row.fx[c] = undefined;
        }
        if (formats) {
          if (row.nf && c < row.nf.length) row.nf[c] = undefined;
          if (row.st && c < row.st.length) row.st[c] = undefined;
        }
      }
      if (isRowEmpty(row)) this.rows.delete(r);
    }
    if (formats && area.rows >= 1_048_576) {
      for (let c = area.column; c < end; c++) this.columnWidths.delete(c);
    }
    this.touch();
  }

  /**
   * Moves cells along rows (Range.insert 'Down' / Range.delete 'Up'): from row `at`, cells in
   * columns c1..c2 move by `count` rows (negative deletes rows at..at-count-1). Whole-row moves
   * re-key rows; a column band moves cell by cell.
   */
  shiftRows(at: number, count: number, c1: number, c2: number): void {
    const whole = c1 === 0 && c2 >= MAX_COLUMNS - 1;
    const keys = [...this.rows.keys()].filter((r) => r >= at).sort((a, b) => (count > 0 ? b - a : a - b));
    if (whole) {
      for (const r of keys) {
        const row = this.rows.get(r)!;
        this.rows.delete(r);
        if (count < 0 && r < at - count) continue;
        this.rows.set(r + count, row);
      }
      const heights = [...this.rowHeights].filter(([r]) => r >= at);
      for (const [r] of heights) this.rowHeights.delete(r);
      for (const [r, h] of heights) if (!(count < 0 && r < at - count)) this.rowHeights.set(r + count, h);
    } else {
      if (count < 0) this.clearCells(at, at - count - 1, c1, c2);
      for (const r of keys) {
        if (count < 0 && r < at - count) continue;
        this.moveCells(r, r + count, c1, c2);
      }
    }
    this.fxRows.clear();
    for (const [r, row] of this.rows) if (row.fx) this.fxRows.add(r);
    this.touch();
  }

  /** Moves cells along columns (Range.insert 'Right' / Range.delete 'Left') in rows r1..r2. */
  shiftColumns(at: number, count: number, r1: number, r2: number): void {
    for (const [r, row] of this.rows) {
      if (r < r1 || r > r2) continue;
      for (const key of ['v', 'nf', 'fx', 'st'] as const) {
        const arr = row[key] as unknown[] | undefined;
        if (!arr || arr.length <= at) continue;
        if (count > 0) arr.splice(at, 0, ...new Array<undefined>(count));
        else arr.splice(at, -count);
      }
    }
    const widths = [...this.columnWidths].filter(([c]) => c >= at);
    if (r1 === 0 && r2 >= 1_048_575) {
      for (const [c] of widths) this.columnWidths.delete(c);
      for (const [c, w] of widths) if (!(count < 0 && c < at - count)) this.columnWidths.set(c + count, w);
    }
    this.touch();
  }

  private clearCells(r1: number, r2: number, c1: number, c2: number): void {
    this.clear({ row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 }, 'All');
  }

  private moveCells(from: number, to: number, c1: number, c2: number): void {
    const src = this.rows.get(from);
    if (!src) return;
    const dst = this.row(to);
    for (let c = c1; c <= Math.min(c2, Math.max(src.v.length, src.nf?.length ?? 0, src.fx?.length ?? 0, src.st?.length ?? 0) - 1); c++) {
      dst.v[c] = src.v[c] ?? '';
      if (src.nf?.[c] !== undefined || dst.nf) (dst.nf ??= [])[c] = src.nf?.[c];
      if (src.fx?.[c] !== undefined || dst.fx) (dst.fx ??= [])[c] = src.fx?.[c];
      if (src.st?.[c] !== undefined || dst.st) (dst.st ??= [])[c] = src.st?.[c];
      src.v[c] = '';
      if (src.nf) src.nf[c] = undefined;
      if (src.fx) src.fx[c] = undefined;
      if (src.st) src.st[c] = undefined;
    }
    if (isRowEmpty(src)) this.rows.delete(from);
  }

  /**
   * The smallest area inside `area` holding every non-empty cell of it (Range.getUsedRange: "the
   * used range of the given range object"), or null when none is.
   */
  usedAreaWithin(area: Area, valuesOnly: boolean): Area | null {
    const whole = this.usedArea(valuesOnly);
    if (!whole) return null;
    let minR = Infinity, maxR = -1, minC = Infinity, maxC = -1;
    const end = area.column + area.columns;
    for (const r of this.existingRows(area)) {
      const row = this.rows.get(r)!;
      for (let c = area.column; c < end; c++) {
        const used = (row.v[c] !== undefined && row.v[c] !== '') || row.fx?.[c] !== undefined
          || (!valuesOnly && (row.nf?.[c] !== undefined || row.st?.[c] !== undefined));
        if (!used) continue;
        if (r < minR) minR = r;
        if (r > maxR) maxR = r;
        if (c < minC) minC = c;
        if (c > maxC) maxC = c;
      }
    }
    return maxR < 0 ? null : { row: minR, column: minC, rows: maxR - minR + 1, columns: maxC - minC + 1 };
  }

  /**
   * The smallest area holding every non-empty cell (values, formulas, and unless `valuesOnly`
   * also formats), or null for an empty sheet. Cached until the next mutation.
   */
  usedArea(valuesOnly = false): Area | null {
    const cached = valuesOnly ? this.usedValues : this.usedAll;
    if (cached !== undefined) return cached;
    let minR = Infinity, maxR = -1, minC = Infinity, maxC = -1;
    for (const [r, row] of this.rows) {
      const [lo, hi] = rowSpan(row, valuesOnly);
      if (hi < 0) continue;
      if (r < minR) minR = r;
      if (r > maxR) maxR = r;
      if (lo < minC) minC = lo;
      if (hi > maxC) maxC = hi;
    }
    const area = maxR < 0 ? null : { row: minR, column: minC, rows: maxR - minR + 1, columns: Math.min(MAX_COLUMNS, maxC - minC + 1) };
    if (valuesOnly) this.usedValues = area;
    else this.usedAll = area;
    return area;
  }
}

function isRowEmpty(row: Row): boolean {
  return rowSpan(row, false)[1] < 0;
}

/** First and last used column of a row, [Infinity, -1] when none. */
function rowSpan(row: Row, valuesOnly: boolean): [number, number] {
  let lo = Infinity, hi = -1;
  const scan = (arr: readonly unknown[] | undefined, isUsed: (x: unknown) => boolean) => {
    if (!arr) return;
    for (let c = 0; c < arr.length; c++) {
      if (isUsed(arr[c])) {
        if (c < lo) lo = c;
        break;
      }
    }
    for (let c = arr.length - 1; c >= 0; c--) {
      if (isUsed(arr[c])) {
        if (c > hi) hi = c;
        break;
      }
    }
  };
  scan(row.v, (x) => x !== undefined && x !== '');
  scan(row.fx, (x) => x !== undefined);
  if (!valuesOnly) {
    scan(row.nf, (x) => x !== undefined);
    scan(row.st, (x) => x !== undefined);
  }
  return [lo, hi];
}
