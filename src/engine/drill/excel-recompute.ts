import type { Measure } from '../spec/measures';
import type { ExcelRecompute } from './drill-spec';

/** Catalogue kinds whose Excel function takes the column alone. */
const ONE_COLUMN: Partial<Record<Measure['kind'], string>> = {
  sum: 'SUM',
  count: 'COUNTA',
  countNumbers: 'COUNT',
  average: 'AVERAGE',
  min: 'MIN',
  max: 'MAX',
  product: 'PRODUCT',
  median: 'MEDIAN',
  mode: 'MODE.SNGL',
  stdevSample: 'STDEV.S',
  stdevPopulation: 'STDEV.P',
  varSample: 'VAR.S',
  varPopulation: 'VAR.P',
};

/** Why distinct count is written as it is (shown in the docs and the pane's details). */
export const DISTINCT_COUNT_NOTE =
  'Distinct count uses =ROWS(UNIQUE(FILTER(column, column<>""))) rather than =SUMPRODUCT(1/COUNTIF(column, column)): ' +
  'COUNTIF reads each value as a condition, so text such as "<5", "=West" or "A*" would be taken as a comparison or a wildcard, ' +
  'it counts the number 1 and the text "1" as one, and a blank cell makes it divide by zero. UNIQUE compares the values themselves, ' +
  'ignoring case as PivotDeck does; FILTER leaves blanks out, as PivotDeck does; IFERROR gives 0 when every cell is blank.';

/**
 * Excel's own function that recomputes a measure over the drilled rows, or why there is none.
 * Excel's statistical functions skip text, logicals and blanks in a referenced column exactly as
 * PivotDeck's measures do, so over the same rows they give the same number.
 * @example
 * const r = excelRecompute({ id: 'm', kind: 'median', field: 'Revenue' });
 * r.kind === 'function' && r.formula((f) => `Rows[${f}]`) // '=MEDIAN(Rows[Revenue])'
 */
export function excelRecompute(m: Measure): ExcelRecompute {
  const one = ONE_COLUMN[m.kind];
  if (one && 'field' in m) {
    const field = m.field;
    return { kind: 'function', functionName: one, formula: (c) => `=${one}(${c(field)})` };
  }
  switch (m.kind) {
    case 'percentile':
      return { kind: 'function', functionName: 'PERCENTILE.INC', formula: (c) => `=PERCENTILE.INC(${c(m.field)},${m.p})` };
    case 'quartile':
      return { kind: 'function', functionName: 'QUARTILE.INC', formula: (c) => `=QUARTILE.INC(${c(m.field)},${m.quartile})` };
    case 'distinctCount':
      return {
        kind: 'function',
        functionName: 'ROWS(UNIQUE(…))',
        formula: (c) => `=IFERROR(ROWS(UNIQUE(FILTER(${c(m.field)},${c(m.field)}<>""))),0)`,
        note: DISTINCT_COUNT_NOTE,
      };
    case 'ratioOfSums':
      return { kind: 'function', functionName: 'SUM / SUM', formula: (c) => `=SUM(${c(m.field)})/SUM(${c(m.otherField)})` };
    case 'weightedAverage':
      return { kind: 'none', reason: 'Excel has no weighted-average function; the rows are below to check by hand (SUMPRODUCT of value and weight over the rows that have both, divided by the sum of those weights).' };
    case 'first':
    case 'last':
      return { kind: 'none', reason: `Excel has no function for the ${m.kind} value by another column; sort the table by ${m.otherField} to see it.` };
    case 'formula':
      return { kind: 'none', reason: `This measure is a custom formula (${m.formula}); Excel has no single function for it. The rows are below to check by hand.` };
    default:
      return { kind: 'none', reason: 'Excel has no function for this measure.' };
  }
}
