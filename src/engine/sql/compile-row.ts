/**
 * Row formulas (derived fields, formula filters, aggregate inputs) → SQL expressions, for the
 * subset of the formula language with a faithful SQL meaning. Anything else is refused with a
 * message that names it, because row-level work cannot be finished in the pane without the rows.
 *
 * Blank rules follow the local engine: a blank is 0 in arithmetic and "" in text; comparisons
 * put a blank on the other side's empty value; text compares ignoring case.
 */
import { type CallNode, type FormulaNode, lookupFunction, parseFormula, resolveField } from '../formula';
import { and, bin, call, caseWhen, isNull, lit, not, or, type SqlExpr } from './ast';
import { WarehouseCompileError } from './errors';
import type { TypedField } from './schema';

/** A compiled row value: number, text, logical (a SQL condition) or a bare blank (""). */
export interface RowValue {
  kind: 'number' | 'text' | 'bool' | 'blank';
  /** The value; where `err` is not 0 it means nothing. */
  sql: SqlExpr;
  /** Set when the value is a date column: its native expression. */
  date?: SqlExpr;
  /**
   * Where the engine's value is an Excel error (row-formula errors are values): 0 for none, else
   * ERROR_CODES' index + 1. Absent when the value can never be an error (a column, a literal).
   */
  err?: SqlExpr;
}

/** Error values a row formula can give on the warehouse, by code − 1. */
export const ERROR_CODES = ['#DIV/0!', '#NUM!'] as const;
const DIV0 = 1;
const NUM = 2;

/** Left to right, the first error among the parts, else `own` (0 when absent): the engine's propagation. */
function errOf(parts: RowValue[], own?: SqlExpr): SqlExpr | undefined {
  const errs = parts.map((p) => p.err).filter((e): e is SqlExpr => e !== undefined);
  if (!errs.length) return own;
  return caseWhen(errs.map((e) => [bin('<>', e, lit(0)), e] as [SqlExpr, SqlExpr]), own ?? lit(0));
}

/** Condition: the value is not an error (TRUE when it never is). */
export const noError = (v: RowValue): SqlExpr | undefined => (v.err ? bin('=', v.err, lit(0)) : undefined);
const andOk = (v: RowValue, cond: SqlExpr): SqlExpr => { const ok = noError(v); return ok ? and(ok, cond) : cond; };
/** #NUM! where an arithmetic result is not finite (an overflow), as the engine's finite(). */
const overflow = (x: SqlExpr): SqlExpr => caseWhen([[call('isFinite', x), lit(0)]], lit(NUM));

export type FieldEnv = (name: string) => TypedField | undefined;

/** Environment over a list of fields (names resolved as the engine does: exact, then ignoring case). */
export function fieldEnv(fields: readonly TypedField[]): FieldEnv {
  const names = fields.map((f) => f.name);
  return (name) => {
    const real = resolveField(name, names);
    return real === undefined ? undefined : fields.find((f) => f.name === real);
  };
}

/** Row functions with no exact SQL meaning on the warehouse: why, and what to write instead. */
const WHY_NOT: Record<string, string> = {
  ROUND: 'ROUND (Excel rounds the 15-digit decimal form, so 2.675 is 2.68; SQL rounds the binary value, 2.67: round after the aggregate, e.g. in the number format)',
  LEFT: 'LEFT (Excel counts UTF-16 units, SQL counts characters: use a view on the warehouse)',
  RIGHT: 'RIGHT (Excel counts UTF-16 units, SQL counts characters: use a view on the warehouse)',
};

const unsupported = (what: string, where: string) =>
  new WarehouseCompileError(`${where}: ${what} cannot run on the warehouse yet. Remove it, or compute it in a view on the warehouse and use that view.`);

/** Blank-aware number: NULL → 0 (Excel arithmetic). */
const asNumber = (v: RowValue, where: string): SqlExpr => {
  if (v.kind === 'number') return call('ifNull', v.sql, lit(0));
  if (v.kind === 'blank') return lit(0);
  if (v.kind === 'bool') return caseWhen([[v.sql, lit(1)]], lit(0));
  throw unsupported('arithmetic on text', where);
};
/** Blank-aware text: NULL → ''. */
const asText = (v: RowValue, where: string): SqlExpr => {
  if (v.kind === 'text') return call('ifNull', v.sql, lit(''));
  if (v.kind === 'blank') return lit('');
  throw unsupported('joining numbers or logicals as text (Excel writes numbers in its 15-digit General format, SQL differently: compare the number instead)', where);
};
/** Truthiness as the engine's filters read it: TRUE or a non-zero number. */
export const asCondition = (v: RowValue, where: string): SqlExpr => {
  // An error is never TRUE (a filter drops the row), as the engine's isTruthy.
  if (v.kind === 'bool') return andOk(v, v.sql);
  if (v.kind === 'number') return andOk(v, and(isNotNullExpr(v.sql), bin('<>', v.sql, lit(0))));
  if (v.kind === 'blank') return lit(false);
  throw unsupported('a text value used as a test', where);
};
const isNotNullExpr = (e: SqlExpr): SqlExpr => ({ kind: 'isNull', arg: e, negate: true });

