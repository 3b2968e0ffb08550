import { checkFormula, FormulaError, normalizeFormula, parseFormula, type NormalizedFormula } from '../../engine/formula';

/**
 * Problems with a custom measure formula, as messages that point at the offending part
 * ("Unknown function MEDIN at 1:1 — did you mean MEDIAN?"); empty when the formula is fine.
 *
 * @example formulaProblems('SUM([Revenue]) / SUM([Units])', ['Revenue', 'Units']) // []
 */
export function formulaProblems(text: string, fields: readonly string[]): string[] {
  if (text.trim() === '') return ['Type a formula, e.g. SUM([Revenue]) / SUM([Units]).'];
  try {
    return checkFormula(parseFormula(text), { role: 'measure', fields }).map((e) => e.message);
  } catch (error) {
    if (error instanceof FormulaError) return [error.message];
    return [error instanceof Error ? error.message : String(error)];
  }
}

/**
 * The formula as it is saved (names from Excel or DAX written as PivotDeck's, e.g. COUNTROWS() as
 * COUNTA(1)) and one note per name ("COUNTROWS() is read as COUNTA(1), which counts every row"),
 * shown under the formula until the measure is added.
 * @example formulaAliases('DISTINCTCOUNTNOBLANK([Customer])').notes // ['DISTINCTCOUNTNOBLANK is read as COUNTDISTINCT']
 */
export function formulaAliases(text: string): NormalizedFormula {
  return normalizeFormula(text);
}
