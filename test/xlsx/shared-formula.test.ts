import { describe, expect, it } from 'vitest';
import { shiftFormula } from '../../src/simulator/xlsx/shared-formula';

describe('shiftFormula', () => {
  it('moves relative parts and keeps absolute ones', () => {
    expect(shiftFormula('A1+$A1+A$1+$A$1', 2, 3)).toBe('D3+$A3+D$1+$A$1');
  });
  it('moves ranges, whole columns and whole rows', () => {
    expect(shiftFormula('SUM(A1:B2)+SUM(C:C)+SUM(3:$4)', 1, 1)).toBe('SUM(B2:C3)+SUM(D:D)+SUM(4:$4)');
  });
  it('leaves strings, quoted sheet names, functions that look like cells and structured references alone', () => {
    expect(shiftFormula('"A1"&\'A1 sheet\'!A1&LOG10(A2)&Table1[[#This Row],[A1]]', 1, 0)).toBe(
      '"A1"&\'A1 sheet\'!A2&LOG10(A3)&Table1[[#This Row],[A1]]',
    );
  });
  it('keeps sheet-qualified references and names with digits', () => {
    expect(shiftFormula('Sheet2!B2*Rate2024+_x1', 0, 1)).toBe('Sheet2!C2*Rate2024+_x1');
  });
  it('turns references moved off the sheet into #REF!', () => {
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});