/** Is a value blank (NULL, or '' for text)? An error is not blank. */
export const isBlankSql = (v: RowValue): SqlExpr => {
  if (v.kind === 'blank') return lit(true);
  if (v.kind === 'text') return andOk(v, or(isNull(v.sql), bin('=', v.sql, lit(''))));
  // A logical is blank only where IF without an else left it so (NULL).
  if (v.kind === 'bool') return andOk(v, isNull(v.sql));
  // A date's serial is NULL exactly when the column is: test the column, not the computed serial.
  return andOk(v, isNull(v.date ?? v.sql));
};

const DATE_FNS: Record<string, 'year' | 'quarter' | 'month' | 'day' | 'isoWeek'> = {
  YEAR: 'year',
  QUARTER: 'quarter',
  MONTH: 'month',
  DAY: 'day',
  ISOWEEKNUM: 'isoWeek',
};

/**
 * Compile a row formula's text.
 * @example compileRowFormula('YEAR([Date])', env, 'derived[0]').sql // call('year', col('Date'))
 */
export function compileRowFormula(text: string, env: FieldEnv, where: string): RowValue {
  const ast = parseFormula(text);
  return compileRowNode(ast.root, env, where);
}

/** Compile one node of a row formula. */
export function compileRowNode(node: FormulaNode, env: FieldEnv, where: string): RowValue {
  const rec = (n: FormulaNode) => compileRowNode(n, env, where);
  switch (node.kind) {
    case 'number':
      return { kind: 'number', sql: lit(node.value) };
    case 'string':
      return node.value === '' ? { kind: 'blank', sql: lit(null) } : { kind: 'text', sql: lit(node.value) };
    case 'boolean':
      return { kind: 'bool', sql: lit(node.value) };
    case 'field': {
      const f = env(node.name);
      if (!f) throw new WarehouseCompileError(`${where}: the warehouse table has no field [${node.name}].`);
      return { kind: f.kind, sql: f.value, date: f.date, err: f.err };
    }
    case 'unary': {
      const a = rec(node.arg);
      const x = asNumber(a, where);
      if (node.op === '+') return { kind: 'number', sql: x, err: a.err };
      return { kind: 'number', sql: node.op === '-' ? bin('-', lit(0), x) : bin('/', x, lit(100)), err: a.err };
    }
    case 'binary': {
      const a = rec(node.left);
      const b = rec(node.right);
      switch (node.op) {
        case '+':
        case '-':
        case '*': {
          const x = bin(node.op, asNumber(a, where), asNumber(b, where));
          return { kind: 'number', sql: x, err: errOf([a, b], overflow(x)) };
        }
        case '/': {
          const den = asNumber(b, where);
          // #DIV/0! is a value (counted by COUNTA, an item of its own); the number is NULL there.
          const x = caseWhen([[bin('=', den, lit(0)), lit(null)]], bin('/', asNumber(a, where), den));
          return { kind: 'number', sql: x, err: errOf([a, b], caseWhen([[bin('=', den, lit(0)), lit(DIV0)]], overflow(x))) };
        }
        case '^':
          throw unsupported('the ^ operator (ClickHouse\'s pow may differ from Excel in the last digit; multiply instead, e.g. [x] * [x])', where);
        case '&':
          return { kind: 'text', sql: call('concat', asText(a, where), asText(b, where)), err: errOf([a, b]) };
        default:
          return { kind: 'bool', sql: compare(node.op, a, b, where), err: errOf([a, b]) };
      }
    }
    case 'call':
      return compileCall(node, env, where, rec);
  }
}

function compare(op: '=' | '<>' | '<' | '<=' | '>' | '>=', a: RowValue, b: RowValue, where: string): SqlExpr {
  const textual = a.kind === 'text' || b.kind === 'text';
  if (textual) {
    if ((a.kind !== 'text' && a.kind !== 'blank') || (b.kind !== 'text' && b.kind !== 'blank'))
      throw unsupported('comparing text with a number', where);
    return bin(op, call('lower', asText(a, where)), call('lower', asText(b, where)));
  }
  return bin(op, asNumber(a, where), asNumber(b, where));
}

