/**
 * Spec filters → WHERE conditions, with the local engine's meaning (src/engine/query/filter-rows.ts):
 * comparisons only see cells of the literal's type (blanks never match), text ignores case,
 * `in` matches pivot items (text ignoring case, null = blank), `exclude` keeps blanks out of
 * comparisons and text tests. Values become literal nodes: they are escaped by the dialect.
 */
import { relativeDateRange } from '../query/relative-date';
import type { Filter } from '../spec/filters';
import { and, bin, call, isNull, lit, not, or, type SqlExpr } from './ast';
import { asCondition, compileRowFormula, ERROR_CODES, type FieldEnv, isBlankSql, type RowValue } from './compile-row';
import { WarehouseCompileError } from './errors';

const OP: Record<string, '=' | '<>' | '<' | '<=' | '>' | '>='> = { '=': '=', '<>': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function fieldValue(name: string, env: FieldEnv, where: string): RowValue {
  const f = env(name);
  if (!f) throw new WarehouseCompileError(`${where}: the warehouse table has no field [${name}].`);
  return { kind: f.kind, sql: f.value, date: f.date, err: f.err };
}

/** `cond` on rows whose value is not an error: comparisons, text tests and dates never match an error. */
const ok = (v: RowValue, cond: SqlExpr): SqlExpr => (v.err ? and(bin('=', v.err, lit(0)), cond) : cond);

/** `v op literal` when the literal has the field's type, else "never" (the engine's typed comparison). */
function typedCompare(v: RowValue, op: keyof typeof OP, value: number | string | boolean): SqlExpr {
  if (typeof value === 'number' && v.kind === 'number') return ok(v, and(not(isNull(v.sql)), bin(OP[op], v.sql, lit(value))));
  if (typeof value === 'string' && value !== '' && v.kind === 'text')
    return ok(v, and(not(isBlankSql(v)), bin(OP[op], call('lower', v.sql), lit(value.toLowerCase()))));
  return lit(false);
}

/**
 * The WHERE condition of one filter (not topN: the planner handles that one).
 * @example compileFilter({ kind: 'compare', field: 'delay', op: '>', value: 10 }, env, 'filters[0]')
 */
export function compileFilter(f: Exclude<Filter, { kind: 'topN' }>, env: FieldEnv, where: string): SqlExpr {
  if (f.kind === 'formula') return asCondition(compileRowFormula(f.formula, env, where), where);
  const v = fieldValue(f.field, env, where);
  if (v.kind === 'bool' && f.kind !== 'blank')
    throw new WarehouseCompileError(`${where}: filters on the TRUE/FALSE field [${f.field}] cannot run on the warehouse yet; use a formula filter such as [${f.field}] = TRUE instead.`);
  switch (f.kind) {
    case 'compare':
      return typedCompare(v, f.op, f.value);
    case 'between': {
      const inside = and(typedCompare(v, '>=', f.low), typedCompare(v, '<=', f.high));
      if (!f.exclude) return inside;
      return and(or(typedCompare(v, '>=', f.low), typedCompare(v, '<', f.low)), not(inside));
    }
    case 'in': {
      const blank = f.values.some((x) => x === null || x === '');
      const items: SqlExpr[] =
        v.kind === 'text'
          ? f.values.filter((x): x is string => typeof x === 'string' && x !== '').map((x) => lit(x.toLowerCase()))
          : f.values.filter((x): x is number => typeof x === 'number').map((x) => lit(x));
      const inList = items.length ? (v.kind === 'text' ? { kind: 'in' as const, arg: call('lower', v.sql), values: items } : { kind: 'in' as const, arg: call('normZero', v.sql), values: items }) : lit(false);
      // An error value is the item of its text ('#DIV/0!'): listed or not, like any text.
      const errs = ERROR_CODES.flatMap((e, i) => (f.values.some((x) => typeof x === 'string' && x.toUpperCase() === e) ? [lit(i + 1)] : []));
      const errHit = v.err && errs.length ? [{ kind: 'in' as const, arg: v.err, values: errs }] : [];
      const plain = ok(v, blank ? or(isBlankSql(v), and(not(isBlankSql(v)), inList)) : and(not(isBlankSql(v)), inList));
      const hit = errHit.length ? or(plain, ...errHit) : plain;
      return f.exclude ? not(hit) : hit;
    }
    case 'text': {
      if (v.kind !== 'text') throw new WarehouseCompileError(`${where}: text filters on the number field [${f.field}] cannot run on the warehouse yet; use a comparison instead.`);
      const needle = f.caseSensitive ? f.value : f.value.toLowerCase();
      const hay = f.caseSensitive ? v.sql : call('lower', v.sql);
      const fn = f.match === 'contains' ? 'contains' : f.match;
      const hit = call(fn, hay, lit(needle));
      return ok(v, and(not(isBlankSql(v)), f.exclude ? not(hit) : hit));
    }
    case 'blank':
      return f.blank ? isBlankSql(v) : not(isBlankSql(v));
    case 'relativeDate': {
      if (v.kind !== 'number') return lit(false);
      const { start, end } = relativeDateRange(f);
      return ok(v, and(not(isNull(v.sql)), bin('>=', v.sql, lit(start)), bin('<', v.sql, lit(end))));
    }
  }
}
