import type { NodeValues } from './engine-groups';
import { findNode, type GroupTree } from './group-tree';
import type { PivotFunction, PivotSnapshot, RowRole, XlValue } from './types';

export interface Mismatch {
  /** 1-based sheet row, as the user sees it. */
  sheetRow: number;
  /** Item keys of the row's group; [] for the grand total. */
  path: string[];
  field: string;
  shown: XlValue;
  recomputed: XlValue;
}

export interface Reconciliation {
  ok: boolean;
  checkedRows: number;
  /** Value fields whose numbers were compared. */
  checkedFields: string[];
  /** Value fields that could not be compared, and why. */
  uncheckedFields: Array<{ field: string; reason: string }>;
  mismatches: Mismatch[];
  /** The most likely reason when mismatches exist, in words a user can act on. */
  cause?: string;
}

const REL = 1e-9;
const ABS = 1e-9;

/** Excel's numbers and ours agree when |a-b| ≤ 1e-9 + 1e-9·max(|a|,|b|); texts/errors must be equal. */
export function sameValue(shown: XlValue, recomputed: XlValue): boolean {
  if (typeof shown === 'number' && typeof recomputed === 'number') {
    return Math.abs(shown - recomputed) <= ABS + REL * Math.max(Math.abs(shown), Math.abs(recomputed));
  }
  return shown === recomputed;
}

/**
 * Recomputes the pivot's own value fields for every row PivotDeck mapped to a group and
 * compares them with the numbers Excel shows. Any disagreement means PivotDeck's picture of the
 * pivot (its rows, its filters, its source) is wrong somewhere, so nothing may be written.
 *
 * With column fields, the row's Grand Total column is compared; without one, Sum/Count/Count
 * Numbers are compared with the sum across the columns and other functions are left unchecked.
 *
 * `summary(field, fn)` gives what a pivot cell shows for every group node, recomputed by the
 * engine (see computeNodeMeasures); `reconcileNeeds` lists the pairs it will be asked for.
 *
 * @example reconcile(snapshot, roles, tree, hasColumn, summary).ok // true when every number matches
 */
export function reconcile(
  snapshot: PivotSnapshot,
  roles: readonly RowRole[],
  tree: GroupTree,
  hasColumn: (field: string) => boolean,
  summary: (field: string, fn: PivotFunction) => NodeValues | undefined,
): Reconciliation {
  const nData = snapshot.data.length;
  const body = snapshot.dataBody;
  const hasColumns = snapshot.columns.length > 0;
  const checkedFields: string[] = [];
  const uncheckedFields: Reconciliation['uncheckedFields'] = [];
  const checks: Array<{ name: string; field: string; fn: PivotFunction; shown: (row: XlValue[]) => XlValue }> = [];

  snapshot.data.forEach((data, i) => {
    if (data.showAs && data.showAs !== 'None') {
      uncheckedFields.push({ field: data.name, reason: `it shows values as "${data.showAs}"` });
      return;
    }
    if (!hasColumn(data.field)) {
      uncheckedFields.push({ field: data.name, reason: `"${data.field}" is not a column of the source (calculated field?)` });
      return;
    }
    let shown: (row: XlValue[]) => XlValue;
    if (!hasColumns) {
      if (body.columns !== nData) {
        uncheckedFields.push({ field: data.name, reason: 'the data area does not have one column per value field' });
        return;
      }
      shown = (row) => row[i] ?? '';
    } else if (snapshot.showRowGrandTotals) {
      const c = body.columns - nData + i;
      shown = (row) => row[c] ?? '';
    } else if (data.summarizeBy === 'Sum' || data.summarizeBy === 'Count' || data.summarizeBy === 'CountNumbers') {
      shown = (row) => {
        let total = 0, any = false;
        for (let c = i; c < body.columns; c += nData) {
          const v = row[c];
          if (typeof v === 'number') { total += v; any = true; } else if (v !== '' && v !== undefined) return v;
        }
        return any ? total : '';
      };
    } else {
      uncheckedFields.push({ field: data.name, reason: 'the pivot has column fields and no Grand Total column' });
      return;
    }
    checkedFields.push(data.name);
    checks.push({ name: data.name, field: data.field, fn: data.summarizeBy, shown });
  });

  // One summary column per (field, function), not one per row: each is a pass over every node.
  const summaries = new Map<string, NodeValues | undefined>();
  const summaryOf = (field: string, fn: PivotFunction): NodeValues | undefined => {
    const key = `${fn}|${field}`;
    if (!summaries.has(key)) summaries.set(key, summary(field, fn));
    return summaries.get(key);
  };
  const mismatches: Mismatch[] = [];
  let checkedRows = 0;
  roles.forEach((role, r) => {
    if (role.kind === 'blank' || role.kind === 'header') return;
    const node = findNode(tree, role.path);
    const row = body.values[r] ?? [];
    if (!node) return;
    if (checks.length > 0) checkedRows++;
    for (const check of checks) {
      const fn = role.kind === 'subtotal' && role.fn !== 'Automatic' ? role.fn : check.fn;
      const values = summaryOf(check.field, fn);
      if (!values) continue;
      const recomputed = values[node.id];
      const shown = check.shown(row);
      if (!sameValue(shown, recomputed)) {
        mismatches.push({ sheetRow: body.row + r + 1, path: role.path, field: check.name, shown, recomputed });
      }
    }
  });

  return { ok: mismatches.length === 0 && checks.length > 0, checkedRows, checkedFields, uncheckedFields, mismatches };
}

/**
 * The (field, function) summaries `reconcile` compares: each plain value field's own function,
 * and every custom subtotal function the row fields show.
 *
 * @example reconcileNeeds(snapshot, hasColumn) // [{ field: 'Revenue', fn: 'Sum' }, ...]
 */
export function reconcileNeeds(snapshot: PivotSnapshot, hasColumn: (field: string) => boolean): Array<{ field: string; fn: PivotFunction }> {
  const custom = new Set<PivotFunction>();
  for (const f of snapshot.rows) for (const fn of f.subtotals) if (fn !== 'Automatic') custom.add(fn);
  return snapshot.data
    .filter((d) => (!d.showAs || d.showAs === 'None') && hasColumn(d.field))
    .flatMap((d) => [d.summarizeBy, ...custom].map((fn) => ({ field: d.field, fn })));
}
