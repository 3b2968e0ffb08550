/**
 * The planner: a query spec → one SQL statement that runs where the data is, plus a `finish` that
 * completes the query in the pane on the reduced answer with the local engine's own code
 * (src/engine/query/assemble-result.ts: axes, sort, show-as, grid and flat rows).
 *
 * On the warehouse: derived fields, filters (top/bottom N as a GLOBAL IN subquery), grouping by
 * rows × columns for every grouping set the output needs (one UNION ALL branch per set: this
 * ClickHouse has no GROUPING SETS), and every aggregate, exact only. In the pane: the Excel-error
 * rules of empty aggregates, arithmetic around aggregates (`SUM([a]) / SUM([b])`), show-as (running
 * totals, ranks, moving averages, shares), sorting and layout. Raw rows never travel.
 */
import * as aq from 'arquero';
import { deriveColumns } from '../compile/derive-fields';
import type { MeasureValue } from '../measures/aggregate-def';
import { noSkips, type SkippedCells } from '../measures/skipped';
import { assembleResult, groupingPairs } from '../query/assemble-result';
import type { QueryResult } from '../query/result';
import { parseQuerySpec } from '../spec/parse-spec';
import type { QuerySpec } from '../spec/query-spec';
import { agg, and, bin, call, caseWhen, isNotNull, isNull, lit, type SelectColumn, type SelectQuery, type SqlExpr, type UnionQuery } from './ast';
import { clickhouse } from './clickhouse';
import { compileFilter } from './compile-filter';
import { type CompiledMeasure, compileMeasure, measureRankSql, SLOT_FIELD } from './compile-measure';
import { ERROR_CODES, fieldEnv, type RowValue } from './compile-row';
import type { SqlDialect } from './dialect';
import { duckdb } from './duckdb';
import { WarehouseCompileError, WarehouseRowCapError } from './errors';
import { FOLD_EXAMPLES } from './case-fold';
import { renderExpr, renderQuery } from './render';
import { type TypedField, type WarehouseSchema } from './schema';
import { specFields } from './spec-fields';

/** Rows a sheet holds below a header row. */
export const DEFAULT_ROW_CAP = 1_048_575;

export interface SplitPlanOptions {
  dialect?: 'clickhouse' | 'duckdb';
  /** Most result rows accepted (default: a sheet's rows). The SQL asks for one more. */
  rowCap?: number;
}

export interface WarehousePlan {
  /** One SELECT statement, no FORMAT clause, no semicolon. */
  sql: string;
  dialect: 'clickhouse' | 'duckdb';
  rowCap: number;
  /** What runs where, in plain words (for the query's details). */
  explain: string[];
  /** Column names of the SQL answer, in order. */
  columns: string[];
  /**
   * Finish the query on the answer's rows (arrays in `columns` order; numbers may arrive as
   * numeric strings, e.g. quoted 64-bit integers). Throws WarehouseRowCapError over the cap.
   */
  finish(rows: readonly (readonly unknown[])[], output?: 'grid' | 'flat' | 'both'): QueryResult;
}

const DIALECTS: Record<'clickhouse' | 'duckdb', SqlDialect> = { clickhouse, duckdb };

interface AxisKey {
  name: string;
  value: RowValue;
  group: SqlExpr;
  label: SqlExpr;
  /** Number fields that can be an Excel error: the error code, grouped too (an error is an item). */
  err?: SqlExpr;
}

