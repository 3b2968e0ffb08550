import type { MeasureValue } from '../measures/aggregate-def';
import { differenceFromPrevious, percentDifferenceFromPrevious, rank, runningTotal, percentOf } from '../query/show-as';
import { baseKey, columnLookup, computeNodeMeasures, type ColumnLookup, type NodeValues } from './compute-measures';
import { detectUnsupported } from './detect-unsupported';
import { filterSource } from './filter-source';
import { buildGroupTree, findNode, type GroupNode, type GroupTree } from './group-tree';
import { EXCEL_FUNCTION, measureFormat, NUMERIC_KINDS, SHOW_AS_KINDS, type ExtensionMeasure } from './measures';
import { sourceInputs, type SourceInputs } from './source-inputs';
import { parseRowLabels } from './parse-row-labels';
import { reconcile, reconcileNeeds, type Reconciliation } from './reconcile';
import { ExtensionError, type PivotSnapshot, type RowRole, type SourceTable, type XlValue } from './types';

export interface ExtensionColumn {
  header: string;
  numberFormat: string;
  /** One value per data-body row of the pivot; "" where the pivot row shows no group. */
  values: XlValue[];
}

export interface ExtensionPlan {
  roles: RowRole[];
  columns: ExtensionColumn[];
  /** Data-body row offsets that are subtotal or grand-total rows (written bold, as Excel does). */
  totalRows: number[];
  reconciliation: Reconciliation;
  skipped: SkippedCells[];
  /** Things the user should know that do not stop the write. */
  notes: string[];
  sourceRows: number;
  keptRows: number;
}

/** Plain data only (structured-clone safe), so a Web Worker can run planExtension. */
export interface PlanInput {
  snapshot: PivotSnapshot;
  source: SourceTable;
  measures: readonly ExtensionMeasure[];
}

/** Cells a numeric measure skipped in one field, over the rows the pivot summarises. */
export interface SkippedCells {
  field: string;
  measure: string;
  excelFunction: string;
  blank: number;
  text: number;
  logical: number;
  errors: number;
}

/** Steps of planExtension, reported to show progress while a worker computes. */
export type PlanStage = 'filter' | 'group' | 'measures' | 'reconcile';


/**
 * Everything between "we read the pivot" and "we write the block": filters the source as the
 * pivot does, maps every pivot row to its group, computes the measures for every group,
 * reconciles the pivot's own value fields with the numbers Excel shows, and lays the measures
 * out row by row. Pure and synchronous, so it can run in a worker.
 *
 * Throws ExtensionError for pivots PivotDeck cannot reproduce (explained up front). Returns a
 * plan whose `reconciliation.ok` is false when Excel's numbers disagree: do not write it then.
 *
 * @example
 * const plan = planExtension({ snapshot, source, measures: [{ id: 'm1', label: 'Median of Revenue', kind: 'median', field: 'Revenue' }] });
 * if (plan.reconciliation.ok) write(plan.columns);
 */
