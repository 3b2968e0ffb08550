import { detectUnsupported, ExtensionError, valuesShownOnRows, type PivotDataFieldSnapshot, type PivotSnapshot } from '../../engine/pivot-extension';
import type { ExcelRun } from '../api';
import { readPivot } from './read-pivot';
import { readSourceShape } from './read-pivot-source';

export interface PivotDescription {
  snapshot: PivotSnapshot;
  /** Source column captions (for field pickers); empty when the source cannot be read. */
  sourceFields: string[];
  /** Why the pivot cannot be extended, explained; empty when it can. */
  problems: string[];
}

/**
 * What the pane shows after a pivot is picked: its fields, its source's columns, and any reason
 * it cannot be extended, found before a single source row is read (2 syncs).
 *
 * @example const { snapshot, sourceFields, problems } = await describePivot(host.run, 'SalesPivot', { canReadDataSource: true });
 */
export async function describePivot(run: ExcelRun, pivotName: string, options: { canReadDataSource: boolean; sheet?: string }): Promise<PivotDescription> {
  const read = await readPivot(run, pivotName, options);
  const snapshot = valuesShownOnRows(read) ? { ...read, valuesOnRows: true } : read;
  const early = detectUnsupported(snapshot);
  if (early.length > 0) return { snapshot, sourceFields: [], problems: early };
  try {
    const shape = await readSourceShape(run, snapshot);
    return { snapshot, sourceFields: shape.headers.filter((h) => h !== ''), problems: sourceProblems(snapshot, shape.headers) };
  } catch (error) {
    if (error instanceof ExtensionError) return { snapshot, sourceFields: [], problems: [error.message] };
    throw error;
  }
}

/** Excel's names for the fields its date grouping adds ("Years", "Quarters (Order date)"). */
const DATE_PARTS = /^(seconds|minutes|hours|days|months|quarters|years)(\s*\((.+)\))?$/i;

/**
 * Is `field` (not a column of the source) a grouped field rather than a calculated one? Office
 * does not say; what does: a calculated field can only be a value, so a field also on an axis
 * of this pivot is grouped; and Excel names the fields its groupings add after their base
 * column ("Region2", "Region3" for items grouped by hand) or after a date period ("Years",
 * "Months (Order date)").
 */
function isGroupedField(field: string, snapshot: PivotSnapshot, headers: readonly string[]): boolean {
  const lower = field.toLowerCase();
  if ([...snapshot.rows, ...snapshot.columns, ...snapshot.filters].some((f) => f.name.toLowerCase() === lower)) return true;
  const base = /^(.*?)\d+$/.exec(field)?.[1];
  if (base && headers.some((h) => String(h).toLowerCase() === base.toLowerCase())) return true;
  return DATE_PARTS.test(field.trim());
}

/**
 * detectUnsupported with the source's header, except that a value field over a grouped field is
 * said to be grouped (with the way out for groups), not "probably a calculated field".
 */
function sourceProblems(snapshot: PivotSnapshot, headers: readonly string[]): string[] {
  const known = new Set(headers.map((h) => String(h).toLowerCase()));
  const grouped = new Map<string, PivotDataFieldSnapshot[]>();
  for (const d of snapshot.data) {
    if (known.has(d.field.toLowerCase()) || !isGroupedField(d.field, snapshot, headers)) continue;
    grouped.set(d.field, [...(grouped.get(d.field) ?? []), d]);
  }
  if (grouped.size === 0) return detectUnsupported(snapshot, headers);
  // The grouped fields count as known here, so each gets one message below (also when it is on
  // an axis too), and every other problem is still found.
  const reasons = detectUnsupported(snapshot, [...headers, ...grouped.keys()]);
  for (const [field, values] of grouped) {
    const as = values.map((v) => `"${v.name}"`).join(', ');
    reasons.push(`"${snapshot.name}" uses the grouped field "${field}" (in ${as}): its groups are made in the PivotTable, not a column of its source. Ungroup it (PivotTable Analyze → Ungroup) or add a column to the source that holds the groups, then try again.`);
  }
  return reasons;
}