function axisKey(name: string, v: RowValue): AxisKey {
  if (v.kind === 'text') {
    // An error value is the item the engine shows for it: its text ('#DIV/0!'), like any text.
    const shown = v.err ? caseWhen(ERROR_CODES.map((e, i) => [bin('=', v.err!, lit(i + 1)), lit(e)] as [SqlExpr, SqlExpr]), v.sql) : v.sql;
    const text = call('ifNull', shown, lit(''));
    return { name, value: v, group: call('lower', text), label: agg('minText', text) };
  }
  if (v.kind === 'number') {
    // -0 and 0 are one item (ClickHouse hashes them apart): group by x + 0, which is +0 for both.
    const group = v.err ? caseWhen([[bin('=', v.err, lit(0)), call('normZero', v.sql)]], lit(null)) : call('normZero', v.sql);
    return { name, value: v, group, label: { kind: 'nullableNumber', arg: group }, err: v.err };
  }
  if (v.kind === 'bool' && !v.err) {
    // TRUE/FALSE items: the condition as 1/0 (NULL: blank), turned back into logicals in finish.
    const group = caseWhen([[{ kind: 'isNull', arg: v.sql, negate: false }, lit(null)], [v.sql, lit(1)]], lit(0));
    return { name, value: v, group, label: { kind: 'nullableNumber', arg: group } };
  }
  throw new WarehouseCompileError(`The field [${name}] is TRUE/FALSE and can be an error value; grouping by it cannot run on the warehouse yet. Wrap it in IFERROR(…, FALSE).`);
}

/**
 * The prefix of every name the planner generates (aliases, lambda parameters): the shortest of
 * `_pd_`, `__pd_`, `___pd_`… that no column name starts with, ignoring case (DuckDB's names ignore
 * case). So a column named `k`, `k0`, `v0`, `__set` or `_pd_k0` can never be shadowed by an alias:
 * ClickHouse resolves a name to a SELECT alias before a column, anywhere in the query.
 * @example reservedPrefix({ table: 't', columns: [{ name: '_pd_k0', type: 'String' }] }) // '__pd_'
 */
export function reservedPrefix(schema: WarehouseSchema): string {
  const names = schema.columns.map((c) => c.name.toLowerCase());
  let prefix = '_pd_';
  while (names.some((n) => n.startsWith(prefix))) prefix = `_${prefix}`;
  return prefix;
}

/**
 * Plan a query for a warehouse table.
 * @example
 * const plan = splitPlan({ version: 1, source: { kind: 'source', id: 'w' }, rows: ['origin'],
 *   measures: [{ id: 'p90', kind: 'percentile', field: 'delay', p: 0.9 }] }, schema);
 * plan.sql;     // "SELECT * FROM (SELECT 0 AS `_pd_set`, count() AS `_pd_rows`, … GROUP BY lowerUTF8(…) UNION ALL …) LIMIT 1048576"
 * plan.finish(rows).grid;
 */
