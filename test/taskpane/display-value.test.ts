import { describe, expect, it } from 'vitest';
import { displayValue } from '../../src/taskpane/format/display-value';
import { formatGeneral, formatNumber, isDateFormat } from '../../src/taskpane/format/number-format';
import { serialToParts } from '../../src/taskpane/format/serial-date';

describe('serialToParts (Excel 1900 system)', () => {
  // Known anchors from Excel: 1 = 1900-01-01, 59 = 1900-02-28, 60 = phantom 1900-02-29,
  // 61 = 1900-03-01, 25569 = 1970-01-01, 45292 = 2024-01-01 (a Monday).
  it.each([
    [1, 1900, 1, 1],
    [59, 1900, 2, 28],
    [60, 1900, 2, 29],
    [61, 1900, 3, 1],
    [25569, 1970, 1, 1],
    [45292, 2024, 1, 1],
    [45351, 2024, 2, 29],
  ])('serial %d is %d-%d-%d', (serial, year, month, day) => {
    const p = serialToParts(serial);
    expect([p.year, p.month, p.day]).toEqual([year, month, day]);
  });

  it('reads the time of day and rounds to the second', () => {
    expect(serialToParts(45292.75)).toMatchObject({ hours: 18, minutes: 0, seconds: 0, weekday: 1 });
    // 0.5 day + 1 s, plus float noise
    expect(serialToParts(45292 + 0.5 + 1 / 86400 + 1e-12)).toMatchObject({ hours: 12, minutes: 0, seconds: 1 });
    expect(serialToParts(45292.99999999)).toMatchObject({ day: 2, hours: 0, minutes: 0, seconds: 0 });
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
    expect(isDateFormat('m/d/yyyy')).toBe(true);
    expect(isDateFormat('[h]:mm')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('"days" 0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
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
