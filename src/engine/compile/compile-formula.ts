import type { FormulaAst } from '../formula/ast';
import { walkFormula } from '../formula/ast';
import { type FormulaRole, checkFormula } from '../formula/check';
import type { FormulaError } from '../formula/formula-error';
import { MAX_FORMULA_DEPTH, parseFormula } from '../formula/parse';

/** One or more formulas failed to parse or check; each problem says where. */
export class QueryFormulaError extends Error {
  readonly problems: ReadonlyArray<{ where: string; error: FormulaError }>;

  constructor(problems: Array<{ where: string; error: FormulaError }>) {
    super(problems.map((p) => `${p.where}: ${p.error.message}`).join('\n'));
    this.name = 'QueryFormulaError';
    this.problems = problems;
  }
}

/**
 * Parse (if text) and check a formula for a role against the fields; collects
 * problems under `where` instead of throwing, so all of them can be shown.
 * ASTs read from a workbook are untrusted JSON: they are depth-checked and
 * checked like freshly parsed ones, and codegen re-validates what it emits.
 */
export function prepareFormula(
  where: string,
  formula: string | FormulaAst,
  role: FormulaRole,
  fields: readonly string[],
  problems: Array<{ where: string; error: FormulaError }>,
): FormulaAst | null {
  let ast: FormulaAst;
  try {
    ast = typeof formula === 'string' ? parseFormula(formula) : formula;
    if (typeof formula !== 'string') {
      walkFormula(ast.root, (_node, depth) => {
        if (depth > MAX_FORMULA_DEPTH * 4) throw new Error(`${where}: formula is nested too deeply`);
      });
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'FormulaError') {
      problems.push({ where, error: e as FormulaError });
      return null;
    }
    throw e;
  }
  // Suggestions only while few problems are known: a spec can hold hundreds of formulas.
  const errors = checkFormula(ast, { role, fields, suggestions: Math.max(0, 8 - problems.length) });
  for (const error of errors) problems.push({ where, error });
  return errors.length ? null : ast;
}