export function splitPlan(input: QuerySpec | unknown, schema: WarehouseSchema, options: SplitPlanOptions = {}): WarehousePlan {
  const spec = parseQuerySpec(input);
  const dialect = DIALECTS[options.dialect ?? 'clickhouse'];
  const rowCap = options.rowCap ?? DEFAULT_ROW_CAP;
  const P = reservedPrefix(schema);
  // Fields: the table's columns, then derived fields in order (each may use the earlier ones).
  const fields = specFields(spec, schema);
  const env = fieldEnv(fields);
  const resolve = (name: string, where: string) => {
    const f = env(name);
    if (!f) throw new WarehouseCompileError(`${where}: the warehouse table has no field [${name}].`);
    return f.name;
  };
  const rowFields = spec.rows.map((f, i) => resolve(f, `rows[${i}]`));
  const colFields = (spec.columns ?? []).map((f, i) => resolve(f, `columns[${i}]`));
  const keys = [...rowFields, ...colFields].map((name) => {
    const f = env(name)!;
    return axisKey(name, { kind: f.kind, sql: f.value, date: f.date, err: f.err });
  });
  const R = rowFields.length;
  const C = colFields.length;
  const pairList = groupingPairs(spec, rowFields, colFields, resolve);
  const measures: CompiledMeasure[] = spec.measures.map((m) => compileMeasure(m, env));

  // WHERE: plain filters, then each top/bottom N over the rows the earlier ones kept.
  const filters = spec.filters ?? [];
  let where: SqlExpr | undefined;
  const addWhere = (c: SqlExpr) => { where = where ? and(where, c) : c; };
  filters.forEach((f, i) => { if (f.kind !== 'topN') addWhere(compileFilter(f, env, `filters[${i}]`)); });
  const from = { kind: 'table' as const, database: schema.database, table: schema.table };
  filters.forEach((f, i) => {
    if (f.kind !== 'topN') return;
    const name = resolve(f.field, `filters[${i}]`);
    const x = env(name)!;
    const k = axisKey(name, { kind: x.kind, sql: x.value, err: x.err });

    const m = measures[spec.measures.findIndex((y) => y.id.toLowerCase() === f.measure.toLowerCase())];
    const rank = measureRankSql(m);
    if (!rank)
      throw new WarehouseCompileError(
        `filters[${i}]: top/bottom N by the measure ${f.measure} cannot run on the warehouse: its formula uses more than + − × ÷ around the aggregates. Rank by a simpler measure (for example the sum or the ratio alone), or put the formula in a view on the warehouse.`,
      );
    // The item as IN compares it: text ignoring case ('' = blank), numbers as text ('' = blank),
    // so a blank item can be kept (NULL never matches IN).
    // A number field that can be an error value: the error code is part of the item (text after
    // the numbers, #DIV/0! before #NUM! as their texts sort), blank still last.
    const inKey = k.value.kind === 'text' ? k.group
      : k.err ? call('concat', call('numberKeyText', k.err), lit('|'), call('numberKeyText', k.group))
      : call('numberKeyText', k.group);
    const sub: SelectQuery = {
      kind: 'select',
      columns: [{ expr: inKey, as: `${P}key` }],
      from,
      where,
      groupBy: k.err ? [k.group, k.err] : [k.group],
      // Only items whose value is a number take part (the engine drops #DIV/0!, #NUM!).
      having: and(isNotNull(rank), call('isFinite', rank)),
      // Ties at the cut: the pane's item order (numbers ascending, text by code point, blank last).
      orderBy: [
        { expr: rank, desc: (f.direction ?? 'top') === 'top' },
        ...(k.value.kind === 'text' ? [{ expr: bin('=', k.group, lit('')), desc: false }] : []),
        ...(k.err ? [{ expr: and(isNull(k.group), bin('=', k.err, lit(0))), desc: false }, { expr: k.err, desc: false }] : []),
        { expr: k.group, desc: false },
      ],
      limit: f.n,
    };
    addWhere({ kind: 'inSelect', arg: inKey, query: sub });
  });

  // One branch per grouping set: __set, __rows, every key (absent ones as typed NULLs), every slot column.
  const slotColumns = measures.flatMap((m) => m.slots.flatMap((s) => s.columns));
  // Keys that can be an error value carry its code in a column of their own, after the slots.
  const errKeys = keys.flatMap((k, n) => (k.err ? [n] : []));
  const branches: SelectQuery[] = pairList.map(([i, j], set) => {
    const present = (k: number) => (k < R ? k < i : k - R < j);
    const cols: SelectColumn[] = [
      { expr: lit(set), as: `${P}set` },
      { expr: agg('countRows'), as: `${P}rows` },
      ...keys.map((k, n) => ({ expr: present(n) ? k.label : ({ kind: 'nullOf', type: k.value.kind === 'text' ? 'text' : 'number' } as SqlExpr), as: `${P}k${n}` })),
      ...slotColumns.map((expr, n) => ({ expr, as: `${P}v${n}` })),
      ...errKeys.map((n) => ({ expr: present(n) ? keys[n].err! : call('toCount', lit(0)), as: `${P}e${n}` })),
    ];
    const groupBy = keys.filter((_, n) => present(n)).flatMap((k) => (k.err ? [k.group, k.err] : [k.group]));
    return { kind: 'select', columns: cols, from, where, groupBy };
  });
  // Case-insensitive text: one more branch (no rows scanned: WHERE 0) carries a scalar check of the
  // whole table for letters this warehouse folds differently from the pane (src/engine/sql/case-fold.ts).
  const folds = foldChecks(branches.flatMap((b) => [b.where, ...b.columns.map((c) => c.expr), ...(b.groupBy ?? [])]), dialect, fields);
  if (folds.length) {
    const flags = folds.map((f, n) => bin('*', agg('anyTrue', call('matchesClass', f.expr, lit(f.upper ? dialect.fold.upper : dialect.fold.lower))), lit(2 ** n)));
    const check: SelectQuery = {
      kind: 'select',
      columns: [{ expr: flags.reduce((a, b) => bin('+', a, b)), as: `${P}fold` }],
      from,
      where: folds.map((f) => call('nonAscii', f.expr)).reduce((a, b) => bin('OR', a, b)),
    };
    for (const b of branches) b.columns.push({ expr: call('toCount', lit(0)), as: `${P}fold` });
    branches.push({
      kind: 'select',
      columns: [
        { expr: lit(pairList.length), as: `${P}set` },
        { expr: agg('countRows'), as: `${P}rows` },
        ...keys.map((k, n) => ({ expr: { kind: 'nullOf', type: k.value.kind === 'text' ? 'text' : 'number' } as SqlExpr, as: `${P}k${n}` })),
        ...slotColumns.map((expr, n) => ({ expr, as: `${P}v${n}` })),
        ...errKeys.map((n) => ({ expr: call('toCount', lit(0)), as: `${P}e${n}` })),
        { expr: { kind: 'scalarSelect', query: check }, as: `${P}fold` },
      ],
      from,
      where: lit(false),
    });
  }
  const query: UnionQuery = { kind: 'union', branches, limit: rowCap + (folds.length ? 2 : 1) };
  const sql = renderQuery(query, dialect, { lambda: `${P}p` });
  const columns = branches[0].columns.map((c) => c.as);

  const explain = explainPlan(spec, dialect, rowFields, colFields, pairList, measures, rowCap);

  const finish = (answer: readonly (readonly unknown[])[], output: 'grid' | 'flat' | 'both' = 'both'): QueryResult => {
    let rows = answer;
    if (folds.length) {
      const flagRow = answer.find((r) => Number(r[0]) === pairList.length);
      rows = answer.filter((r) => r !== flagRow);
      if (rows.length <= rowCap) refuseUnsafeFolds(folds, flagRow ? Number(flagRow[flagRow.length - 1]) : 0, dialect);
    }
    if (rows.length > rowCap) throw new WarehouseRowCapError(rowCap);
    const K = keys.length;
    const firstSlotCol = 2 + K;
    // Per measure: where its slots' columns start.
    const slotStarts: number[][] = [];
    let at = firstSlotCol;
    for (const m of measures) {
      slotStarts.push(m.slots.map((s) => { const start = at; at += s.columns.length; return start; }));
    }
    const bySet = pairList.map(() => [] as Array<readonly unknown[]>);
    for (const r of rows) bySet[Number(r[0])]?.push(r);
    const flatGroups = bySet.flat();
    // Measure values for every group of every set, in flatGroups order.
    const values: MeasureValue[][] = measures.map((m, mi) => {
      const slotValues = m.slots.map((s, si) => flatGroups.map((r) => s.finish(r.slice(slotStarts[mi][si], slotStarts[mi][si] + s.columns.length))));
      if (!m.outer) return slotValues[0];
      const table: Record<string, MeasureValue[]> = Object.create(null);
      slotValues.forEach((v, si) => { table[SLOT_FIELD(si)] = v; });
      const out = deriveColumns(aq.table(table), [{ name: '__pd_measure', formula: m.outer, where: `measure ${m.id}` }]).get('__pd_measure')!;
      return Array.from(out as ArrayLike<MeasureValue>);
    });
    const errAt = new Map(errKeys.map((n, i) => [n, firstSlotCol + slotColumns.length + i]));
    const label = (k: number, v: unknown, r: readonly unknown[]): unknown => {
      const e = errAt.has(k) ? Number(r[errAt.get(k)!]) : 0;
      if (e > 0) return ERROR_CODES[e - 1];
      if (v === null || v === undefined) return null;
      if (keys[k].value.kind === 'text') return v === '' ? null : String(v);
      if (keys[k].value.kind === 'bool') return Number(v) === 1;
      return typeof v === 'number' ? v : Number(v);
    };
    let g = 0;
    const levels = bySet.map((set, s) => {
      const [i, j] = pairList[s];
      return {
        rows: set.map((r) => {
          const key = [...keys.slice(0, i).map((_, k) => label(k, r[2 + k], r)), ...keys.slice(R, R + j).map((_, k) => label(R + k, r[2 + R + k], r))];
          const gi = g++;
          return { key, values: measures.map((_, mi) => values[mi][gi]) };
        }),
      };
    });
    const finestIndex = pairList.findIndex(([i, j]) => i === R && j === C);
    const finest = finestIndex >= 0 ? bySet[finestIndex] : [];
    const rowCount = finest.reduce((s, r) => s + Number(r[1]), 0);
    const skipped: Record<string, SkippedCells> = {};
    measures.forEach((m, mi) => {
      const tally = noSkips();
      const s0 = m.slots[0];
      if (s0?.validColumn !== undefined) {
        const col = slotStarts[mi][0] + s0.validColumn;
        for (const r of finest) tally.blank += Number(r[1]) - Number(r[col]);
      }
      skipped[m.id] = tally;
    });
    return assembleResult({
      spec,
      fields: fields.map((f) => f.name),
      rowFields,
      colFields,
      pairList,
      levels,
      // The answer has no raw rows; the rows before filters are not counted separately.
      sourceRowCount: rowCount,
      rowCount,
      skipped,
      output,
    });
  };
  return { sql, dialect: dialect.name, rowCap, explain, columns, finish };
}

