import { buildGroupTree, filterSource, itemCaption, parseRowLabels, valuesShownOnRows } from '../pivot-extension';
import type { GroupNode, PivotDataFieldSnapshot, PivotFieldSnapshot, PivotFunction, PivotSnapshot, SourceTable, XlValue } from '../pivot-extension';
import { WORDS_SEPARATOR } from './describe-drill';
import { DrillError, type ExcelRecompute } from './drill-spec';
import { parseColumnLabels } from './pivot-columns';
import type { DrilledRows } from './select-rows';

/** The rows behind one value cell of a native PivotTable. */
export interface PivotDrill {
  /** Source row indexes (0-based data rows, header excluded), in source order. */
  sourceRows: Int32Array;
  /** The cell's row items as the pivot shows them (captions), outermost first; empty for the grand total. */
  items: Array<{ field: string; caption: string }>;
  /** "Region = North · Category = Bikes · and the pivot's filters (Customer is not "Bob")". */
  words: string;
  dataField: PivotDataFieldSnapshot;
  excel: ExcelRecompute;
  /** Set when the value field shows values "as" something: the formula gives the plain summary. */
  showAsNote?: string;
}

const EXCEL_FUNCTION: Record<PivotFunction, string> = {
  Sum: 'SUM', Count: 'COUNTA', Average: 'AVERAGE', Max: 'MAX', Min: 'MIN', Product: 'PRODUCT', CountNumbers: 'COUNT',
  StandardDeviation: 'STDEV.S', StandardDeviationP: 'STDEV.P', Variance: 'VAR.S', VarianceP: 'VAR.P',
};

/**
 * Excel's "Show Details" for a value cell of a native PivotTable, which Office.js does not offer:
 * map the cell to its row items through PivotDeck's layout reader (parseRowLabels, the same code
 * that aligns extension columns with pivot rows, for compact, outline and tabular layouts), keep
 * the source rows the pivot counts (its item filters and page filters, filterSource), and of those
 * the rows of that item, subtotal or grand total. `at` is the sheet cell (0-based row and column).
 *
 * Pivots with column fields, or with several value fields on rows, are refused for now with a
 * message that says so.
 *
 * @example
 * const d = drillPivotCell(snapshot, source, { row: 5, column: 1 });
 * d.words // 'Region = North · Category = Bikes · and the pivot\'s filters (Customer is not "Bob")'
 */
