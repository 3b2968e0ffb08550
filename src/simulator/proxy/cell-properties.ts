/**
 * Range.getCellProperties and Range.setCellProperties (ExcelApi 1.9): per-cell formatting read
 * or written in one call, one object per cell. Excel documents them as returning "a 2D array
 * where each item represents the requested properties of the corresponding cell", and
 * setCellProperties as taking "a 2D array that represents which properties to set in each cell"
 * (Range.getCellProperties / Range.setCellProperties, learn.microsoft.com).
 *
 * The subset modelled is what the simulator keeps per cell: address, format.fill (color,
 * pattern), format.font (bold, italic, color, size, name), format.horizontalAlignment,
 * verticalAlignment and wrapText. Asking for anything else throws, so a caller never mistakes an
 * unmodelled property for an empty one. As Excel does, a cell without a fill reads as colour
 * "#FFFFFF" with pattern "None", and a pattern of "None" written removes the fill.
 */
import { fail } from '../errors';
import type { CellStyle } from '../state/sheet';
import type { RangeRef } from '../state/workbook';
import { columnName, quoteSheet } from '../../engine/address/a1';

/** Excel answers per cell; more cells than this in one call is refused (far above Excel's own 5 MB response). */
const MAX_CELLS = 1_000_000;

const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

type Flags = Record<string, unknown>;

function notModelled(what: string): never {
  throw new Error(`The Excel simulator does not model the cell property ${what}; add it to src/simulator/proxy/cell-properties.ts.`);
}

function keys(flags: unknown, where: string, allowed: string[]): string[] {
  if (flags === undefined || flags === false) return [];
  if (flags === true) return allowed;
  if (typeof flags !== 'object' || flags === null) return fail('InvalidArgument', 'Range.getCellProperties');
  const out: string[] = [];
  for (const [k, v] of Object.entries(flags as Flags)) {
    if (!allowed.includes(k)) notModelled(`${where}${k}`);
    if (v) out.push(k);
  }
  return out;
}

/**
 * The requested properties of every cell of the range, row by row.
 * @example readCellProperties(ref, { format: { fill: { color: true } } })[0][0] // { format: { fill: { color: '#FFFFFF' } } }
 */
export function readCellProperties(ref: RangeRef, load: unknown): unknown[][] {
  const { sheet, area } = ref;
  if (area.rows * area.columns > MAX_CELLS) fail('RangeExceedsLimit', 'Range.getCellProperties');
  if (typeof load !== 'object' || load === null) fail('InvalidArgument', 'Range.getCellProperties');
  const top = keys(load, '', ['address', 'format']);
  const format = (load as Flags).format;
  const formatKeys = top.includes('format') ? keys(format, 'format.', ['fill', 'font', 'horizontalAlignment', 'verticalAlignment', 'wrapText']) : [];
  const fill = formatKeys.includes('fill') ? keys((format as Flags).fill, 'format.fill.', ['color', 'pattern']) : [];
  const font = formatKeys.includes('font') ? keys((format as Flags).font, 'format.font.', ['bold', 'italic', 'color', 'size', 'name']) : [];
  const out: unknown[][] = [];
  for (let i = 0; i < area.rows; i++) {
    const line: unknown[] = [];
    for (let j = 0; j < area.columns; j++) {
      const row = area.row + i, column = area.column + j;
      const s: CellStyle = sheet.style(row, column) ?? {};
      const cell: Flags = {};
      if (top.includes('address')) cell.address = `${quoteSheet(sheet.name)}!${columnName(column)}${row + 1}`;
      if (formatKeys.length) {
        const f: Flags = {};
        if (fill.length) {
          const x: Flags = {};
          if (fill.includes('color')) x.color = s.fill ?? '#FFFFFF';
          if (fill.includes('pattern')) x.pattern = s.fill ? 'Solid' : 'None';
          f.fill = x;
        }
        if (font.length) {
          const x: Flags = {};
          if (font.includes('bold')) x.bold = s.bold ?? false;
          if (font.includes('italic')) x.italic = s.italic ?? false;
          if (font.includes('color')) x.color = s.fontColor ?? '#000000';
          if (font.includes('size')) x.size = s.size ?? 11;
          if (font.includes('name')) x.name = s.fontName ?? 'Calibri';
          f.font = x;
        }
        if (formatKeys.includes('horizontalAlignment')) f.horizontalAlignment = s.horizontalAlignment ?? 'General';
        if (formatKeys.includes('verticalAlignment')) f.verticalAlignment = s.verticalAlignment ?? 'Bottom';
        if (formatKeys.includes('wrapText')) f.wrapText = s.wrapText ?? false;
        cell.format = f;
      }
      line.push(cell);
    }
    out.push(line);
  }
  return out;
}

