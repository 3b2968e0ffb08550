import type { PivotSnapshot } from './types';
import { valuesShownOnRows } from './values-on-rows';

/** Source types PivotDeck can read: a table or a range in this workbook. */
export const READABLE_SOURCES: ReadonlySet<string> = new Set(['LocalTable', 'LocalRange']);

/**
 * Reasons this pivot cannot be extended correctly, in words a user can act on; empty when it can.
 * Checked before any source data is read so an OLAP pivot costs nothing. Pass `headers` once
 * the source header row is known to also catch grouped and calculated fields.
 *
 * @example detectUnsupported({ ...snapshot, source: { type: 'DataModel', text: '' } })
 * // ['"Sales" gets its data from the Data Model ...']
 */
export function detectUnsupported(snapshot: PivotSnapshot, headers?: readonly string[]): string[] {
  const reasons: string[] = [];
  const name = `"${snapshot.name}"`;
  if (!READABLE_SOURCES.has(snapshot.source.type)) {
    reasons.push(`${name} gets its data from ${describeSource(snapshot.source.type)}, not from a table or range in this workbook. PivotDeck can only recompute pivots built on a local table or range.`);
  }
  // Every reader's path (describe, extend, refresh) catches it, with a column field too.
  if (valuesShownOnRows(snapshot)) {
    reasons.push(`${name} shows its value fields as rows (Σ Values in Rows). Move Σ Values to Columns in the PivotTable Fields pane, then try again.`);
  }
  if (snapshot.data.length === 0) {
    reasons.push(`${name} has no value fields. Add one (e.g. Sum of a number field) so PivotDeck can check its rows against Excel's numbers.`);
  }
  if (headers) {
    const known = new Set(headers.map((h) => String(h).toLowerCase()));
    const fields = [...snapshot.rows, ...snapshot.columns, ...snapshot.filters];
    for (const field of fields) {
      if (!known.has(field.name.toLowerCase())) {
        reasons.push(`${name} uses the field "${field.name}", which is not a column of its source: it is probably grouped (dates by month/year, numbers into ranges). Ungroup it (PivotTable Analyze → Ungroup) or add a column to the source that holds the groups.`);
      }
    }
    for (const data of snapshot.data) {
      if (!known.has(data.field.toLowerCase())) {
        reasons.push(`${name} uses "${data.name}", which is not a column of its source: it is probably a calculated field. PivotDeck cannot recompute calculated fields; remove it or compute it in the source.`);
      }
    }
  }
  return reasons;
}

function describeSource(type: string): string {
  switch (type) {
    case 'DataModel': return 'the Data Model (Power Pivot)';
    case 'Unknown': return 'a source Excel does not describe (an external connection or OLAP cube)';
    default: return `a source of type "${type}"`;
  }
}