interface FoldCheck {
  /** The text the warehouse lower- (or upper-) cases. */
  expr: SqlExpr;
  upper: boolean;
  /** Fields it reads, for the message. */
  fields: string[];
}

/**
 * Every text the query folds (lower/upper calls), once each. A text with no column in it is a
 * literal of the query: checked here, before any SQL is sent. At most 50 checks (a flag bit each).
 */
function foldChecks(exprs: Array<SqlExpr | undefined>, dialect: SqlDialect, fields: readonly TypedField[]): FoldCheck[] {
  const out = new Map<string, FoldCheck>();
  const columnsOf = (e: SqlExpr, acc: Set<string>, literals: string[]) => walk(e, (x) => {
    if (x.kind === 'column') acc.add(x.name);
    if (x.kind === 'literal' && typeof x.value === 'string') literals.push(x.value);
  });
  for (const root of exprs) {
    if (!root) continue;
    walk(root, (x) => {
      if (x.kind !== 'call' || (x.fn !== 'lower' && x.fn !== 'upper')) return;
      const upper = x.fn === 'upper';
      const arg = x.args[0];
      const cols = new Set<string>();
      const literals: string[] = [];
      columnsOf(arg, cols, literals);
      if (!cols.size) {
        const bad = literals.find((t) => (upper ? dialect.fold.upperUnsafe(t) : dialect.fold.lowerUnsafe(t)));
        if (bad !== undefined) throw new WarehouseCompileError(unsafeFoldMessage(`The text "${bad}" in a formula or filter`, dialect));
        return;
      }
      const key = `${upper}:${renderExpr(arg, dialect)}`;
      if (!out.has(key)) {
        const names = fields.filter((f) => [...cols].some((c) => usesColumn(f, c))).map((f) => f.name);
        out.set(key, { expr: arg, upper, fields: names.length ? names : [...cols] });
      }
    });
  }
  const list = [...out.values()];
  if (list.length > 50) throw new WarehouseCompileError('This query compares too many different texts ignoring case to check them on the warehouse (more than 50). Use fewer text fields or formulas.');
  return list;
}