export function drillPivotCell(
  snapshot: PivotSnapshot,
  source: SourceTable,
  at: { row: number; column: number },
  /** The column label rows below the caption row (one per column field), when the pivot has column fields. */
  columnLabels?: readonly (readonly XlValue[])[],
): PivotDrill {
  const body = snapshot.dataBody;
  const r = at.row - body.row;
  const c = at.column - body.column;
  if (r < 0 || c < 0 || r >= body.rows || c >= body.columns)
    throw new DrillError(`That cell is not one of the PivotTable "${snapshot.name}"'s numbers. Select a number in its values area and try Show rows again.`);
  const C = snapshot.columns.length;
  if (C > 0 && (!columnLabels || columnLabels.length !== C || snapshot.data.length !== 1 || snapshot.columns.some((f) => f.subtotals.some((x) => x !== 'Automatic'))))
    throw new DrillError(`The PivotTable "${snapshot.name}" has fields on its columns (${snapshot.columns.map((f) => f.name).join(', ')}) with several value fields or custom subtotals; Show rows reads column fields with one value field and automatic subtotals for now. Use Excel's own Show Details (double-click the cell).`);
  if (valuesShownOnRows(snapshot) || (C === 0 && body.columns !== snapshot.data.length))
    throw new DrillError(`The PivotTable "${snapshot.name}" shows its values on rows; Show rows reads pivots with their values in columns for now. Move "Σ Values" to Columns and try again.`);
  const column = (name: string) => {
    const i = source.headers.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new DrillError(`The PivotTable uses "${name}", which is not a column of its source. Refresh the pivot (PivotTable Analyze → Refresh) and try again.`);
    return i;
  };
  const { rows: kept } = filterSource(source, [...snapshot.rows, ...snapshot.columns, ...snapshot.filters]);
  const tree = buildGroupTree(snapshot.rows.map((f) => source.columns[column(f.name)]), kept);
  const role = parseRowLabels(snapshot, tree)[r];
  if (!role || role.kind === 'blank' || role.kind === 'header')
    throw new DrillError('That row of the pivot shows no number (a heading row). Select a number and try Show rows again.');
  if (role.kind === 'subtotal' && role.fn !== 'Automatic' && role.index > 0)
    throw new DrillError('That is a second custom subtotal row; select the first subtotal row of the item, which covers the same rows.');
  const depth = role.path.length;
  let node = tree.root;
  for (const key of role.path) node = node.children.get(key) ?? node;
  const out: number[] = [];
  const nodeIds = tree.nodeAtDepth[depth];
  // Column fields: the cell's column item, from the column labels, over the same kept rows.
  let columnPath: string[] = [];
  let columnIds: Int32Array | undefined;
  let columnNode: GroupNode | undefined;
  if (C > 0) {
    const columnTree = buildGroupTree(snapshot.columns.map((f) => source.columns[column(f.name)]), kept);
    columnPath = parseColumnLabels(columnLabels!, columnTree, snapshot.showRowGrandTotals)[c] ?? [];
    columnNode = columnTree.root;
    for (const key of columnPath) columnNode = columnNode.children.get(key) ?? columnNode;
    columnIds = columnTree.nodeAtDepth[columnPath.length];
  }
  for (let i = 0; i < kept.length; i++) if (nodeIds[i] === node.id && (!columnIds || columnIds[i] === columnNode!.id)) out.push(kept[i]);

  const items: PivotDrill['items'] = [];
  for (let n = node; n.parent; n = n.parent) items.unshift({ field: snapshot.rows[n.depth - 1].name, caption: itemCaption(n.label) });
  const columnItems: PivotDrill['items'] = [];
  for (let n = columnNode; n?.parent; n = n.parent) columnItems.unshift({ field: snapshot.columns[n.depth - 1].name, caption: itemCaption(n.label) });
  items.push(...columnItems);
  const dataField = snapshot.data[C > 0 ? 0 : c];
  // A custom subtotal row shows its own function, not the value field's.
  const fn = EXCEL_FUNCTION[role.kind === 'subtotal' && role.fn !== 'Automatic' ? role.fn : dataField.summarizeBy];
  const excel: ExcelRecompute = fn
    ? { kind: 'function', functionName: fn, formula: (col) => `=${fn}(${col(dataField.field)})` }
    : { kind: 'none', reason: `Excel's ${dataField.summarizeBy} has no worksheet function PivotDeck knows.` };
  return {
    sourceRows: Int32Array.from(out),
    items,
    words: pivotWords(items, [...snapshot.rows, ...snapshot.columns, ...snapshot.filters]),
    dataField,
    excel,
    showAsNote: dataField.showAs && dataField.showAs !== 'None'
      ? `"${dataField.name}" is shown as ${dataField.showAs}; the rows and the formula give the plain ${dataField.summarizeBy}, before that step.`
      : undefined,
  };
}

/** The pivot's own filters in words: each field with hidden items, as what it keeps. */
function pivotWords(items: PivotDrill['items'], fields: readonly PivotFieldSnapshot[]): string {
  const parts = items.map((i) => `${i.field} = ${i.caption}`);
  if (!parts.length) parts.push('All rows (grand total)');
  const own: string[] = [];
  for (const f of fields) {
    const hidden = f.items.filter((i) => !i.visible).map((i) => `"${i.name}"`);
    if (!hidden.length) continue;
    const visible = f.items.filter((i) => i.visible).map((i) => `"${i.name}"`);
    own.push(visible.length <= hidden.length ? `${f.name} is ${visible.length === 1 ? visible[0] : `one of ${visible.join(', ')}`}` : `${f.name} is not ${hidden.join(', ')}`);
  }
  if (own.length) parts.push(`and the pivot's filters (${own.join('; ')})`);
  return parts.join(WORDS_SEPARATOR);
}

/**
 * The drilled source rows as DrilledRows for the writer, capped at `limit`.
 * @example pivotRows(source, drill.sourceRows, 10_000).total
 */
export function pivotRows(source: SourceTable, rows: Int32Array, limit: number): DrilledRows {
  const n = Math.min(rows.length, Math.max(0, limit));
  const out: unknown[][] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = source.columns.map((col) => col[rows[k]]);
  return { columns: [...source.headers], rows: out, total: rows.length };
}
