/**
 * The one measure vocabulary: every catalogue measure PivotDeck knows, with what each reads,
 * which worksheet function it follows and where it runs. The pivot extension's kinds, the query
 * spec's catalogue kinds, the workbook schema's enum, both pane pickers and the warehouse's
 * refusals are all derived from (or checked against) this table, so a new measure is added here
 * once.
 */

/** Every measure kind, in picker order. */
export const MEASURE_KINDS = [
  'sum', 'count', 'countNumbers', 'average', 'min', 'max', 'product',
  'median', 'percentile', 'quartile', 'distinctCount', 'mode',
  'stdevSample', 'stdevPopulation', 'varSample', 'varPopulation',
  'first', 'last', 'weightedAverage', 'ratioOfSums',
  'percentOfGrandTotal', 'percentOfParentRow', 'percentOfColumnTotal',
  'runningTotal', 'rankInParent', 'differenceFromPrevious', 'percentDifferenceFromPrevious',
  'formula',
] as const;

export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** What a measure reads besides its field. */
export type MeasureInputs =
  /** one field */
  | 'field'
  /** a field and a second field (weight, denominator or order) */
  | 'fieldAndOther'
  /** a field and a number p (percentile, quartile) */
  | 'fieldAndP'
  /** a formula in our formula language */
  | 'formula';

export interface MeasureTerm {
  /** Plain name, as the pickers show it. */
  title: string;
  /** The worksheet function it follows, for notes such as "ignored, as MEDIAN does". */
  excelFunction?: string;
  /** The function of our formula language that the kind is shorthand for. */
  formulaFunction?: string;
  inputs: MeasureInputs;
  /** Reads only the numbers of its field, so blank, text and logical cells are skipped. */
  numeric: boolean;
  /** Derived from another measure along the pivot's rows (Excel's "Show Values As"). */
  showAs: boolean;
  /** The query spec offers it as a catalogue kind (show-as is a separate `showAs` option there). */
  inQuery: boolean;
  /** Why the warehouse cannot run it; absent when it can. */
  notOnWarehouse?: string;
}

const ROW_ORDER = 'it reads the table\'s row order, which a warehouse does not keep. Use MIN or MAX (for example of a date), or a view on the warehouse that marks the row you want.';

const plain = (title: string, excelFunction: string, numeric: boolean, formulaFunction = excelFunction): MeasureTerm =>
  ({ title, excelFunction, formulaFunction, inputs: 'field', numeric, showAs: false, inQuery: true });
const showAs = (title: string, numeric = false): MeasureTerm =>
  ({ title, inputs: 'field', numeric, showAs: true, inQuery: false });

/**
 * The vocabulary itself. A Record over MEASURE_KINDS, so the compiler refuses a kind without an
 * entry and an entry without a kind.
 * @example MEASURE_VOCABULARY.median.excelFunction // 'MEDIAN'
 * @example MEASURE_VOCABULARY.mode.notOnWarehouse !== undefined // true
 */
export const MEASURE_VOCABULARY: Readonly<Record<MeasureKind, MeasureTerm>> = {
  sum: plain('Sum', 'SUM', true),
  count: plain('Count', 'COUNTA', false),
  countNumbers: plain('Count numbers', 'COUNT', false),
  average: plain('Average', 'AVERAGE', true),
  min: plain('Min', 'MIN', true),
  max: plain('Max', 'MAX', true),
  product: { ...plain('Product', 'PRODUCT', true), notOnWarehouse: 'ClickHouse 18.16 has no aggregate that multiplies numbers. Compute it in a view on the warehouse, or load the table into the workbook.' },
  median: plain('Median', 'MEDIAN', true),
  percentile: { ...plain('Percentile', 'PERCENTILE.INC', true), inputs: 'fieldAndP' },
  quartile: { ...plain('Quartile', 'QUARTILE.INC', true), inputs: 'fieldAndP' },
  distinctCount: plain('Distinct count', 'distinct count', false, 'COUNTDISTINCT'),
  mode: {
    ...plain('Mode', 'MODE.SNGL', true),
    notOnWarehouse: 'among equally frequent numbers Excel returns the one that comes first in the table, and a warehouse keeps no row order. Put the field in Rows with COUNT to see the most frequent values.',
  },
  stdevSample: plain('Standard deviation (sample)', 'STDEV.S', true),
  stdevPopulation: plain('Standard deviation (population)', 'STDEV.P', true),
  varSample: plain('Variance (sample)', 'VAR.S', true),
  varPopulation: plain('Variance (population)', 'VAR.P', true),
  first: { title: 'First (by a field)', formulaFunction: 'FIRST', inputs: 'fieldAndOther', numeric: false, showAs: false, inQuery: true, notOnWarehouse: ROW_ORDER },
  last: { title: 'Last (by a field)', formulaFunction: 'LAST', inputs: 'fieldAndOther', numeric: false, showAs: false, inQuery: true, notOnWarehouse: ROW_ORDER },
  weightedAverage: { ...plain('Weighted average', 'SUMPRODUCT/SUM', true, 'AVERAGEWEIGHTED'), inputs: 'fieldAndOther' },
  ratioOfSums: { ...plain('Ratio of sums', 'SUM/SUM', true, 'SUM'), inputs: 'fieldAndOther' },
  percentOfGrandTotal: showAs('% of grand total'),
  percentOfParentRow: showAs('% of parent row'),
  percentOfColumnTotal: showAs('% of column total'),
  runningTotal: showAs('Running total'),
  rankInParent: showAs('Rank'),
  differenceFromPrevious: showAs('Difference from previous'),
  percentDifferenceFromPrevious: showAs('% difference from previous'),
  formula: { title: 'Custom formula', inputs: 'formula', numeric: false, showAs: false, inQuery: true },
};

const kindsWhere = (test: (t: MeasureTerm) => boolean): MeasureKind[] => MEASURE_KINDS.filter((k) => test(MEASURE_VOCABULARY[k]));

/** Show-as kinds of the pivot extension. */
export const SHOW_AS_KINDS: ReadonlySet<MeasureKind> = new Set(kindsWhere((t) => t.showAs));

/** Kinds that read only numbers of their field. */
export const NUMERIC_KINDS: ReadonlySet<MeasureKind> = new Set(kindsWhere((t) => t.numeric));

/**
 * The worksheet function each kind follows, where there is one.
 * @example EXCEL_FUNCTION.countNumbers // 'COUNT'
 */
export const EXCEL_FUNCTION: Readonly<Partial<Record<MeasureKind, string>>> = Object.fromEntries(
  kindsWhere((t) => t.excelFunction !== undefined).map((k) => [k, MEASURE_VOCABULARY[k].excelFunction]),
);

/**
 * Why the warehouse refuses a function of our formula language, by function name.
 * @example WAREHOUSE_REFUSALS['MODE.SNGL'].startsWith('among equally') // true
 */
export const WAREHOUSE_REFUSALS: Readonly<Record<string, string>> = Object.fromEntries(
  kindsWhere((t) => t.notOnWarehouse !== undefined && t.formulaFunction !== undefined).map((k) => [
    MEASURE_VOCABULARY[k].formulaFunction as string, // defined: filtered just above
    MEASURE_VOCABULARY[k].notOnWarehouse as string,
  ]),
);

/**
 * The plain name of a measure kind.
 * @example measureTitle('stdevSample') // 'Standard deviation (sample)'
 */
export function measureTitle(kind: MeasureKind): string {
  return MEASURE_VOCABULARY[kind].title;
}
