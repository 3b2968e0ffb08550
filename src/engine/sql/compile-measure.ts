/**
 * Measure formulas → aggregates pushed to SQL ("slots") + the rest, finished in the pane.
 * Every aggregate call in a measure becomes one slot: the SQL columns it needs (exact functions
 * only) and a `finish` that turns those columns into the engine's value, including its Excel
 * errors (AVERAGE of nothing is #DIV/0!, MEDIAN of nothing #NUM!, MIN of nothing 0). What sits
 * around the aggregates (`SUM([a]) / SUM([b])`, IF, ROUND…) is rebuilt as a formula over the slots
 * and run by the engine's own row compiler on the reduced result.
 */
import { type CallNode, type FormulaAst, type FormulaNode, lookupFunction, parseFormula } from '../formula';
import type { MeasureValue } from '../measures/aggregate-def';
import { varianceFromSums } from '../measures/deviation';
import { WAREHOUSE_REFUSALS } from '../measures/vocabulary';
import type { Measure } from '../spec/measures';
import { measureFormula } from '../query/spec-formulas';
import { agg, and, bin, call, caseWhen, isBlankSqlExpr, isNotNull, lit, not, type SqlExpr } from './sql-helpers';
import { compileRowNode, type FieldEnv, type RowValue } from './compile-row';
import { WarehouseCompileError } from './errors';

/** Why an aggregate has no exact SQL meaning, and what works instead (from the measure vocabulary). */
const REFUSED = WAREHOUSE_REFUSALS;

/** One pushed aggregate: the SQL columns it adds and how their values become the engine's value. */
export interface Slot {
  /** Plain words for the plan ("median of delay"). */
  label: string;
  columns: SqlExpr[];
  finish(values: unknown[]): MeasureValue;
  /**
   * One SQL expression with the engine's value of this slot, NULL where the engine has an error
   * (#DIV/0!, #NUM!), for ranking top/bottom N on the server. Same float operations as `finish`.
   */
  rankSql?: SqlExpr;
  /** Numeric-input slots: how many inputs counted, to tally skipped cells (index into columns). */
  validColumn?: number;
}

export interface CompiledMeasure {
  id: string;
  slots: Slot[];
  /** undefined: the measure is slots[0] itself; else a formula over fields `[__pd_slot_k]`. */
  outer?: FormulaAst;
}

const num = (v: unknown): number => (v === null || v === undefined ? NaN : typeof v === 'number' ? v : Number(v));
const count = (v: unknown): number => { const n = num(v); return Number.isFinite(n) ? n : 0; };
/**
 * A computed number as the engine shows it: an overflow (±inf, NaN) is #NUM!. JSON has no
 * infinity, so the warehouse sends NULL for it; a slot that counted numbers never sends NULL else.
 */
const finite = (v: unknown): MeasureValue => { const x = num(v); return Number.isFinite(x) ? x : '#NUM!'; };

/** A table column read as a number (no row formula around it): it cannot overflow in a row. */
const isPlainColumn = (e: SqlExpr): boolean =>
  e.kind === 'call' && (e.fn === 'toFloat64' || e.fn === 'serialOfDate' || e.fn === 'serialOfDateTime') && e.args[0]?.kind === 'column';

/**
 * Numeric input of an aggregate: numbers as is, NULL for everything Excel's numeric functions skip.
 * A row formula that overflowed is #NUM! in the engine, an error the aggregates skip: NULL here too.
 */
function numericInput(v: RowValue): SqlExpr {
  if (v.kind !== 'number') return lit(null);
  if (v.err) return caseWhen([[bin('=', v.err, lit(0)), v.sql]], lit(null));
  return isPlainColumn(v.sql) || v.sql.kind === 'literal' ? v.sql : call('finiteOrNull', v.sql);
}

/** Condition: the row holds an error value (COUNTA counts it; COUNTDISTINCT counts each kind once). */
const isError = (v: RowValue): SqlExpr | undefined => (v.err ? bin('<>', v.err, lit(0)) : undefined);


export const SLOT_FIELD = (k: number) => `__pd_slot_${k}`;

function constArg(node: FormulaNode | undefined, where: string): number {
  if (node?.kind === 'number') return node.value;
  if (node?.kind === 'unary' && node.arg.kind === 'number') return node.op === '-' ? -node.arg.value : node.op === '%' ? node.arg.value / 100 : node.arg.value;
  throw new WarehouseCompileError(`${where}: the second argument must be a number.`);
}

