import { isExcelError } from './errors';

/** The kinds of value an Excel cell can hold, as `Range.values` reports them. */
export type CellKind = 'number' | 'text' | 'logical' | 'blank' | 'error';

/** A cell value as Office.js returns it (plus null/undefined, which we treat as blank). */
export type CellValue = number | string | boolean | null | undefined;

/**
 * Classify a cell value the way Excel's worksheet functions see it.
 * Empty cells come back from Office.js as "" and are blank; non-finite numbers
 * cannot come from Excel and are treated as `#NUM!` errors.
 * @example classifyValue(3) // 'number'
 * @example classifyValue('') // 'blank'
 * @example classifyValue('#DIV/0!') // 'error'
 * @example classifyValue(true) // 'logical'
 */
export function classifyValue(value: unknown): CellKind {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? 'number' : 'error';
    case 'string':
      if (value.length === 0) return 'blank';
      return isExcelError(value) ? 'error' : 'text';
    case 'boolean':
      return 'logical';
    default:
      return value == null ? 'blank' : 'text';
  }
}

/**
 * Is the value blank (empty cell)? Office.js reports empty cells as "".
 * @example isBlank('') // true
 * @example isBlank(0) // false
 */
export function isBlank(value: unknown): boolean {
  return value == null || value === '';
}
