/**
 * What conditional formats do to a cell: Excel evaluates each rule of the cell in priority order;
 * the first true rule sets the properties it defines, later true rules only fill properties still
 * unset, and a true rule with stopIfTrue ends the evaluation.
 */
import type { CellValue } from '../../excel/api';
import { parseArea } from '../../engine/address/a1';
import { fail } from '../errors';
import type { ConditionalFormatModel, ConditionalFormatStyleModel } from '../model';
import { type CellReader, compareExcel, evaluateRuleFormula, type FormulaNode, FormulaSyntaxError, parseRuleFormula, ruleHolds } from './cell-formula';
import { listContains } from './areas';
import type { SheetState } from './sheet';

export const CELL_VALUE_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'] as const;

const parsed = new Map<string, FormulaNode>();

/** Parses (cached) a rule formula; a formula we cannot read fails like Excel with InvalidArgument. */
export function ruleFormula(text: string, location: string): FormulaNode {
  let node = parsed.get(text);
  if (node) return node;
  try {
    node = parseRuleFormula(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return fail('InvalidArgument', location, error.message);
    throw error;
  }
  parsed.set(text, node);
  return node;
}

/** A reader of cell values for rule formulas on `sheet`, other sheets found by name. */
export function readerFor(sheet: SheetState, findSheet: (name: string) => SheetState | undefined): CellReader {
  return (name, row, column) => {
    const s = name === undefined ? sheet : findSheet(name);
    if (!s) return '#REF!';
    return s.value(row, column);
  };
}

function anchorOf(cf: ConditionalFormatModel): { row: number; column: number } {
  const a = parseArea(cf.ranges[0]);
  return { row: a.row, column: a.column };
}

/** Whether `cf`'s rule holds for the cell (row, column) holding `value`. */
export function conditionHolds(cf: ConditionalFormatModel, value: CellValue, row: number, column: number, read: CellReader): boolean {
  const at = anchorOf(cf);
  const dr = row - at.row, dc = column - at.column;
  if (cf.type === 'Custom') return cf.formula ? ruleHolds(ruleFormula(cf.formula, 'ConditionalFormatRule.formula'), read, dr, dc) : false;
  const rule = cf.cellValue;
  if (!rule) return false;
  const v = value === '' ? null : value;
  const f1 = evaluateRuleFormula(ruleFormula(rule.formula1, 'CellValueConditionalFormat.rule'), read, dr, dc);
  if (f1 === undefined) return false;
  const c1 = compareExcel(v, f1);
  switch (rule.operator) {
    case 'EqualTo': return c1 === 0;
    case 'NotEqualTo': return c1 !== 0;
    case 'GreaterThan': return c1 > 0;
    case 'LessThan': return c1 < 0;
    case 'GreaterThanOrEqual': return c1 >= 0;
    case 'LessThanOrEqual': return c1 <= 0;
    case 'Between': case 'NotBetween': {
      const f2 = evaluateRuleFormula(ruleFormula(rule.formula2 ?? '', 'CellValueConditionalFormat.rule'), read, dr, dc);
      if (f2 === undefined) return false;
      // Excel accepts the bounds in either order.
      const [lo, hi] = compareExcel(f1, f2) <= 0 ? [f1, f2] : [f2, f1];
      const inside = compareExcel(v, lo) >= 0 && compareExcel(v, hi) <= 0;
      return rule.operator === 'Between' ? inside : !inside;
    }
    default: return false;
  }
}

/**
 * The conditional formatting Excel draws on one cell, or undefined when no rule applies.
 * @example
 * // B5 holds -3 and a CellValue rule LessThan "=0" with red font covers B5:B9
 * conditionalStyle(sheet, 4, 1, read) // { fontColor: '#FF0000' }
 */
export function conditionalStyle(sheet: SheetState, row: number, column: number, read: CellReader): ConditionalFormatStyleModel | undefined {
  let out: ConditionalFormatStyleModel | undefined;
  for (const cf of sheet.conditionalFormats) {
    if (!listContains(cf.ranges, row, column)) continue;
    if (!conditionHolds(cf, sheet.value(row, column), row, column, read)) continue;
    out ??= {};
    for (const [k, v] of Object.entries(cf.format) as Array<[keyof ConditionalFormatStyleModel, never]>) {
      if (v !== undefined && out[k] === undefined) out[k] = v;
    }
    if (cf.stopIfTrue) break;
  }
  return out;
}
