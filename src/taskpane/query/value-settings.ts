/**
 * Value Field Settings as plain data: what the "Add a value" form and the settings dialog edit
 * (summarize by, its field and inputs, show values as, number format, custom name), read from a
 * measure and turned back into one. Pure, so both the form and the dialog share one set of rules
 * and every rule is unit-tested without React.
 */
import { showAsOutputName, type Measure, type ShowAsKind } from '../../engine';
import type { FieldInfo } from './field-info';
import { formulaAliases } from './formula-help';
import { choiceOf, defaultFormat, measureId, readPercentile, type MeasureKind } from './measure-choices';
import { SHOW_AS_CHOICES } from './spec-draft';

/** What the user edits about one value, as typed. */
export interface ValueSettings {
  kind: MeasureKind;
  field: string;
  /** The second field (weight, divisor, order), '' when none. */
  other: string;
  /** The percentile as typed ("90", "90%", "0.9"). */
  p: string;
  formula: string;
  /** A SHOW_AS_CHOICES value; 'none' for the value itself. */
  showAs: string;
  /** A number format code; '' lets PivotDeck choose one that suits the measure. */
  format: string;
  /** The custom name; '' uses the default name. */
  name: string;
}

/** A few of Excel's number formats, by what they look like; "Custom…" takes any format code. */
export const NUMBER_FORMAT_CHOICES: ReadonlyArray<{ value: string; label: string }> = [
  { value: '', label: 'Automatic (suits the measure)' },
  { value: 'General', label: 'General (1234.5)' },
  { value: '#,##0', label: 'Number, no decimals (1,235)' },
  { value: '#,##0.00', label: 'Number, 2 decimals (1,234.50)' },
  { value: '$#,##0.00', label: 'Currency ($1,234.50)' },
  { value: '0.0%', label: 'Percentage (12.3%)' },
  { value: '0.00E+00', label: 'Scientific (1.23E+03)' },
  { value: 'yyyy-mm-dd', label: 'Date (2025-03-31)' },
];

/** The value of the "Custom…" entry of the format picker. */
export const CUSTOM_FORMAT = 'custom';

/**
 * Which entry of the format picker shows a format code: its own, else "Custom…".
 * @example formatChoiceOf('#,##0') // '#,##0'
 * @example formatChoiceOf('0.000') // 'custom'
 */
export function formatChoiceOf(format: string): string {
  return NUMBER_FORMAT_CHOICES.some((c) => c.value === format) ? format : CUSTOM_FORMAT;
}

/**
 * Fresh settings for a new value on a field: Sum, as Excel starts a value.
 * @example newValueSettings('Revenue').kind // 'sum'
 */
export function newValueSettings(field: string, kind: MeasureKind = 'sum'): ValueSettings {
  return { kind, field, other: '', p: '0.9', formula: '', showAs: 'none', format: '', name: '' };
}

/**
 * The settings a measure was made with, for editing it.
 * @example settingsOfMeasure({ id: 'm', kind: 'median', field: 'Revenue' }).kind // 'median'
 */
export function settingsOfMeasure(m: Measure): ValueSettings {
  const base = newValueSettings('field' in m ? m.field : '', m.kind === 'quartile' ? 'percentile' : m.kind);
  const showAs = SHOW_AS_CHOICES.find((c) => c.showAs && c.showAs.kind === m.showAs?.kind && sameShowAs(c.showAs, m.showAs))?.value ?? 'none';
  const read: ValueSettings = {
    ...base,
    other: 'otherField' in m ? m.otherField : '',
    p: m.kind === 'percentile' ? String(m.p) : m.kind === 'quartile' ? String(m.quartile / 4) : base.p,
    formula: m.kind === 'formula' ? m.formula : '',
    showAs,
    format: m.numberFormat ?? '',
    name: m.label ?? '',
  };
  // A name PivotDeck gave is no custom name: it follows summarize-by and show-as, as in Excel.
  return read.name === defaultValueName({ ...read, name: '' }) ? { ...read, name: '' } : read;
}

