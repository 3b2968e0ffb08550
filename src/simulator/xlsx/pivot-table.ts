/**
 * A pivot table definition (ECMA-376 §18.10.1.73) plus its cache → PivotModel, without the
 * rendered cells (see pivot-rendered.ts).
 *
 * Layout mapping (Excel writes all three forms through two per-field flags):
 *   Compact: row fields have compact≠0 and outline≠0 (both default true)
 *   Outline: row fields have compact="0" and outline≠0
 *   Tabular: row fields have outline="0" (Excel also writes compact="0")
 * The outermost row field decides (Excel sets every field alike when a layout is chosen; the
 * per-field flags stay on each PivotFieldModel for mixed cases). With no row fields the table's
 * own compact/outline attributes decide the same way.
 *
 * Grand totals: in the file, `colGrandTotals` switches the grand total *column* (right edge) and
 * `rowGrandTotals` the grand total *row* (bottom) — seen in an Excel-saved file where
 * colGrandTotals="0" left the bottom row and dropped the right column. Excel's API (and this
 * model) names them the other way round, after what is totalled: `showRowGrandTotals` is the
 * right-hand column that totals each row; `showColumnGrandTotals` is the bottom row.
 */
import type { PivotDataFieldModel, PivotFieldModel, PivotLayoutType, PivotModel, SubtotalLocation, SummarizeBy } from '../model';
import type { CacheField, PivotCache } from './pivot-cache';
import type { Styles } from './number-formats';
import { attr, boolAttr, child, children, intAttr, type XmlNode } from './xml';
import type { PivotLineKind, StyledLine } from '../pivot/styles';

/** What the definition says beyond the model: the location offsets the layout ranges come from. */
export interface PivotLocation {
  ref: string;
  firstHeaderRow: number;
  firstDataRow: number;
  firstDataCol: number;
  rowPageCount: number;
  colPageCount: number;
}

export interface PivotDefinition {
  /** The model without `source` and `rendered`, which need the workbook to resolve. */
  model: Omit<PivotModel, 'source' | 'rendered'>;
  location: PivotLocation;
  pivotStyle?: string;
  /** What each stored line is (from `rowItems` / `colItems`), to draw the pivot style. */
  lines: PivotLines;
}

export interface PivotLines {
  rows: StyledLine[];
  /** One per data column. */
  colKinds: PivotLineKind[];
}

const SUBTOTAL_FUNCTION: Record<string, SummarizeBy> = {
  sum: 'Sum',
  count: 'Count',
  average: 'Average',
  max: 'Max',
  min: 'Min',
  product: 'Product',
  countNums: 'CountNumbers',
  stdDev: 'StandardDeviation',
  stdDevp: 'StandardDeviationP',
  var: 'Variance',
  varp: 'VarianceP',
};

/** Field subtotal items (`<item t="...">`) and attributes (`sumSubtotal="1"` ...) → function. */
const FIELD_SUBTOTAL: Array<[item: string, attribute: string, fn: SummarizeBy]> = [
  ['sum', 'sumSubtotal', 'Sum'],
  ['countA', 'countASubtotal', 'Count'],
  ['avg', 'avgSubtotal', 'Average'],
  ['max', 'maxSubtotal', 'Max'],
  ['min', 'minSubtotal', 'Min'],
  ['product', 'productSubtotal', 'Product'],
  ['count', 'countSubtotal', 'CountNumbers'],
  ['stdDev', 'stdDevSubtotal', 'StandardDeviation'],
  ['stdDevP', 'stdDevPSubtotal', 'StandardDeviationP'],
  ['var', 'varSubtotal', 'Variance'],
  ['varP', 'varPSubtotal', 'VarianceP'],
];

