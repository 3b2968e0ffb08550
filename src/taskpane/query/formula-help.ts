import { checkFormula, FormulaError, formatFieldRef, FUNCTIONS, parseFormula, type FormulaRole } from '../../engine/formula';

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
  try {
    return checkFormula(parseFormula(text), { role, fields }).map((e) => e.message);
  } catch (error) {
    if (error instanceof FormulaError) return [error.message];
    return [error instanceof Error ? error.message : String(error)];
  }
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
