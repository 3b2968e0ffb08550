/**
 * buildGroupTree against a naive grouping written here: each kept row's path of item keys,
 * joined, looked up in a plain Map. Awkward data: case variants of one item, the number 2005
 * and the text "2005" (one item key), -0 and 0, 0.1 + 0.2 and 0.3, blanks, non-ASCII text,
 * one-row groups, and a tree wide enough to leave the dense (parent, item) table.
 */
import { describe, expect, it } from 'vitest';
import { buildGroupTree, findNode, itemKey, type GroupTree, type XlValue } from '../../src/engine/pivot-extension';
import { levelIndexes } from '../../src/engine/pivot-extension/group-tree';

/** Expected groups: path (joined with \u0000) → kept-row positions, and the first raw label. */
function naive(keyColumns: XlValue[][], rows: number[]): Map<string, { positions: number[]; label: XlValue; path: string[] }> {
  const out = new Map<string, { positions: number[]; label: XlValue; path: string[] }>();
  rows.forEach((r, i) => {
    const path: string[] = [];
    for (let d = 0; d <= keyColumns.length; d++) {
      const id = path.join('\u0000') + `#${d}`;
      let group = out.get(id);
      if (!group) { group = { positions: [], label: d === 0 ? '' : keyColumns[d - 1][r], path: [...path] }; out.set(id, group); }
      group.positions.push(i);
      if (d < keyColumns.length) path.push(itemKey(keyColumns[d][r]));
    }
  });
  return out;
}

function expectSameGroups(tree: GroupTree, keyColumns: XlValue[][], rows: number[]): void {
  const expected = naive(keyColumns, rows);
  // levelIndexes: each depth's nodes in tree.nodes order.
  const { local, levelNodes } = levelIndexes(tree);
  tree.nodes.forEach((node) => expect(levelNodes[node.depth][local[node.id]]).toBe(node.id));
  expect(tree.nodes.length).toBe(expected.size);
  expect(tree.nodes.map((n, i) => n.id === i)).not.toContain(false);
  for (const group of expected.values()) {
    const node = findNode(tree, group.path)!;
    expect(node, group.path.join(' > ')).toBeDefined();
    expect(node.path).toEqual(group.path);
    expect(node.depth).toBe(group.path.length);
    expect(Object.is(node.label, group.label) || node.label === group.label).toBe(true);
    const mine = [...tree.nodeAtDepth[node.depth].keys()].filter((i) => tree.nodeAtDepth[node.depth][i] === node.id);
    expect(mine).toEqual(group.positions);
  }
}

describe('buildGroupTree', () => {
  const outer: XlValue[] = ['Nörth', 'NÖRTH', 2005, '2005', '', 'South', -0, 0, 0.1 + 0.2, 0.3, 'nörth', 'South'];
  const inner: XlValue[] = ['Bikes', 'bikes', 'x', 'X', '', 'Cars', 'a', 'b', 1, 1, 'BIKES', 'Cars'];

  it('groups by item key, level by level, with every row and subtotal node', () => {
    const rows = outer.map((_, i) => i);
    const tree = buildGroupTree([outer, inner], Int32Array.from(rows));
    expectSameGroups(tree, [outer, inner], rows);
    // By hand: nörth, 2005 ("2005" too), (blank), south, 0 (-0 too), 0.3 (0.1 + 0.2 too).
    expect(tree.root.children.size).toBe(6);
    const north = findNode(tree, ['nörth'])!;
    expect(north.label).toBe('Nörth');
    expect([...north.children.keys()]).toEqual(['bikes']);
    expect(findNode(tree, ['nörth', 'bikes'])!.label).toBe('Bikes');
    expect([...findNode(tree, ['0'])!.children.keys()]).toEqual(['a', 'b']);
    expect(findNode(tree, ['0.3'])!.children.size).toBe(1);
    expect(findNode(tree, ['(blank)', '(blank)'])).toBeDefined();
  });

  it('keeps only the given rows, in their order, and children in first-seen order', () => {
    const rows = [11, 5, 0, 4];
    const tree = buildGroupTree([outer, inner], Int32Array.from(rows));
    expectSameGroups(tree, [outer, inner], rows);
    expect([...tree.root.children.keys()]).toEqual(['south', 'nörth', '(blank)']);
    expect(findNode(tree, ['nörth'])!.label).toBe('Nörth');
  });

  it('a label is the first spelling under its own parent', () => {
    const a: XlValue[] = ['P', 'Q', 'P', 'Q'];
    const b: XlValue[] = ['east', 'EAST', 'East', 'east'];
    const tree = buildGroupTree([a, b], Int32Array.from([0, 1, 2, 3]));
    expect(findNode(tree, ['p', 'east'])!.label).toBe('east');
    expect(findNode(tree, ['q', 'east'])!.label).toBe('EAST');
  });

  it('no row fields: only the grand total; no rows: only the root', () => {
    expect(buildGroupTree([], Int32Array.from([0, 1])).nodes.length).toBe(1);
    const empty = buildGroupTree([outer], new Int32Array(0));
    expect(empty.nodes.length).toBe(1);
    expect(empty.nodeAtDepth.map((a) => a.length)).toEqual([0, 0]);
  });

  it('a wide tree (more (parent, item) pairs than the dense table holds) groups the same', () => {
    const n = 2100; // 2,100 parents × 2,100 items > 4,194,304 slots
    const a: XlValue[] = Array.from({ length: n }, (_, i) => `a${i}`);
    const b: XlValue[] = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? i : `b${i}`));
    const rows = Array.from({ length: n }, (_, i) => i).concat([7, 7, 2099]);
    const keyA = a.concat([]), keyB = b.concat([]);
    const tree = buildGroupTree([keyA, keyB], Int32Array.from(rows));
    expectSameGroups(tree, [keyA, keyB], rows);
    expect(tree.nodes.length).toBe(1 + n + n);
  });
});