export function planExtension(input: PlanInput, options: { onStage?(stage: PlanStage): void } = {}): ExtensionPlan {
  const { snapshot, source, measures } = input;
  const stage = options.onStage ?? (() => {});
  const reasons = detectUnsupported(snapshot, source.headers);
  if (reasons.length > 0) throw new ExtensionError('unsupported', reasons.join('\n'));
  if (measures.length === 0) throw new ExtensionError('measure', 'Add at least one measure.');

  const columns = columnLookup(source);
  const hasColumn = (field: string) => columns(field) !== undefined;
  stage('filter');
  const { rows, unmatchedHidden } = filterSource(source, [...snapshot.rows, ...snapshot.columns, ...snapshot.filters]);
  const keyColumns = snapshot.rows.map((f) => source.columns[columns(f.name)!]);
  stage('group');
  const tree = buildGroupTree(keyColumns, rows);
  const roles = parseRowLabels(snapshot, tree);
  stage('measures');
  // One engine pass computes the new measures and the pivot's own summaries together.
  const inputs = sourceInputs(source, rows);
  const computed = computeNodeMeasures(measures, tree, source, reconcileNeeds(snapshot, hasColumn), inputs);
  stage('reconcile');
  const reconciliation = reconcile(snapshot, roles, tree, hasColumn, computed.pivotSummary);
  if (!reconciliation.ok) reconciliation.cause = likelyCause(reconciliation, unmatchedHidden);

  const nodeValues = computed.values;
  const nodes = roles.map((role) => (role.kind === 'blank' || role.kind === 'header' ? undefined : findNode(tree, role.path)));
  const out: ExtensionColumn[] = measures.map((m) => {
    const fieldName = m.field ?? measures.find((x) => x.id === m.of)?.field;
    const format = measureFormat(m, fieldName ? formatOf(source, fieldName) : undefined);
    const values = SHOW_AS_KINDS.has(m.kind)
      ? finishShowAs(m, roles, nodes, tree, nodeValues.get(m.of && nodeValues.has(m.of) ? m.of : baseKey(m))!)
      : roles.map((role, r) => (nodes[r] && !(role.kind === 'subtotal' && role.index > 0) ? nodeValues.get(m.id)![nodes[r]!.id] : ''));
    return { header: m.label, numberFormat: format, values };
  });

  const notes: string[] = [];
  if (snapshot.columns.length > 0) {
    notes.push(`The pivot has column fields (${snapshot.columns.map((c) => c.name).join(', ')}); PivotDeck computes each new measure per row, across all columns.`);
  }
  for (const u of reconciliation.uncheckedFields) notes.push(`"${u.field}" was not checked against Excel: ${u.reason}.`);
  if (unmatchedHidden.length > 0) {
    notes.push(`Hidden items with no matching source value: ${unmatchedHidden.map((h) => `${h.field} = "${h.item}"`).join(', ')}.`);
  }

  return {
    roles,
    columns: out,
    totalRows: roles.flatMap((role, r) => (role.kind === 'subtotal' || role.kind === 'grand' ? [r] : [])),
    reconciliation,
    skipped: skippedNotes(measures, source, columns, inputs),
    notes,
    sourceRows: source.rowCount,
    keptRows: rows.length,
  };
}

function formatOf(source: SourceTable, field: string): string | undefined {
  const i = source.headers.findIndex((h) => String(h).toLowerCase() === field.toLowerCase());
  return i >= 0 ? source.formats[i] : undefined;
}

function likelyCause(rec: Reconciliation, unmatched: ReadonlyArray<{ field: string; item: string }>): string {
  if (rec.checkedFields.length === 0) {
    return 'PivotDeck found no value field it can check (Sum, Count, Average ... shown as plain values), so it cannot confirm it reads the pivot correctly.';
  }
  if (unmatched.length > 0) {
    return `The pivot filters on items PivotDeck cannot match in the source (${unmatched.map((u) => `${u.field}: "${u.item}"`).join(', ')}), so its filter cannot be reproduced. Refresh the pivot; if that does not help, clear that filter.`;
  }
  return 'The numbers Excel shows do not match the pivot\'s source data. The pivot is probably out of date: refresh it (PivotTable Analyze → Refresh) and try again. If it still disagrees, the pivot may use a calculated item or grouping PivotDeck cannot reproduce.';
}

