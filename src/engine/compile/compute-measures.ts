import * as aq from 'arquero';
import type { CallNode, FormulaAst, FormulaNode } from '../formula/ast';
import { resolveField } from '../formula/check';
import { type AggregateInput, lookupFunction } from '../formula/functions';
import { constantValue } from '../formula/check';
import type { FormulaError } from '../formula/formula-error';
import { aggregateOpName } from '../measures/catalogue';
import type { MeasureValue } from '../measures/aggregate-def';
import { type SkippedCells, addSkips, cleanInput, noSkips } from '../measures/skipped';
import { assertGeneratedCode, generateCode, type CodegenContext } from './codegen';
import { materialize } from './column-table';
import { type ColumnLike, columnValues } from './column-values';
import { QueryFormulaError, prepareFormula } from './compile-formula';
import { type EncodedKey, combineKeys, decodeKey, encodeGroupKey } from './group-keys';
import { type KernelRequest, aggregateByGroup, denseGroupIds, kernelRequestOf } from '../kernels';
import { registerOps } from './register-ops';
import { MAX_BUILT_TEXT, withTextBudget } from './row-functions';

/** A measure: an id of the caller's choosing and a formula such as `MEDIAN([Revenue])`. */
export interface MeasureSpec {
  id: string;
  formula: string | FormulaAst;
}

export interface ComputeMeasuresOptions {
  /** Fields to group by, outermost first (pivot row fields, then column fields). */
  groupBy: string[];
  measures: MeasureSpec[];
  /** Row formula; a row is kept when it evaluates to TRUE (see pd_truthy). */
  filter?: string | FormulaAst;
  /**
   * Also compute every shorter prefix of groupBy down to [] (the grand total),
   * as pivots show subtotals. Default false: only the full groupBy.
   */
  subtotals?: boolean;
  /**
   * SQL GROUPING SETS: compute exactly these groupings, each a subset of
   * groupBy (its keys come out in groupBy order). Replaces `subtotals`.
   * @example groupingSets: [['Region', 'Year'], ['Region'], []]
   */
  groupingSets?: string[][];
  /**
   * Only these source rows (ascending indices) take part, e.g. the rows kept by
   * the query's own filters; `filter` then applies on top of them.
   */
  rows?: ArrayLike<number>;
  /**
   * Default true: a measure that is one built-in aggregate (SUM, MEDIAN, PERCENTILE.INC, ...) runs
   * on the typed-array kernels (src/engine/kernels), the rest through Arquero. False sends every
   * measure through Arquero; tests use it to check that both paths give the same results.
   */
  fastPaths?: boolean;
  /**
   * Group-by fields already encoded by the caller (encodeGroupKey over exactly `rows`), by field
   * name, so a field is not encoded twice; used only when there is no `filter`.
   */
  encodedKeys?: ReadonlyMap<string, EncodedKey>;
}

/** One group: its key values (null = the "(blank)" item) and one value per measure, in spec order. */
export interface GroupRow {
  key: unknown[];
  values: MeasureValue[];
}

export interface LevelResult {
  /** The group-by fields of this level (a prefix of the requested groupBy). */
  groupBy: string[];
  /** Groups in order of first appearance in the source. */
  rows: GroupRow[];
}

export interface MeasuresResult {
  measureIds: string[];
  /** Full groupBy first, then shorter prefixes, ending with [] when subtotals were asked for. */
  levels: LevelResult[];
  /** Per measure: source cells (in filtered rows) its aggregates skipped, and why. */
  skipped: Record<string, SkippedCells>;
  /** Rows that passed the filter. */
  rowCount: number;
}

/** Minimal view of an Arquero table that we read from. */
type SourceTable = { columnNames(): string[]; column(name: string): unknown; numRows(): number; isFiltered(): boolean; indices(): ArrayLike<number> };

interface AggInput {
  alias: string;
  kind: AggregateInput;
  node: FormulaNode;
  skipped: SkippedCells;
  /** Set when the input is a computed expression rather than a plain field. */
  derived?: string;
}

