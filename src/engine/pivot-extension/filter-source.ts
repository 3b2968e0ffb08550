import { itemKey } from './item-key';
import { ExtensionError, type PivotFieldSnapshot, type SourceTable, type XlValue } from './types';

export interface FilterResult {
  /** Source row indexes the pivot summarises. */
  rows: Int32Array;
  /** Hidden item names that match no source value (the filter may not be reproducible). */
  unmatchedHidden: Array<{ field: string; item: string }>;
}

/**
 * Keeps the source rows the pivot counts: a row is dropped when its value in any row, column
 * or filter-area field is a hidden item (`visible: false`). A page-field selection of one item
 * shows up in Office.js as every other item hidden, so the same rule covers it. An empty cell is
 * the item "(blank)".
 *
 * @example
 * filterSource(source, [{ name: 'Region', items: [{ name: 'West', visible: false }], subtotals: [] }])
 * // rows where Region is not "West"
 */
export function filterSource(source: SourceTable, fields: readonly PivotFieldSnapshot[]): FilterResult {
  const tests: Array<{ column: number; hidden: Set<string> }> = [];
  const unmatchedHidden: FilterResult['unmatchedHidden'] = [];
  for (const field of fields) {
    const hidden = new Set(field.items.filter((item) => !item.visible).map((item) => itemKey(item.name)));
    if (hidden.size === 0) continue;
    const column = source.headers.findIndex((h) => h.toLowerCase() === field.name.toLowerCase());
    if (column < 0) {
      throw new ExtensionError('unsupported', `The pivot filters on "${field.name}", which is not a column of its source (a grouped or calculated field). PivotDeck cannot reproduce that filter.`);
    }
    tests.push({ column, hidden });
    const present = new Set<string>();
    for (const v of source.columns[column]) present.add(itemKey(v));
    for (const item of field.items) {
      if (!item.visible && !present.has(itemKey(item.name))) unmatchedHidden.push({ field: field.name, item: item.name });
    }
  }
  const kept = new Int32Array(source.rowCount);
  if (tests.length === 0) {
    // Nothing hidden: every row, without a per-row test.
    for (let r = 0; r < kept.length; r++) kept[r] = r;
    return { rows: kept, unmatchedHidden };
  }
  let n = 0;
  // Decide once per distinct raw value whether it is hidden.
  const verdicts = tests.map(() => new Map<XlValue, boolean>());
  outer: for (let r = 0; r < source.rowCount; r++) {
    for (let t = 0; t < tests.length; t++) {
      const v = source.columns[tests[t].column][r];
      let hidden = verdicts[t].get(v);
      if (hidden === undefined) { hidden = tests[t].hidden.has(itemKey(v)); verdicts[t].set(v, hidden); }
      if (hidden) continue outer;
    }
    kept[n++] = r;
  }
  return { rows: n === kept.length ? kept : kept.slice(0, n), unmatchedHidden };
}