function compileCall(node: CallNode, env: FieldEnv, where: string, rec: (n: FormulaNode) => RowValue): RowValue {
  const def = lookupFunction(node.name);
  if (!def) throw new WarehouseCompileError(`${where}: unknown function ${node.name}.`);
  if (def.kind === 'aggregate') throw new WarehouseCompileError(`${where}: ${def.name} sums up many rows; it cannot be used in a row formula.`);
  const args = node.args.map(rec);
  const name = def.name;
  if (name in DATE_FNS) {
    const d = args[0];
    if (!d?.date) throw unsupported(`${name} of something that is not a date column (ClickHouse dates start in 1970, Excel's in 1900: take ${name} of the date column itself)`, where);
    return { kind: 'number', sql: call('toFloat64', call(DATE_FNS[name], d.date)) };
  }
  switch (name) {
    case 'WEEKDAY': {
      const d = args[0];
      if (!d?.date) throw unsupported('WEEKDAY of something that is not a date field', where);
      const type = node.args[1] ? constNumber(node.args[1], where) : 1;
      const monday1 = call('weekdayMonday', d.date);
      const sql = type === 2 ? monday1 : type === 3 ? bin('-', monday1, lit(1)) : type === 1 ? caseWhen([[bin('=', monday1, lit(7)), lit(1)]], bin('+', monday1, lit(1))) : null;
      if (!sql) throw unsupported(`WEEKDAY type ${type}`, where);
      return { kind: 'number', sql: call('toFloat64', sql) };
    }
    case 'IF': {
      const cond = args[0];
      // The condition's own truth; its error (if any) is the IF's error, as in the engine.
      const test = cond.kind === 'bool' ? cond.sql : asCondition({ ...cond, err: undefined }, where);
      const then = args[1];
      const otherwise = args[2] ?? { kind: 'blank', sql: lit(null) };
      const kind = then.kind === 'blank' ? otherwise.kind : then.kind;
      if (otherwise.kind !== 'blank' && then.kind !== 'blank' && then.kind !== otherwise.kind) throw unsupported('IF whose two results have different types', where);
      const branchErr = then.err || otherwise.err ? caseWhen([[test, then.err ?? lit(0)]], otherwise.err ?? lit(0)) : undefined;
      const err = cond.err ? caseWhen([[bin('<>', cond.err, lit(0)), cond.err]], branchErr ?? lit(0)) : branchErr;
      // CASE, not (test AND a) OR (NOT test AND b): a blank branch must stay NULL (blank), not FALSE.
      return { kind, sql: caseWhen([[test, then.sql]], otherwise.sql), err };
    }
    case 'IFERROR': {
      const [value, fallback] = args;
      if (!value.err) return value;
      const alt = fallback ?? { kind: 'blank', sql: lit(null) };
      if (alt.kind !== 'blank' && value.kind !== 'blank' && alt.kind !== value.kind) throw unsupported('IFERROR whose two results have different types', where);
      const failed = bin('<>', value.err, lit(0));
      const kind = value.kind === 'blank' ? alt.kind : value.kind;
      const sql = caseWhen([[failed, alt.sql]], value.sql);
      return { kind, sql, err: alt.err ? caseWhen([[failed, alt.err]], lit(0)) : undefined };
    }
    case 'ISERROR':
      return { kind: 'bool', sql: args[0].err ? bin('<>', args[0].err, lit(0)) : lit(false) };
    case 'AND':
      return { kind: 'bool', sql: and(...args.map((a) => asCondition({ ...a, err: undefined }, where))), err: errOf(args) };
    case 'OR':
      return { kind: 'bool', sql: or(...args.map((a) => asCondition({ ...a, err: undefined }, where))), err: errOf(args) };
    case 'NOT':
      return { kind: 'bool', sql: not(asCondition({ ...args[0], err: undefined }, where)), err: args[0].err };
    case 'ISBLANK':
      return { kind: 'bool', sql: isBlankSql(args[0]) };
    case 'ISNUMBER':
      return { kind: 'bool', sql: args[0].kind === 'number' ? andOk(args[0], { kind: 'isNull', arg: args[0].sql, negate: true }) : lit(false) };
    case 'ISTEXT':
      return { kind: 'bool', sql: args[0].kind === 'text' ? andOk(args[0], not(isBlankSql({ ...args[0], err: undefined }))) : lit(false) };
    case 'ABS':
      return { kind: 'number', sql: call('abs', asNumber(args[0], where)), err: args[0].err };
    case 'FLOOR.MATH': {
      const step = node.args[1] ? Math.abs(constNumber(node.args[1], where)) : 1;
      if (step === 0) return { kind: 'number', sql: lit(0), err: args[0].err };
      const x = bin('*', call('floor', bin('/', asNumber(args[0], where), lit(step))), lit(step));
      return { kind: 'number', sql: x, err: errOf([args[0]], overflow(x)) };
    }
    case 'UPPER':
      return { kind: 'text', sql: call('upper', asText(args[0], where)), err: args[0].err };
    case 'LOWER':
      return { kind: 'text', sql: call('lower', asText(args[0], where)), err: args[0].err };
    case 'LEN':
      return { kind: 'number', sql: call('toFloat64', call('lengthText', asText(args[0], where))), err: args[0].err };
    case 'TRIM':
      // Excel's TRIM: ASCII spaces only, runs collapsed to one, none at either end.
      return { kind: 'text', sql: call('trimSpaces', asText(args[0], where)), err: args[0].err };
    case 'CONCAT':
      return { kind: 'text', sql: call('concat', ...args.map((a) => asText(a, where))), err: errOf(args) };
    default:
      throw unsupported(WHY_NOT[name] ?? name, where);
  }
}

function constNumber(node: FormulaNode, where: string): number {
  if (node.kind === 'number') return node.value;
  if (node.kind === 'unary' && node.op === '-' && node.arg.kind === 'number') return -node.arg.value;
  throw unsupported('a non-constant second argument', where);
}
