import {
  countA, countNumbers, distinctCount, firstOrLast, modeSngl, numericSummary, percentileOfSorted, sortedNumbers,
  ratioOfSums, weightedAverage, type RowSlice,
} from './aggregate';
import type { GroupIndex } from './group-index';
import type { GroupTree } from './group-tree';
import { SHOW_AS_KINDS, type ExtensionMeasure } from './measures';
import { Kind, prepareColumn, type PreparedColumn } from './prepared-column';
import { ExtensionError, type SourceTable, type XlValue } from './types';

/** Values of one measure for every group node (index = node id). */
export type NodeValues = XlValue[];

/**
 * Evaluates a custom formula measure over one group's rows. Supplied by the caller (the
 * engine's formula compiler); without one, formula measures are refused with a message.
 */
export type FormulaEvaluator = (formula: string, columns: ColumnLookup) => { evaluate(slice: RowSlice): XlValue } | { error: string };

/** Finds a prepared source column by name (case-insensitive, as Excel matches headers). */
export type ColumnLookup = (name: string) => PreparedColumn | undefined;

/** Makes a cached, case-insensitive column lookup over the source. */
export function columnLookup(source: SourceTable): ColumnLookup {
  const cache = new Map<number, PreparedColumn>();
  const byName = new Map(source.headers.map((h, i) => [String(h).toLowerCase(), i] as const));
  return (name) => {
    const i = byName.get(name.toLowerCase());
    if (i === undefined) return undefined;
    let col = cache.get(i);
    if (!col) { col = prepareColumn(source.headers[i], source.columns[i]); cache.set(i, col); }
    return col;
  };
}

/**
 * Computes each non-show-as measure for every group (grand total, every subtotal level, leaves).
 * Show-as measures (shares, running totals, ranks, differences) get their base here: the measure
 * named by `of`, else Sum of `field`; they are finished along the pivot's rows by `finishShowAs`.
 *
 * @example
 * const values = computeNodeMeasures(measures, tree, index, columns);
 * values.get('m1')[tree.root.id] // the grand-total median
 */
export function computeNodeMeasures(
  measures: readonly ExtensionMeasure[],
  tree: GroupTree,
  index: GroupIndex,
  columns: ColumnLookup,
  formula?: FormulaEvaluator,
): Map<string, NodeValues> {
  const out = new Map<string, NodeValues>();
  const slices = tree.nodes.map((node): RowSlice => ({ rows: index.orderAtDepth[node.depth], from: index.start[node.id], to: index.end[node.id] }));
  const need = (m: ExtensionMeasure, name: string | undefined, role: string): PreparedColumn => {
    if (!name) throw new ExtensionError('measure', `"${m.label}" needs ${role}.`);
    const col = columns(name);
    if (!col) throw new ExtensionError('measure', `"${m.label}" uses the field "${name}", which is not a column of the pivot's source.`);
    return col;
  };
  const each = (f: (s: RowSlice) => XlValue): NodeValues => slices.map(f);
  // Median, percentiles and quartiles of one field share one sort per group.
  const sortedCache = new Map<PreparedColumn, Array<Float64Array | string>>();
  const sorted = (col: PreparedColumn) => {
    let cached = sortedCache.get(col);
    if (!cached) { cached = slices.map((s) => sortedNumbers(col, s)); sortedCache.set(col, cached); }
    return cached;
  };

  for (const m of measures) {
    if (SHOW_AS_KINDS.has(m.kind)) {
      if (m.of && measures.some((x) => x.id === m.of)) continue;
      const col = need(m, m.field, 'a field');
      out.set(baseKey(m), each((s) => numericSummary(col, s, 'Sum')));
      continue;
    }
    switch (m.kind) {
      case 'sum': case 'average': case 'min': case 'max': case 'product':
      case 'stdevSample': case 'stdevPopulation': case 'varSample': case 'varPopulation': {
        const col = need(m, m.field, 'a field');
        const fn = ({ sum: 'Sum', average: 'Average', min: 'Min', max: 'Max', product: 'Product', stdevSample: 'StandardDeviation', stdevPopulation: 'StandardDeviationP', varSample: 'Variance', varPopulation: 'VarianceP' } as const)[m.kind];
        out.set(m.id, each((s) => numericSummary(col, s, fn)));
        break;
      }
      case 'count': { const col = need(m, m.field, 'a field'); out.set(m.id, each((s) => countA(col, s))); break; }
      case 'countNumbers': { const col = need(m, m.field, 'a field'); out.set(m.id, each((s) => countNumbers(col, s))); break; }
      case 'distinctCount': { const col = need(m, m.field, 'a field'); out.set(m.id, each((s) => distinctCount(col, s))); break; }
      case 'mode': { const col = need(m, m.field, 'a field'); out.set(m.id, each((s) => modeSngl(col, s))); break; }
      case 'median': case 'percentile': case 'quartile': {
        const col = need(m, m.field, 'a field');
        const p = m.kind === 'median' ? 0.5 : m.p;
        if (p === undefined || !(p >= 0 && p <= 1)) throw new ExtensionError('measure', `"${m.label}" needs a percentile between 0 and 1.`);
        out.set(m.id, sorted(col).map((xs) => (typeof xs === 'string' ? xs : percentileOfSorted(xs, p))));
        break;
      }
      case 'first': case 'last': {
        const col = need(m, m.field, 'a field');
        const order = m.otherField ? need(m, m.otherField, 'an order field') : undefined;
        out.set(m.id, each((s) => firstOrLast(col, order, s, m.kind === 'last')));
        break;
      }
      case 'weightedAverage': {
        const col = need(m, m.field, 'a field');
        const w = need(m, m.otherField, 'a weight field');
        out.set(m.id, each((s) => weightedAverage(col, w, s)));
        break;
      }
      case 'ratioOfSums': {
        const col = need(m, m.field, 'a numerator field');
        const d = need(m, m.otherField, 'a denominator field');
        out.set(m.id, each((s) => ratioOfSums(col, d, s)));
        break;
      }
      case 'formula': {
        if (!m.formula) throw new ExtensionError('measure', `"${m.label}" has no formula.`);
        if (!formula) throw new ExtensionError('measure', `"${m.label}" is a custom formula, and this build of PivotDeck has no formula engine.`);
        const compiled = formula(m.formula, columns);
        if ('error' in compiled) throw new ExtensionError('measure', `"${m.label}": ${compiled.error}`);
        out.set(m.id, each((s) => compiled.evaluate(s)));
        break;
      }
      default: throw new ExtensionError('measure', `"${m.label}" has an unknown kind "${m.kind}".`);
    }
  }
  return out;
}

/** Key under which a show-as measure's own base (Sum of its field) is stored. */
export function baseKey(m: ExtensionMeasure): string {
  return `${m.id}#base`;
}

/** Cells a numeric measure skipped in one field, over the rows the pivot summarises. */
export interface SkippedCells {
  field: string;
  measure: string;
  excelFunction: string;
  blank: number;
  text: number;
  logical: number;
  errors: number;
}

/** Tallies blank, text, TRUE/FALSE and error cells of a column over the kept rows. */
export function tallySkipped(col: PreparedColumn, rows: Int32Array): Omit<SkippedCells, 'field' | 'measure' | 'excelFunction'> {
  let blank = 0, text = 0, logical = 0, errors = 0;
  for (let i = 0; i < rows.length; i++) {
    switch (col.kind[rows[i]]) {
      case Kind.Blank: blank++; break;
      case Kind.Text: text++; break;
      case Kind.Logical: logical++; break;
      case Kind.Error: errors++; break;
      default: break;
    }
  }
  return { blank, text, logical, errors };
}
