/**
 * How Excel turns what an add-in writes into `range.values` / `range.formulas` into cell
 * contents: it parses strings as if typed, so "123" becomes the number 123, "TRUE" a boolean,
 * "=A1+1" a formula and "'007" the text "007" — unless the cell is formatted as text ("@").
 * `null` leaves a cell unchanged (documented Office.js behaviour for partial writes).
 */
import type { CellValue } from '../../excel/api';
import { fail } from '../errors';

export type CellInput = { value: CellValue; formula?: string } | null;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

/**
 * @example coerceInput('42', 'General')   // { value: 42 }
 * @example coerceInput('42', '@')         // { value: '42' }
 * @example coerceInput('=SUM(A1:A3)', 'General') // { value: '', formula: '=SUM(A1:A3)' }
 */
export function coerceInput(input: unknown, cellFormat: string, location: string): CellInput {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') {
    // Fast path first: numbers dominate bulk writes.
    if (!Number.isFinite(input)) fail('InvalidArgument', location);
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') return fail('InvalidArgument', location);
  if (cellFormat === '@') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.length > 1 && input.startsWith('=')) return { value: '', formula: input };
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (PERCENT.test(trimmed)) return { value: Number(trimmed.slice(0, -1)) / 100 };
  if (/^true$/i.test(trimmed)) return { value: true };
  if (/^false$/i.test(trimmed)) return { value: false };
  return { value: input };
}
