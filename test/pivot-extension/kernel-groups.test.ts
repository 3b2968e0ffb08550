/**
 * The pivot extension computes one-aggregate measures on the kernels over its own group tree
 * (kernel-groups.ts). Here every such measure is also computed by the engine's general Arquero
 * path (computeMeasures with fastPaths: false, grouped by the tree's helper columns), which
 * shares neither the grouping nor the reduction code, and every node must get the same value
 * (Object.is, so -0 stays -0). Awkward data: case variants and non-ASCII items, blanks, text,
 * logicals, error strings, ±Infinity and -0 among numbers, ties, one-row and NULL-only groups,
 * and rows the pivot filters out.
 */
import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/engine/compile';
import { buildGroupTree, engineTable, type SourceTable, type XlValue } from '../../src/engine/pivot-extension';
import { callOf, fieldRef, formulaOf, numberLit } from '../../src/engine/pivot-extension/formula-nodes';
import { columnLookup } from '../../src/engine/pivot-extension/compute-measures';
import { computeKernelGroups, kernelSpec } from '../../src/engine/pivot-extension/kernel-groups';
import { sourceInputs } from '../../src/engine/pivot-extension/source-inputs';

// A deterministic pseudo-random sequence (no Math.random in tests).
function lcg(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function awkwardSource(n: number): SourceTable {
  const rnd = lcg(7);
  const regions = ['Nord', 'nord', 'Süd', 'Öst', '', '東京'];
  const odd: XlValue[] = ['', 'n/a', true, false, '#N/A', Infinity, -Infinity, -0, 0];
  const cols: XlValue[][] = [[], [], [], [], []];
  for (let i = 0; i < n; i++) {
    cols[0].push(regions[Math.floor(rnd() * regions.length)]);
    cols[1].push(rnd() < 0.05 ? '' : 1 + Math.floor(rnd() * 5));
    cols[2].push(rnd() < 0.15 ? odd[Math.floor(rnd() * odd.length)] : Math.round((rnd() - 0.3) * 40) / 4);
    cols[3].push(rnd() < 0.1 ? -0 : Math.floor(rnd() * 9) - 3);
    cols[4].push(rnd() < 0.1 ? '' : ['c1', 'C1', 'ç2', 3, '3', true][Math.floor(rnd() * 6)]);
  }
  // One-row groups: a region seen once, and one whose only Delay cell is text (NULL-only).
  const extra: XlValue[][] = [['Einzeln', 7, 5.5, -0, ''], ['Leer', 7, 'text', 2, '']];
  for (const row of extra) row.forEach((v, c) => cols[c].push(v));
  const headers = ['Region', 'Month', 'Delay', 'Clean', 'Customer'];
  return { headers, columns: cols, formats: headers.map(() => 'General'), rowCount: n + extra.length };
}

const FORMULAS: Array<[string, ReturnType<typeof callOf>]> = [];
for (const field of ['Delay', 'Clean']) {
  for (const fn of ['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT', 'COUNTA', 'VAR.S', 'VAR.P', 'STDEV.S', 'STDEV.P', 'MEDIAN', 'COUNTDISTINCT']) {
    FORMULAS.push([`${fn}(${field})`, callOf(fn, fieldRef(field))]);
  }
  for (const p of [0, 0.1, 0.9, 1]) FORMULAS.push([`PERCENTILE.INC(${field}, ${p})`, callOf('PERCENTILE.INC', fieldRef(field), numberLit(p))]);
  FORMULAS.push([`QUARTILE.INC(${field}, 3)`, callOf('QUARTILE.INC', fieldRef(field), numberLit(3))]);
}
FORMULAS.push(['COUNTDISTINCT(Customer)', callOf('COUNTDISTINCT', fieldRef('Customer'))], ['COUNTA(Customer)', callOf('COUNTA', fieldRef('Customer'))]);
// Month: numbers and blanks only (COUNTA and COUNTDISTINCT then read its numbers).
for (const fn of ['COUNTA', 'COUNTDISTINCT', 'COUNT', 'MEDIAN']) FORMULAS.push([`${fn}(Month)`, callOf(fn, fieldRef('Month'))]);

describe('kernel measures over the group tree', () => {
  const source = awkwardSource(3000);
  // The pivot keeps most rows, not all: every third row is filtered out.
  const rows = Int32Array.from({ length: source.rowCount }, (_, i) => i).filter((i) => i % 3 !== 1 || i >= 3000);
  const tree = buildGroupTree([source.columns[0], source.columns[1]], rows);
  const inputs = sourceInputs(source, rows);
  const lookup = columnLookup(source);

  it('every one-aggregate measure is a kernel spec; formulas and FIRST are not', () => {
    for (const [name, root] of FORMULAS) expect(kernelSpec(formulaOf(root, name), lookup, inputs), name).toBeDefined();
    expect(kernelSpec('SUM([Delay])', lookup, inputs)).toBeUndefined();
    expect(kernelSpec(formulaOf(callOf('FIRST', fieldRef('Delay'), fieldRef('Clean')), 'FIRST'), lookup, inputs)).toBeUndefined();
    expect(kernelSpec(formulaOf(callOf('MODE.SNGL', fieldRef('Delay')), 'MODE'), lookup, inputs)).toBeUndefined();
    // COUNTDISTINCT reads numbers for a numbers-only field, category codes otherwise.
    expect(kernelSpec(formulaOf(callOf('COUNTDISTINCT', fieldRef('Clean')), ''), lookup, inputs)!.input).toBe('numeric');
    expect(kernelSpec(formulaOf(callOf('COUNTDISTINCT', fieldRef('Delay')), ''), lookup, inputs)!.input).toBe('category');
    // COUNTA too: a numbers-only field's numbers are its non-blank cells.
    expect(kernelSpec(formulaOf(callOf('COUNTA', fieldRef('Month')), ''), lookup, inputs)!.input).toBe('numeric');
    expect(kernelSpec(formulaOf(callOf('COUNTA', fieldRef('Delay')), ''), lookup, inputs)!.input).toBe('presence');
  });

  it('gives every node what the general Arquero path gives', () => {
    const specs = FORMULAS.map(([name, root], k) => ({ id: `m${k}`, kernel: kernelSpec(formulaOf(root, name), lookup, inputs)! }));
    const ours = computeKernelGroups(tree, specs, inputs);

    const { table, names } = engineTable(source, tree);
    const general = computeMeasures(table, {
      groupBy: names.level,
      groupingSets: [[], ...names.level.map((l) => [l])],
      measures: FORMULAS.map(([name, root], k) => ({ id: `m${k}`, formula: formulaOf(root, name) })),
      rows,
      fastPaths: false,
    });
    // The helper columns hold each node's index among its depth's nodes (tree.nodes order).
    const byDepth: number[][] = [[], [], []];
    for (const node of tree.nodes) byDepth[node.depth].push(node.id);
    let compared = 0;
    for (const level of general.levels) {
      const depth = level.groupBy.length === 0 ? 0 : names.level.indexOf(level.groupBy[0]) + 1;
      for (const group of level.rows) {
        const node = depth === 0 ? 0 : byDepth[depth][Number(group.key[0])];
        FORMULAS.forEach(([name], k) => {
          const want = group.values[k] ?? '';
          const got = ours.get(`m${k}`)![node];
          if (!Object.is(got, want)) expect({ node, name, got }).toEqual({ node, name, got: want });
          compared++;
        });
      }
    }
    expect(compared).toBe(tree.nodes.length * FORMULAS.length);
    // Inputs were released after use; computing again cleans them again and gives the same.
    const again = computeKernelGroups(tree, specs, inputs);
    for (const [id, values] of ours) expect(again.get(id)).toEqual(values);
    // Spot checks by hand on the one-row groups: Einzeln's Delay is 5.5; Leer has no number.
    const einzeln = tree.root.children.get('einzeln')!.id;
    const leer = tree.root.children.get('leer')!.id;
    const at = (name: string) => ours.get(`m${FORMULAS.findIndex(([n]) => n === name)}`)!;
    expect(at('MEDIAN(Delay)')[einzeln]).toBe(5.5);
    expect(at('STDEV.S(Delay)')[einzeln]).toBe('#DIV/0!');
    expect(at('COUNT(Delay)')[leer]).toBe(0);
    expect(at('COUNTA(Delay)')[leer]).toBe(1);
    expect(at('AVERAGE(Delay)')[leer]).toBe('#DIV/0!');
    expect(at('MEDIAN(Delay)')[leer]).toBe('#NUM!');
  });
});
