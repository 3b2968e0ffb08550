import { findMeasureByName, measureTitle, type MeasureKind } from '../../engine';
import {
  checkFormula,
  FormulaError,
  formatFieldRef,
  FUNCTIONS,
  functionAlias,
  lookupFunction,
  normalizeFormula,
  parseFormula,
  type FormulaRole,
  type NormalizedFormula,
} from '../../engine/formula';

/** One completion the formula editor offers. */
export interface Completion {
  /** What the list shows. */
  label: string;
  /** The whole new formula text when chosen. */
  text: string;
  detail: string;
}

/**
 * Problems with a formula as messages that point at the offending part
 * ("Unknown function MEDIN at 1:1 — did you mean MEDIAN?"); empty when it is fine.
 * @example formulaProblems('SUM([Revenue])', ['Revenue'], 'measure') // []
 */
export function formulaProblems(text: string, fields: readonly string[], role: FormulaRole = 'measure'): string[] {
  if (text.trim() === '') return [];
  let problems: string[];
  try {
    problems = checkFormula(parseFormula(text), { role, fields }).map((e) => e.message);
  } catch (error) {
    if (error instanceof FormulaError) problems = [error.message];
    else problems = [error instanceof Error ? error.message : String(error)];
  }
  // A name the formulas read as their own (COUNTROWS(), DISTINCTCOUNTNOBLANK) is no problem.
  const foreign = problems.length && role === 'measure' ? foreignMeasureCall(text) : undefined;
  return foreign ? [foreign.message] : problems;
}

/**
 * The formula as it is saved (names from Excel or DAX written as PivotDeck's, e.g.
 * DISTINCTCOUNTNOBLANK as COUNTDISTINCT) and one note per name, e.g. "DISTINCTCOUNTNOBLANK is
 * read as COUNTDISTINCT"; shown as the formula box's hint until the value is saved.
 * @example formulaAliases('COUNTROWS()').text // 'COUNTA(1)'
 */
export function formulaAliases(text: string): NormalizedFormula {
  return normalizeFormula(text);
}

/**
 * Completions for the end of the text: field names after an open "[", function names after
 * letters. At most 6, best (prefix) matches first.
 * @example formulaCompletions('MED', ['Revenue'])[0].text // 'MEDIAN('
 * @example formulaCompletions('SUM([Re', ['Revenue'])[0].text // 'SUM([Revenue]'
 */
export function formulaCompletions(text: string, fields: readonly string[]): Completion[] {
  const field = /\[([^\]]*)$/.exec(text);
  if (field) {
    const typed = field[1].toLowerCase();
    const head = text.slice(0, field.index);
    return rank(fields, typed).map((f) => ({ label: `[${f}]`, text: `${head}${formatFieldRef(f)}`, detail: 'field' }));
  }
  const word = /([A-Za-z][A-Za-z.]*)$/.exec(text);
  if (!word) return [];
  const head = text.slice(0, word.index);
  const names = FUNCTIONS.map((f) => f.name);
  return rank(names, word[1].toLowerCase()).map((name) => ({
    label: name,
    text: `${head}${name}(`,
    detail: FUNCTIONS.find((f) => f.name === name)?.signature ?? '',
  }));
}

function rank(candidates: readonly string[], typed: string): string[] {
  const unique = [...new Set(candidates)];
  const starts = unique.filter((c) => c.toLowerCase().startsWith(typed));
  const inside = unique.filter((c) => !c.toLowerCase().startsWith(typed) && c.toLowerCase().includes(typed));
  return [...starts, ...inside].slice(0, 6);
}

/** A whole formula that is one call of a function from Excel or DAX our language does not have. */
export interface ForeignCall {
  /** The PivotDeck measure it means. */
  kind: MeasureKind;
  /** The field in its brackets, if it named one. */
  field?: string;
  /** What to do, in plain words, naming PivotDeck's measure. */
  message: string;
}

/**
 * A formula such as `COUNTROWS(Sales)` or `DISTINCTCOUNT([Customer])`: a name users bring from
 * DAX or Excel that our formula language does not know but a measure of the picker does. Answered
 * with the PivotDeck name (and what differs, for near names) so the form can switch to it.
 * @example foreignMeasureCall('COUNTROWS(Sales)')?.kind // 'count'
 * @example foreignMeasureCall('MEDIAN([Revenue])') // undefined: the language has MEDIAN
 */
export function foreignMeasureCall(text: string): ForeignCall | undefined {
  const call = /^\s*([A-Za-z][A-Za-z.]*)\s*\(\s*(?:\[([^\]]*)\])?[^)]*\)\s*$/.exec(text);
  if (!call || lookupFunction(call[1]) || (functionAlias(call[1]) && normalizeFormula(text).notes.length)) return undefined;
  const match = findMeasureByName(call[1]);
  if (!match || match.kind === 'formula') return undefined;
  const name = call[1].toUpperCase();
  const title = measureTitle(match.kind);
  const field = call[2]?.trim() || undefined;
  const rest = match.note ? ` ${match.note}` : '';
  return { kind: match.kind, field, message: `PivotDeck has no ${name} in formulas: choose “${title}” under Summarize by instead.${rest}` };
}
