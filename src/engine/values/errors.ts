/**
 * Excel error values as Office.js returns them in `Range.values`: plain strings.
 * `#GETTING_DATA` is transient (a data type or async UDF still loading); we
 * classify it as an error so it is never summed as text or mistaken for blank.
 */
export const EXCEL_ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
] as const;

/** One of Excel's error values. */
export type ExcelError = (typeof EXCEL_ERRORS)[number];

const ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);

/**
 * Is `value` one of Excel's error values?
 * Matching is exact (Excel always returns them in upper case).
 * @example isExcelError('#N/A') // true
 * @example isExcelError('N/A') // false
 */
export function isExcelError(value: unknown): value is ExcelError {
  return typeof value === 'string' && value.length > 2 && value.charCodeAt(0) === 35 && ERROR_SET.has(value);
}
