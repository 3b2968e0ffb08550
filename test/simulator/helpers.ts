import { expect } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import type { WorkbookModel } from '../../src/simulator/model';

/** Asserts that `promise` rejects with an Excel-shaped error of `code`; returns the error. */
export async function expectExcelError(promise: Promise<unknown>, code: string): Promise<Record<string, unknown>> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a ${code} error`).toBeInstanceOf(Error);
  const e = caught as Record<string, unknown> & { debugInfo: Record<string, unknown> };
  expect(e.code).toBe(code);
  expect(e.name).toBe('RichApi.Error');
  expect(e.debugInfo.code).toBe(code);
  expect(e.debugInfo.message).toBe(e.message);
  return e;
}

/** Same for a synchronous throw. */
export function catchSync(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a throw');
}

/** A workbook whose sheets hold the given rows from A1. */
export function workbook(sheets: Record<string, CellValue[][]>, extra: Partial<WorkbookModel> = {}): WorkbookModel {
  return {
    sheets: Object.entries(sheets).map(([name, rows]) => {
      const cells: WorkbookModel['sheets'][number]['cells'] = {};
      rows.forEach((line, r) => line.forEach((value, c) => {
        if (value !== '') cells[`${r},${c}`] = { value };
      }));
      return { name, cells };
    }),
    tables: [],
    pivots: [],
    names: [],
    settings: {},
    ...extra,
  };
}
