import type { FormulaNode } from '../formula/ast';
import { computeGroups, engineTable, helperNames, type GroupSpec, type NodeValues } from './engine-groups';
import { formatFieldRef as ref } from '../formula/field-ref';
import { binaryOf, callOf, fieldRef, formulaOf, numberLit } from './formula-nodes';
import type { GroupTree } from './group-tree';
import { computeKernelGroups, kernelSpec, type KernelSpec } from './kernel-groups';
import { sourceInputs, type SourceInputs } from './source-inputs';
import { MEASURE_VOCABULARY } from '../measures/vocabulary';
import { NUMERIC_KINDS, SHOW_AS_KINDS, type ExtensionMeasure } from './measures';
import { ExtensionError, type PivotFunction, type SourceTable, type XlValue } from './types';

export type { NodeValues } from './engine-groups';

/** Finds a source column index by name (case-insensitive, the first header wins, as Excel matches fields). */
export type ColumnLookup = (name: string) => number | undefined;

/**
 * A case-insensitive header lookup over the source.
 * @example columnLookup(source)('revenue') // 4
 */
export function columnLookup(source: SourceTable): ColumnLookup {
  const byName = new Map<string, number>();
  source.headers.forEach((h, i) => { const k = String(h).toLowerCase(); if (!byName.has(k)) byName.set(k, i); });
  return (name) => byName.get(name.toLowerCase());
}

/** The engine function that reproduces each PivotTable summary function. */
const PIVOT_FUNCTION: Record<PivotFunction, string> = {
  Sum: 'SUM', Count: 'COUNTA', Average: 'AVERAGE', Max: 'MAX', Min: 'MIN', Product: 'PRODUCT', CountNumbers: 'COUNT',
  StandardDeviation: 'STDEV.S', StandardDeviationP: 'STDEV.P', Variance: 'VAR.S', VarianceP: 'VAR.P',
};

/** The formula function of a one-field kind (SUM, MEDIAN, COUNTDISTINCT…), from the measure vocabulary. */
const menuFunction = (kind: ExtensionMeasure['kind']): string | undefined =>
  MEASURE_VOCABULARY[kind].inputs === 'field' ? MEASURE_VOCABULARY[kind].formulaFunction : undefined;

export interface NodeMeasures {
  /** Values per extension measure id, and per show-as measure's own base (see baseKey). */
  values: Map<string, NodeValues>;
  /** What a PivotTable cell shows for `fn` of `field` at every node (reconciliation). */
  pivotSummary(field: string, fn: PivotFunction): NodeValues | undefined;
}

/**
 * Computes each non-show-as measure, and each pivot summary reconciliation needs, for every group
 * (grand total, every subtotal level, leaves) in ONE pass of the engine's measure code
 * (src/engine/measures via computeMeasures): menu measures become formula ASTs, custom formulas
 * are compiled as typed. The pivot's own semantics are layered on top here, where they differ
 * from the engine's worksheet-function semantics:
 * - an error cell in a number field makes numeric measures of its groups show that error (the
 *   first in source order), as Excel's pivot and MEDIAN/SUM over a range do; the engine skips it;
 * - a PivotTable cell is blank when its group has no non-blank value at all;
 * - FIRST/LAST pick the row by the order field even when its value is blank (the engine skips
 *   blank values); without an order field, the first/last non-blank value in source order.
 * Show-as measures (shares, running totals ...) get their base: the measure named by `of`, else
 * Sum of `field`; plan-extension finishes them along the pivot's rows.
 *
 * @example
 * const { values } = computeNodeMeasures(measures, tree, source, []);
 * values.get('m1')![tree.root.id] // the grand-total median
 */
