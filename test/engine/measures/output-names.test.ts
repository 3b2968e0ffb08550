/**
 * Output names as Excel names value fields, and names users bring from Excel or DAX. Every
 * expected string is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { findMeasureByName, measureOutputName, measureTitle, SHOW_AS_TITLE, showAsOutputName, type ShowAsKind } from '../../../src/engine';
import type { ShowAs } from '../../../src/engine/spec';
import { checkFormula, parseFormula } from '../../../src/engine/formula';

describe('measure output names', () => {
  it('names values as Excel does', () => {
    expect(measureOutputName('sum', 'Revenue')).toBe('Sum of Revenue');
    expect(measureOutputName('median', 'Revenue')).toBe('Median of Revenue');
    expect(measureOutputName('distinctCount', 'Customer')).toBe('Distinct Count of Customer');
    expect(measureOutputName('stdevSample', 'Umsatz €')).toBe('StdDev of Umsatz €');
    expect(measureOutputName('varPopulation', 'V')).toBe('Varp of V');
    expect(measureOutputName('countNumbers', 'Région')).toBe('Count Numbers of Région');
    expect(measureOutputName('percentile', 'Revenue', undefined, 0.9)).toBe('P90 of Revenue');
    expect(measureOutputName('percentile', 'Revenue', undefined, 0.995)).toBe('P99.5 of Revenue');
    expect(measureOutputName('percentile', 'Revenue', undefined, Number.NaN)).toBe('Percentile of Revenue');
    expect(measureOutputName('quartile', 'Revenue', undefined, 0.75)).toBe('Q3 of Revenue');
    expect(measureOutputName('ratioOfSums', 'Revenue', 'Units')).toBe('Revenue per Units');
    expect(measureOutputName('first', 'Price', 'Date')).toBe('First Price by Date');
    expect(measureOutputName('percentOfGrandTotal', 'Revenue')).toBe('% of Grand Total of Revenue');
    expect(measureOutputName('formula', '')).toBe('Custom measure');
  });

  it('names shown-as values after Excel\'s Show Values As, the field alone for a sum', () => {
    expect(showAsOutputName('percentOfRowTotal', 'sum', 'Revenue')).toBe('% of Row Total of Revenue');
    expect(showAsOutputName('percentOfRowTotal', 'median', 'Revenue')).toBe('% of Row Total of Median of Revenue');
    expect(showAsOutputName('rank', 'sum', 'Sum of Revenue')).toBe('Rank of Sum of Revenue');
    expect(showAsOutputName('percentOfParentRow', 'percentile', 'Revenue', undefined, 0.9)).toBe('% of Parent Row Total of P90 of Revenue');
  });

  it('has a title for every show-as kind of the query spec', () => {
    const kinds: Array<ShowAs['kind']> = ['percentOfGrandTotal', 'percentOfRowTotal', 'percentOfColumnTotal', 'percentOfParentRow', 'percentOfParentColumn',
      'runningTotal', 'differenceFromPrevious', 'percentDifferenceFromPrevious', 'rank', 'movingAverage'];
    // Compile-time: the spec's kinds are the vocabulary's.
    const asVocabulary: ShowAsKind[] = kinds;
    expect(Object.keys(SHOW_AS_TITLE).sort()).toEqual([...asVocabulary].sort());
    expect(SHOW_AS_TITLE.percentOfRowTotal).toBe('% of Row Total');
  });

  it('titles the extension\'s show-as kinds with the same words', () => {
    expect(measureTitle('percentOfGrandTotal')).toBe(SHOW_AS_TITLE.percentOfGrandTotal);
    expect(measureTitle('distinctCount')).toBe('Distinct Count');
  });
});

describe('names users bring', () => {
  it('accepts Excel and DAX names that mean exactly a PivotDeck measure', () => {
    expect(findMeasureByName('MEDIAN')).toEqual({ kind: 'median' });
    expect(findMeasureByName(' countrows ')).toEqual({ kind: 'count' });
    expect(findMeasureByName('COUNT')).toEqual({ kind: 'countNumbers' });
    expect(findMeasureByName('COUNTA')).toEqual({ kind: 'count' });
    expect(findMeasureByName('stdev.p')).toEqual({ kind: 'stdevPopulation' });
    expect(findMeasureByName('StdDev')).toEqual({ kind: 'stdevSample' });
    expect(findMeasureByName('Distinct  count')).toEqual({ kind: 'distinctCount' });
    expect(findMeasureByName('PERCENTILE(')).toEqual({ kind: 'percentile' });
    expect(findMeasureByName('Standard deviation (sample)')).toEqual({ kind: 'stdevSample' });
  });

  it('answers near names with the PivotDeck measure and what differs', () => {
    const dax = findMeasureByName('DISTINCTCOUNT');
    expect(dax?.kind).toBe('distinctCount');
    expect(dax?.note).toMatch(/blank/);
    expect(findMeasureByName('AVERAGEA')?.note).toMatch(/text as 0/);
  });

  it('finds nothing for names that map to nothing, including object keys', () => {
    expect(findMeasureByName('AVERAGEX')).toBeUndefined();
    expect(findMeasureByName('constructor')).toBeUndefined();
    expect(findMeasureByName('__proto__')).toBeUndefined();
    expect(findMeasureByName('   ')).toBeUndefined();
  });
});

describe('names users bring, in formulas', () => {
  const messages = (text: string) => checkFormula(parseFormula(text), { role: 'measure', fields: ['Revenue'] }).map((e) => e.message);

  it('an unknown DAX or PivotTable name is answered with the formula function the vocabulary maps it to', () => {
    // COUNTROWS() is read as COUNTA(1) (src/engine/formula/aliases.ts); with a field it is answered.
    expect(messages('SUM([Revenue]) / COUNTROWS([Revenue])')[0]).toMatch(/^PivotDeck's formulas have no COUNTROWS at 1:18 — .*COUNTA\(\[Revenue\]\)/);
    expect(messages('STDDEV([Revenue])')).toEqual(['Unknown function STDDEV at 1:1 — did you mean STDEV.S?']);
    expect(messages('DISTINCTCOUNT([Revenue])')[0]).toMatch(/^PivotDeck's formulas have no DISTINCTCOUNT at 1:1 — use COUNTDISTINCT\(\[Revenue\]\)/);
    // A name that maps to nothing still gets the nearest spelling, or nothing.
    expect(messages('MEDIN([Revenue])')).toEqual(['Unknown function MEDIN at 1:1 — did you mean MEDIAN?']);
    expect(messages('CONSTRUCTOR([Revenue])')[0]).not.toMatch(/undefined/);
  });
});
