import { describe, expect, test } from 'vitest';
import { formatValue } from '../../src/simulator/format';

// Expected strings are what Excel (en-US) shows for these formats, worked out by hand.
describe('formatValue', () => {
  test.each([
    [0, 'General', '0'],
    [1234.5, 'General', '1234.5'],
    [-7, 'General', '-7'],
    [0.1 + 0.2, 'General', '0.3'],
    [1 / 3, 'General', '0.333333333'],
    [123456789012, 'General', '1.23457E+11'],
    [1234.5, '0', '1235'],
    [2.5, '0', '3'],
    [1.005, '0.00', '1.01'],
    [-3.14159, '0.00', '-3.14'],
    [1234567.891, '#,##0', '1,234,568'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [0, '#,##0.00', '0.00'],
    [0.125, '0%', '13%'],
    [0.125, '0.0%', '12.5%'],
    [1234.5, '$#,##0.00', '$1,234.50'],
    [-1234.5, '$#,##0.00', '-$1,234.50'],
    [-1234.5, '$#,##0.00;($#,##0.00)', '($1,234.50)'],
    [12345678, '#,##0,', '12,346'],
    [45306, 'yyyy-mm-dd', '2024-01-15'],
    [45306, 'm/d/yyyy', '1/15/2024'],
    [45306, 'd-mmm-yy', '15-Jan-24'],
    [45306, 'mmm yyyy', 'Jan 2024'],
    [45306.75, 'yyyy-mm-dd hh:mm', '2024-01-15 18:00'],
    [0.5, 'h:mm AM/PM', '12:00 PM'],
    [1, 'yyyy-mm-dd', '1900-01-01'],
    [61, 'yyyy-mm-dd', '1900-03-01'],
    [12345.678, '0.00E+00', '1.23E+04'],
  ])('%s with %s → %s', (value, format, expected) => {
    expect(formatValue(value, format)).toBe(expected);
  });

  test('text, booleans and errors', () => {
    expect(formatValue('East', 'General')).toBe('East');
    expect(formatValue('East', '$#,##0.00')).toBe('East');
    expect(formatValue('x', '0;-0;0;"[" @ "]"')).toBe('[ x ]');
    expect(formatValue(true, 'General')).toBe('TRUE');
    expect(formatValue('#N/A', '0.00')).toBe('#N/A');
  });
});

describe('formatValue at the edges Excel documents', () => {
  test('serial 0 is 1900-01-00, as Excel shows it', () => {
    expect(formatValue(0, 'yyyy-mm-dd')).toBe('1900-01-00');
  });
  test('a number in a Text-formatted cell shows as General', () => {
    expect(formatValue(12.5, '@')).toBe('12.5');
  });
  test('a date after 9999-12-31 fills the cell with #, it does not throw', () => {
    expect(formatValue(2958465, 'yyyy-mm-dd')).toBe('9999-12-31');
    expect(formatValue(1e12, 'mmm yyyy')).toBe('###########');
  });
});