/** A stable key for an expression, ignoring where in the text it was written. */
function exprKey(node: FormulaNode, fields: readonly string[]): string {
  return JSON.stringify(node, (k, v) => (k === 'span' || k === 'nameSpan' ? undefined : k === 'name' && typeof v === 'string' ? (resolveField(v, fields) ?? v.toUpperCase()) : v));
}

/**
 * Compute measures per group with Excel semantics, optionally with subtotal
 * levels and a row filter. Formulas are parsed and checked here; any problem
 * throws a QueryFormulaError naming the measure and the offending part.
 *
 * How it runs: fields are renamed to aliases (c0, c1, ...), literals are bound
 * as params, and Arquero runs code we generate from the AST (`op.pd_*` calls
 * only), so no user text ever reaches Arquero's parser or `Function`. Group
 * keys are dictionary-encoded; aggregate inputs are cleaned once into typed
 * arrays (skipped cells tallied in the same pass). A measure that is one
 * built-in aggregate of one input (SUM, MEDIAN, PERCENTILE.INC, COUNTDISTINCT,
 * ...) is then computed by the typed-array kernels (src/engine/kernels); the
 * others by our registered `pd_*` aggregates in one groupby/rollup per level.
 * Both give the same values (test/engine/compile/fast-paths.test.ts).
 *
 * @example
 * computeMeasures(aq.table({ Region: ['N', 'N', 'S'], Revenue: [1, 3, 5] }), {
 *   groupBy: ['Region'],
 *   measures: [{ id: 'med', formula: 'MEDIAN([Revenue])' }],
 *   subtotals: true,
 * }).levels.map((l) => l.rows)
 * // [[{ key: ['N'], values: [2] }, { key: ['S'], values: [5] }], [{ key: [], values: [3] }]]
 */
