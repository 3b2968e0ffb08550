import { findNode, type GroupNode, type GroupTree } from './group-tree';
import { itemCaption, itemKey } from './item-key';
import { ExtensionError, type PivotFunction, type PivotSnapshot, type RowRole, type XlValue } from './types';

interface Open { node: GroupNode; seen: Set<string> }

/** How one row field shows its subtotals. */
interface SubtotalPlan { top: boolean; bottom: Array<'Automatic' | PivotFunction> }

/**
 * Works out what every row of the pivot's data body is: which group it shows (leaf item,
 * subtotal, grand total) or that it shows none (a parent header, a blank row).
 *
 * Rules (they follow what Excel renders, checked against workbooks saved by Excel):
 * - Compact: one label column; an item row's level is found by matching the label against the
 *   items present in the source under the current parent, preferring a child not yet seen over
 *   a sibling. Labels carry no indentation in `values`, so structure comes from the data.
 * - Outline/Tabular: one label column per row field; a row's level is its deepest non-empty
 *   label cell. Outer labels that repeat the current item ("Repeat item labels") are kept,
 *   a different outer label opens that item (tabular puts the first child on its parent's row).
 * - Subtotals at top (compact/outline, automatic subtotal): the parent item's own row shows the
 *   subtotal. At bottom or in tabular: after the children, one "X Total" row, or one row per
 *   custom function in Excel's order (Sum, Count, Average, ...). The innermost field has none.
 * - A label that is neither a present item nor a subtotal of an open item means the pivot does
 *   not match its source (stale, grouped, or filtered in a way PivotDeck cannot see): refuse.
 * - The Grand Total row is the last row when `showColumnGrandTotals` is on. Captions are never
 *   compared with English words, so localised Excel ("Общий итог") parses the same.
 *
 * @example
 * parseRowLabels(snapshot, tree) // [{kind:'item', path:['north','bikes']}, ..., {kind:'grand', path:[]}]
 */
