import type * as aq from 'arquero';
import { columnTable } from '../compile/column-table';
import { QueryFormulaError } from '../compile/compile-formula';
import { computeMeasures, type MeasureSpec } from '../compile/compute-measures';
import type { FormulaAst } from '../formula/ast';
import { levelIndexes, type GroupTree } from './group-tree';
import { ExtensionError, type SourceTable, type XlValue } from './types';

/** Values of one measure for every group node (index = node id). */
export type NodeValues = XlValue[];

/** One formula to compute for every group; `label` names it in error messages. */
export interface GroupSpec {
  id: string;
  label: string;
  formula: string | FormulaAst;
}

/** Names of the helper columns the engine groups by; never equal to a source header. */
export interface HelperNames {
  /**
   * `level[d-1]` holds each kept row's node at depth d as its index among the depth-d nodes (in
   * `tree.nodes` order): small codes, which the engine's key encoding reads from a direct table.
   */
  level: string[];
  /** The source row index, for FIRST/LAST picks and "first error" look-ups. */
  row: string;
}

/**
 * Names for the helper columns, fresh against the source's headers (case-insensitively).
 * @example helperNames({ headers: ['pivotdeck·row'], ... }, 1) // { level: ['pivotdeck·level1'], row: 'pivotdeck·row·' }
 */
export function helperNames(source: SourceTable, levels: number): HelperNames {
  const taken = new Set(source.headers.map((h) => String(h).toLowerCase()));
  const fresh = (base: string) => {
    let name = base;
    while (taken.has(name.toLowerCase())) name = `${name}·`;
    taken.add(name.toLowerCase());
    return name;
  };
  const row = fresh('pivotdeck·row');
  return { level: Array.from({ length: levels }, (_, d) => fresh(`pivotdeck·level${d + 1}`)), row };
}

/**
 * The source as an Arquero table the engine's `computeMeasures` can read: one column per source
 * header (first spelling wins when two headers differ only in case, as Excel's field lookup does)
 * plus helper columns that carry the group tree.
 *
 * @example const { table, names } = engineTable(source, tree);
 */
export function engineTable(source: SourceTable, tree: GroupTree, names: HelperNames = helperNames(source, tree.levels)): { table: aq.ColumnTable; names: HelperNames } {
  // A Map, not an object: a header such as `__proto__` or `constructor` is an ordinary name here.
  const columns = new Map<string, unknown>();
  const taken = new Set<string>();
  source.headers.forEach((h, c) => {
    const name = String(h);
    if (taken.has(name.toLowerCase())) return;
    taken.add(name.toLowerCase());
    columns.set(name, source.columns[c]);
  });
  const n = source.rowCount;
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) row[i] = i;
  columns.set(names.row, row);
  const { local } = levelIndexes(tree);
  for (let d = 1; d <= tree.levels; d++) {
    // Full source length: the engine reads it only at the kept rows (tree.rows).
    const ids = new Float64Array(n);
    const at = tree.nodeAtDepth[d];
    for (let i = 0; i < tree.rows.length; i++) ids[tree.rows[i]] = local[at[i]];
    columns.set(names.level[d - 1], ids);
  }
  return { table: columnTable(columns), names };
}

/**
 * Computes each spec for every node of the group tree (grand total, every subtotal level, the
 * leaves) in one engine call: the engine groups by the node-id helper columns, one grouping set
 * per depth, over exactly the rows the pivot keeps. Formula problems come back as an
 * ExtensionError that names the measure and the offending part of its formula.
 *
 * @example
 * const { table, names } = engineTable(source, tree);
 * const values = computeGroups(table, names, tree, [{ id: 'm', label: 'Median', formula: 'MEDIAN([Revenue])' }]);
 * values.get('m')![tree.root.id] // the grand-total median
 */
export function computeGroups(table: aq.ColumnTable, names: HelperNames, tree: GroupTree, specs: readonly GroupSpec[]): Map<string, NodeValues> {
  const out = new Map<string, NodeValues>();
  if (specs.length === 0) return out;
  let result;
  try {
    result = computeMeasures(table, {
      groupBy: names.level,
      groupingSets: [[], ...names.level.map((l) => [l])],
      measures: specs.map((s): MeasureSpec => ({ id: s.id, formula: s.formula })),
      rows: tree.rows,
    });
  } catch (error) {
    if (error instanceof QueryFormulaError) {
      const label = new Map(specs.map((s) => [s.id, s.label]));
      throw new ExtensionError('measure', error.problems.map((p) => `"${label.get(p.where) ?? p.where}": ${p.error.message}`).join('\n'));
    }
    throw error;
  }
  const columns = specs.map(() => new Array<XlValue>(tree.nodes.length).fill(''));
  const { levelNodes } = levelIndexes(tree);
  for (const level of result.levels) {
    const nodes = level.groupBy.length === 0 ? undefined : levelNodes[names.level.indexOf(level.groupBy[0]) + 1];
    for (const group of level.rows) {
      const id = nodes === undefined ? tree.root.id : nodes[Number(group.key[0])];
      group.values.forEach((v, k) => { columns[k][id] = v ?? ''; });
    }
  }
  specs.forEach((s, k) => out.set(s.id, columns[k]));
  return out;
}
