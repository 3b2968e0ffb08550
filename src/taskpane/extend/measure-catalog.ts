import type { MeasureKind } from '../../engine/pivot-extension';

/** What the measure picker offers and which inputs each measure needs. */
export interface MeasureChoice {
  kind: MeasureKind;
  /** Shown in the picker. */
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
  { kind: 'median', title: 'Median', help: 'As MEDIAN: blanks and text are ignored.', needsField: true, label: (f) => `Median of ${f}` },
  { kind: 'percentile', title: 'Percentile', help: 'PERCENTILE.INC interpolation (p between 0 and 1, e.g. 0.9 for p90).', needsField: true, needsP: true, label: (f, _o, p) => `P${pct(p)} of ${f}` },
  { kind: 'quartile', title: 'Quartile', help: 'QUARTILE.INC: 0.25, 0.5 or 0.75 (PERCENTILE.INC interpolation).', needsField: true, needsP: true, label: (f, _o, p) => `Q${Math.round((p ?? 0.25) * 4)} of ${f}` },
  { kind: 'distinctCount', title: 'Distinct count', help: 'Different non-blank values; text compared ignoring case.', needsField: true, label: (f) => `Distinct ${f}` },
  { kind: 'mode', title: 'Mode', help: 'As MODE.SNGL: the first most frequent number; #N/A if none repeats.', needsField: true, label: (f) => `Mode of ${f}` },
  { kind: 'stdevSample', title: 'Standard deviation (sample)', help: 'As STDEV.S.', needsField: true, label: (f) => `StDev of ${f}` },
  { kind: 'stdevPopulation', title: 'Standard deviation (population)', help: 'As STDEV.P.', needsField: true, label: (f) => `StDevP of ${f}` },
  { kind: 'varSample', title: 'Variance (sample)', help: 'As VAR.S.', needsField: true, label: (f) => `Var of ${f}` },
  { kind: 'varPopulation', title: 'Variance (population)', help: 'As VAR.P.', needsField: true, label: (f) => `VarP of ${f}` },
  { kind: 'product', title: 'Product', help: 'As PRODUCT.', needsField: true, label: (f) => `Product of ${f}` },
  { kind: 'min', title: 'Min', help: 'As MIN.', needsField: true, label: (f) => `Min of ${f}` },
  { kind: 'max', title: 'Max', help: 'As MAX.', needsField: true, label: (f) => `Max of ${f}` },
  { kind: 'first', title: 'First (by a field)', help: 'The value on the row with the smallest order value (e.g. the earliest date).', needsField: true, otherField: 'Order by', label: (f, o) => `First ${f}${o ? ` by ${o}` : ''}` },
  { kind: 'last', title: 'Last (by a field)', help: 'The value on the row with the largest order value (e.g. the latest date).', needsField: true, otherField: 'Order by', label: (f, o) => `Last ${f}${o ? ` by ${o}` : ''}` },
  { kind: 'weightedAverage', title: 'Weighted average', help: 'SUMPRODUCT(value, weight) / SUM(weight) over rows where both are numbers.', needsField: true, otherField: 'Weight', otherRequired: true, label: (f, o) => `${f} weighted by ${o ?? '…'}` },
  { kind: 'ratioOfSums', title: 'Ratio of sums', help: 'SUM(numerator) / SUM(denominator), e.g. revenue per unit.', needsField: true, otherField: 'Divided by', otherRequired: true, label: (f, o) => `${f} per ${o ?? '…'}` },
  { kind: 'shareOfGrandTotal', title: 'Share of grand total', help: 'Sum of the field as % of the grand total.', needsField: true, label: (f) => `% of total ${f}` },
  { kind: 'shareOfParent', title: 'Share of parent row', help: 'Sum of the field as % of the parent row.', needsField: true, label: (f) => `% of parent ${f}` },
  { kind: 'shareOfColumn', title: 'Share of column total', help: 'Measures are computed per row across all columns, so this equals the share of the grand total.', needsField: true, label: (f) => `% of column ${f}` },
  { kind: 'runningTotal', title: 'Running total', help: 'Sum of the field, accumulated down the rows within the parent group.', needsField: true, label: (f) => `Running ${f}` },
  { kind: 'rankInParent', title: 'Rank', help: 'Rank of the sum within the parent group, largest = 1 (ties share a rank).', needsField: true, label: (f) => `Rank of ${f}` },
  { kind: 'differenceFromPrevious', title: 'Difference from previous', help: 'Sum minus the previous item\'s sum (e.g. year over year when rows are years).', needsField: true, label: (f) => `Δ ${f}` },
  { kind: 'percentDifferenceFromPrevious', title: '% difference from previous', help: '(Sum − previous) / previous.', needsField: true, label: (f) => `Δ% ${f}` },
  { kind: 'formula', title: 'Custom formula', help: 'Excel-like, e.g. SUM([Revenue]) / SUM([Units]).', needsField: false, isFormula: true, label: () => 'Custom measure' },
];

export function choiceOf(kind: MeasureKind): MeasureChoice {
  return MEASURE_CHOICES.find((c) => c.kind === kind) ?? MEASURE_CHOICES[0];
}
