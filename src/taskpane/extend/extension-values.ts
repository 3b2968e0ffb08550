/**
 * An extension's values in Excel's Fields-pane terms (issue 16 part 2), as pure functions: what
 * checking a source field adds, Value Field Settings read from an extension measure and turned
 * back into one, and the Values area's entries and moves. The query builder's Value Field
 * Settings (value-settings.ts) describe a value as summarize-by plus show-as; an extension stores
 * a show-as as its own kind based on a Sum of the field or on another of its columns (`of`), so
 * the translation lives here and the dialog is the same one.
 */
import { SHOW_AS_KINDS, type ExtensionMeasure, type MeasureKind } from '../../engine/pivot-extension';
import type { AreaEntry } from '../query/field-areas';
import type { FieldInfo } from '../query/field-info';
import { ALL_MEASURE_CHOICES, choiceOf, measureId, readPercentile, type MeasureChoice } from '../query/measure-choices';
import { SHOW_AS_CHOICES } from '../query/spec-draft';
import { defaultValueName, newValueSettings, valueProblems, type ValueSettings } from '../query/value-settings';

/** Show-as values of the dialog (SHOW_AS_CHOICES) and the extension kinds that compute them. */
const SHOW_AS_KIND: Readonly<Record<string, MeasureKind>> = {
  percentOfGrandTotal: 'percentOfGrandTotal',
  percentOfColumnTotal: 'percentOfColumnTotal',
  percentOfParentRow: 'percentOfParentRow',
  runningTotal: 'runningTotal',
  rank: 'rankInParent',
  differenceFromPrevious: 'differenceFromPrevious',
  percentDifferenceFromPrevious: 'percentDifferenceFromPrevious',
};

/**
 * "Show values as" for an extension: Excel's list where the extension computes it. Not "% of
 * Row Total" (an extension's measures are computed per pivot row across all its columns, so it
 * would always be 100%) nor the query's moving average.
 */
export const EXTENSION_SHOW_AS_CHOICES = SHOW_AS_CHOICES.filter((c) => c.value === 'none' || c.value in SHOW_AS_KIND);

/**
 * "Summarize by" for an extension: Sum (the base of a share, rank or running total; the pivot
 * shows a plain Sum itself) and every summary a native pivot lacks. Quartile is left out as in the
 * query builder: a percentile at 25%, 50% or 75% says the same.
 */
export const EXTENSION_SUMMARY_CHOICES: readonly MeasureChoice[] = ALL_MEASURE_CHOICES.filter((c) => c.kind === 'sum'
  || (!SHOW_AS_KINDS.has(c.kind) && !['count', 'countNumbers', 'average', 'quartile'].includes(c.kind)));

/**
 * The measure checking a field adds. Excel's own pivot already sums a number field and counts a
 * text one; what it lacks, and what people add PivotDeck for, is the median of a number (a typical
 * order, not skewed by one huge one) and the distinct count of anything else (how many different
 * customers) — a classic pivot over a range has no Distinct Count without the Data Model.
 *
 * @example measureForField({ name: 'Revenue', type: 'number', numberFormat: 'General', samples: [] }, []).label // 'Median of Revenue'
 * @example measureForField({ name: 'Customer', type: 'text', numberFormat: 'General', samples: [] }, []).label // 'Distinct Count of Customer'
 */
export function measureForField(field: FieldInfo, taken: readonly string[]): ExtensionMeasure {
  const kind: MeasureKind = field.type === 'number' ? 'median' : 'distinctCount';
  const label = choiceOf(kind).label(field.name);
  return { id: measureId(label, taken), label, kind, field: field.name };
}

/**
 * The measure's Value Field Settings. A show-as column reads as its base's summary (Sum of its
 * field, or the column it is based on) with the show-as chosen.
 *
 * @example settingsOfExtensionMeasure({ id: 'c', label: '% of Grand Total of Revenue', kind: 'percentOfGrandTotal', field: 'Revenue' }, []).showAs // 'percentOfGrandTotal'
 */
export function settingsOfExtensionMeasure(m: ExtensionMeasure, list: readonly ExtensionMeasure[]): ValueSettings {
  let read: ValueSettings;
  if (SHOW_AS_KINDS.has(m.kind)) {
    const base = m.of === undefined ? undefined : list.find((x) => x.id === m.of);
    const summary = base && !SHOW_AS_KINDS.has(base.kind) ? settingsOfExtensionMeasure(base, list) : newValueSettings(m.field ?? '');
    const showAs = Object.keys(SHOW_AS_KIND).find((k) => SHOW_AS_KIND[k] === m.kind) ?? 'none';
    read = { ...summary, showAs, format: m.numberFormat ?? '', name: m.label };
  } else {
    read = {
      ...newValueSettings(m.field ?? '', m.kind === 'quartile' ? 'percentile' : m.kind),
      other: m.otherField ?? '',
      p: m.p === undefined ? '0.9' : String(m.p),
      formula: m.formula ?? '',
      format: m.numberFormat ?? '',
      name: m.label,
    };
  }
  // A name PivotDeck gave is no custom name: it follows summarize-by and show-as, as in Excel.
  return read.name === defaultValueName({ ...read, name: '' }) ? { ...read, name: '' } : read;
}