/** `showDataAs` (and the 2010 extension `pivotShowAs`) → Excel.ShowAsCalculation names. */
const SHOW_AS: Record<string, string> = {
  normal: 'None',
  difference: 'DifferenceFrom',
  percent: 'PercentOf',
  percentDiff: 'PercentDifferenceFrom',
  runTotal: 'RunningTotal',
  percentOfRow: 'PercentOfRowTotal',
  percentOfCol: 'PercentOfColumnTotal',
  percentOfTotal: 'PercentOfGrandTotal',
  index: 'Index',
  percentOfParent: 'PercentOfParentTotal',
  percentOfParentRow: 'PercentOfParentRowTotal',
  percentOfParentCol: 'PercentOfParentColumnTotal',
  percentOfRunningTotal: 'PercentRunningTotal',
  rankAscending: 'RankAscending',
  rankDescending: 'RankDecending',
};

/** Excel's caption prefix when a data field has no name of its own. */
const DEFAULT_CAPTION: Record<SummarizeBy, string> = {
  Sum: 'Sum', Count: 'Count', Average: 'Average', Max: 'Max', Min: 'Min', Product: 'Product',
  CountNumbers: 'Count', StandardDeviation: 'StdDev', StandardDeviationP: 'StdDevp', Variance: 'Var', VarianceP: 'Varp',
};

/** The Values pseudo-field's index in rowFields / colFields. */
const VALUES_FIELD = -2;

export function readPivotDefinition(root: XmlNode, cache: PivotCache, sheet: string, styles: Styles): PivotDefinition {
  const def = child(root, 'pivotTableDefinition') as XmlNode;
  const loc = child(def, 'location');
  const location: PivotLocation = {
    ref: (attr(loc, 'ref') ?? 'A1').replace(/\$/g, ''),
    firstHeaderRow: intAttr(loc, 'firstHeaderRow', 0),
    firstDataRow: intAttr(loc, 'firstDataRow', 0),
    firstDataCol: intAttr(loc, 'firstDataCol', 0),
    rowPageCount: intAttr(loc, 'rowPageCount', 0),
    colPageCount: intAttr(loc, 'colPageCount', 0),
  };
  const pivotFields = children(child(def, 'pivotFields'), 'pivotField');
  const unsupported = [...cache.unsupported];
  const fieldAt = (index: number): PivotFieldModel => fieldModel(pivotFields[index], cache.fields[index], index);

  const axis = (name: string) => children(child(def, name), 'field').map((f) => intAttr(f, 'x', 0));
  const rowIndexes = axis('rowFields');
  const colIndexes = axis('colFields');
  const rows = rowIndexes.filter((x) => x !== VALUES_FIELD).map(fieldAt);
  const columns = colIndexes.filter((x) => x !== VALUES_FIELD).map(fieldAt);
  const filters = children(child(def, 'pageFields'), 'pageField').map((p) => pageFieldModel(p, pivotFields, cache, fieldAt));
  const data = children(child(def, 'dataFields'), 'dataField').map((d) => dataFieldModel(d, cache, styles));

  // Of the cache's calculated and grouped fields, only those this pivot uses (on an axis, as a
  // filter or as a value): pivots sharing a cache each get their own list.
  const used = new Set([
    ...rowIndexes, ...colIndexes,
    ...children(child(def, 'pageFields'), 'pageField').map((f) => intAttr(f, 'fld', -1)),
    ...children(child(def, 'dataFields'), 'dataField').map((f) => intAttr(f, 'fld', -1)),
  ]);
  cache.fields.forEach((f, i) => { if (f.unsupported && used.has(i)) unsupported.push(f.unsupported); });
  if (child(def, 'calculatedItems')) unsupported.push('calculated items');
  pivotFields.forEach((pf, i) => {
    if (children(child(pf, 'items'), 'item').some((it) => attr(it, 'f') === '1')) {
      unsupported.push(`calculated items in field "${cache.fields[i]?.name ?? i}"`);
    }
  });

  const rowPivotFields = rowIndexes.filter((x) => x !== VALUES_FIELD).map((x) => pivotFields[x]);
  const model: Omit<PivotModel, 'source' | 'rendered'> = {
    name: attr(def, 'name') ?? `PivotTable${attr(def, 'cacheId') ?? ''}`,
    sheet,
    anchor: location.ref.split(':')[0],
    rows,
    columns,
    filters,
    data,
    valuesOn: rowIndexes.includes(VALUES_FIELD) ? 'rows'
      : colIndexes.includes(VALUES_FIELD) ? 'columns'
      : boolAttr(def, 'dataOnRows', false) ? 'rows' : 'columns',
    layout: layoutOf(def, rowPivotFields),
    subtotalLocation: subtotalLocationOf(rowPivotFields, layoutOf(def, rowPivotFields)),
    showRowGrandTotals: boolAttr(def, 'colGrandTotals', true),
    showColumnGrandTotals: boolAttr(def, 'rowGrandTotals', true),
  };
  const rowCaption = attr(def, 'rowHeaderCaption');
  const colCaption = attr(def, 'colHeaderCaption');
  if (rowCaption !== undefined) model.rowHeaderCaption = rowCaption;
  if (colCaption !== undefined) model.colHeaderCaption = colCaption;
  if (unsupported.length) model.unsupported = unsupported;
  return { model, location, pivotStyle: attr(child(def, 'pivotTableStyleInfo'), 'name'), lines: pivotLines(def, rowIndexes.length) };
}