export function parseRowLabels(snapshot: PivotSnapshot, tree: GroupTree): RowRole[] {
  const n = snapshot.rows.length;
  const body = snapshot.dataBody;
  const labels = snapshot.rowLabels;
  const width = labels.columns;
  const plans = snapshot.rows.map((field) => subtotalPlan(snapshot, field.subtotals));
  if (n === 0) return parseNoRowFields(snapshot);
  const columnMode = width === n;
  if (!columnMode && width !== 1) {
    throw new ExtensionError('layout', `The pivot's row labels span ${width} columns for ${n} row fields; PivotDeck reads compact (one column) or outline/tabular (one column per field) layouts, not a mix of both.`);
  }

  const roles: RowRole[] = [];
  const stack: Open[] = [{ node: tree.root, seen: new Set() }];
  let lastSubtotal: { node: GroupNode; count: number } | undefined;

  const mismatch = (i: number, label: XlValue): ExtensionError => {
    return new ExtensionError('stale', `Row ${body.row + i + 1} of the pivot shows "${itemCaption(label)}", which PivotDeck cannot find among the source rows the pivot summarises. The pivot probably needs a Refresh (PivotTable Analyze → Refresh), or it uses grouping or a filter PivotDeck cannot reproduce.`);
  };
  const openChild = (depth: number, key: string): GroupNode | undefined => {
    const container = stack[depth];
    if (!container) return undefined;
    const child = container.node.children.get(key);
    if (!child || container.seen.has(key)) return undefined;
    stack.length = depth + 1;
    container.seen.add(key);
    stack.push({ node: child, seen: new Set() });
    return child;
  };
  const itemRole = (node: GroupNode): RowRole => {
    if (node.depth === n) return { kind: 'item', path: node.path };
    return plans[node.depth - 1].top
      ? { kind: 'subtotal', path: node.path, fn: 'Automatic', index: 0 }
      : { kind: 'header', path: node.path };
  };
  /** A bottom subtotal row for the open node at `depth`, or undefined. */
  const bottomSubtotal = (depth: number, label: XlValue, loose: boolean): RowRole | undefined => {
    if (depth < 1 || depth >= n) return undefined;
    const open = stack[depth];
    const fns = plans[depth - 1].bottom;
    if (!open || fns.length === 0) return undefined;
    if (!loose && !captionStartsWith(label, open.node.label)) return undefined;
    const count = lastSubtotal && lastSubtotal.node === open.node ? lastSubtotal.count : 0;
    if (count >= fns.length) return undefined;
    stack.length = depth + 1;
    lastSubtotal = { node: open.node, count: count + 1 };
    return { kind: 'subtotal', path: open.node.path, fn: fns[count], index: count };
  };

  for (let i = 0; i < body.rows; i++) {
    const labelRow = labels.values[body.row + i - labels.row] ?? [];
    const cells: XlValue[] = [];
    for (let c = 0; c < width; c++) cells.push(labelRow[c] ?? '');
    const last = i === body.rows - 1;
    const previousSubtotal = lastSubtotal;
    lastSubtotal = undefined;
    const restoreSubtotal = () => { lastSubtotal = previousSubtotal; };

    if (columnMode) {
      let d = -1;
      for (let c = width - 1; c >= 0; c--) if (cells[c] !== '') { d = c; break; }
      if (d < 0) { roles.push({ kind: 'blank' }); continue; }
      if (last && snapshot.showColumnGrandTotals && d === 0 && !stack[0].node.children.has(itemKey(cells[0]))) {
        roles.push({ kind: 'grand', path: [] });
        continue;
      }
      for (let k = 0; k < d; k++) {
        if (cells[k] === '') continue;
        const key = itemKey(cells[k]);
        if (stack[k + 1] && stack[k + 1].node.path[k] === key) continue;
        if (!openChild(k, key)) throw mismatch(i, cells[k]);
      }
      const key = itemKey(cells[d]);
      const opened = stack.length >= d + 1 ? openChild(d, key) : undefined;
      if (opened) { roles.push(itemRole(opened)); continue; }
      restoreSubtotal();
      const sub = bottomSubtotal(d + 1, cells[d], false) ?? bottomSubtotal(d + 1, cells[d], true);
      if (sub) { roles.push(sub); continue; }
      throw mismatch(i, cells[d]);
    }

    const label = cells[0];
    if (label === '') { roles.push({ kind: 'blank' }); continue; }
    const key = itemKey(label);
    let opened: GroupNode | undefined;
    for (let c = Math.min(stack.length - 1, n - 1); c >= 0 && !opened; c--) opened = openChild(c, key);
    if (opened) { roles.push(itemRole(opened)); continue; }
    if (last && snapshot.showColumnGrandTotals) { roles.push({ kind: 'grand', path: [] }); continue; }
    restoreSubtotal();
    let sub: RowRole | undefined;
    for (let depth = Math.min(stack.length - 1, n - 1); depth >= 1 && !sub; depth--) sub = bottomSubtotal(depth, label, false);
    for (let depth = Math.min(stack.length - 1, n - 1); depth >= 1 && !sub; depth--) {
      if (allChildrenSeen(stack[depth])) sub = bottomSubtotal(depth, label, true);
    }
    if (sub) { roles.push(sub); continue; }
    throw mismatch(i, label);
  }
  return roles;
}

/** A pivot with no row fields has one data row (the total) and perhaps nothing else. */
function parseNoRowFields(snapshot: PivotSnapshot): RowRole[] {
  return Array.from({ length: snapshot.dataBody.rows }, () => ({ kind: 'grand', path: [] }) as RowRole);
}

function subtotalPlan(snapshot: PivotSnapshot, subtotals: ReadonlyArray<'Automatic' | PivotFunction>): SubtotalPlan {
  if (snapshot.subtotalLocation === 'Off' || subtotals.length === 0) return { top: false, bottom: [] };
  const custom = subtotals.filter((s): s is PivotFunction => s !== 'Automatic');
  if (custom.length > 0) return { top: false, bottom: custom };
  const top = snapshot.subtotalLocation === 'AtTop' && snapshot.layoutType !== 'Tabular';
  return top ? { top: true, bottom: [] } : { top: false, bottom: ['Automatic'] };
}

function captionStartsWith(label: XlValue, item: XlValue): boolean {
  if (typeof label !== 'string') return false;
  const prefix = itemCaption(item).toLowerCase() + ' ';
  return label.toLowerCase().startsWith(prefix);
}

function allChildrenSeen(open: Open | undefined): boolean {
  return !!open && open.seen.size >= open.node.children.size;
}

/** The group node a role refers to, if any. */
export function nodeOfRole(tree: GroupTree, role: RowRole): GroupNode | undefined {
  return role.kind === 'blank' || role.kind === 'header' ? undefined : findNode(tree, role.path);
}
