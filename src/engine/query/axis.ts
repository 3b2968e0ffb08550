import { compareItems, itemKey } from './item-key';
import type { AxisItem } from './result';

/** A node of an axis tree: one item of one field, under its parent item. */
export interface AxisNode {
  label: unknown;
  path: unknown[];
  children: AxisNode[];
}

/**
 * Build the tree of items of one axis from the group paths that exist
 * (first-seen order; sort it with sortAxis).
 * @example buildAxis([['N', 2024], ['N', 2025], ['S', 2024]]) // N → [2024, 2025], S → [2024]
 */
export function buildAxis(paths: Iterable<unknown[]>): AxisNode[] {
  const roots: AxisNode[] = [];
  // Children are found through their parent's index: one small-map lookup per label, no path keys.
  const rootIndex = new Map<string, AxisNode>();
  const indexOf = new Map<AxisNode, Map<string, AxisNode>>();
  for (const path of paths) {
    let siblings = roots;
    let index = rootIndex;
    for (let d = 0; d < path.length; d++) {
      const key = itemKey(path[d]);
      let node = index.get(key);
      if (!node) {
        node = { label: path[d], path: path.slice(0, d + 1), children: [] };
        index.set(key, node);
        siblings.push(node);
      }
      siblings = node.children;
      let next = indexOf.get(node);
      if (!next) indexOf.set(node, (next = new Map()));
      index = next;
    }
  }
  return roots;
}

/** How to order the items of the field at one depth. */
export interface AxisOrder {
  descending: boolean;
  /** Sort value of an item (a measure at the item's own total); absent: by label. */
  value?: (path: unknown[]) => unknown;
}

/**
 * Sort every level of the tree in place: by label, or by a value (numbers
 * first, ties and non-numbers by label).
 */
export function sortAxis(nodes: AxisNode[], orders: AxisOrder[], depth = 0): void {
  const order = orders[depth];
  if (order?.value) {
    const val = new Map(nodes.map((n) => [n, order.value!(n.path)]));
    nodes.sort((a, b) => {
      const x = val.get(a);
      const y = val.get(b);
      const nx = typeof x === 'number';
      const ny = typeof y === 'number';
      if (nx && ny && x !== y) return order.descending ? (y as number) - (x as number) : (x as number) - (y as number);
      if (nx !== ny) return nx ? -1 : 1;
      return compareItems(a.label, b.label);
    });
  } else {
    const desc = order?.descending ?? false;
    nodes.sort((a, b) => compareItems(a.label, b.label, desc));
  }
  for (const n of nodes) sortAxis(n.children, orders, depth + 1);
}

/**
 * The axis in display order: items, each outer item's subtotal after its
 * children (when asked), the grand total last (when asked). An axis without
 * fields is one grand-total entry.
 */
export function flattenAxis(nodes: AxisNode[], depth: number, subtotals: boolean, grandTotal: boolean): AxisItem[] {
  if (depth === 0) return [{ kind: 'grandTotal', path: [] }];
  const out: AxisItem[] = [];
  const walk = (list: AxisNode[]) => {
    for (const n of list) {
      if (n.path.length === depth) out.push({ kind: 'item', path: n.path });
      else {
        walk(n.children);
        if (subtotals) out.push({ kind: 'subtotal', path: n.path });
      }
    }
  };
  walk(nodes);
  if (grandTotal) out.push({ kind: 'grandTotal', path: [] });
  return out;
}

/** Leaves grouped by their parent path, in display order (the partitions of a show-as along this axis). */
export function leafPartitions(nodes: AxisNode[], depth: number): unknown[][][] {
  const out: unknown[][][] = [];
  const walk = (list: AxisNode[]) => {
    if (!list.length) return;
    if (list[0].path.length === depth) out.push(list.map((n) => n.path));
    else for (const n of list) walk(n.children);
  };
  if (depth > 0) walk(nodes);
  return out;
}