export function computeNodeMeasures(
  measures: readonly ExtensionMeasure[],
  tree: GroupTree,
  source: SourceTable,
  summaries: ReadonlyArray<{ field: string; fn: PivotFunction }>,
  inputs: SourceInputs = sourceInputs(source, tree.rows),
): NodeMeasures {
  const lookup = columnLookup(source);
  const specs: GroupSpec[] = [];
  const finish: Array<(get: (id: string) => NodeValues) => [string, NodeValues]> = [];
  const errorFields = new Set<string>();
  const names = helperNames(source, tree.levels);
  const col = (m: ExtensionMeasure, name: string | undefined, role: string): string => {
    if (!name) throw new ExtensionError('measure', `"${m.label}" needs ${role}.`);
    const i = lookup(name);
    if (i === undefined) throw new ExtensionError('measure', `"${m.label}" uses the field "${name}", which is not a column of the pivot's source.`);
    return String(source.headers[i]);
  };
  const anyError = (field: string): boolean => inputs.numericTally(lookup(field)!).error > 0;
  const spec = (id: string, label: string, root: FormulaNode, text: string) => {
    if (!specs.some((s) => s.id === id)) specs.push({ id, label, formula: formulaOf(root, text) });
    return id;
  };
  /** Id of the spec giving each node's first error row in `field` ('#N/A' when none). */
  const firstErrorOf = (field: string): string | undefined => {
    if (!anyError(field)) return undefined;
    errorFields.add(field);
    return `err:${field.toLowerCase()}`;
  };
  const rowRef = () => fieldRef(names.row);
  /** `byField`: the first field's error wins whatever the rows (SUM(a)/SUM(b) evaluates a first). */
  const withErrors = (fields: string[], id: string, byField = false) => {
    // Decided now, so the error look-ups are among the specs computed below.
    const errorIds = fields.map(firstErrorOf);
    return (get: (id: string) => NodeValues): NodeValues => {
      const errors = errorIds.map((e) => (e ? get(e) : undefined));
      const base = get(id);
      if (errors.every((e) => !e)) return base;
      return base.map((v, node) => {
        // The error the measure meets first: the earliest row, the first field on the same row.
        let best: number | undefined;
        let pick: XlValue | undefined;
        errors.forEach((e, k) => {
          const r = e?.[node];
          if (typeof r !== 'number' || (best !== undefined && (byField || r >= best))) return;
          best = r;
          pick = source.columns[lookup(fields[k])!][r];
        });
        return pick ?? v;
      });
    };
  };
  const put = (key: string, compute: (get: (id: string) => NodeValues) => NodeValues) => finish.push((get) => [key, compute(get)]);

  for (const m of measures) {
    const key = `m:${m.id}`;
    if (SHOW_AS_KINDS.has(m.kind)) {
      if (m.of && measures.some((x) => x.id === m.of)) continue;
      const f = col(m, m.field, 'a field');
      const id = spec(`sum:${f.toLowerCase()}`, m.label, callOf('SUM', fieldRef(f)), `SUM(${ref(f)})`);
      put(baseKey(m), withErrors([f], id));
      continue;
    }
    const fn = menuFunction(m.kind);
    if (fn) {
      const f = col(m, m.field, 'a field');
      const id = spec(key, m.label, callOf(fn, fieldRef(f)), `${fn}(${ref(f)})`);
      put(m.id, NUMERIC_KINDS.has(m.kind) ? withErrors([f], id) : (get) => get(id));
      continue;
    }
    switch (m.kind) {
      case 'percentile': case 'quartile': {
        const f = col(m, m.field, 'a field');
        if (m.p === undefined || !(m.p >= 0 && m.p <= 1)) throw new ExtensionError('measure', `"${m.label}" needs a percentile between 0 and 1.`);
        // Quartiles are stored as 0.25/0.5/0.75, so both are PERCENTILE.INC.
        const id = spec(key, m.label, callOf('PERCENTILE.INC', fieldRef(f), numberLit(m.p)), `PERCENTILE.INC(${ref(f)}, ${m.p})`);
        put(m.id, withErrors([f], id));
        break;
      }
      case 'first': case 'last': {
        const f = col(m, m.field, 'a field');
        const fnName = m.kind === 'first' ? 'FIRST' : 'LAST';
        const order = m.otherField ? col(m, m.otherField, 'an order field') : undefined;
        // The engine returns the picked source row; the value is read from it here, blank included.
        const picked = order
          ? callOf(fnName, rowRef(), fieldRef(order))
          : callOf(fnName, callOf('IF', callOf('NOT', callOf('ISBLANK', fieldRef(f))), rowRef()), rowRef());
        const id = spec(key, m.label, picked, `${fnName}(row of ${ref(f)}${order ? ` by ${ref(order)}` : ''})`);
        const values = source.columns[lookup(f)!];
        put(m.id, (get) => get(id).map((r) => (typeof r === 'number' ? values[r] : '')));
        break;
      }
      case 'weightedAverage': {
        const f = col(m, m.field, 'a field');
        const w = col(m, m.otherField, 'a weight field');
        const id = spec(key, m.label, callOf('AVERAGEWEIGHTED', fieldRef(f), fieldRef(w)), `AVERAGEWEIGHTED(${ref(f)}, ${ref(w)})`);
        put(m.id, withErrors([f, w], id));
        break;
      }
      case 'ratioOfSums': {
        const f = col(m, m.field, 'a numerator field');
        const d = col(m, m.otherField, 'a denominator field');
        const id = spec(key, m.label, binaryOf('/', callOf('SUM', fieldRef(f)), callOf('SUM', fieldRef(d))), `SUM(${ref(f)}) / SUM(${ref(d)})`);
        put(m.id, withErrors([f, d], id, true));
        break;
      }
      case 'formula': {
        if (!m.formula || m.formula.trim() === '') throw new ExtensionError('measure', `"${m.label}" has no formula.`);
        const id = key;
        if (!specs.some((s) => s.id === id)) specs.push({ id, label: m.label, formula: m.formula });
        put(m.id, (get) => get(id));
        break;
      }
      default: throw new ExtensionError('measure', `"${m.label}" has an unknown kind "${m.kind}".`);
    }
  }

  // Reconciliation: what each checked value field shows, with the pivot's blank rule.
  const summaryIds = new Map<string, { id: string; counta: string; shown: (get: (id: string) => NodeValues) => NodeValues }>();
  for (const { field, fn } of summaries) {
    const i = lookup(field);
    if (i === undefined) continue;
    const f = String(source.headers[i]);
    const id = spec(`pivot:${fn}:${f.toLowerCase()}`, field, callOf(PIVOT_FUNCTION[fn], fieldRef(f)), `${PIVOT_FUNCTION[fn]}(${ref(f)})`);
    const counta = spec(`counta:${f.toLowerCase()}`, field, callOf('COUNTA', fieldRef(f)), `COUNTA(${ref(f)})`);
    const shown = fn === 'Count' || fn === 'CountNumbers' ? (get: (id: string) => NodeValues) => get(id) : withErrors([f], id);
    summaryIds.set(`${fn}|${f.toLowerCase()}`, { id, counta, shown });
  }
  // Error look-ups last: the code above decided which fields need them.
  for (const f of errorFields) {
    const test = callOf('IF', callOf('ISERROR', fieldRef(f)), rowRef());
    spec(`err:${f.toLowerCase()}`, f, callOf('FIRST', test, rowRef()), `FIRST(row of the first error in ${ref(f)})`);
  }


  // One built-in aggregate of one field runs on the kernels over the tree's own group ids; the
  // rest (formulas, FIRST/LAST, error look-ups) through the engine, over a table carrying the tree.
  const kernels: Array<{ id: string; kernel: KernelSpec }> = [];
  const general: GroupSpec[] = [];
  for (const s of specs) {
    const kernel = kernelSpec(s.formula, lookup, inputs);
    if (kernel) kernels.push({ id: s.id, kernel });
    else general.push(s);
  }
  const computed = computeKernelGroups(tree, kernels, inputs);
  if (general.length > 0) {
    const { table } = engineTable(source, tree, names);
    for (const [id, values] of computeGroups(table, names, tree, general)) computed.set(id, values);
  }
  const get = (id: string): NodeValues => {
    const v = computed.get(id);
    if (!v) throw new Error(`Internal error: no values for ${id}`);
    return v;
  };
  const values = new Map<string, NodeValues>();
  for (const step of finish) {
    const [id, v] = step(get);
    values.set(id, v);
  }
  return {
    values,
    pivotSummary(field, fn) {
      const i = lookup(field);
      const s = i === undefined ? undefined : summaryIds.get(`${fn}|${String(source.headers[i]).toLowerCase()}`);
      if (!s) return undefined;
      const counta = get(s.counta);
      return s.shown(get).map((v, node) => (counta[node] === 0 ? '' : v));
    },
  };
}

/** Key under which a show-as measure's own base (Sum of its field) is stored. */
export function baseKey(m: ExtensionMeasure): string {
  return `${m.id}#base`;
}
