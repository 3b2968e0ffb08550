import { describe, expect, it } from 'vitest';
import { EXCEL_ERRORS, classifyValue, isBlank, isExcelError } from '../../../src/engine/values';

describe('classifyValue', () => {
  it('classifies what Range.values returns', () => {
    expect(classifyValue(0)).toBe('number');
    expect(classifyValue(-1.5)).toBe('number');
    expect(classifyValue('')).toBe('blank');
    expect(classifyValue(null)).toBe('blank');
    expect(classifyValue(undefined)).toBe('blank');
    expect(classifyValue(' ')).toBe('text');
    expect(classifyValue('12')).toBe('text'); // text that looks numeric stays text, as in SUM(range)
    expect(classifyValue(true)).toBe('logical');
    expect(classifyValue(false)).toBe('logical');
    expect(classifyValue(NaN)).toBe('error');
    expect(classifyValue(Infinity)).toBe('error');
  });

  it('knows every Excel error string and nothing close to one', () => {
    expect(EXCEL_ERRORS).toHaveLength(10);
    for (const e of ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#GETTING_DATA', '#SPILL!', '#CALC!']) {
      expect(classifyValue(e)).toBe('error');
      expect(isExcelError(e)).toBe(true);
    }
    for (const t of ['#n/a', 'N/A', '#N/A ', '#', '#DIV/0', '#FIELD!x']) {
      expect(isExcelError(t)).toBe(false);
      expect(classifyValue(t)).toBe('text');
    }
  });

  it('isBlank is only empty', () => {
    expect(isBlank('')).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(' ')).toBe(false);
    expect(isBlank(false)).toBe(false);
  });
});
