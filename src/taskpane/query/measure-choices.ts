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
  { kind: 'percentile', title: measureTitle('percentile'), help: 'As PERCENTILE.INC (p between 0 and 1, e.g. 0.9 for p90).', needsField: true, needsP: true, label: (f, _o, p) => `P${Math.round((p ?? 0) * 100)} of ${f}` },
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
 * (currency, decimals) for sums, medians and percentiles, "#,##0.00" for ratios and spreads.
 * @example defaultFormat(choiceOf('distinctCount'), undefined) // '#,##0'
 */
export function defaultFormat(choice: MeasureChoice, field: FieldInfo | undefined): string | undefined {
  if (choice.isCount) return '#,##0';
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