const usesColumn = (f: TypedField, column: string) => {
  let hit = false;
  walk(f.value, (x) => { if (x.kind === 'column' && x.name === column) hit = true; });
  return hit;
};

function unsafeFoldMessage(what: string, dialect: SqlDialect): string {
  const engine = dialect.name === 'clickhouse' ? 'ClickHouse 18.16' : 'DuckDB';
  return (
    `${what} holds letters whose capital and small forms ${engine} pairs differently from Excel (for example ${FOLD_EXAMPLES}). ` +
    'Grouping, distinct counts and text filters ignore case, so the warehouse could give a different answer than Excel, and PivotDeck stopped rather than show it. ' +
    'What works instead: load the table into the workbook and build the query there, or ask for a view on the warehouse that spells those letters another way.'
  );
}

/** Throws when the warehouse's check found such letters in a folded text. */
function refuseUnsafeFolds(folds: FoldCheck[], mask: number, dialect: SqlDialect): void {
  if (!mask) return;
  const hit = folds.filter((_, n) => Math.floor(mask / 2 ** n) % 2 === 1);
  const names = [...new Set(hit.flatMap((f) => f.fields))].map((n) => `[${n}]`);
  throw new WarehouseCompileError(unsafeFoldMessage(`The text in ${names.join(', ') || 'a text field'}`, dialect));
}