export function computeMeasures(table: SourceTable, options: ComputeMeasuresOptions): MeasuresResult {
  registerOps();
  const source = materialize(table);
  const fields = source.columnNames();
  const n = source.numRows();

  // 1. Parse and check everything first, so the user sees every problem at once.
  const problems: Array<{ where: string; error: FormulaError }> = [];
  const seenIds = new Set<string>();
  const measureAsts = options.measures.map((m) => {
    if (seenIds.has(m.id)) throw new Error(`Duplicate measure id ${m.id}`);
    seenIds.add(m.id);
    return prepareFormula(m.id, m.formula, 'measure', fields, problems);
  });
  const filterAst = options.filter === undefined ? null : prepareFormula('filter', options.filter, 'row', fields, problems);
  const groupBy = options.groupBy.map((name) => {
    const resolved = resolveField(name, fields);
    if (resolved === undefined) throw new Error(`Unknown group-by field ${name}`);
    return resolved;
  });
  if (problems.length) throw new QueryFormulaError(problems);
  const sets = groupingSetIndices(groupBy, fields, options);

  // 2. Aliases and params: the only names generated code can mention.
  const aliasOf = new Map<string, string>();
  const base: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  let paramCount = 0;
  const fieldAlias = (name: string) => {
    const real = resolveField(name, fields)!;
    let alias = aliasOf.get(real);
    if (!alias) {
      alias = `c${aliasOf.size}`;
      aliasOf.set(real, alias);
      base[alias] = source.column(real);
    }
    return alias;
  };
  const param = (value: unknown) => {
    const name = `p${paramCount++}`;
    params[name] = value;
    return name;
  };
  const rowCtx: CodegenContext = { field: fieldAlias, param };

  // Fields whose every cell is a finite number or blank (checked once per field, on demand).
  const numericOnly = new Map<string, boolean>();
  const numbersOnly = (name: string) => {
    const real = resolveField(name, fields)!;
    let known = numericOnly.get(real);
    if (known === undefined) {
      known = isNumbersOnly(columnValues(source.column(real) as ColumnLike));
      numericOnly.set(real, known);
    }
    return known;
  };

  // 3. Aggregate inputs: one cleaned column per distinct (expression, input kind).
  const inputs = new Map<string, AggInput>();
  // The aggregate calls as compiled: a measure whose root is one of these may run on the kernels.
  const calls = new Map<CallNode, { fn: string; inputs: AggInput[]; params: unknown[] }>();
  const derived: Record<string, string> = {};
  const measureInputs: Array<Set<AggInput>> = [];
  const rollupCode: string[] = measureAsts.map((ast) => {
    const used = new Set<AggInput>();
    measureInputs.push(used);
    const ctx: CodegenContext = {
      field: fieldAlias,
      param,
      aggregate(node: CallNode) {
        const def = lookupFunction(node.name)!;
        // COUNTDISTINCT of a numbers-only field shares the numeric input (and its one sort) with MEDIAN & co.
        const distinctNum = def.name === 'COUNTDISTINCT' && node.args[0].kind === 'field' && numbersOnly(node.args[0].name);
        const args: string[] = [];
        const call = { fn: def.name, inputs: [] as AggInput[], params: [] as unknown[] };
        calls.set(node, call);
        node.args.forEach((arg, i) => {
          if (i >= (def.inputs ?? 0)) {
            const value = constantValue(arg);
            call.params.push(value);
            args.push(`$.${param(value)}`);
            return;
          }
          const kind = distinctNum ? 'numeric' : def.input![i];
          const key = `${kind}:${exprKey(arg, fields)}`;
          let input = inputs.get(key);
          if (!input) {
            input = { alias: `a${inputs.size}`, kind, node: arg, skipped: noSkips() };
            if (arg.kind !== 'field') {
              input.derived = `e${Object.keys(derived).length}`;
              derived[input.derived] = assertGeneratedCode(generateCode(arg, rowCtx));
            }
            inputs.set(key, input);
          }
          used.add(input);
          call.inputs.push(input);
          args.push(`d.${input.alias}`);
        });
        return `op.${distinctNum ? 'pd_distinct_num' : aggregateOpName(def.name)}(${args.join(',')})`;
      },
    };
    return assertGeneratedCode(generateCode(ast!.root, ctx));
  });
  // Measures whose every aggregate call the kernels compute: the calls run on the kernels, and
  // what the formula does with their results (SUM([a]) / SUM([b])) runs on the per-group values.
  const kernelCalls: KernelCall[] = [];
  const kernelPlan: Array<KernelPlan | undefined> = options.fastPaths === false ? [] : measureAsts.map((ast) => planKernels(ast!.root, calls, kernelCalls, param));
  const filterCode = filterAst ? assertGeneratedCode(`op.pd_truthy(${generateCode(filterAst.root, rowCtx)})`) : null;
  for (const name of groupBy) fieldAlias(name);

  // 4. Row-level work in one Arquero derive over the aliased table.
  const aliased = aq.table(base).params(params);
  const rowExprs: Record<string, string> = { ...derived };
  if (filterCode) rowExprs.f = filterCode;
  const rowResults = Object.keys(rowExprs).length ? withTextBudget(MAX_BUILT_TEXT, () => aliased.derive(rowExprs)) : aliased;
  let rows: ArrayLike<number> | undefined = options.rows;
  if (filterCode) {
    const keep = columnValues(rowResults.column('f') as ColumnLike);
    const pre = options.rows;
    const m = pre ? pre.length : n;
    let count = 0;
    for (let k = 0; k < m; k++) if (keep[pre ? pre[k] : k] === true) count++;
    const kept = new Uint32Array(count);
    for (let k = 0, j = 0; k < m; k++) {
      const i = pre ? pre[k] : k;
      if (keep[i] === true) kept[j++] = i;
    }
    rows = kept;
  }
  const rowCount = rows ? rows.length : n;

  // 5. Clean inputs (compacted to the kept rows) and encode group keys.
  const columns: Record<string, unknown> = {};
  for (const input of inputs.values()) {
    const raw = input.derived
      ? columnValues(rowResults.column(input.derived) as ColumnLike)
      : columnValues(base[fieldAlias((input.node as { name: string }).name)] as ColumnLike);
    columns[input.alias] = cleanInput(input.kind, raw, input.skipped, rows);
  }
  const known = filterCode ? undefined : options.encodedKeys;
  const keys: EncodedKey[] = groupBy.map((name) => known?.get(name) ?? encodeGroupKey(columnValues(base[fieldAlias(name)] as ColumnLike), rows));

  // 6. Per level: the kernels for measures made of built-in aggregates, one Arquero
  // groupby/rollup for the rest. Both number groups by first appearance, so their rows line up.
  const names = options.measures.map((_, i) => `m${i}`);
  const general = names.filter((_, i) => !kernelPlan[i]);
  const rollupSpec = Object.fromEntries(general.map((name) => [name, rollupCode[names.indexOf(name)]]));
  const kernelInputs = [...new Set(kernelCalls.map((k) => k.input))];
  const combined = Object.fromEntries(kernelPlan.flatMap((k, i) => (k?.code ? [[names[i], k.code]] : [])));
  const levels: LevelResult[] = sets.map((set) => {
    const setKeys = set.map((i) => keys[i]);
    const results: Array<ArrayLike<unknown>> = new Array(names.length);
    let size: number;
    let keyOf: (r: number) => unknown[];
    if (kernelInputs.length) {
      const { ids, groups, firstRow } = denseGroupIds(setKeys, rowCount);
      // Raw values (an overflowed SUM stays Infinity) as the pd_* ops give them to a formula.
      const callValues: Array<ArrayLike<unknown>> = new Array(kernelCalls.length);
      for (const input of kernelInputs) {
        const wanted = kernelCalls.flatMap((k, j) => (k.input === input ? [j] : []));
        const values = aggregateByGroup(ids, groups, columns[input.alias] as Float64Array, wanted.map((j) => kernelCalls[j].request), { raw: true });
        wanted.forEach((j, w) => (callValues[j] = values[w]));
      }
      kernelPlan.forEach((k, i) => {
        if (k && !k.code) results[i] = callValues[k.call];
      });
      if (Object.keys(combined).length) {
        const perGroup = aq.table(Object.fromEntries(callValues.map((v, j) => [`a${j}`, v]))).params(params);
        const out = perGroup.derive(combined);
        for (const name of Object.keys(combined)) results[names.indexOf(name)] = columnValues(out.column(name) as ColumnLike);
      }
      size = groups;
      keyOf = (r) => setKeys.map((key) => key.labels[key.codes[firstRow[r]]]);
    }
    if (general.length) {
      const t = aq.table(set.length > 0 ? { ...columns, g: combineKeys(setKeys, set.length, rowCount) } : { ...columns, g: new Float64Array(rowCount) }).params(params);
      const out = set.length > 0 ? t.groupby('g').rollup(rollupSpec) : t.rollup(rollupSpec);
      const g = set.length > 0 ? columnValues(out.column('g') as ColumnLike) : null;
      for (const name of general) results[names.indexOf(name)] = columnValues(out.column(name) as ColumnLike);
      size = out.numRows();
      keyOf = (r) => (g ? decodeKey(g[r] as number, setKeys, set.length) : []);
    }
    const levelRows: GroupRow[] = new Array(size!);
    for (let r = 0; r < size!; r++) {
      levelRows[r] = { key: keyOf!(r), values: results.map((col) => normalize(col[r])) };
    }
    return { groupBy: set.map((i) => groupBy[i]), rows: levelRows };
  });

  // Keyed by the caller's measure ids, which may be any text: no prototype to collide with.
  const skipped: Record<string, SkippedCells> = Object.create(null);
  options.measures.forEach((m, i) => {
    const tally = noSkips();
    for (const input of measureInputs[i]) addSkips(tally, input.skipped);
    skipped[m.id] = tally;
  });
  return { measureIds: options.measures.map((m) => m.id), levels, skipped, rowCount };
}

