import type { DatePart, DerivedField, Filter, Measure, QuerySpec, SourceRef } from '../../engine';
import type { ShowAs } from '../../engine/spec';
import { SHOW_AS_TITLE } from '../../engine';

/** A field on the rows or columns: a source field, or a date part of one (Year of Date). */
export interface AxisField {
  field: string;
  part?: DatePart;
}

/** What the builder edits; turned into a QuerySpec by draftToSpec. */
export interface Draft {
  rows: AxisField[];
  columns: AxisField[];
  measures: Measure[];
  filters: Filter[];
  /** Derived fields the builder does not edit (from a spec written elsewhere), kept as they are. */
  otherDerived: DerivedField[];
  subtotals: boolean;
  grandTotals: boolean;
}

export const EMPTY_DRAFT: Draft = { rows: [], columns: [], measures: [], filters: [], otherDerived: [], subtotals: true, grandTotals: true };

export const DATE_PART_LABEL: Record<DatePart, string> = {
  year: 'Year', quarter: 'Quarter', month: 'Month', isoWeek: 'Week', weekday: 'Weekday', day: 'Day',
};

/**
 * The name of a derived date part: "Year" when no source field is called that, else "Year of Date".
 * @example partName({ field: 'Date', part: 'year' }, ['Date', 'Revenue']) // 'Year'
 */
export function partName(axis: AxisField, sourceFields: readonly string[]): string {
  if (!axis.part) return axis.field;
  const plain = DATE_PART_LABEL[axis.part];
  const clash = sourceFields.some((f) => f.toLowerCase() === plain.toLowerCase());
  return clash ? `${plain} of ${axis.field}` : plain;
}

/**
 * The spec for a draft: date parts become derived fields, totals follow the switches.
 * @example draftToSpec({ kind: 'table', name: 'Sales' }, { ...EMPTY_DRAFT, rows: [{ field: 'Region' }], measures: [m] }, fields).rows // ['Region']
 */
export function draftToSpec(source: SourceRef, draft: Draft, sourceFields: readonly string[]): QuerySpec {
  const derived: DerivedField[] = [...draft.otherDerived];
  const axis = (a: AxisField): string => {
    if (!a.part) return a.field;
    const name = partName(a, sourceFields);
    if (!derived.some((d) => d.name.toLowerCase() === name.toLowerCase())) derived.push({ kind: 'datePart', name, field: a.field, part: a.part });
    return name;
  };
  const rows = draft.rows.map(axis);
  const columns = draft.columns.map(axis);
  const spec: QuerySpec = { version: 1, source, rows, measures: draft.measures };
  if (columns.length) spec.columns = columns;
  if (derived.length) spec.derived = derived;
  const filters = draft.filters.filter((f) => !isAllFilter(f));
  if (filters.length) spec.filters = filters;
  if (!draft.subtotals || !draft.grandTotals) {
    spec.totals = { subtotals: draft.subtotals, grandTotalRow: draft.grandTotals, grandTotalColumn: draft.grandTotals };
  }
  return spec;
}

/**
 * A saved spec back into a draft, for editing (date-part derived fields become axis date parts).
 * @example specToDraft(spec).rows // [{ field: 'Region' }]
 */
export function specToDraft(spec: QuerySpec): Draft {
  const parts = new Map<string, AxisField>();
  const otherDerived: DerivedField[] = [];
  for (const d of spec.derived ?? []) {
    if (d.kind === 'datePart') parts.set(d.name.toLowerCase(), { field: d.field, part: d.part });
    else otherDerived.push(d);
  }
  const axis = (name: string): AxisField => parts.get(name.toLowerCase()) ?? { field: name };
  const usedParts = new Set([...spec.rows, ...(spec.columns ?? [])].map((n) => n.toLowerCase()));
  // A date part used only by a filter or formula stays a plain derived field.
  for (const d of spec.derived ?? []) if (d.kind === 'datePart' && !usedParts.has(d.name.toLowerCase())) otherDerived.push(d);
  return {
    rows: spec.rows.map(axis),
    columns: (spec.columns ?? []).map(axis),
    measures: spec.measures,
    filters: spec.filters ?? [],
    otherDerived,
    subtotals: spec.totals?.subtotals ?? true,
    grandTotals: (spec.totals?.grandTotalRow ?? true) && (spec.totals?.grandTotalColumn ?? true),
  };
}

/** Show-as choices in Excel's "Show Values As" words (the engine's SHOW_AS_TITLE). */
export const SHOW_AS_CHOICES: Array<{ value: string; label: string; showAs?: ShowAs }> = [
  { value: 'none', label: 'No calculation (the value itself)' },
  ...([
    { kind: 'percentOfGrandTotal' }, { kind: 'percentOfRowTotal' }, { kind: 'percentOfColumnTotal' }, { kind: 'percentOfParentRow' },
    { kind: 'runningTotal' }, { kind: 'rank' }, { kind: 'differenceFromPrevious' }, { kind: 'percentDifferenceFromPrevious' },
  ] satisfies ShowAs[]).map((showAs) => ({ value: showAs.kind, label: SHOW_AS_TITLE[showAs.kind], showAs })),
  { value: 'movingAverage3', label: `${SHOW_AS_TITLE.movingAverage} (3 periods)`, showAs: { kind: 'movingAverage', periods: 3 } },
];

/**
 * A filter with no condition: Excel's "(All)" in the Filters area. It keeps the field there,
 * ready for a condition, and filters nothing, so draftToSpec leaves it out.
 * @example isAllFilter({ kind: 'in', field: 'Region', values: [], exclude: true }) // true
 */
export function isAllFilter(f: Filter): boolean {
  return f.kind === 'in' && f.exclude === true && f.values.length === 0;
}