/** Shares, running totals, ranks and differences, computed along the rows the pivot shows. */
function finishShowAs(m: ExtensionMeasure, roles: RowRole[], nodes: Array<GroupNode | undefined>, tree: GroupTree, base: NodeValues): XlValue[] {
  // Siblings in display order: the order in which the pivot first shows each group.
  const order = new Map<number, GroupNode[]>();
  const placed = new Set<number>();
  for (const node of nodes) {
    if (!node || !node.parent || placed.has(node.id)) continue;
    placed.add(node.id);
    const list = order.get(node.parent.id) ?? [];
    list.push(node);
    order.set(node.parent.id, list);
  }
  // The values themselves come from the query engine's show-as functions, so a pivot extension
  // and a query show the same thing for the same numbers (one implementation, issue 15).
  const value = new Map<number, XlValue>();
  const root = asMeasure(base[tree.root.id]);
  for (const siblings of order.values()) {
    const values = siblings.map((node) => asMeasure(base[node.id]));
    const shown = showAlong(m.kind, values, siblings.map((node) => asMeasure(base[node.parent!.id])), root);
    siblings.forEach((node, i) => value.set(node.id, asCell(shown[i])));
  }
  const grand = m.kind === 'percentOfGrandTotal' || m.kind === 'percentOfColumnTotal' || m.kind === 'percentOfParentRow' ? asCell(percentOf(root, root)) : '';
  return roles.map((role, r) => {
    const node = nodes[r];
    if (!node || (role.kind === 'subtotal' && role.index > 0)) return '';
    if (node === tree.root) return grand;
    return value.get(node.id) ?? '';
  });
}

/** A pivot cell as a show-as input: '' is a blank. */
const asMeasure = (v: XlValue | undefined): MeasureValue => (v === undefined || v === '' ? null : v);
/** A show-as result as a pivot cell: a blank is ''. */
const asCell = (v: MeasureValue): XlValue => (v === null ? '' : v);

/** One show-as measure over siblings in display order, with each sibling's parent value and the grand total. */
function showAlong(kind: ExtensionMeasure['kind'], values: MeasureValue[], parents: MeasureValue[], root: MeasureValue): MeasureValue[] {
  switch (kind) {
    case 'percentOfGrandTotal': case 'percentOfColumnTotal': return values.map((v) => percentOf(v, root));
    case 'percentOfParentRow': return values.map((v, i) => percentOf(v, parents[i]));
    case 'runningTotal': return runningTotal(values);
    case 'rankInParent': return rank(values, 'desc');
    case 'differenceFromPrevious': return differenceFromPrevious(values);
    case 'percentDifferenceFromPrevious': return percentDifferenceFromPrevious(values);
    default: return values.map(() => null);
  }
}

function skippedNotes(measures: readonly ExtensionMeasure[], source: SourceTable, columns: ColumnLookup, inputs: SourceInputs): SkippedCells[] {
  const out: SkippedCells[] = [];
  const seen = new Set<string>();
  for (const m of measures) {
    if (!NUMERIC_KINDS.has(m.kind)) continue;
    for (const name of m.kind === 'weightedAverage' || m.kind === 'ratioOfSums' ? [m.field, m.otherField] : [m.field]) {
      if (!name) continue;
      const key = `${m.kind}|${name.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const c = columns(name);
      if (c === undefined) continue;
      // The engine's own classification of what a numeric function skips.
      const tally = inputs.numericTally(c);
      if (tally.blank + tally.text + tally.logical + tally.error === 0) continue;
      out.push({
        field: String(source.headers[c]), measure: m.label, excelFunction: EXCEL_FUNCTION[m.kind] ?? m.kind,
        blank: tally.blank, text: tally.text, logical: tally.logical, errors: tally.error,
      });
    }
  }
  return out;
}

/**
 * One sentence per skipped-cells tally, e.g.
 * "42 blank and 3 text cells in Revenue were ignored, as MEDIAN does."
 */
export function describeSkipped(s: SkippedCells): string {
  const parts: string[] = [];
  if (s.blank) parts.push(`${s.blank} blank`);
  if (s.text) parts.push(`${s.text} text`);
  if (s.logical) parts.push(`${s.logical} TRUE/FALSE`);
  const ignored = parts.length > 0 ? `${joinWords(parts)} cell${s.blank + s.text + s.logical === 1 ? '' : 's'} in ${s.field} were ignored, as ${s.excelFunction} does.` : '';
  const errors = s.errors ? `${s.errors} error cell${s.errors === 1 ? '' : 's'} in ${s.field} make ${s.measure} show the error for their groups, as ${s.excelFunction} does.` : '';
  return [ignored, errors].filter(Boolean).join(' ');
}

function joinWords(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export type { RowRole };