/** One aggregate call the kernels compute: its cleaned input and what to compute. */
interface KernelCall {
  input: AggInput;
  request: KernelRequest;
}

/** A measure on the kernels: one call's values as they are, or `code` over the calls' per-group values (d.a0, d.a1, ...). */
interface KernelPlan {
  call: number;
  code?: string;
}

type CompiledCall = { fn: string; inputs: AggInput[]; params: unknown[] };

/** The kernel request for one compiled aggregate call, if the kernels compute it. */
function kernelRequest(call: CompiledCall | undefined): KernelCall | undefined {
  if (!call || call.inputs.length !== 1) return undefined;
  const request = kernelRequestOf(call.fn, call.params);
  return request && { input: call.inputs[0], request };
}

/**
 * How the kernels compute a measure (undefined: they do not; Arquero's rollup does). Every
 * aggregate call in the formula must be one the kernels compute; the calls are appended to
 * `kernelCalls`, and a formula that does more than call one aggregate gets `code` that combines
 * their per-group values with the same row functions the rollup would use.
 */
function planKernels(
  root: FormulaNode,
  calls: ReadonlyMap<CallNode, CompiledCall>,
  kernelCalls: KernelCall[],
  param: (value: number | string | boolean) => string,
): KernelPlan | undefined {
  const single = root.kind === 'call' ? kernelRequest(calls.get(root)) : undefined;
  if (single) return { call: kernelCalls.push(single) - 1 };
  const mine: KernelCall[] = [];
  let ok = true;
  const code = generateCode(root, {
    // A field outside an aggregate has no per-group value: leave such a formula to the rollup.
    field: () => {
      ok = false;
      return 'c0';
    },
    param,
    aggregate: (node) => {
      const k = kernelRequest(calls.get(node));
      if (!k) ok = false;
      else mine.push(k);
      // Named like aggregate inputs (d.a0, ...), the names the code safety check allows; this
      // code runs on its own per-group table, where a<j> holds kernel call j's values.
      return `d.a${kernelCalls.length + mine.length - 1}`;
    },
  });
  if (!ok || !mine.length) return undefined;
  kernelCalls.push(...mine);
  return { call: -1, code: assertGeneratedCode(code) };
}

