/**
 * The one measure catalogue both pane editors show (the query builder's Values and the pivot
 * extension's measure editor), derived from the engine's vocabulary: titles, inputs and default
 * column names come from there; only the one-line help and the second field's label are words of
 * the pane.
 */
import { MEASURE_KINDS, MEASURE_VOCABULARY, measureOutputName, type MeasureKind } from '../../engine';
import type { FieldInfo } from './field-info';

export type { MeasureKind } from '../../engine';

/** A measure a picker offers, what it needs, and how its column is named by default. */
export interface MeasureChoice {
  kind: MeasureKind;
  /** Shown in the picker: the vocabulary's title. */
  title: string;
  /** One line under the picker, e.g. which Excel function the measure follows. */
  help: string;
  needsField: boolean;
  /** Label of the second field (weight, divisor, order), when the measure needs one. */
  otherField?: string;
  /** The second field must be chosen (every two-field measure needs it). */
  otherRequired?: boolean;
  needsP?: boolean;
  isFormula?: boolean;
  /** Counts are whole numbers whatever the field's format. */
  isCount?: boolean;
  /** The default column name, as Excel names value fields ("Median of Revenue"). */
  label(field: string, other?: string, p?: number): string;
}

/** The one line of help under the picker, per kind: which Excel function it follows and how. */
const HELP: Readonly<Record<MeasureKind, string>> = {
  sum: 'As SUM: text and blanks are skipped.',
  count: 'As COUNTA: non-blank cells (DAX COUNTROWS when the field is never blank).',
  countNumbers: 'As COUNT: cells holding numbers.',
  average: 'As AVERAGE.',
  min: 'As MIN.',
  max: 'As MAX.',
  product: 'As PRODUCT.',
  median: 'As MEDIAN: blanks and text are ignored.',
  percentile: 'As PERCENTILE.INC: 0.9, 90 or 90% all mean the 90th percentile.',
  quartile: 'As QUARTILE.INC: 0.25, 0.5 or 0.75 (PERCENTILE.INC interpolation).',
  distinctCount: 'Different non-blank values; text compared ignoring case (DAX DISTINCTCOUNT would also count a blank).',
  mode: 'As MODE.SNGL: the first most frequent number; #N/A if none repeats.',
  stdevSample: 'As STDEV.S (sample).',
  stdevPopulation: 'As STDEV.P (population).',
  varSample: 'As VAR.S (sample).',
  varPopulation: 'As VAR.P (population).',
  first: 'The value on the row with the smallest order value (e.g. the earliest date).',
  last: 'The value on the row with the largest order value (e.g. the latest date).',
  weightedAverage: 'SUMPRODUCT(value, weight) / SUM(weight) over rows where both are numbers.',
  ratioOfSums: 'SUM(field) / SUM(divisor), e.g. revenue per unit.',
  percentOfGrandTotal: 'Sum of the field as % of the grand total.',
  percentOfParentRow: 'Sum of the field as % of the parent row.',
  percentOfColumnTotal: 'Measures are computed per row across all columns, so this equals the share of the grand total.',
  runningTotal: 'Sum of the field, accumulated down the rows within the parent group.',
  rankInParent: 'Rank of the sum within the parent group, largest = 1 (ties share a rank).',
  differenceFromPrevious: 'Sum minus the previous item\'s sum (e.g. year over year when rows are years).',
  percentDifferenceFromPrevious: '(Sum − previous) / previous.',
  formula: 'Excel-like, e.g. SUM([Revenue]) / SUM([Units]).',
};

/** The second field's label for two-field kinds. */
const OTHER_FIELD: Readonly<Partial<Record<MeasureKind, string>>> = {
  first: 'Order by', last: 'Order by', weightedAverage: 'Weight', ratioOfSums: 'Divided by',
};

const COUNTS: ReadonlySet<MeasureKind> = new Set(['count', 'countNumbers', 'distinctCount']);

function choiceFor(kind: MeasureKind): MeasureChoice {
  const term = MEASURE_VOCABULARY[kind];
  const choice: MeasureChoice = {
    kind,
    title: term.title,
    help: HELP[kind],
    needsField: term.inputs !== 'formula',
    label: (field, other, p) => measureOutputName(kind, field, other, p),
  };
  if (term.inputs === 'fieldAndOther') Object.assign(choice, { otherField: OTHER_FIELD[kind] ?? 'Second field', otherRequired: true });
  if (term.inputs === 'fieldAndP') choice.needsP = true;
  if (term.inputs === 'formula') choice.isFormula = true;
  if (COUNTS.has(kind)) choice.isCount = true;
  return choice;
}

