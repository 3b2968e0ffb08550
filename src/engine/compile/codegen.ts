import type { CallNode, FormulaNode } from '../formula/ast';
import { lookupFunction } from '../formula/functions';

/**
 * Generate Arquero expression source from a checked formula AST.
 *
 * Safety: the generated text is built only from our own fixed pieces —
 * `op.pd_<name>(`, `,`, `)`, `d.<alias>` and `$.<param>` where aliases and
 * param names are generated (c0, a1, p2). Field names and literals from the
 * user never appear in it: fields are renamed to aliases before compiling and
 * every literal is bound through `table.params`. `assertGeneratedCode` checks
 * that grammar again before anything reaches Arquero.
 */
export interface CodegenContext {
  /** Alias of a source field (e.g. "c0"). */
  field(name: string): string;
  /** Bind a literal and return its param name (e.g. "p0"). */
  param(value: number | string | boolean): string;
  /** Measures only: code for an aggregate call (e.g. "op.pd_median(d.a0)"). */
  aggregate?(node: CallNode): string;
}

const BINARY: Record<string, string> = {
  '+': 'pd_add',
  '-': 'pd_sub',
  '*': 'pd_mul',
  '/': 'pd_div',
  '^': 'pd_pow',
  '&': 'pd_cat',
  '=': 'pd_eq',
  '<>': 'pd_ne',
  '<': 'pd_lt',
  '<=': 'pd_le',
  '>': 'pd_gt',
  '>=': 'pd_ge',
};

const UNARY: Record<string, string> = { '-': 'pd_neg', '+': 'pd_plus', '%': 'pd_pct' };

const ROW_CALL: Record<string, string> = {
  IF: 'pd_if',
  IFERROR: 'pd_iferror',
  AND: 'pd_and',
  OR: 'pd_or',
  NOT: 'pd_not',
  ISBLANK: 'pd_isblank',
  ISNUMBER: 'pd_isnumber',
  ISTEXT: 'pd_istext',
  ISERROR: 'pd_iserror',
  ABS: 'pd_abs',
  ROUND: 'pd_round',
  'FLOOR.MATH': 'pd_floor_math',
  YEAR: 'pd_year',
  QUARTER: 'pd_quarter',
  MONTH: 'pd_month',
  DAY: 'pd_day',
  WEEKDAY: 'pd_weekday',
  ISOWEEKNUM: 'pd_isoweeknum',
  LEFT: 'pd_left',
  RIGHT: 'pd_right',
  LEN: 'pd_len',
  UPPER: 'pd_upper',
  LOWER: 'pd_lower',
  TRIM: 'pd_trim',
  CONCAT: 'pd_concat',
};

/**
 * Expression source for a node, e.g. `op.pd_mul(d.c0, $.p0)` for `[Units] * 2`.
 * @example generateCode(parseFormula('[a] + 1').root, ctx) // 'op.pd_add(d.c0,$.p0)'
 */
export function generateCode(node: FormulaNode, ctx: CodegenContext): string {
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return `$.${ctx.param(node.value)}`;
    case 'field':
      return `d.${ctx.field(node.name)}`;
    case 'unary':
      return `op.${UNARY[node.op]}(${generateCode(node.arg, ctx)})`;
    case 'binary':
      return `op.${BINARY[node.op]}(${generateCode(node.left, ctx)},${generateCode(node.right, ctx)})`;
    case 'call': {
      const def = lookupFunction(node.name);
      if (!def) throw new Error(`Unknown function ${node.name}: check formulas before compiling`);
      if (def.kind === 'aggregate') {
        if (!ctx.aggregate) throw new Error(`Aggregate ${def.name} outside a measure: check formulas before compiling`);
        return ctx.aggregate(node);
      }
      const fn = ROW_CALL[def.name];
      return `op.${fn}(${node.args.map((a) => generateCode(a, ctx)).join(',')})`;
    }
  }
}

const SAFE_CODE = /^(?:op\.pd_[a-z_]+\(|d\.[ace]\d+|\$\.p\d+|[,)])+$/;

/**
 * Defence in depth: refuse any generated code outside the tiny grammar above
 * (a bug in codegen must not become a code-injection path).
 * @example assertGeneratedCode('op.pd_add(d.c0,$.p0)') // ok
 * @example assertGeneratedCode('d.c0;alert(1)') // throws
 */
export function assertGeneratedCode(code: string): string {
  if (!SAFE_CODE.test(code)) throw new Error('Internal error: generated expression failed the safety check');
  return code;
}
