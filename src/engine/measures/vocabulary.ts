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
  countNumbers: plain('Count Numbers', 'COUNT', false),
  average: plain('Average', 'AVERAGE', true),
  min: plain('Min', 'MIN', true),
  max: plain('Max', 'MAX', true),
  product: { ...plain('Product', 'PRODUCT', true), notOnWarehouse: 'ClickHouse 18.16 has no aggregate that multiplies numbers. Compute it in a view on the warehouse, or load the table into the workbook.' },
  median: plain('Median', 'MEDIAN', true),
  percentile: { ...plain('Percentile', 'PERCENTILE.INC', true), inputs: 'fieldAndP' },
  quartile: { ...plain('Quartile', 'QUARTILE.INC', true), inputs: 'fieldAndP' },
  distinctCount: plain('Distinct Count', 'distinct count', false, 'COUNTDISTINCT'),
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
  // Show-as titles are Excel's "Show Values As" words, so a column reads "% of Grand Total of Revenue".
  percentOfGrandTotal: showAs('% of Grand Total'),
  percentOfParentRow: showAs('% of Parent Row Total'),
  percentOfColumnTotal: showAs('% of Column Total'),
  runningTotal: showAs('Running Total'),
  rankInParent: showAs('Rank'),
  differenceFromPrevious: showAs('Difference From Previous'),
  percentDifferenceFromPrevious: showAs('% Difference From Previous'),
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

// ---- Output names and names users bring (issue 16 parts 5 and 6) ---------------------------

/**
 * The word a column header starts with, as Excel names a value field ("Sum of Revenue",
 * "StdDev of Revenue"); absent where the name is built otherwise (percentile, two-field kinds).
 */
const OUTPUT_WORD: Readonly<Partial<Record<MeasureKind, string>>> = {
  sum: 'Sum', count: 'Count', countNumbers: 'Count Numbers', average: 'Average', min: 'Min', max: 'Max',
  product: 'Product', median: 'Median', distinctCount: 'Distinct Count', mode: 'Mode',
  stdevSample: 'StdDev', stdevPopulation: 'StdDevp', varSample: 'Var', varPopulation: 'Varp',
  percentOfGrandTotal: '% of Grand Total', percentOfParentRow: '% of Parent Row Total', percentOfColumnTotal: '% of Column Total',
  runningTotal: 'Running Total', rankInParent: 'Rank', differenceFromPrevious: 'Difference From Previous',
  percentDifferenceFromPrevious: '% Difference From Previous',
};

/**
 * The default name of a measure's column, as Excel names value fields: "Median of Revenue",
 * "Distinct Count of Customer", "P90 of Revenue", "Revenue per Units".
 * @example measureOutputName('distinctCount', 'Customer') // 'Distinct Count of Customer'
 * @example measureOutputName('percentile', 'Revenue', undefined, 0.9) // 'P90 of Revenue'
 */
export function measureOutputName(kind: MeasureKind, field: string, other?: string, p?: number): string {
  const word = OUTPUT_WORD[kind];
  if (word) return `${word} of ${field}`;
  const known = p !== undefined && Number.isFinite(p);
  switch (kind) {
    case 'percentile': return known ? `P${Math.round(p * 1000) / 10} of ${field}` : `Percentile of ${field}`;
    case 'quartile': return known ? `Q${Math.round(p * 4)} of ${field}` : `Quartile of ${field}`;
    case 'first': return `First ${field}${other ? ` by ${other}` : ''}`;
    case 'last': return `Last ${field}${other ? ` by ${other}` : ''}`;
    case 'weightedAverage': return `${field} weighted by ${other ?? '…'}`;
    case 'ratioOfSums': return `${field} per ${other ?? '…'}`;
    default: return 'Custom measure';
  }
}

/** The query spec's show-as kinds (engine/spec's ShowAs), named as Excel's "Show Values As" list. */
export type ShowAsKind =
  | 'percentOfGrandTotal' | 'percentOfRowTotal' | 'percentOfColumnTotal' | 'percentOfParentRow' | 'percentOfParentColumn'
  | 'runningTotal' | 'differenceFromPrevious' | 'percentDifferenceFromPrevious' | 'rank' | 'movingAverage';

/**
 * Excel's words for each show-as kind ("% of Row Total"); moving average is ours.
 * @example SHOW_AS_TITLE.percentOfRowTotal // '% of Row Total'
 */
