import { describe, expect, it } from 'vitest';
import { displayValue, formatGeneral, formatNumber, showsDateOrTime } from '../../src/engine/format';

describe('dates in the 1900 system (through src/engine/values)', () => {
  // Known anchors from Excel: 1 = 1900-01-01, 59 = 1900-02-28, 60 = phantom 1900-02-29 (a
  // Wednesday), 61 = 1900-03-01, 25569 = 1970-01-01, 45292 = 2024-01-01 (a Monday).
  it.each([
    [1, '1900-01-01 Sunday'],
    [59, '1900-02-28 Tuesday'],
    [60, '1900-02-29 Wednesday'],
    [61, '1900-03-01 Thursday'],
    [25569, '1970-01-01 Thursday'],
    [45292, '2024-01-01 Monday'],
    [45351, '2024-02-29 Thursday'],
  ])('serial %d is %s', (serial, expected) => {
    expect(formatNumber(serial, 'yyyy-mm-dd dddd')).toBe(expected);
  });

  it('shows the time of day rounded to the second', () => {
    expect(formatNumber(45292.75, 'hh:mm:ss')).toBe('18:00:00');
    // 0.5 day + 1 s, plus float noise
    expect(formatNumber(45292 + 0.5 + 1 / 86400 + 1e-12, 'hh:mm:ss')).toBe('12:00:01');
    expect(formatNumber(45292.99999999, 'yyyy-mm-dd hh:mm:ss')).toBe('2024-01-02 00:00:00');
  });

  it('fills a date that Excel cannot show with #', () => {
    expect(formatNumber(-1, 'yyyy-mm-dd')).toBe('########');
  });
});

describe('formatNumber', () => {
  it.each([
    [45292, 'yyyy-mm-dd', '2024-01-01'],
    [45292, 'm/d/yyyy', '1/1/2024'],
    [45337, 'mm/dd/yy', '02/15/24'],
    [45337, 'd-mmm-yy', '15-Feb-24'],
    [45337, 'dddd, mmmm d, yyyy', 'Thursday, February 15, 2024'],
    [45337.5625, 'yyyy-mm-dd hh:mm', '2024-02-15 13:30'],
    [45337.5625, 'h:mm AM/PM', '1:30 PM'],
    [0.25, 'h:mm:ss', '6:00:00'],
    [1234.5, '#,##0.00', '1,234.50'],
    [1234567, '#,##0', '1,234,567'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [-1234.5, '#,##0.00;(#,##0.00)', '(1,234.50)'],
    [0.125, '0.0%', '12.5%'],
    [0.5, '0%', '50%'],
    [3.14159, '0.00', '3.14'],
    [1999.5, '$#,##0.00', '$1,999.50'],
    [1999.5, '[$€-407] #,##0.00', '€ 1,999.50'],
    [12345, '0.00E+00', '1.23E+04'],
    [42, '0 "units"', '42 units'],
    [0, '0;-0;"zero"', 'zero'],
  ])('%d with %s → %s', (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });

  it('uses General when no format is given', () => {
    expect(formatNumber(42, undefined)).toBe('42');
    expect(formatNumber(0.1 + 0.2, 'General')).toBe('0.3');
    expect(formatGeneral(123456789012)).toBe('1.23457E+11');
    // Excel's General fits 11 characters: 0.666666667
    expect(formatGeneral(2 / 3)).toBe('0.666666667');
  });

  it('tells dates from numbers', () => {
    expect(showsDateOrTime('m/d/yyyy')).toBe(true);
    expect(showsDateOrTime('[h]:mm')).toBe(true);
    expect(showsDateOrTime('#,##0.00')).toBe(false);
    expect(showsDateOrTime('"days" 0')).toBe(false);
    expect(showsDateOrTime('General')).toBe(false);
  });
});

describe('displayValue', () => {
  it('shows cells as the sheet does', () => {
    expect(displayValue('', 'General')).toBe('');
    expect(displayValue('#N/A', 'General')).toBe('#N/A');
    expect(displayValue(true)).toBe('TRUE');
    expect(displayValue(false)).toBe('FALSE');
    expect(displayValue(45292, 'yyyy-mm-dd')).toBe('2024-01-01');
    expect(displayValue('North', '@')).toBe('North');
  });
});

describe('number formats as Excel shows them (values worked out by hand from Excel)', () => {
  it.each([
    [0.125, '#,##0.00', '0.13'],
    [0.5, '#.##', '.5'],
    [0.5, '.00', '.50'],
    [-1, '$#,##0.00', '-$1.00'],
    [-0.001, '0.00', '0.00'],
    [1234567, '#,##0,', '1,235'],
    [2500000, '$#,##0.0,,"M"', '$2.5M'],
    [12345, '#,##0,"K"', '12K'],
    [-12345, '0.00E+00', '-1.23E+04'],
  ])('%d with %s is %s', (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });

  it('writes tiny numbers in General the way Excel does, not as JavaScript does', () => {
    expect(formatGeneral(0.0000001)).toBe('1E-07');
    expect(formatGeneral(0.000001)).toBe('0.000001');
  });
});