/**
 * Applies one object per cell; the array must have the range's rows and columns (Excel refuses
 * another shape). A property left out of a cell's object leaves that property as it is.
 * `color` turns "#RRGGBB" or an HTML colour name into "#RRGGBB", refusing anything else.
 */
export function writeCellProperties(ref: RangeRef, values: unknown, color: (x: unknown, location: string) => string): void {
  const { sheet, area } = ref;
  const where = 'Range.setCellProperties';
  if (!Array.isArray(values) || values.length !== area.rows) fail('InvalidArgument', where);
  const patches: Array<Array<CellStyle | null>> = values.map((line: unknown) => {
    if (!Array.isArray(line) || line.length !== area.columns) return fail('InvalidArgument', where);
    return line.map((cell: unknown) => patchOf(cell, color));
  });
  // Checked first, applied after: a refused array changes nothing.
  patches.forEach((line, i) => line.forEach((patch, j) => {
    if (patch) sheet.setStyle(area.row + i, area.column + j, patch);
  }));
  sheet.touch();
}

function patchOf(cell: unknown, color: (x: unknown, location: string) => string): CellStyle | null {
  const where = 'Range.setCellProperties';
  if (cell === null || cell === undefined) return null;
  if (typeof cell !== 'object') return fail('InvalidArgument', where);
  const patch: CellStyle = {};
  let any = false;
  const set = <K extends keyof CellStyle>(k: K, v: CellStyle[K]) => { patch[k] = v; any = true; };
  for (const k of Object.keys(cell)) if (k !== 'format') notModelled(k);
  const format = (cell as Flags).format;
  if (format === undefined) return null;
  if (typeof format !== 'object' || format === null) return fail('InvalidArgument', where);
  for (const [k, v] of Object.entries(format as Flags)) {
    if (k === 'fill') {
      const fill = v as Flags;
      for (const f of Object.keys(fill)) if (f !== 'color' && f !== 'pattern') notModelled(`format.fill.${f}`);
      if (fill.color !== undefined) set('fill', color(fill.color, where));
      if (fill.pattern !== undefined) {
        if (fill.pattern === 'None') set('fill', undefined);
        else if (fill.pattern !== 'Solid') notModelled(`format.fill.pattern ${String(fill.pattern)}`);
      }
    } else if (k === 'font') {
      const font = v as Flags;
      for (const [f, x] of Object.entries(font)) {
        if (f === 'bold' || f === 'italic') set(f, Boolean(x));
        else if (f === 'color') set('fontColor', color(x, where));
        else if (f === 'size') set('size', typeof x === 'number' && x >= 1 && x <= 409 ? x : fail('InvalidArgument', where));
        else if (f === 'name') set('fontName', typeof x === 'string' && x.trim() !== '' ? x : fail('InvalidArgument', where));
        else notModelled(`format.font.${f}`);
      }
    } else if (k === 'horizontalAlignment') {
      set('horizontalAlignment', HORIZONTAL.includes(String(v)) ? String(v) : fail('InvalidArgument', where));
    } else if (k === 'verticalAlignment') {
      set('verticalAlignment', VERTICAL.includes(String(v)) ? String(v) : fail('InvalidArgument', where));
    } else if (k === 'wrapText') {
      set('wrapText', Boolean(v));
    } else {
      notModelled(`format.${k}`);
    }
  }
  return any ? patch : null;
}
