import type { CellValue } from '../values/classify';
import { formatNumber } from './format-number';

/**
 * The text a cell shows in the sheet: numbers through their number format (dates are serials
 * with a date format), booleans as TRUE/FALSE, texts and error values as they are, blank as "".
 *
 * @example displayValue(45292, 'm/d/yyyy') // '1/1/2024'
 * @example displayValue(0.125, '0.0%')     // '12.5%'
 * @example displayValue(true, 'General')   // 'TRUE'
 */
export function displayValue(value: CellValue, numberFormat?: string): string {
  if (typeof value === 'number') return formatNumber(value, numberFormat);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value ?? '';
}

/**
 * True for values Excel right-aligns by default (numbers, dates included).
 * @example isNumericCell(3) // true
 * @example isNumericCell('3') // false
 */
export function isNumericCell(value: CellValue): boolean {
  return typeof value === 'number';
}
