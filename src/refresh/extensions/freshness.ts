/**
 * What an extension was computed against, and how to tell that it no longer holds. Pure: the
 * pivot part comes from a snapshot already read, the source part is the one source stamp
 * (../source-stamp.ts), made from the rows the extension read or from a cheap sample read.
 */
import type { PivotSnapshot } from '../../engine/pivot-extension';
import { fingerprint } from '../../excel/pivot/fingerprint';
import type { ComputedAgainst } from '../../model';
import { sampleChange, type SampleStamp } from '../source-stamp';

/** What the pane and the sheet say when the pivot changed. */
export const PIVOT_CHANGED = 'Out of date — the PivotTable changed';
/** What they say when only the pivot's source data changed. */
export const SOURCE_CHANGED = 'Out of date — the PivotTable\'s source data changed';

/**
 * The record of what a block is computed against: the pivot as read and the source's stamp.
 *
 * @example const against = computedAgainst(snapshot, stampOfSample(read.sample));
 */
export function computedAgainst(snapshot: PivotSnapshot, source: SampleStamp): ComputedAgainst {
  return {
    rows: snapshot.rows.map((f) => f.name),
    columns: snapshot.columns.map((f) => f.name),
    rowItemCount: snapshot.dataBody.rows,
    rowItems: fingerprint(snapshot.rowLabels.values),
    values: fingerprint([snapshot.data.map((d) => [d.name, d.field, d.summarizeBy, d.showAs]), snapshot.dataBody.values]),
    // Only fields with hidden items: taking a field off the pivot is a field change, not a filter change.
    filters: fingerprint([...snapshot.rows, ...snapshot.columns, ...snapshot.filters]
      .map((f) => [f.name, f.items.filter((i) => !i.visible).map((i) => i.name)] as const)
      .filter(([, hidden]) => hidden.length > 0)),
    sourceRows: source.rows,
    // Both hold the one stamp's hash; `source` stays filled for PivotDeck versions that require it
    // (they compare it with their 64-row fingerprint, which never matches: "changed", not a false "Up to date").
    source: source.sample,
    sourceSample: source.sample,
  };
}

/**
 * Whether a record holds the one source stamp (else the older 64-row fingerprint). An older
 * PivotDeck that re-saves the document drops `sourceSample`, which it does not know; the hash it
 * leaves in `source` is still told apart by its length (8 hex digits; the older form has 16).
 *
 * @example hasSampleStamp(ext.computedAgainst) // true for blocks written by this version
 */
export function hasSampleStamp(record: ComputedAgainst): boolean {
  return record.sourceSample !== undefined || /^[0-9a-f]{8}$/.test(record.source);
}

/** The stamp a record holds (in whichever form it was made). */
function sourceStampOf(record: ComputedAgainst): SampleStamp {
  return { rows: record.sourceRows, sample: record.sourceSample ?? record.source };
}

/**
 * Plain-words reasons `now` differs from `then`; empty when nothing PivotDeck reads changed.
 * Pivot reasons come first: they are what makes a block misaligned. `now`'s source stamp must be
 * in the form `then` holds (see {@link hasSampleStamp}); two forms never compare equal.
 *
 * @example staleReasons(then, now); // ['the row fields changed: Category was removed']
 */
export function staleReasons(then: ComputedAgainst, now: ComputedAgainst): { pivot: string[]; source: string[] } {
  const pivot: string[] = [];
  const fieldChange = (what: string, before: string[], after: string[]) => {
    if (before.join('\u0000') === after.join('\u0000')) return;
    const removed = before.filter((f) => !after.includes(f));
    const added = after.filter((f) => !before.includes(f));
    const parts = [
      ...(removed.length ? [`${list(removed)} ${removed.length === 1 ? 'was' : 'were'} removed`] : []),
      ...(added.length ? [`${list(added)} ${added.length === 1 ? 'was' : 'were'} added`] : []),
    ];
    pivot.push(`the ${what} fields changed: ${parts.length ? parts.join(', ') : 'their order changed'}`);
  };
  fieldChange('row', then.rows, now.rows);
  fieldChange('column', then.columns, now.columns);
  if (then.filters !== now.filters) pivot.push('a filter of the PivotTable changed');
  if (then.rowItemCount !== now.rowItemCount) pivot.push(`the PivotTable shows ${now.rowItemCount} row${now.rowItemCount === 1 ? '' : 's'} now (it showed ${then.rowItemCount})`);
  else if (then.rowItems !== now.rowItems) pivot.push('the PivotTable\'s row labels changed');
  if (then.values !== now.values) pivot.push('the PivotTable\'s numbers changed');
  const source: string[] = [];
  const change = sampleChange(sourceStampOf(then), sourceStampOf(now));
  if (change === 'rows') source.push(`the source data has ${now.sourceRows} row${now.sourceRows === 1 ? '' : 's'} now (it had ${then.sourceRows})`);
  else if (change) source.push('the source data changed');
  return { pivot, source };
}

/**
 * The headline for a list of reasons: the pivot's change first, else the source's.
 * @example headline({ pivot: ['…'], source: [] }); // 'Out of date — the PivotTable changed'
 */
export function headline(reasons: { pivot: string[]; source: string[] }): string {
  return reasons.pivot.length > 0 ? PIVOT_CHANGED : SOURCE_CHANGED;
}

function list(names: string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
