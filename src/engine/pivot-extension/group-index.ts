import type { GroupTree } from './group-tree';

/** Source rows of every group, contiguous, in source order (CSR layout). */
export interface GroupIndex {
  /** `rowsOf[id]` spans `order[start[id]..end[id])` in the array of the node's depth. */
  start: Int32Array;
  end: Int32Array;
  orderAtDepth: Int32Array[];
  depthOf: Int32Array;
}

/**
 * Counting-sorts the kept source rows by group at every depth, so a measure over one group reads
 * a contiguous slice. Stable: rows stay in source order inside a group (first/last and MODE.SNGL
 * ties depend on it).
 */
export function buildGroupIndex(tree: GroupTree): GroupIndex {
  const count = tree.nodes.length;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const depthOf = new Int32Array(count);
  for (const node of tree.nodes) depthOf[node.id] = node.depth;
  const orderAtDepth: Int32Array[] = [];
  const m = tree.rows.length;
  for (let d = 0; d <= tree.levels; d++) {
    const ids = tree.nodeAtDepth[d];
    const sizes = new Int32Array(count);
    for (let i = 0; i < m; i++) sizes[ids[i]]++;
    let offset = 0;
    for (const node of tree.nodes) {
      if (node.depth !== d) continue;
      start[node.id] = offset;
      end[node.id] = offset;
      offset += sizes[node.id];
    }
    const order = new Int32Array(m);
    for (let i = 0; i < m; i++) order[end[ids[i]]++] = tree.rows[i];
    orderAtDepth.push(order);
  }
  return { start, end, orderAtDepth, depthOf };
}
