import type { XlValue } from './types';

/** Caption Excel gives an empty source cell in a pivot. */
export const BLANK_ITEM = '(blank)';

/**
 * The key under which a cell value, a rendered row label or a pivot item name is the same item.
 *
 * Why one key for all three: Office.js gives item names as text ("2005", "(blank)"), the row
 * label cells as typed values (2005), and the source as typed values; all must meet. Text is
 * case-folded because Excel groups "east" and "East" into one item. Numbers use 15 significant
 * digits, as Excel displays them. Known limit: the text "2005" and the number 2005 share a key.
 *
 * @example itemKey('North') === itemKey('NORTH') // true
 * @example itemKey('') // '(blank)'
 * @example itemKey(0.1 + 0.2) // '0.3'
 */
export function itemKey(value: XlValue): string {
  if (value === '') return BLANK_ITEM;
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value.toLowerCase();
}

/** Text of a value as a label shows it in General format ("X Total" captions start with it). */
export function itemCaption(value: XlValue): string {
  if (value === '') return BLANK_ITEM;
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}