/** Every measure of the vocabulary, in its order. */
export const ALL_MEASURE_CHOICES: readonly MeasureChoice[] = MEASURE_KINDS.map(choiceFor);

/**
 * What the query builder offers: the kinds a query spec accepts, except quartile (a percentile
 * at 0.25, 0.5 or 0.75 says the same, with one input less to learn).
 */
export const MEASURE_CHOICES: MeasureChoice[] = ALL_MEASURE_CHOICES.filter((c) => MEASURE_VOCABULARY[c.kind].inQuery && c.kind !== 'quartile');

/** What the pivot extension offers: everything but what a native PivotTable already does. */
export const EXTENSION_MEASURE_CHOICES: MeasureChoice[] = ALL_MEASURE_CHOICES.filter((c) => !['sum', 'count', 'countNumbers', 'average'].includes(c.kind));

/**
 * The catalogue entry of a kind (any kind of the vocabulary).
 * @example choiceOf('median').label('Revenue') // 'Median of Revenue'
 */
export function choiceOf(kind: MeasureKind): MeasureChoice {
  return ALL_MEASURE_CHOICES.find((c) => c.kind === kind) ?? ALL_MEASURE_CHOICES[0];
}

/**
 * A number format that suits a measure: whole numbers for counts, the field's own format
 * (currency, decimals) for sums, medians and percentiles, "#,##0.00" for ratios and spreads, and
 * a percentage for a ratio of like quantities (cost / revenue, both in the same currency format),
 * which is a share: 30%, not 0.30.
 * @example defaultFormat(choiceOf('distinctCount'), undefined) // '#,##0'
 */
export function defaultFormat(choice: MeasureChoice, field: FieldInfo | undefined, other?: FieldInfo): string | undefined {
  if (choice.isCount) return '#,##0';
  if (choice.kind === 'ratioOfSums' && field && other && likeQuantities(field, other)) return '0.0%';
  if (choice.isFormula || choice.kind === 'ratioOfSums' || choice.kind === 'stdevSample' || choice.kind === 'varSample'
    || choice.kind === 'stdevPopulation' || choice.kind === 'varPopulation') return '#,##0.00';
  if (field && field.type === 'number' && field.numberFormat !== 'General') return field.numberFormat;
  return undefined;
}

/**
 * A short unique id for a measure label ("Median of Revenue" → "median_of_revenue", "…_2").
 * @example measureId('P90 of Revenue', []) // 'p90_of_revenue'
 */
export function measureId(label: string, taken: readonly string[]): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'measure';
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let id = /^[0-9]/.test(base) ? `m_${base}` : base;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** Two number fields with the same non-General format measure the same kind of quantity. */
function likeQuantities(a: FieldInfo, b: FieldInfo): boolean {
  return a.type === 'number' && b.type === 'number' && a.numberFormat !== 'General' && a.numberFormat === b.numberFormat;
}

/**
 * The field a new value starts on: the first number field (a value is usually a sum of one), then
 * a mixed one, then whatever comes first, so the form does not open on "Median of Date".
 * @example defaultMeasureField([{ name: 'Date', type: 'date', numberFormat: 'yyyy-mm-dd', samples: [] }, { name: 'Revenue', type: 'number', numberFormat: 'General', samples: [] }]) // 'Revenue'
 */
export function defaultMeasureField(fields: readonly FieldInfo[]): string {
  return (fields.find((f) => f.type === 'number') ?? fields.find((f) => f.type === 'mixed') ?? fields[0])?.name ?? '';
}

/** A percentile as typed, read: p between 0 and 1, or a message saying what to type. */
export type PercentileReading = { p: number; note?: string; error?: undefined } | { p?: undefined; note?: undefined; error: string };

/**
 * Reads what a user types for a percentile: "0.9", "90" and "90%" all mean 0.9, as people say
 * "the 90th percentile"; a number above 1 and at most 100 is read as a percentage, and the note
 * says so.
 * @example readPercentile('90') // { p: 0.9, note: 'Read as 90%, that is p = 0.9.' }
 * @example readPercentile('0.25').p // 0.25
 */
export function readPercentile(text: string): PercentileReading {
  const trimmed = text.trim().replace(/,/g, '.');
  const percent = trimmed.endsWith('%');
  const value = Number((percent ? trimmed.slice(0, -1) : trimmed).trim());
  const error = 'Enter a percentile from 0 to 100 (e.g. 90 or 90%), or p from 0 to 1 (e.g. 0.9).';
  if (trimmed === '' || (percent && trimmed.length === 1) || !Number.isFinite(value) || value < 0) return { error };
  if (percent || value > 1) {
    if (value > 100) return { error };
    const p = value / 100;
    return { p, note: `Read as ${value}%, that is p = ${p}.` };
  }
  return { p: value };
}