/**
 * Line kinds from `rowItems` / `colItems` (§18.10.1.44 `i`): `t` is the item type (absent or
 * "data" = an item, "default"/"sum"/... = a subtotal, "grand", "blank"); `r` counts the leading
 * fields repeated from the line above and each `<x>` names one more field, so the line's own
 * label sits at depth r + (number of x) − 1. An item line above the innermost row field is a
 * parent (its label is a subheading).
 */
function pivotLines(def: XmlNode, nRowFields: number): PivotLines {
  const kindOf = (t: string | undefined): PivotLineKind =>
    t === undefined || t === 'data' ? 'item' : t === 'grand' ? 'grand' : t === 'blank' ? 'blank' : 'subtotal';
  const rows = children(child(def, 'rowItems'), 'i').map((i): StyledLine => {
    const depth = Math.max(0, intAttr(i, 'r', 0) + children(i, 'x').length - 1);
    const kind = kindOf(attr(i, 't'));
    return { kind: kind === 'item' && depth < nRowFields - 1 ? 'parent' : kind, depth: kind === 'grand' ? 0 : depth };
  });
  const colKinds = children(child(def, 'colItems'), 'i').map((i) => kindOf(attr(i, 't')));
  return { rows, colKinds };
}

function layoutOf(def: XmlNode, rowFields: Array<XmlNode | undefined>): PivotLayoutType {
  const first = rowFields[0];
  const compact = first ? boolAttr(first, 'compact', true) : boolAttr(def, 'compact', true);
  const outline = first ? boolAttr(first, 'outline', true) : boolAttr(def, 'outline', false);
  if (!outline) return 'Tabular';
  return compact ? 'Compact' : 'Outline';
}

/**
 * Subtotal rows belong to every row field but the innermost. 'Off' when none of them has a
 * subtotal (or, for a single row field, when that field has none); tabular subtotals and
 * multi-function custom subtotals are always at the bottom; otherwise the outermost subtotalled
 * field's `subtotalTop` (default true) decides.
 */
function subtotalLocationOf(rowFields: Array<XmlNode | undefined>, layout: PivotLayoutType): SubtotalLocation {
  const candidates = rowFields.length > 1 ? rowFields.slice(0, -1) : rowFields;
  const withSubtotals = candidates.filter((f) => fieldSubtotals(f).length > 0);
  if (withSubtotals.length === 0) return 'Off';
  if (layout === 'Tabular') return 'AtBottom';
  // Several custom functions need one row each, so Excel puts them below the group whatever
  // subtotalTop says (seen in an Excel-saved file with Sum + Count + Average subtotals).
  if (fieldSubtotals(withSubtotals[0]).length > 1) return 'AtBottom';
  return boolAttr(withSubtotals[0], 'subtotalTop', true) ? 'AtTop' : 'AtBottom';
}