/** Same summary: the same kind over the same inputs (the base a show-as column can use). */
function sameSummary(m: ExtensionMeasure, s: ValueSettings): boolean {
  if (SHOW_AS_KINDS.has(m.kind)) return false;
  const mine = settingsOfExtensionMeasure(m, []);
  const choice = choiceOf(s.kind);
  if (mine.kind !== s.kind) return false;
  if (choice.isFormula) return mine.formula.trim() === s.formula.trim();
  if (mine.field.toLowerCase() !== s.field.toLowerCase()) return false;
  if (choice.otherField && mine.other.toLowerCase() !== s.other.toLowerCase()) return false;
  return !choice.needsP || readPercentile(mine.p).p === readPercentile(s.p).p;
}

/**
 * What stops the settings making an extension measure, beyond the dialog's own checks (fields,
 * percentile, formula): a plain Sum (the pivot shows it itself), and a share, rank or difference
 * of a summary other than Sum, which needs that summary as a column of its own to be based on.
 *
 * @example extensionValueProblem(newValueSettings('Revenue'), [], undefined) // 'Sum of Revenue is what the PivotTable itself …'
 */
export function extensionValueProblem(s: ValueSettings, list: readonly ExtensionMeasure[], selfId: string | undefined): string | undefined {
  if (!(s.showAs === 'none' || s.showAs in SHOW_AS_KIND)) return 'PivotDeck cannot show an extension\'s column that way: choose another "Show as".';
  if (s.showAs === 'none') {
    if (s.kind === 'sum') return `${defaultValueName(s)} is what the PivotTable itself shows (drag ${s.field || 'the field'} to its Values). Choose another summary, or a "Show as" such as % of Grand Total.`;
    return undefined;
  }
  if (s.kind === 'sum') return undefined;
  if (list.some((m) => m.id !== selfId && sameSummary(m, s))) return undefined;
  const base = defaultValueName({ ...s, showAs: 'none', name: '' });
  return `"Show as" works on a Sum, or on another PivotDeck column of this PivotTable: add ${base} as a column first, then show it as a share here, or summarize by Sum.`;
}

/**
 * The extension measure the settings describe, or undefined while they have a problem. `id`
 * keeps an edited measure's id; a new one gets a readable id from its name.
 *
 * @example extensionMeasureOfSettings({ ...newValueSettings('Revenue'), kind: 'median' }, [], { taken: [] })
 * // { id: 'median_of_revenue', label: 'Median of Revenue', kind: 'median', field: 'Revenue' }
 */
export function extensionMeasureOfSettings(s: ValueSettings, list: readonly ExtensionMeasure[], ids: { id?: string; taken: readonly string[] }): ExtensionMeasure | undefined {
  if (Object.keys(valueProblems(s)).length > 0 || extensionValueProblem(s, list, ids.id) !== undefined) return undefined;
  const choice = choiceOf(s.kind);
  const label = s.name.trim() || defaultValueName(s);
  const format = s.format.trim();
  const base = { id: ids.id ?? measureId(label, ids.taken), label, ...(format ? { numberFormat: format } : {}) };
  const p = readPercentile(s.p).p;
  if (s.showAs !== 'none') {
    const kind = SHOW_AS_KIND[s.showAs]!; // checked by extensionValueProblem
    if (s.kind === 'sum') return { ...base, kind, field: s.field };
    const of = list.find((m) => m.id !== ids.id && sameSummary(m, s))!; // found by extensionValueProblem
    return { ...base, kind, of: of.id, ...(of.field ? { field: of.field } : {}) };
  }
  return {
    ...base,
    kind: s.kind,
    ...(choice.needsField ? { field: s.field } : {}),
    ...(choice.otherField ? { otherField: s.other } : {}),
    ...(choice.needsP && p !== undefined ? { p } : {}),
    ...(choice.isFormula ? { formula: s.formula } : {}),
  };
}

/**
 * The Values area's chips: one per measure, by its column header.
 * @example valueEntries([{ id: 'm1', label: 'Median of Revenue', kind: 'median', field: 'Revenue' }])[0].text // 'Median of Revenue'
 */
export function valueEntries(measures: readonly ExtensionMeasure[]): AreaEntry[] {
  return measures.map((m) => ({ id: `values:${m.id}`, area: 'values' as const, text: m.label, ...(m.field ? { field: m.field } : {}) }));
}

/**
 * The fields the extension reads, for the field list's checkboxes ("In Values").
 * @example extensionFieldsInUse([{ id: 'm1', label: 'Median of Revenue', kind: 'median', field: 'Revenue' }]).get('Revenue') // ['values']
 */
export function extensionFieldsInUse(measures: readonly ExtensionMeasure[], fields: readonly FieldInfo[]): Map<string, ['values']> {
  const out = new Map<string, ['values']>();
  const mark = (name: string | undefined) => {
    if (name === undefined) return;
    // Shown under the source's own spelling (the source lookup ignores case, as Excel does).
    const own = fields.find((f) => f.name.toLowerCase() === name.toLowerCase())?.name ?? name;
    out.set(own, ['values']);
  };
  measures.forEach((m) => { mark(m.field); mark(m.otherField); });
  return out;
}

/**
 * The sentence a screen reader hears after a value is moved: "P90 of Revenue moved to Values,
 * position 1 of 3."
 * @example moveMessage('P90 of Revenue', 0, 3) // 'P90 of Revenue moved to Values, position 1 of 3.'
 */
export function moveMessage(text: string, to: number, count: number): string {
  return `${text} moved to Values, position ${to + 1} of ${count}.`;
}

