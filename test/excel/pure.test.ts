import { describe, expect, it } from 'vitest';
import { parseBlock } from '../../src/excel/a1';
import { excelErrorCode, explainExcelError, isPayloadTooLarge } from '../../src/excel/errors';
import { estimateJsonBytes, sampledJsonBytes } from '../../src/excel/payload';
import { isDarkBackground, luminance } from '../../src/excel/theme';

describe('estimateJsonBytes', () => {
  // Independent oracle: UTF-8 length of JSON.stringify.
  const oracle = (rows: unknown): number => new TextEncoder().encode(JSON.stringify(rows)).length;
  it.each([
    [[[]]],
    [[[1, 'ab'], [true, '']]],
    [[[45292.123456789, -0.5, 1e21, 3e-7]]],
    [[['quote " and \\ backslash', 'tab\tnew\nline', '\u0001']]],
    [[['é', '€ 1.234', '日本', '😀 emoji'], [false, 0, '#N/A', '']]],
  ])('matches the UTF-8 JSON length of %j', (rows) => {
    expect(estimateJsonBytes(rows as never)).toBe(oracle(rows));
  });
});

describe('sampledJsonBytes', () => {
  const oracle = (rows: unknown): number => new TextEncoder().encode(JSON.stringify(rows)).length;
  it('is exact up to the sampled height, with non-ASCII text, -0 and infinities (null in JSON)', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i % 3 ? 'Zürich' : '東京', i % 5 ? -0 : Infinity, i / 7]);
    expect(sampledJsonBytes(rows, 50)).toBe(oracle(rows));
    expect(sampledJsonBytes([], 10)).toBe(oracle([]));
  });
  it('is exact for a tall block of equal-width rows', () => {
    const rows = Array.from({ length: 10_007 }, () => ['Øresund', 12.5, true]);
    expect(sampledJsonBytes(rows, 100)).toBe(oracle(rows));
  });
  it('scales a varied block from its spread rows to within 1% of the real size', () => {
    // Row widths cycle through 1..37 characters, so every sample of spread rows sees all widths.
    const rows = Array.from({ length: 100_003 }, (_, i) => ['x'.repeat(1 + (i % 37)), i, i % 2 === 0]);
    const real = oracle(rows);
    expect(Math.abs(sampledJsonBytes(rows, 2_000) - real) / real).toBeLessThan(0.01);
  });
});

describe('parseBlock', () => {
  it('parses plain, absolute and sheet-qualified addresses', () => {
    expect(parseBlock('A1:C3')).toEqual({ row: 0, column: 0, rows: 3, columns: 3 });
    expect(parseBlock("'My Sheet'!$B$2:$AA$10")).toEqual({ row: 1, column: 1, rows: 9, columns: 26 });
    expect(parseBlock('D7')).toEqual({ row: 6, column: 3, rows: 1, columns: 1 });
    expect(parseBlock('C3:A1')).toEqual({ row: 0, column: 0, rows: 3, columns: 3 });
  });
  it('leaves names and whole rows/columns to Excel', () => {
    expect(parseBlock('A:C')).toBeUndefined();
    expect(parseBlock('2:5')).toBeUndefined();
    expect(parseBlock('SalesData')).toBeUndefined();
  });
});

describe('errors', () => {
  it('reads codes and explains them', () => {
    expect(excelErrorCode({ code: 'ItemNotFound' })).toBe('ItemNotFound');
    expect(excelErrorCode(new Error('x'))).toBeUndefined();
    expect(isPayloadTooLarge({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
    expect(isPayloadTooLarge({ code: 'InvalidArgument' })).toBe(false);
    expect(explainExcelError({ code: 'InvalidOperationInCellEditMode' }, 'list the tables'))
      .toBe('Could not list the tables: Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.');
    expect(explainExcelError(new Error('boom'), 'list the tables'))
      .toBe('Could not list the tables: boom. Press Refresh to try again.');
  });
});

describe('theme', () => {
  it('computes WCAG luminance', () => {
    expect(luminance('#FFFFFF')).toBeCloseTo(1, 6);
    expect(luminance('#000')).toBe(0);
    // sRGB 0x80 → ((0.502 + 0.055) / 1.055) ^ 2.4 = 0.2158
    expect(luminance('#808080')).toBeCloseTo(0.2158, 3);
    expect(luminance('not a colour')).toBeUndefined();
  });
  it('treats Office Black/Dark Gray backgrounds as dark, White/Colorful as light', () => {
    expect(isDarkBackground('#262626')).toBe(true);
    expect(isDarkBackground('#444444')).toBe(true);
    expect(isDarkBackground('#FFFFFF')).toBe(false);
    expect(isDarkBackground('#E6E6E6')).toBe(false);
    expect(isDarkBackground(undefined)).toBe(false);
  });
});