/** [] when the field has no subtotals, ['Automatic'] for the default, else the custom functions. */
function fieldSubtotals(pf: XmlNode | undefined): Array<'Automatic' | SummarizeBy> {
  const items = children(child(pf, 'items'), 'item').map((it) => attr(it, 't')).filter((t): t is string => !!t);
  const custom = FIELD_SUBTOTAL.filter(([, a]) => boolAttr(pf, a, false));
  if (custom.length) {
    // Excel renders custom subtotals in the order of their <item t> entries.
    const rank = (item: string) => (items.indexOf(item) < 0 ? 99 : items.indexOf(item));
    return custom.sort((a, b) => rank(a[0]) - rank(b[0])).map(([, , fn]) => fn);
  }
  return boolAttr(pf, 'defaultSubtotal', true) ? ['Automatic'] : [];
}

function fieldModel(pf: XmlNode | undefined, cf: CacheField | undefined, index: number): PivotFieldModel {
  const field: PivotFieldModel = { name: cf?.name ?? `Field${index + 1}` };
  // A renamed field keeps its source column as `name` (the hierarchy) and shows `caption`.
  const custom = attr(pf, 'name');
  if (custom !== undefined && custom !== field.name) field.caption = custom;
  const captions = cf?.items ?? [];
  const items = children(child(pf, 'items'), 'item').filter((it) => attr(it, 't') === undefined || attr(it, 't') === 'data');
  const order: string[] = [];
  const hidden: string[] = [];
  for (const it of items) {
    const x = intAttr(it, 'x');
    const caption = x === undefined ? undefined : captions[x];
    if (caption === undefined) continue;
    order.push(caption);
    if (boolAttr(it, 'h', false)) hidden.push(caption);
  }
  if (order.length) field.itemOrder = order;
  if (hidden.length) field.hiddenItems = hidden;
  const subtotals = fieldSubtotals(pf);
  if (subtotals.length !== 1 || subtotals[0] !== 'Automatic') field.subtotals = subtotals;
  field.compact = boolAttr(pf, 'compact', true);
  field.outline = boolAttr(pf, 'outline', true);
  const ext = children(child(pf, 'extLst'), 'ext').map((e) => child(e, 'pivotField')).find(Boolean);
  if (boolAttr(ext, 'fillDownLabels', false)) field.repeatLabels = true;
  return field;
}

/** A page field shows one item (`item` = index into the field's items) or, with multiple selection, the non-hidden ones. */
function pageFieldModel(
  p: XmlNode,
  pivotFields: XmlNode[],
  cache: PivotCache,
  fieldAt: (i: number) => PivotFieldModel,
): PivotFieldModel {
  const index = intAttr(p, 'fld', 0);
  const field = fieldAt(index);
  const selected = intAttr(p, 'item');
  if (selected === undefined) return field;
  const items = children(child(pivotFields[index], 'items'), 'item');
  const x = intAttr(items[selected], 'x');
  const chosen = x === undefined ? undefined : cache.fields[index]?.items[x];
  if (chosen !== undefined && field.itemOrder) field.hiddenItems = field.itemOrder.filter((c) => c !== chosen);
  return field;
}

function dataFieldModel(d: XmlNode, cache: PivotCache, styles: Styles): PivotDataFieldModel {
  const source = cache.fields[intAttr(d, 'fld', 0)]?.name ?? '';
  const fn = SUBTOTAL_FUNCTION[attr(d, 'subtotal') ?? 'sum'] ?? 'Sum';
  const model: PivotDataFieldModel = {
    field: source,
    name: attr(d, 'name') ?? `${DEFAULT_CAPTION[fn]} of ${source}`,
    summarizeBy: fn,
  };
  const numFmtId = intAttr(d, 'numFmtId');
  if (numFmtId !== undefined) model.numberFormat = styles.formatOfId(numFmtId);
  const ext = children(child(d, 'extLst'), 'ext').map((e) => child(e, 'dataField')).find(Boolean);
  const showAs = attr(ext, 'pivotShowAs') ?? attr(d, 'showDataAs');
  if (showAs !== undefined) model.showAs = SHOW_AS[showAs] ?? showAs;
  return model;
}
