import type { FormulaAst } from '../formula/ast';
import { lookupFunction } from '../formula/functions';
import { aggregateByGroup, kernelRequestOf, type KernelRequest } from '../kernels';
import type { ColumnLookup } from './compute-measures';
import type { GroupSpec, NodeValues } from './engine-groups';
import { levelIndexes, type GroupTree } from './group-tree';
import type { KernelInput, SourceInputs } from './source-inputs';
import type { XlValue } from './types';

/** A spec the kernels compute: one built-in aggregate of one source column. */
export interface KernelSpec {
  request: KernelRequest;
  column: number;
  input: KernelInput;
}

/**
 * The kernel form of a spec whose formula is one built-in aggregate of one field, with constant
 * number arguments (MEDIAN([Delay]), PERCENTILE.INC([Delay], 0.9), COUNTA([Delay]) ...), read the
 * way the engine's computeMeasures reads it: the function's own input kind, COUNTA as COUNT of
 * presence, COUNTDISTINCT of a numbers-only field over its numbers; COUNTA of a numbers-only
 * field too (its numbers are exactly its non-blank cells). Anything else (typed formulas,
 * FIRST/LAST, expressions) is undefined and goes through the engine.
 *
 * @example kernelSpec(formulaOf(callOf('MEDIAN', fieldRef('Delay')), 'MEDIAN([Delay])'), lookup, inputs)
 * // { request: { fn: 'MEDIAN', p: undefined }, column: 2, input: 'numeric' }
 */
export function kernelSpec(formula: string | FormulaAst, lookup: ColumnLookup, inputs: SourceInputs): KernelSpec | undefined {
  if (typeof formula === 'string') return undefined;
  const root = formula.root;
  if (root.kind !== 'call') return undefined;
  const def = lookupFunction(root.name);
  if (!def || def.kind !== 'aggregate' || def.inputs !== 1 || root.args.length !== def.maxArgs) return undefined;
  const [arg, ...params] = root.args;
  if (arg.kind !== 'field' || !params.every((p) => p.kind === 'number')) return undefined;
  const request = kernelRequestOf(def.name, params.map((p) => (p as { value: number }).value));
  const column = lookup(arg.name);
  const kind = def.input![0];
  if (!request || column === undefined || kind === 'value') return undefined;
  // In a numbers-only column a cell is skipped as a number exactly when it is blank, so
  // COUNTDISTINCT and COUNTA read its numbers: one cleaning and one scatter shared with SUM & co.
  const input = (request.fn === 'COUNTDISTINCT' || kind === 'presence') && inputs.numbersOnly(column) ? 'numeric' : kind;
  return { request, column, input };
}

/**
 * Computes kernel specs for every node of the group tree straight from the tree's node ids: no
 * helper table, no second grouping. Every node id is a group of every level's pass (a node not
 * at that depth is an empty group, a few thousand cheap ones), so the row ids need no remapping.
 * Per cleaned input, one scatter per level serves every request on that input (MEDIAN and
 * PERCENTILE share one sort per group); the input is released once its levels are done, so few
 * large arrays are alive at once.
 *
 * @example
 * computeKernelGroups(tree, [{ id: 'm', kernel: { request: { fn: 'SUM' }, column: 1, input: 'numeric' } }], inputs)
 * // Map { 'm' => [grand total, subtotals ..., leaves ...] by node id }
 */
export function computeKernelGroups(tree: GroupTree, specs: ReadonlyArray<{ id: GroupSpec['id']; kernel: KernelSpec }>, inputs: SourceInputs): Map<string, NodeValues> {
  const out = new Map<string, NodeValues>();
  if (specs.length === 0) return out;
  const columns = specs.map(() => new Array<XlValue>(tree.nodes.length).fill(''));
  const byInput = new Map<string, number[]>();
  specs.forEach((s, k) => {
    const key = `${s.kernel.input}:${s.kernel.column}`;
    byInput.set(key, [...(byInput.get(key) ?? []), k]);
  });
  const { levelNodes } = levelIndexes(tree);
  for (const ks of byInput.values()) {
    const { input, column } = specs[ks[0]].kernel;
    const requests = ks.map((k) => specs[k].kernel.request);
    for (let d = 0; d <= tree.levels; d++) {
      const values = aggregateByGroup(tree.nodeAtDepth[d], tree.nodes.length, inputs.input(input, column), requests);
      const nodes = levelNodes[d];
      ks.forEach((k, j) => {
        const target = columns[k];
        for (const id of nodes) target[id] = values[j][id] ?? '';
      });
    }
    inputs.release(input, column);
  }
  specs.forEach((s, k) => out.set(s.id, columns[k]));
  return out;
}