/** `value`, or `none` when the group has no number in x (SUM/MIN/MAX of nothing is 0, AVERAGE #DIV/0!). */
const noneIs = (x: SqlExpr, none: SqlExpr, value: SqlExpr): SqlExpr => caseWhen([[bin('=', agg('count', x), lit(0)), none]], value);

/** PERCENTILE.INC in SQL with percentileFinish's float steps (for ranking): NULL without numbers. */
function percentileSql(x: SqlExpr, p: number): SqlExpr {
  const [v0, v1, n] = orderStat(x, p);
  const h = bin('*', bin('-', n, lit(1)), lit(p));
  const frac = bin('-', h, call('floor', h));
  return caseWhen([[bin('=', n, lit(0)), lit(null)], [bin('=', frac, lit(0)), v0]], bin('+', v0, bin('*', frac, bin('-', v1, v0))));
}

/** varianceFromSums in SQL (for ranking): NULL where the engine has #DIV/0!. */
function varianceSql(x: SqlExpr, sample: boolean, root: boolean): SqlExpr {
  const n = agg('count', x);
  const ss = agg('centeredSquares', x);
  const s1 = agg('centeredSum', x);
  const m2 = bin('-', ss, bin('/', bin('*', s1, s1), n));
  const v = bin('/', caseWhen([[bin('>', m2, lit(0)), m2]], lit(0)), sample ? bin('-', n, lit(1)) : n);
  return caseWhen([[bin('<=', n, lit(sample ? 1 : 0)), lit(null)], [bin('=', agg('min', x), agg('max', x)), lit(0)]], root ? call('sqrt', v) : v);
}

function orderStat(x: SqlExpr, p: number): SqlExpr[] {
  const sorted = agg('sortedValues', x);
  const n = call('arrayLength', sorted);
  const h = bin('*', bin('-', n, lit(1)), lit(p));
  const lo = call('toIndex', h);
  return [call('arrayElement', sorted, bin('+', lo, lit(1))), call('arrayElement', sorted, bin('+', lo, lit(2))), n];
}

/**
 * Excel's PERCENTILE.INC from the two neighbouring order statistics the SQL returned: the same
 * steps and float operations as percentileInc in src/engine/measures/quantile.ts, so the value is
 * bit-for-bit the local engine's.
 */
function percentileFinish(p: number) {
  return ([v0, v1, n]: unknown[]): MeasureValue => {
    const len = count(n);
    if (len === 0 || !(p >= 0 && p <= 1)) return '#NUM!';
    const h = (len - 1) * p;
    const lo = Math.floor(h);
    const frac = h - lo;
    const a = num(v0);
    return frac === 0 ? a : a + frac * (num(v1) - a);
  };
}

