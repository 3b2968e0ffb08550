import { measureTitle, type MeasureKind } from '../../engine';

/** What the measure picker offers and which inputs each measure needs. */
export interface MeasureChoice {
  kind: MeasureKind;
  /** Shown in the picker: the vocabulary's title. */
  title: string;
  /** One line under the picker, e.g. which Excel function the measure follows. */
  help: string;
  needsField: boolean;
  /** Label of the second field input, when the measure needs one. */
  otherField?: string;
  otherRequired?: boolean;
  needsP?: boolean;
  isFormula?: boolean;
  /** Default header, from the field names. */
  label(field: string, other?: string, p?: number): string;
}

const pct = (p?: number) => `${Math.round((p ?? 0) * 100)}`;

export const MEASURE_CHOICES: MeasureChoice[] = [
  { kind: 'median', title: measureTitle('median'), help: 'As MEDIAN: blanks and text are ignored.', needsField: true, label: (f) => `Median of ${f}` },
  { kind: 'percentile', title: measureTitle('percentile'), help: 'PERCENTILE.INC interpolation (p between 0 and 1, e.g. 0.9 for p90).', needsField: true, needsP: true, label: (f, _o, p) => `P${pct(p)} of ${f}` },
  { kind: 'quartile', title: measureTitle('quartile'), help: 'QUARTILE.INC: 0.25, 0.5 or 0.75 (PERCENTILE.INC interpolation).', needsField: true, needsP: true, label: (f, _o, p) => `Q${Math.round((p ?? 0.25) * 4)} of ${f}` },
  { kind: 'distinctCount', title: measureTitle('distinctCount'), help: 'Different non-blank values; text compared ignoring case.', needsField: true, label: (f) => `Distinct ${f}` },
  { kind: 'mode', title: measureTitle('mode'), help: 'As MODE.SNGL: the first most frequent number; #N/A if none repeats.', needsField: true, label: (f) => `Mode of ${f}` },
  { kind: 'stdevSample', title: measureTitle('stdevSample'), help: 'As STDEV.S.', needsField: true, label: (f) => `StDev of ${f}` },
  { kind: 'stdevPopulation', title: measureTitle('stdevPopulation'), help: 'As STDEV.P.', needsField: true, label: (f) => `StDevP of ${f}` },
  { kind: 'varSample', title: measureTitle('varSample'), help: 'As VAR.S.', needsField: true, label: (f) => `Var of ${f}` },
  { kind: 'varPopulation', title: measureTitle('varPopulation'), help: 'As VAR.P.', needsField: true, label: (f) => `VarP of ${f}` },
  { kind: 'product', title: measureTitle('product'), help: 'As PRODUCT.', needsField: true, label: (f) => `Product of ${f}` },
  { kind: 'min', title: measureTitle('min'), help: 'As MIN.', needsField: true, label: (f) => `Min of ${f}` },
  { kind: 'max', title: measureTitle('max'), help: 'As MAX.', needsField: true, label: (f) => `Max of ${f}` },
  { kind: 'first', title: measureTitle('first'), help: 'The value on the row with the smallest order value (e.g. the earliest date).', needsField: true, otherField: 'Order by', label: (f, o) => `First ${f}${o ? ` by ${o}` : ''}` },
  { kind: 'last', title: measureTitle('last'), help: 'The value on the row with the largest order value (e.g. the latest date).', needsField: true, otherField: 'Order by', label: (f, o) => `Last ${f}${o ? ` by ${o}` : ''}` },
  { kind: 'weightedAverage', title: measureTitle('weightedAverage'), help: 'SUMPRODUCT(value, weight) / SUM(weight) over rows where both are numbers.', needsField: true, otherField: 'Weight', otherRequired: true, label: (f, o) => `${f} weighted by ${o ?? '…'}` },
  { kind: 'ratioOfSums', title: measureTitle('ratioOfSums'), help: 'SUM(numerator) / SUM(denominator), e.g. revenue per unit.', needsField: true, otherField: 'Divided by', otherRequired: true, label: (f, o) => `${f} per ${o ?? '…'}` },
  { kind: 'percentOfGrandTotal', title: measureTitle('percentOfGrandTotal'), help: 'Sum of the field as % of the grand total.', needsField: true, label: (f) => `% of total ${f}` },
  { kind: 'percentOfParentRow', title: measureTitle('percentOfParentRow'), help: 'Sum of the field as % of the parent row.', needsField: true, label: (f) => `% of parent ${f}` },
  { kind: 'percentOfColumnTotal', title: measureTitle('percentOfColumnTotal'), help: 'Measures are computed per row across all columns, so this equals the share of the grand total.', needsField: true, label: (f) => `% of column ${f}` },
  { kind: 'runningTotal', title: measureTitle('runningTotal'), help: 'Sum of the field, accumulated down the rows within the parent group.', needsField: true, label: (f) => `Running ${f}` },
  { kind: 'rankInParent', title: measureTitle('rankInParent'), help: 'Rank of the sum within the parent group, largest = 1 (ties share a rank).', needsField: true, label: (f) => `Rank of ${f}` },
  { kind: 'differenceFromPrevious', title: measureTitle('differenceFromPrevious'), help: 'Sum minus the previous item\'s sum (e.g. year over year when rows are years).', needsField: true, label: (f) => `Δ ${f}` },
  { kind: 'percentDifferenceFromPrevious', title: measureTitle('percentDifferenceFromPrevious'), help: '(Sum − previous) / previous.', needsField: true, label: (f) => `Δ% ${f}` },
  { kind: 'formula', title: measureTitle('formula'), help: 'Excel-like, e.g. SUM([Revenue]) / SUM([Units]).', needsField: false, isFormula: true, label: () => 'Custom measure' },
];

export function choiceOf(kind: MeasureKind): MeasureChoice {
  return MEASURE_CHOICES.find((c) => c.kind === kind) ?? MEASURE_CHOICES[0];
}