export const SHOW_AS_TITLE: Readonly<Record<ShowAsKind, string>> = {
  percentOfGrandTotal: '% of Grand Total',
  percentOfRowTotal: '% of Row Total',
  percentOfColumnTotal: '% of Column Total',
  percentOfParentRow: '% of Parent Row Total',
  percentOfParentColumn: '% of Parent Column Total',
  runningTotal: 'Running Total',
  differenceFromPrevious: 'Difference From Previous',
  percentDifferenceFromPrevious: '% Difference From Previous',
  rank: 'Rank',
  movingAverage: 'Moving Average',
};

/**
 * The default name of a shown-as column: a sum shown as a share names the field alone ("% of Row
 * Total of Revenue"), any other measure names itself ("% of Row Total of Median of Revenue").
 * @example showAsOutputName('percentOfRowTotal', 'sum', 'Revenue') // '% of Row Total of Revenue'
 */
export function showAsOutputName(showAs: ShowAsKind, kind: MeasureKind, field: string, other?: string, p?: number): string {
  const base = kind === 'sum' ? field : measureOutputName(kind, field, other, p);
  return `${SHOW_AS_TITLE[showAs]} of ${base}`;
}

/** A name a user typed, read as a PivotDeck measure; `note` says what differs, when something does. */
export interface MeasureNameMatch {
  kind: MeasureKind;
  /** Set when the name is another product's and means something slightly different here. */
  note?: string;
}

/**
 * Names from Excel and DAX that mean exactly a PivotDeck measure (older Excel names included).
 * DISTINCTCOUNT is not here: DAX counts a blank as a value of its own, so it is a hint below.
 */
const CLEAN_NAMES: ReadonlyMap<string, MeasureKind> = new Map<string, MeasureKind>([
  ['SUM', 'sum'], ['COUNTA', 'count'], ['COUNT', 'countNumbers'], ['AVERAGE', 'average'], ['MIN', 'min'], ['MAX', 'max'],
  ['PRODUCT', 'product'], ['MEDIAN', 'median'], ['PERCENTILE', 'percentile'], ['PERCENTILE.INC', 'percentile'],
  ['QUARTILE', 'quartile'], ['QUARTILE.INC', 'quartile'], ['MODE', 'mode'], ['MODE.SNGL', 'mode'],
  ['STDEV', 'stdevSample'], ['STDEV.S', 'stdevSample'], ['STDEVP', 'stdevPopulation'], ['STDEV.P', 'stdevPopulation'],
  ['VAR', 'varSample'], ['VAR.S', 'varSample'], ['VARP', 'varPopulation'], ['VAR.P', 'varPopulation'],
  ['COUNTDISTINCT', 'distinctCount'], ['COUNTROWS', 'count'],
  // Excel's PivotTable "Summarize Values By" words.
  ['STDDEV', 'stdevSample'], ['STDDEVP', 'stdevPopulation'], ['COUNT NUMBERS', 'countNumbers'], ['DISTINCT COUNT', 'distinctCount'],
]);

/** Names that come close: answered with the PivotDeck measure and what differs. */
const NEAR_NAMES: ReadonlyMap<string, MeasureNameMatch> = new Map<string, MeasureNameMatch>([
  ['DISTINCTCOUNT', { kind: 'distinctCount', note: 'PivotDeck\'s Distinct Count (COUNTDISTINCT in formulas) skips blanks; DAX\'s DISTINCTCOUNT counts a blank as one more value.' }],
  ['DISTINCTCOUNTNOBLANK', { kind: 'distinctCount', note: 'This is PivotDeck\'s Distinct Count (COUNTDISTINCT in formulas).' }],
  ['AVERAGEA', { kind: 'average', note: 'PivotDeck\'s Average skips text, as AVERAGE does; AVERAGEA counts text as 0.' }],
]);

/**
 * Reads a measure name a user brings from Excel or DAX ("MEDIAN", "COUNTROWS", "StdDev",
 * "Distinct count"), or one of PivotDeck's titles; undefined when nothing maps. Case and outer
 * spaces do not matter.
 * @example findMeasureByName('countrows') // { kind: 'count' }
 * @example findMeasureByName('DISTINCTCOUNT')?.kind // 'distinctCount' (with a note on blanks)
 */
export function findMeasureByName(name: string): MeasureNameMatch | undefined {
  const key = name.trim().replace(/\s+/g, ' ').replace(/\($/, '').toUpperCase();
  if (!key) return undefined;
  const clean = CLEAN_NAMES.get(key);
  if (clean) return { kind: clean };
  const near = NEAR_NAMES.get(key);
  if (near) return near;
  const titled = MEASURE_KINDS.find((k) => MEASURE_VOCABULARY[k].title.toUpperCase() === key || OUTPUT_WORD[k]?.toUpperCase() === key);
  return titled ? { kind: titled } : undefined;
}
