import * as aq from 'arquero';
import type { FormulaAst } from '../formula/ast';
import { resolveField } from '../formula/check';
import type { FormulaError } from '../formula/formula-error';
import { assertGeneratedCode, generateCode } from './codegen';
import { type ColumnLike, columnValues } from './column-values';
import { QueryFormulaError, prepareFormula } from './compile-formula';
import { registerOps } from './register-ops';
import { MAX_BUILT_TEXT, withTextBudget } from './row-functions';

/** A derived field: its new name and a row formula. */
export interface DerivedSpec {
  name: string;
  formula: string | FormulaAst;
  /** Where the formula comes from, for error messages (default: the name). */
  where?: string;
}

type SourceTable = { columnNames(): string[]; column(name: string): unknown; numRows(): number };

/**
 * Compute row formulas as new columns, in order, so a later formula may use an
 * earlier one. Returns the new columns only (name → values); the caller adds
 * them to its table. Like computeMeasures, formulas are checked first (every
 * problem in one QueryFormulaError) and run as generated `op.pd_*` code over
 * aliased columns with bound params: user text never reaches Arquero's parser.
 * @example deriveColumns(aq.table({ x: [1, 2] }), [{ name: 'y', formula: '[x] * 2' }]) // { y: [2, 4] }
 */
export function deriveColumns(table: SourceTable, derived: readonly DerivedSpec[]): Map<string, ArrayLike<unknown>> {
  registerOps();
  return withTextBudget(MAX_BUILT_TEXT, () => derive(table, derived));
}

function derive(table: SourceTable, derived: readonly DerivedSpec[]): Map<string, ArrayLike<unknown>> {
  const out = new Map<string, ArrayLike<unknown>>();
  const fields = table.columnNames().slice();
  for (const spec of derived) {
    const problems: Array<{ where: string; error: FormulaError }> = [];
    if (resolveField(spec.name, fields) !== undefined) throw new Error(`Derived field ${spec.name} clashes with an existing field`);
    const ast = prepareFormula(spec.where ?? spec.name, spec.formula, 'row', fields, problems);
    if (problems.length || !ast) throw new QueryFormulaError(problems);
    const base: Record<string, unknown> = {};
    const aliasOf = new Map<string, string>();
    const params: Record<string, unknown> = {};
    let paramCount = 0;
    const code = assertGeneratedCode(
      generateCode(ast.root, {
        field: (name) => {
          const real = resolveField(name, fields)!;
          let alias = aliasOf.get(real);
          if (!alias) {
            alias = `c${aliasOf.size}`;
            aliasOf.set(real, alias);
            base[alias] = out.get(real) ?? columnValues(table.column(real) as ColumnLike);
          }
          return alias;
        },
        param: (value) => {
          const name = `p${paramCount++}`;
          params[name] = value;
          return name;
        },
      }),
    );
    // A constant formula reads no column: give Arquero a row count to work with.
    if (!aliasOf.size) base.c0 = new Uint8Array(table.numRows());
    const result = aq.table(base).params(params).derive({ e0: code });
    out.set(spec.name, columnValues(result.column('e0') as ColumnLike));
    fields.push(spec.name);
  }
  return out;
}
