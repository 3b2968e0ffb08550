/**
 * Data validation rules: which values a cell accepts, and the items of a list dropdown.
 *
 * Excel applies validation only to what a user types or picks; values written through the API
 * are stored as given (then `dataValidation.valid` reports false). The simulator does the same:
 * only `Simulator.setCellAsUser` consults these rules.
 */
import type { CellValue } from '../../excel/api';
import { parseArea, splitSheet } from '../../engine/address/a1';
import { fail } from '../errors';
import { formatValue } from '../format';
import type { DataValidationModel } from '../model';
import { compareExcel, evaluateRuleFormula } from './cell-formula';
import { readerFor, ruleFormula } from './conditional-format';
import { listContains } from './areas';
import type { SheetState } from './sheet';

export interface ValidationContext {
  sheet: SheetState;
  findSheet(name: string): SheetState | undefined;
  /** Resolves a defined name to its cells, for list sources such as "=Regions". */
  resolveName(name: string, sheet: SheetState): { sheet: SheetState; area: { row: number; column: number; rows: number; columns: number } } | undefined;
}

/** The cells a list source formula refers to, or undefined when it is not a reference. */
export function listSourceCells(source: string, ctx: ValidationContext): { sheet: SheetState; area: ReturnType<typeof parseArea> } | undefined {
  if (!source.startsWith('=')) return undefined;
  const text = source.slice(1).trim();
  const { sheet: sheetName, local } = splitSheet(text);
  const sheet = sheetName === undefined ? ctx.sheet : ctx.findSheet(sheetName);
  if (!sheet) return undefined;
  try {
    return { sheet, area: parseArea(local) };
  } catch {
    return sheetName === undefined ? ctx.resolveName(local, ctx.sheet) : undefined;
  }
}

/**
 * Checks a list source as Excel does when the rule is set: a non-empty item list, or a reference
 * to one row or one column. Fails with InvalidArgument otherwise.
 */
export function checkListSource(source: string, ctx: ValidationContext, location: string): void {
  if (source.trim() === '' || source.trim() === '=') fail('InvalidArgument', location, 'The list source is empty.');
  if (!source.startsWith('=')) {
    if (source.length > 255) fail('InvalidArgument', location, 'A typed list can hold at most 255 characters; put the items in cells and refer to them.');
    return;
  }
  const ref = listSourceCells(source, ctx);
  if (!ref) fail('InvalidArgument', location, `The list source ${source} is not a reference Excel can use.`);
  if (ref.area.rows > 1 && ref.area.columns > 1) fail('InvalidArgument', location, 'A list source must be one row or one column.');
}

/** The dropdown's items as the user sees them. */
export function listItems(dv: DataValidationModel, ctx: ValidationContext): string[] {
  const source = dv.list?.source ?? '';
  const ref = listSourceCells(source, ctx);
  if (ref) {
    const out: string[] = [];
    const { sheet, area } = ref;
    for (let r = area.row; r < area.row + Math.min(area.rows, 10_000); r++) {
      for (let c = area.column; c < area.column + area.columns; c++) {
        const v = sheet.value(r, c);
        // Excel lists every cell of the source, blanks included; a dashboard never wants blanks.
        if (v !== '') out.push(formatValue(v, sheet.numberFormat(r, c)));
      }
    }
    return out;
  }
  if (source.startsWith('=')) return [];
  return source.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** The validation covering a cell, if any. */
export function validationAt(sheet: SheetState, row: number, column: number): DataValidationModel | undefined {
  return sheet.dataValidations.find((dv) => listContains(dv.ranges, row, column));
}

/** Whether `value` satisfies `dv` at (row, column). Lists compare case-insensitively, as Excel does. */
export function isValidValue(dv: DataValidationModel, value: CellValue, row: number, column: number, ctx: ValidationContext): boolean {
  if (value === '') return dv.ignoreBlanks;
  const read = readerFor(ctx.sheet, ctx.findSheet);
  const anchor = parseArea(dv.ranges[0]);
  const dr = row - anchor.row, dc = column - anchor.column;
  if (dv.type === 'List') {
    const text = typeof value === 'string' ? value : formatValue(value, ctx.sheet.numberFormat(row, column));
    const lower = text.toLowerCase();
    return listItems(dv, ctx).some((item) => item.toLowerCase() === lower);
  }
  if (dv.type === 'Custom') {
    const v = evaluateRuleFormula(ruleFormula(dv.custom?.formula ?? '', 'DataValidation.rule'), read, dr, dc);
    return v === true || (typeof v === 'number' && v !== 0);
  }
  const basic = dv.basic;
  if (!basic || typeof value !== 'number') return false;
  if (dv.type === 'WholeNumber' && !Number.isInteger(value)) return false;
  const bound = (f: string | number | undefined) => {
    if (typeof f === 'number') return f;
    const v = evaluateRuleFormula(ruleFormula(String(f ?? ''), 'DataValidation.rule'), read, dr, dc);
    return typeof v === 'number' ? v : NaN;
  };
  const a = bound(basic.formula1);
  const c = compareExcel(value, a);
  switch (basic.operator) {
    case 'EqualTo': return c === 0;
    case 'NotEqualTo': return c !== 0;
    case 'GreaterThan': return c > 0;
    case 'LessThan': return c < 0;
    case 'GreaterThanOrEqualTo': return c >= 0;
    case 'LessThanOrEqualTo': return c <= 0;
    default: {
      const b = bound(basic.formula2);
      const inside = value >= Math.min(a, b) && value <= Math.max(a, b);
      return basic.operator === 'NotBetween' ? !inside : inside;
    }
  }
}
