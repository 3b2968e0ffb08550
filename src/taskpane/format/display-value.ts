import type { CellValue } from '../../excel/api';
import { formatNumber } from './number-format';

/**
 * The text a cell shows in the sheet, for previews: numbers through their number format (dates
 * are serials with a date format), booleans as TRUE/FALSE, texts and error values as they are.
 *
 * @example displayValue(45292, 'm/d/yyyy') // '1/1/2024'
 * @example displayValue(true, 'General')   // 'TRUE'
 */
export function displayValue(value: CellValue, numberFormat?: string): string {
  if (typeof value === 'number') return formatNumber(value, numberFormat);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/** True for values shown right-aligned in the grid (numbers, as Excel aligns them). */
export function isNumericCell(value: CellValue): boolean {
  return typeof value === 'number';
}