function aggregateSlot(node: CallNode, env: FieldEnv, where: string): Slot {
  const def = lookupFunction(node.name)!;
  const input = (i: number) => compileRowNode(node.args[i], env, where);
  const field = node.args[0]?.kind === 'field' ? node.args[0].name : 'a formula';
  const label = (what: string) => `${what} of ${field}`;
  switch (def.name) {
    case 'SUM': {
      const x = numericInput(input(0));
      return { label: label('sum'), columns: [agg('sum', x), agg('count', x)], finish: ([s, n]) => (count(n) ? finite(s) : 0), rankSql: noneIs(x, lit(0), agg('sum', x)), validColumn: 1 };
    }
    case 'COUNT': {
      const x = numericInput(input(0));
      return { label: label('count of numbers'), columns: [agg('count', x)], finish: ([n]) => count(n), rankSql: agg('count', x), validColumn: 0 };
    }
    case 'COUNTA': {
      const v = input(0);
      // Not blank: text, numbers, logicals and error values all count (isBlankSql is false on errors).
      const c =
        v.kind === 'text' || (v.kind === 'number' && v.err) ? agg('countIf', not(isBlankSqlExpr(v)))
        : v.kind === 'number' ? agg('count', v.sql)
        // A logical is counted unless blank (IF without its else); an error counts too.
        : v.kind === 'bool' ? agg('countIf', v.err ? bin('OR', isNotNull(v.sql), bin('<>', v.err, lit(0))) : isNotNull(v.sql))
        : lit(0);
      return { label: label('count'), columns: [c], finish: ([n]) => count(n), rankSql: c, validColumn: 0 };
    }
    case 'COUNTDISTINCT': {
      const v = input(0);
      // Text: case-insensitive, blanks left out by a condition (cheaper than a CASE per row).
      // Numbers: -0 and 0 are one value (x + 0 is +0 for both). Text: ignoring case. An error value
      // is one more value per kind (#DIV/0!, #NUM!), as the engine counts its text.
      const err = isError(v);
      const plain = err ? and(not(err), not(isBlankSqlExpr(v))) : not(isBlankSqlExpr(v));
      const x =
        v.kind === 'text' ? agg('uniqExactIf', call('lower', call('ifNull', v.sql, lit(''))), plain)
        : v.kind === 'number' ? agg('uniqExact', call('normZero', numericInput(v)))
        // TRUE and FALSE: at most two values (blank and errors apart).
        : v.kind === 'bool' ? agg('uniqExactIf', caseWhen([[v.sql, lit(1)]], lit(0)), err ? and(not(err), isNotNull(v.sql)) : isNotNull(v.sql))
        : null;
      if (!x) throw new WarehouseCompileError(`${where}: COUNTDISTINCT of a logical cannot run on the warehouse yet; count IF([x], "yes", "no") instead.`);
      const total = err ? bin('+', x, agg('uniqExactIf', v.err!, err)) : x;
      return { label: label('distinct count (exact)'), columns: [total], finish: ([n]) => count(n), rankSql: total };
    }
    case 'AVERAGE': {
      const x = numericInput(input(0));
      return {
        label: label('average'),
        columns: [agg('sum', x), agg('count', x)],
        finish: ([s, n]) => (count(n) ? finite(num(s) / count(n)) : '#DIV/0!'),
        rankSql: noneIs(x, lit(null), bin('/', agg('sum', x), agg('count', x))),
        validColumn: 1,
      };
    }
    case 'MIN':
    case 'MAX': {
      const x = numericInput(input(0));
      const fn = def.name === 'MIN' ? 'min' : 'max';
      return { label: label(fn), columns: [agg(fn, x), agg('count', x)], finish: ([v, n]) => (count(n) ? num(v) : 0), rankSql: noneIs(x, lit(0), agg(fn, x)), validColumn: 1 };
    }
    case 'MEDIAN':
    case 'PERCENTILE.INC':
    case 'QUARTILE.INC': {
      const x = numericInput(input(0));
      let p = 0.5;
      if (def.name === 'PERCENTILE.INC') p = constArg(node.args[1], where);
      if (def.name === 'QUARTILE.INC') {
        const q = Math.trunc(constArg(node.args[1], where));
        if (q < 0 || q > 4) return { label: label('quartile'), columns: [], finish: () => '#NUM!', rankSql: lit(null) };
        p = q / 4;
      }
      if (!(p >= 0 && p <= 1)) return { label: label('percentile'), columns: [], finish: () => '#NUM!', rankSql: lit(null) };
      const what = def.name === 'MEDIAN' ? 'median (exact)' : `percentile ${p} (exact, interpolated as Excel)`;
      return { label: label(what), columns: orderStat(x, p), finish: percentileFinish(p), rankSql: percentileSql(x, p), validColumn: 2 };
    }
    case 'STDEV.S':
    case 'STDEV.P':
    case 'VAR.S':
    case 'VAR.P': {
      const x = numericInput(input(0));
      const sample = def.name.endsWith('.S');
      const root = def.name.startsWith('STDEV');
      // Not varSamp/stddevSamp: their one-pass sums lose everything with a large mean and a small
      // spread (VAR.S of 1e9, 1e9+1, 1e9+2 came back 0, and could be negative).
      return {
        label: label(`${def.name.toLowerCase()} (two-pass)`),
        columns: [agg('centeredSquares', x), agg('centeredSum', x), agg('count', x), agg('min', x), agg('max', x)],
        finish: ([ss, s1, n, lo, hi]) => {
          if (count(n) > 0 && (ss === null || s1 === null)) return '#NUM!';
          const v = varianceFromSums(num(ss), num(s1), count(n), num(lo), num(hi), sample);
          return typeof v === 'number' && root ? Math.sqrt(v) : v;
        },
        rankSql: varianceSql(x, sample, root),
        validColumn: 2,
      };
    }
    case 'AVERAGEWEIGHTED': {
      const x = numericInput(input(0));
      const w = numericInput(input(1));
      const both = and({ kind: 'isNull', arg: x, negate: true }, { kind: 'isNull', arg: w, negate: true });
      const wx = caseWhen([[both, bin('*', x, w)]], lit(null));
      const ww = caseWhen([[both, w]], lit(null));
      return {
        label: label('weighted average'),
        columns: [agg('sum', wx), agg('sum', ww), agg('count', ww)],
        finish: ([a, b, n]) => {
          if (!count(n)) return '#DIV/0!';
          if (a === null || b === null) return '#NUM!';
          return num(b) ? finite(num(a) / num(b)) : '#DIV/0!';
        },
        rankSql: caseWhen([[bin('OR', bin('=', agg('count', ww), lit(0)), bin('=', agg('sum', ww), lit(0))), lit(null)]], bin('/', agg('sum', wx), agg('sum', ww))),
      };
    }
    default:
      throw new WarehouseCompileError(`${where}: ${def.name} cannot run on the warehouse: ${REFUSED[def.name] ?? 'it has no exact SQL meaning on this warehouse.'} The warehouse runs SUM, COUNT, COUNTA, COUNTDISTINCT, AVERAGE, MIN, MAX, MEDIAN, PERCENTILE.INC, QUARTILE.INC, STDEV, VAR and AVERAGEWEIGHTED.`);
  }
}

