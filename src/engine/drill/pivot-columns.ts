import type { GroupTree } from '../pivot-extension';
import { itemKey } from '../pivot-extension';
import { ExtensionError, type XlValue } from '../pivot-extension';

/**
 * What each data column of a pivot with column fields is: the item-key path of its column item
 * (all column fields for an item, a prefix for an "X Total" column, empty for the Grand Total).
 *
 * Excel lays the column axis out in tabular form whatever the row layout: one label row per
 * column field (below a caption row, not passed here), an outer label only on the first column of
 * its group, the innermost label on every item column, "X Total" columns after each outer group
 * and "Grand Total" last. So a column whose innermost label cell is empty is a total: of the open
 * item at its deepest labelled level, or the grand total when its label is in the first row and
 * it is the last column. Labels are matched against the items present in the (filtered) source,
 * never against English words, so localised captions parse the same.
 *
 * @example parseColumnLabels([['Bikes', 'Cars', 'Grand Total']], tree, true) // [['bikes'], ['cars'], []]
 */
export function parseColumnLabels(labels: readonly (readonly XlValue[])[], tree: GroupTree, grandTotal: boolean): string[][] {
  const C = labels.length;
  const width = labels[0]?.length ?? 0;
  const out: string[][] = [];
  const open: string[] = [];
  for (let j = 0; j < width; j++) {
    let deepest = -1;
    for (let s = 0; s < C; s++) if (labels[s][j] !== '' && labels[s][j] !== null && labels[s][j] !== undefined) deepest = s;
    if (deepest === 0 && j === width - 1 && grandTotal) {
      // The Grand Total column: its caption sits in the first label row (the only one when C = 1).
      out.push([]);
    } else if (deepest === C - 1) {
      // An item column: outer labels (when shown) open items, the innermost one is the leaf.
      for (let s = 0; s < C; s++) {
        const v = labels[s][j];
        if (v === '' || v === null || v === undefined) continue;
        let node = tree.root;
        for (let k = 0; k < s; k++) node = node.children.get(open[k]) ?? node;
        const key = itemKey(v);
        if (!node.children.has(key)) throw stale(v);
        open.length = s;
        open.push(key);
      }
      if (open.length !== C) throw stale(labels[C - 1][j]);
      out.push([...open]);
    } else if (deepest >= 0) {
      out.push(open.slice(0, deepest + 1));
    } else {
      throw new ExtensionError('layout', 'A column of the pivot has no label; PivotDeck cannot tell which items it shows.');
    }
  }
  return out;
}

function stale(label: XlValue): ExtensionError {
  return new ExtensionError('stale', `The pivot shows the column "${String(label)}", which PivotDeck cannot find among the source rows the pivot summarises. Refresh the pivot (PivotTable Analyze → Refresh) and try again.`);
}