/** Visits every node of an expression, subqueries included. */
function walk(e: SqlExpr, visit: (x: SqlExpr) => void): void {
  visit(e);
  switch (e.kind) {
    case 'call':
    case 'agg':
      e.args.forEach((a) => walk(a, visit));
      break;
    case 'binary':
      walk(e.left, visit);
      walk(e.right, visit);
      break;
    case 'not':
    case 'isNull':
    case 'nullableNumber':
      walk(e.arg, visit);
      break;
    case 'case':
      e.whens.forEach(([w, t]) => { walk(w, visit); walk(t, visit); });
      walk(e.else, visit);
      break;
    case 'in':
      walk(e.arg, visit);
      e.values.forEach((v) => walk(v, visit));
      break;
    case 'inSelect':
      walk(e.arg, visit);
      walkSelect(e.query, visit);
      break;
    case 'scalarSelect':
      walkSelect(e.query, visit);
      break;
  }
}

function walkSelect(q: SelectQuery, visit: (x: SqlExpr) => void): void {
  for (const x of [...q.columns.map((c) => c.expr), q.where, q.having, ...(q.groupBy ?? []), ...(q.orderBy ?? []).map((o) => o.expr)]) if (x) walk(x, visit);
}

function explainPlan(
  spec: QuerySpec,
  dialect: SqlDialect,
  rowFields: string[],
  colFields: string[],
  pairList: Array<[number, number]>,
  measures: CompiledMeasure[],
  rowCap: number,
): string[] {
  const engine = dialect.name === 'clickhouse' ? 'ClickHouse' : 'DuckDB';
  const by = [...rowFields, ...colFields];
  const out = [
    `On the warehouse (${engine}): ${spec.filters?.length ? `${spec.filters.length} filter(s), ` : ''}${spec.derived?.length ? `${spec.derived.length} derived field(s), ` : ''}grouping by ${by.length ? by.join(' × ') : 'nothing (one total)'} in ${pairList.length} grouping set(s) (the totals shown), and these aggregates: ${measures.flatMap((m) => m.slots.map((s) => s.label)).join('; ')}.`,
  ];
  const pane: string[] = [];
  for (const [k, m] of spec.measures.entries()) {
    if (measures[k].outer) pane.push(`the formula around the aggregates of ${m.id}`);
    if (m.showAs) pane.push(`show-as ${m.showAs.kind} of ${m.id}`);
  }
  if (spec.sort?.length) pane.push('sorting');
  pane.push('empty-group rules (#DIV/0!, #NUM!) and the grid layout');
  out.push(`In the pane, on the reduced answer only: ${pane.join('; ')}.`);
  out.push(`At most ${rowCap.toLocaleString('en-US')} rows come back; no raw rows leave the warehouse.`);
  return out;
}
