import { itemKey } from './item-key';
import type { XlValue } from './types';

/** One group of the pivot's rows: the grand total (depth 0), an outer item, ..., a leaf. */
export interface GroupNode {
  /** Dense id, 0 = the grand total. */
  id: number;
  depth: number;
  /** Item keys from the outermost field down to this node. */
  path: string[];
  /** The label value first met for this item (for captions). */
  label: XlValue;
  parent: GroupNode | undefined;
  children: Map<string, GroupNode>;
}

/** Every group present in the (filtered) source, and for each source row its leaf node. */
export interface GroupTree {
  root: GroupNode;
  nodes: GroupNode[];
  /** For each kept source row (in `rows` order), the id of its node at depth d, d = 0..levels. */
  nodeAtDepth: Int32Array[];
  /** Source row indexes that passed the filters. */
  rows: Int32Array;
  levels: number;
}

/**
 * Groups source rows by the pivot's row fields into a tree of present items.
 *
 * @example
 * const tree = buildGroupTree([['N', 'S', 'N']], Int32Array.from([0, 1, 2]));
 * tree.root.children.size // 2
 */
export function buildGroupTree(keyColumns: XlValue[][], rows: Int32Array): GroupTree {
  const levels = keyColumns.length;
  const root: GroupNode = { id: 0, depth: 0, path: [], label: '', parent: undefined, children: new Map() };
  const nodes: GroupNode[] = [root];
  const nodeAtDepth: Int32Array[] = [];
  for (let d = 0; d <= levels; d++) nodeAtDepth.push(new Int32Array(rows.length));
  // Raw values repeat a lot; fold each distinct one to its item key once per level.
  const keyCaches = keyColumns.map(() => new Map<XlValue, string>());
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let node = root;
    for (let d = 0; d < levels; d++) {
      const value = keyColumns[d][r];
      const cache = keyCaches[d];
      let key = cache.get(value);
      if (key === undefined) { key = itemKey(value); cache.set(value, key); }
      let child = node.children.get(key);
      if (child === undefined) {
        child = { id: nodes.length, depth: d + 1, path: [...node.path, key], label: value, parent: node, children: new Map() };
        nodes.push(child);
        node.children.set(key, child);
      }
      node = child;
      nodeAtDepth[d + 1][i] = node.id;
    }
  }
  return { root, nodes, nodeAtDepth, rows, levels };
}

/** Looks a path of item keys up in the tree. */
export function findNode(tree: GroupTree, path: readonly string[]): GroupNode | undefined {
  let node: GroupNode | undefined = tree.root;
  for (const key of path) {
    node = node.children.get(key);
    if (node === undefined) return undefined;
  }
  return node;
}