function sameShowAs(a: object, b: object | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The name a value gets when the user types none, as Excel names value fields:
 * "Sum of Revenue", "Median of Revenue", "% of Row Total of Revenue".
 * @example defaultValueName({ ...newValueSettings('Revenue'), showAs: 'percentOfRowTotal' }) // '% of Row Total of Revenue'
 */
export function defaultValueName(s: ValueSettings): string {
  const choice = choiceOf(s.kind);
  const p = choice.needsP ? readPercentile(s.p).p : undefined;
  const shown = SHOW_AS_CHOICES.find((c) => c.value === s.showAs)?.showAs;
  if (shown && !choice.isFormula) return showAsOutputName(shown.kind as ShowAsKind, s.kind, s.field, s.other || undefined, p);
  return choice.label(s.field, s.other || undefined, p);
}

/** What is wrong with the settings, by input; empty when they make a value. */
export interface ValueProblems {
  field?: string;
  other?: string;
  p?: string;
  formula?: string;
  format?: string;
}

/**
 * Problems with the settings that stop them making a value (formula problems are checked by the
 * caller, which knows the fields a formula may use).
 * @example valueProblems({ ...newValueSettings('Revenue'), kind: 'percentile', p: '150' }).p // 'Enter a percentile from 0 to 100 …'
 */
export function valueProblems(s: ValueSettings): ValueProblems {
  const choice = choiceOf(s.kind);
  const out: ValueProblems = {};
  if (choice.needsField && !s.field) out.field = 'Choose a field.';
  if (choice.otherField && !s.other) out.other = `Choose a field for "${choice.otherField}".`;
  if (choice.needsP) {
    const read = readPercentile(s.p);
    if (read.error) out.p = read.error;
  }
  if (choice.isFormula && s.formula.trim() === '') out.formula = 'Type a formula, e.g. SUM([Revenue]) / SUM([Units]).';
  if (s.format.length > 255) out.format = 'A number format has at most 255 characters.';
  return out;
}

/**
 * The measure the settings describe, or undefined while they have a problem. `id` keeps an
 * edited value's id; a new one gets a unique id from its name.
 * @example measureOfSettings(newValueSettings('Revenue'), fields, { taken: [] })?.label // 'Sum of Revenue'
 */
export function measureOfSettings(s: ValueSettings, fields: readonly FieldInfo[], ids: { id?: string; taken: readonly string[] }): Measure | undefined {
  if (Object.keys(valueProblems(s)).length) return undefined;
  // Names from Excel or DAX are saved as PivotDeck's (COUNTROWS() as COUNTA(1)): one vocabulary stored.
  if (s.kind === 'formula') s = { ...s, formula: formulaAliases(s.formula).text };
  const choice = choiceOf(s.kind);
  const name = s.name.trim() || defaultValueName(s);
  const shown = SHOW_AS_CHOICES.find((c) => c.value === s.showAs)?.showAs;
  // Shown-as values are shares, ranks or differences: the field's own format would mislead, and
  // the engine picks one that suits each show-as (assemble-result's defaultFormat).
  const automatic = shown ? undefined
    : defaultFormat(choice, fields.find((f) => f.name === s.field), fields.find((f) => f.name === s.other));
  const format = s.format.trim() || automatic;
  const base = {
    id: ids.id ?? measureId(name, ids.taken),
    label: name,
    ...(format ? { numberFormat: format } : {}),
    ...(shown ? { showAs: shown } : {}),
  };
  switch (s.kind) {
    case 'formula': return { ...base, kind: 'formula', formula: s.formula };
    case 'percentile': return { ...base, kind: 'percentile', field: s.field, p: readPercentile(s.p).p ?? 0.5 };
    case 'quartile': return { ...base, kind: 'quartile', field: s.field, quartile: Math.round((readPercentile(s.p).p ?? 0.5) * 4) };
    case 'weightedAverage': case 'ratioOfSums': case 'first': case 'last':
      return { ...base, kind: s.kind, field: s.field, otherField: s.other };
    case 'percentOfGrandTotal': case 'percentOfParentRow': case 'percentOfColumnTotal': case 'runningTotal': case 'rankInParent':
    case 'differenceFromPrevious': case 'percentDifferenceFromPrevious':
      // The pivot extension's show-as kinds; a query says show-as with `showAs` instead.
      return undefined;
    default: return { ...base, kind: s.kind, field: s.field };
  }
}