/**
 * Split one measure into pushed slots and the formula that finishes it.
 * @example compileMeasure({ id: 'm', kind: 'median', field: 'delay' }, env).slots.length // 1
 */
export function compileMeasure(m: Measure, env: FieldEnv): CompiledMeasure {
  const where = `measure ${m.id}`;
  const ast = parseFormula(measureFormula(m));
  const slots: Slot[] = [];
  const rebuild = (node: FormulaNode): FormulaNode => {
    if (node.kind === 'call') {
      const def = lookupFunction(node.name);
      if (def?.kind === 'aggregate') {
        slots.push(aggregateSlot(node, env, where));
        return { kind: 'field', name: SLOT_FIELD(slots.length - 1), span: node.span };
      }
      return { ...node, args: node.args.map(rebuild) };
    }
    if (node.kind === 'unary') return { ...node, arg: rebuild(node.arg) };
    if (node.kind === 'binary') return { ...node, left: rebuild(node.left), right: rebuild(node.right) };
    return node;
  };
  const root = rebuild(ast.root);
  if (root.kind === 'field' && slots.length === 1 && ast.root.kind === 'call') return { id: m.id, slots };
  return { id: m.id, slots, outer: { version: 1, source: ast.source, root } };
}

/**
 * The measure's value as one SQL expression (NULL where the engine shows an error), for ranking
 * top/bottom N on the server; undefined when its formula has a part with no such expression.
 * Around the aggregates only + − × ÷, signs, % and numbers: SQL arithmetic carries NULL as the
 * engine carries an error, ÷ 0 is NULL as it is #DIV/0!, and an overflow is not finite (the
 * planner keeps only finite values, as the engine keeps only numbers).
 * @example measureRankSql(compileMeasure({ id: 'r', kind: 'ratioOfSums', field: 'a', otherField: 'b' }, env))
 */
export function measureRankSql(m: CompiledMeasure): SqlExpr | undefined {
  if (!m.outer) return m.slots[0]?.rankSql;
  const rec = (node: FormulaNode): SqlExpr | undefined => {
    switch (node.kind) {
      case 'number':
        return lit(node.value);
      case 'field': {
        const k = m.slots.findIndex((_, i) => SLOT_FIELD(i) === node.name);
        return k >= 0 ? m.slots[k].rankSql : undefined;
      }
      case 'unary': {
        const x = rec(node.arg);
        if (!x) return undefined;
        return node.op === '-' ? bin('-', lit(0), x) : node.op === '%' ? bin('/', x, lit(100)) : x;
      }
      case 'binary': {
        const a = rec(node.left);
        const b = rec(node.right);
        if (!a || !b) return undefined;
        if (node.op === '+' || node.op === '-' || node.op === '*') return bin(node.op, a, b);
        if (node.op === '/') return caseWhen([[bin('=', b, lit(0)), lit(null)]], bin('/', a, b));
        return undefined;
      }
      default:
        return undefined;
    }
  };
  return rec(m.outer.root);
}