/** Grouping sets as indices into groupBy, each ascending; default: full groupBy, plus prefixes with subtotals. */
function groupingSetIndices(groupBy: string[], fields: string[], options: ComputeMeasuresOptions): number[][] {
  if (!options.groupingSets) {
    return options.subtotals ? groupBy.map((_, i) => range(groupBy.length - i)).concat([[]]) : [range(groupBy.length)];
  }
  if (options.subtotals) throw new Error('Give either subtotals or groupingSets, not both');
  return options.groupingSets.map((set) => {
    const idx = set.map((name) => {
      const real = resolveField(name, fields);
      const i = real === undefined ? -1 : groupBy.indexOf(real);
      if (i < 0) throw new Error(`Grouping set field ${name} is not in groupBy`);
      return i;
    });
    return [...new Set(idx)].sort((a, b) => a - b);
  });
}

/** Every cell a finite number or blank? (Then a category input's items are just the numbers.) */
function isNumbersOnly(values: ArrayLike<unknown>): boolean {
  if (ArrayBuffer.isView(values)) return !(values instanceof BigInt64Array || values instanceof BigUint64Array);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' ? !Number.isFinite(v) : !(v == null || v === '')) return false;
  }
  return true;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Measures come out as Excel values: numbers, text, logicals, blank (null) or error strings. */
function normalize(v: unknown): MeasureValue {
  if (v === undefined) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return '#NUM!';
  return v as MeasureValue;
}
