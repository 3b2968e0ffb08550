import { describe, expect, it } from 'vitest';
import { isDateFormat, numberFormatKind } from '../../../src/engine/values';

describe('numberFormatKind', () => {
  it.each([
    ['yyyy-mm-dd', 'date'],
    ['m/d/yyyy', 'date'],
    ['d-mmm-yy', 'date'],
    ['[$-409]mmmm d, yyyy', 'date'],
    ['mmm-yy', 'date'],
    ['dddd', 'date'],
    ['m/d/yyyy h:mm', 'datetime'],
    ['yyyy-mm-dd hh:mm:ss', 'datetime'],
    ['h:mm AM/PM', 'time'],
    ['hh:mm', 'time'],
    ['mm:ss', 'time'], // m before s is minutes
    ['[h]:mm', 'elapsed'],
    ['[mm]:ss', 'elapsed'],
    ['0.00', 'number'],
    ['[Red]0', 'number'],
    ['#,##0.00;[Red]-#,##0.00', 'number'],
    ['0.00E+00', 'number'],
    ['0.0%', 'number'],
    ['"Day "0', 'number'], // 'd' and 'y' inside quotes are literal text
    ['0\\d', 'number'],
    ['$#,##0_);($#,##0)', 'number'],
    ['@', 'text'],
    ['General', 'general'],
    ['', 'general'],
  ])('%s is %s', (format, kind) => {
    expect(numberFormatKind(format)).toBe(kind);
  });

  it('isDateFormat accepts dates and date-times only', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('m/d/yyyy h:mm')).toBe(true);
    expect(isDateFormat('h:mm')).toBe(false);
    expect(isDateFormat('[h]:mm')).toBe(false);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('[Red]0')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});
