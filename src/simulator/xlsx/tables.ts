/** Excel tables (`xl/tables/tableN.xml`, reached through the sheet's rels). */
import type { TableModel } from '../model';
import { XlsxLoadError } from './errors';
import { attr, child, intAttr, type XmlNode } from './xml';

/**
 * `ref` covers header, body and totals row. `totalsRowCount` says whether the totals row is shown
 * now; `totalsRowShown` only says whether it ever was, so it does not decide `showTotals`.
 */
export function readTable(root: XmlNode, sheet: string, part: string): TableModel {
  const t = child(root, 'table');
  const ref = attr(t, 'ref');
  const name = attr(t, 'displayName') ?? attr(t, 'name');
  if (!t || !ref || !name) throw new XlsxLoadError('Malformed', 'A table part lacks its name or ref', part);
  const table: TableModel = {
    name,
    sheet,
    address: ref.replace(/\$/g, ''),
    showHeaders: intAttr(t, 'headerRowCount', 1) > 0,
    showTotals: intAttr(t, 'totalsRowCount', 0) > 0,
  };
  const style = attr(child(t, 'tableStyleInfo'), 'name');
  if (style) table.style = style;
  return table;
}
