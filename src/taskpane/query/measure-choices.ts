import { measureTitle, type Measure } from '../../engine';
import type { FieldInfo } from './field-info';

export type MeasureKind = Measure['kind'];

/** A measure the picker offers, what it needs, and how its column is labelled by default. */
export interface MeasureChoice {
  kind: MeasureKind;
  title: string;
  /** One line saying which Excel function it follows. */
  help: string;
  needsField: boolean;
  /** Label of the second field (weight, divisor, order), when the measure needs one. */
  otherField?: string;
  needsP?: boolean;
  isFormula?: boolean;
  /** Counts are whole numbers whatever the field's format. */
  isCount?: boolean;
  label(field: string, other?: string, p?: number): string;
}

export const MEASURE_CHOICES: MeasureChoice[] = [
  { kind: 'sum', title: measureTitle('sum'), help: 'As SUM: text and blanks are skipped.', needsField: true, label: (f) => `Sum of ${f}` },
  { kind: 'count', title: measureTitle('count'), help: 'As COUNTA: non-blank cells.', needsField: true, isCount: true, label: (f) => `Count of ${f}` },
  { kind: 'average', title: measureTitle('average'), help: 'As AVERAGE.', needsField: true, label: (f) => `Average of ${f}` },
  { kind: 'median', title: measureTitle('median'), help: 'As MEDIAN: blanks and text are ignored.', needsField: true, label: (f) => `Median of ${f}` },
  { kind: 'percentile', title: measureTitle('percentile'), help: 'As PERCENTILE.INC: 0.9, 90 or 90% all mean the 90th percentile.', needsField: true, needsP: true, label: (f, _o, p) => (p === undefined || !Number.isFinite(p) ? `Percentile of ${f}` : `P${Math.round(p * 100)} of ${f}`) },
  { kind: 'distinctCount', title: measureTitle('distinctCount'), help: 'Different non-blank values; text compared ignoring case.', needsField: true, isCount: true, label: (f) => `Distinct ${f}` },
  { kind: 'min', title: measureTitle('min'), help: 'As MIN.', needsField: true, label: (f) => `Min of ${f}` },
  { kind: 'max', title: measureTitle('max'), help: 'As MAX.', needsField: true, label: (f) => `Max of ${f}` },
  { kind: 'mode', title: measureTitle('mode'), help: 'As MODE.SNGL: the first most frequent number.', needsField: true, label: (f) => `Mode of ${f}` },
  { kind: 'stdevSample', title: measureTitle('stdevSample'), help: 'As STDEV.S (sample).', needsField: true, label: (f) => `StDev of ${f}` },
  { kind: 'varSample', title: measureTitle('varSample'), help: 'As VAR.S (sample).', needsField: true, label: (f) => `Var of ${f}` },
  { kind: 'countNumbers', title: measureTitle('countNumbers'), help: 'As COUNT: cells holding numbers.', needsField: true, isCount: true, label: (f) => `Count numbers of ${f}` },
  { kind: 'weightedAverage', title: measureTitle('weightedAverage'), help: 'SUMPRODUCT(value, weight) / SUM(weight).', needsField: true, otherField: 'Weight', label: (f, o) => `${f} weighted by ${o ?? '…'}` },
  { kind: 'ratioOfSums', title: measureTitle('ratioOfSums'), help: 'SUM(field) / SUM(divisor), e.g. revenue per unit.', needsField: true, otherField: 'Divided by', label: (f, o) => `${f} per ${o ?? '…'}` },
  { kind: 'formula', title: measureTitle('formula'), help: 'Excel-like, e.g. SUM([Revenue]) / SUM([Units]).', needsField: false, isFormula: true, label: () => 'Custom measure' },
];

export function choiceOf(kind: MeasureKind): MeasureChoice {
  return MEASURE_CHOICES.find((c) => c.kind === kind) ?? MEASURE_CHOICES[0];
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
  if (choice.isFormula || choice.kind === 'ratioOfSums' || choice.kind === 'stdevSample' || choice.kind === 'varSample') return '#,##0.00';
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
