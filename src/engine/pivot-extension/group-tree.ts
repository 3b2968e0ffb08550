import { denseGroupIds, type KeyCodes } from '../kernels';
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
 * Built one level at a time from typed arrays: each level's values are dictionary-encoded to
 * item codes (one item-key fold per distinct raw value), and the engine's dense group ids
 * (kernels/group-ids) number the (parent, item) pairs, so no row costs a string key or a
 * per-row object. Node ids are dense and grouped by depth (0 = grand total, then every depth-1
 * node, ...); children keep the order in which the source first shows them.
 *
 * @example
 * const tree = buildGroupTree([['N', 'S', 'N']], Int32Array.from([0, 1, 2]));
 * tree.root.children.size // 2
 */
export function buildGroupTree(keyColumns: XlValue[][], rows: Int32Array): GroupTree {
  const levels = keyColumns.length;
  const n = rows.length;
  const root: GroupNode = { id: 0, depth: 0, path: [], label: '', parent: undefined, children: new Map() };
  const nodes: GroupNode[] = [root];
  const nodeAtDepth: Int32Array[] = [new Int32Array(n)];
  // Each row's node at the depth above, as an index among that depth's nodes.
  let parents: KeyCodes = { codes: new Int32Array(n), labels: { length: 1 } };
  for (let d = 0; d < levels; d++) {
    const column = keyColumns[d];
    const { codes, keys } = encodeItems(column, rows);
    const { ids, groups, firstRow } = denseGroupIds([parents, { codes, labels: keys }], n);
    const base = nodes.length;
    const above = nodeAtDepth[d];
    for (let g = 0; g < groups; g++) {
      const i = firstRow[g];
      const parent = nodes[above[i]];
      const key = keys[codes[i]];
      // The label is the first raw value met for this item under this parent (for captions).
      const child: GroupNode = { id: base + g, depth: d + 1, path: [...parent.path, key], label: column[rows[i]], parent, children: new Map() };
      nodes.push(child);
      parent.children.set(key, child);
    }
    const at = new Int32Array(n);
    for (let i = 0; i < n; i++) at[i] = base + ids[i];
    nodeAtDepth.push(at);
    parents = { codes: ids, labels: { length: groups } };
  }
  return { root, nodes, nodeAtDepth, rows, levels };
}

/** Item code of each kept row (index k is rows[k]) and the item key of each code. */
function encodeItems(column: readonly XlValue[], rows: Int32Array): { codes: Int32Array; keys: string[] } {
  const codes = new Int32Array(rows.length);
  const keys: string[] = [];
  // Raw values repeat a lot: fold each distinct one to its item key once.
  const byValue = new Map<XlValue, number>();
  const byKey = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const value = column[rows[i]];
    let code = byValue.get(value);
    if (code === undefined) {
      const key = itemKey(value);
      code = byKey.get(key);
      if (code === undefined) { code = keys.length; keys.push(key); byKey.set(key, code); }
      byValue.set(value, code);
    }
    codes[i] = code;
  }
  return { codes, keys };
}

/**
 * Dense group ids per level: each node's index among the nodes of its depth (in `nodes` order),
 * and the node ids of each depth in that order.
 * @example levelIndexes(tree).levelNodes[0] // [0], the grand total
 */
export function levelIndexes(tree: GroupTree): { local: Int32Array; levelNodes: number[][] } {
  const local = new Int32Array(tree.nodes.length);
  const levelNodes: number[][] = Array.from({ length: tree.levels + 1 }, () => []);
  for (const node of tree.nodes) {
    local[node.id] = levelNodes[node.depth].length;
    levelNodes[node.depth].push(node.id);
  }
  return { local, levelNodes };
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
