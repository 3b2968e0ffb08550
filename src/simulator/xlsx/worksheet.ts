/**
 * One worksheet part → cells, merged ranges and the relationship ids of its tables and pivots.
 * Values are the cached `<v>` Excel stored; formulas are kept as text with a leading "=".
 */
import type { CellValue } from '../../excel/api';
import { formatArea, parseArea, columnIndex } from '../../engine/address/a1';
import type { CellModel } from '../model';
import { isoToSerial } from './dates';
import { XlsxLoadError } from './errors';
import type { Styles } from './number-formats';
import { findSheetData, scanSheetData, type RawCell } from './sheet-data';
import { unescapeOoxml } from './shared-strings';
import { shiftFormula } from './shared-formula';
import { attr, child, children, parseXml, refuseDoctype } from './xml';

export interface CellBudget {
  /** Cells still allowed across the whole workbook. */
  remaining: number;
  readonly max: number;
}

export interface SheetContent {
  cells: Record<string, CellModel>;
  merges: string[];
  /** `<dimension ref>` as written, e.g. "A1:D13". */
  dimension?: string;
}

export interface SheetContext {
  part: string;
  sharedStrings: string[];
  styles: Styles;
  date1904: boolean;
  budget: CellBudget;
}

/** Refuses a sheet whose raw XML holds more `<c>` elements than the budget, before parsing it. */
export function precheckCellCount(text: string, ctx: SheetContext): void {
  let count = 0;
  for (let i = text.indexOf('<c'); i >= 0; i = text.indexOf('<c', i + 2)) {
    const next = text.charCodeAt(i + 2);
    // "<c " or "<c>" or "<c/>" only, not "<cols" or "<cfRule".
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) count++;
  }
  if (count > ctx.budget.remaining) throw tooManyCells(ctx);
}

function tooManyCells(ctx: SheetContext): XlsxLoadError {
  return new XlsxLoadError('TooLarge', `The workbook has more than ${ctx.budget.max.toLocaleString('en-US')} cells`, ctx.part);
}

/**
 * Reads a worksheet part's text. `<sheetData>` goes through the dedicated scanner (sheet-data.ts,
 * the part that is large); the rest of the part, with an empty `<sheetData/>` in its place, goes
 * through the XML parser as every other part does.
 */
export function readWorksheet(text: string, ctx: SheetContext): SheetContent {
  refuseDoctype(text, ctx.part);
  const span = findSheetData(text, ctx.part);
  const rest = span ? `${text.slice(0, span.start)}<sheetData/>${text.slice(span.end)}` : text;
  const ws = child(parseXml(rest, ctx.part), 'worksheet');
  if (!ws) throw new XlsxLoadError('Malformed', 'The part is not a worksheet', ctx.part);
  const dimension = attr(child(ws, 'dimension'), 'ref');
  if (dimension) checkDeclaredSize(dimension, ctx);

  const cells: Record<string, CellModel> = {};
  const shared = new Map<string, { row: number; col: number; text: string }>();
  const followers: Array<{ key: string; row: number; col: number; si: string }> = [];
  let nextRow = 0;
  let row = 0;
  let nextCol = 0;
  if (span) {
    scanSheetData(text, span.contentStart, span.contentEnd, ctx.part, {
      row(r) {
        row = (r === undefined ? nextRow + 1 : rowNumber(r, ctx.part)) - 1;
        nextRow = row + 1;
        nextCol = 0;
      },
      cell(c) {
        const at = cellPosition(c.ref, row, nextCol, ctx.part);
        nextCol = at.col + 1;
        const key = `${at.row},${at.col}`;
        const cell = readCell(c, ctx);
        const f = c.f;
        if (f) {
          const si = f.t === 'shared' ? f.si : undefined;
          if (si !== undefined && f.text === '') followers.push({ key, row: at.row, col: at.col, si });
          else {
            if (si !== undefined) shared.set(si, { row: at.row, col: at.col, text: f.text });
            if (f.text !== '') cell.formula = `=${f.text}`;
          }
        }
        if (cell.value === '' && !cell.formula && f === undefined) return;
        if (--ctx.budget.remaining < 0) throw tooManyCells(ctx);
        cells[key] = cell;
      },
    });
  }
  for (const f of followers) {
    const master = shared.get(f.si);
    // A follower without its master cannot be derived; its cached value still stands.
    if (master && cells[f.key]) cells[f.key].formula = `=${shiftFormula(master.text, f.row - master.row, f.col - master.col)}`;
  }
  const merges = children(child(ws, 'mergeCells'), 'mergeCell')
    .map((m) => attr(m, 'ref'))
    .filter((r): r is string => !!r);
  return { cells, merges, dimension };
}

/** A row's `r` (1-based); like the parser's intAttr, a non-number counts as absent. */
function rowNumber(r: string, part: string): number {
  const n = Number(r);
  if (!Number.isInteger(n) || n < 1) throw new XlsxLoadError('Malformed', `Bad row number "${r.slice(0, 20)}"`, part);
  return n;
}

function checkDeclaredSize(dimension: string, ctx: SheetContext): void {
  let area;
  try {
    area = parseArea(dimension);
  } catch {
    return; // A bad dimension is only a hint; the cells themselves are counted anyway.
  }
  if (area.rows * area.columns > ctx.budget.max) {
    throw new XlsxLoadError(
      'TooLarge',
      `The sheet declares ${formatArea(area)} (${(area.rows * area.columns).toLocaleString('en-US')} cells); the limit is ${ctx.budget.max.toLocaleString('en-US')}`,
      ctx.part,
    );
  }
}

function cellPosition(ref: string | undefined, row: number, col: number, part: string): { row: number; col: number } {
  if (!ref) return { row, col };
  const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) throw new XlsxLoadError('Malformed', `Bad cell reference "${ref}"`, part);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

function readCell(c: RawCell, ctx: SheetContext): CellModel {
  const type = c.t ?? 'n';
  const raw = c.v;
  let value: CellValue = '';
  switch (type) {
    case 's': {
      const index = raw === undefined ? NaN : Number(raw);
      const s = ctx.sharedStrings[index];
      if (raw !== undefined && s === undefined) {
        throw new XlsxLoadError('Malformed', `Cell refers to shared string ${raw}, which does not exist`, ctx.part);
      }
      value = s ?? '';
      break;
    }
    case 'inlineStr':
      value = c.is !== undefined ? unescapeOoxml(c.is) : raw ?? '';
      break;
    case 'str':
    case 'e':
      value = raw ?? '';
      break;
    case 'b':
      value = raw === undefined ? '' : raw === '1' || raw === 'true';
      break;
    case 'd':
      value = raw === undefined ? '' : isoToSerial(raw, ctx.date1904) ?? raw;
      break;
    default:
      if (raw !== undefined && raw !== '') {
        const n = Number(raw);
        if (!Number.isFinite(n)) throw new XlsxLoadError('Malformed', `Cell value "${raw.slice(0, 30)}" is not a number`, ctx.part);
        value = n;
      }
  }
  const cell: CellModel = { value };
  const format = ctx.styles.formatOfStyle(styleIndex(c.s));
  if (format !== 'General') cell.numberFormat = format;
  return cell;
}

/** `s` as the parser's intAttr read it: an integer, else absent. */
function styleIndex(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}
