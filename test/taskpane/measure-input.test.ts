import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../src/taskpane/query/field-info';
import { choiceOf, defaultFormat, defaultMeasureField, readPercentile } from '../../src/taskpane/query/measure-choices';

const field = (name: string, type: FieldInfo['type'], numberFormat = 'General'): FieldInfo => ({ name, type, numberFormat, samples: [] });

describe('the Add-a-value form reads input forgivingly', () => {
  it('starts on the first number field, not on a date that comes first', () => {
    expect(defaultMeasureField([field('Date', 'date', 'yyyy-mm-dd'), field('Région', 'text'), field('Umsatz €', 'number')])).toBe('Umsatz €');
    // No number field: a mixed one, then the first field; no fields at all: nothing.
    expect(defaultMeasureField([field('Date', 'date'), field('Notes', 'mixed')])).toBe('Notes');
    expect(defaultMeasureField([field('Date', 'date')])).toBe('Date');
    expect(defaultMeasureField([])).toBe('');
  });

  it('reads 90, 90% and 0.9 as the 90th percentile and says when it converted', () => {
    expect(readPercentile('0.9')).toEqual({ p: 0.9 });
    expect(readPercentile('90')).toEqual({ p: 0.9, note: 'Read as 90%, that is p = 0.9.' });
    expect(readPercentile(' 90 % ')).toEqual({ p: 0.9, note: 'Read as 90%, that is p = 0.9.' });
    expect(readPercentile('100')).toEqual({ p: 1, note: 'Read as 100%, that is p = 1.' });
    // 1 is p = 1 (the maximum), not 1%; "1%" is 1%.
    expect(readPercentile('1')).toEqual({ p: 1 });
    expect(readPercentile('1%')).toEqual({ p: 0.01, note: 'Read as 1%, that is p = 0.01.' });
    expect(readPercentile('0,5')).toEqual({ p: 0.5 });
    expect(readPercentile('-0').p).toBe(-0);
  });

  it('refuses what is no percentile with a message saying what to type', () => {
    for (const text of ['', '%', '101', '-5', 'abc', 'Infinity', '1e999']) {
      expect(readPercentile(text).error, text).toMatch(/^Enter a percentile from 0 to 100/);
    }
  });

  it('labels a percentile it cannot read yet without "PNaN"', () => {
    expect(choiceOf('percentile').label('Revenue', undefined, undefined)).toBe('Percentile of Revenue');
    expect(choiceOf('percentile').label('Revenue', undefined, 0.9)).toBe('P90 of Revenue');
  });

  it('shows a ratio of like quantities as a percentage, other ratios as numbers', () => {
    const cost = field('Cost', 'number', '$#,##0.00');
    const revenue = field('Revenue', 'number', '$#,##0.00');
    const units = field('Units', 'number');
    expect(defaultFormat(choiceOf('ratioOfSums'), cost, revenue)).toBe('0.0%');
    expect(defaultFormat(choiceOf('ratioOfSums'), revenue, units)).toBe('#,##0.00');
    // Two General fields say nothing about their kind: no percentage guessed.
    expect(defaultFormat(choiceOf('ratioOfSums'), units, field('Boxes', 'number'))).toBe('#,##0.00');
  });
});
