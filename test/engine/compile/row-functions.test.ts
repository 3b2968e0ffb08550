import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { ROW_FUNCTIONS as F, assertGeneratedCode, computeMeasures } from '../../../src/engine/compile';

describe('row functions follow Excel coercion', () => {
  it('arithmetic', () => {
    expect(F.pd_add('3', 1)).toBe(4); // numeric text coerces in arithmetic
    expect(F.pd_add('', 1)).toBe(1); // blank is 0
    expect(F.pd_add(true, 1)).toBe(2);
    expect(F.pd_add('a', 1)).toBe('#VALUE!');
    expect(F.pd_add('#N/A', '#REF!')).toBe('#N/A'); // first error wins
    expect(F.pd_div(1, 0)).toBe('#DIV/0!');
    expect(F.pd_div(1, '')).toBe('#DIV/0!');
    expect(F.pd_pow(2, 10)).toBe(1024);
    expect(F.pd_pow(0, 0)).toBe('#NUM!');
    expect(F.pd_pow(-8, 1 / 3)).toBe('#NUM!');
    expect(F.pd_neg('')).toBe(0);
    expect(F.pd_pct(50)).toBe(0.5);
    expect(F.pd_mul(1e200, 1e200)).toBe('#NUM!');
  });

  it('text', () => {
    expect(F.pd_cat('a', 1.5)).toBe('a1.5');
    expect(F.pd_cat(0.1 + 0.2, '')).toBe('0.3'); // 15 significant digits, like General
    expect(F.pd_cat(true, null)).toBe('TRUE');
    expect(F.pd_left('Excel', 2)).toBe('Ex');
    expect(F.pd_left('Excel')).toBe('E');
    expect(F.pd_right('Excel', 3)).toBe('cel');
    expect(F.pd_right('Excel', 0)).toBe('');
    expect(F.pd_left('Excel', -1)).toBe('#VALUE!');
    expect(F.pd_len(12.5)).toBe(4);
    expect(F.pd_trim('  a   b  ')).toBe('a b');
    expect(F.pd_upper('straße')).toBe('STRASSE');
    expect(F.pd_concat('a', 1, true, '')).toBe('a1TRUE');
    expect(F.pd_concat('a', '#N/A')).toBe('#N/A');
  });

  it('comparison: numbers < text < logicals, text ignores case, blank matches empty', () => {
    expect(F.pd_eq('abc', 'ABC')).toBe(true);
    expect(F.pd_lt(1000, 'a')).toBe(true);
    expect(F.pd_gt(true, 'zzz')).toBe(true);
    expect(F.pd_eq('', 0)).toBe(true);
    expect(F.pd_eq(null, '')).toBe(true);
    expect(F.pd_eq(null, false)).toBe(true);
    expect(F.pd_ne('1', 1)).toBe(true); // text "1" is not the number 1
    expect(F.pd_ge('#DIV/0!', 1)).toBe('#DIV/0!');
  });

  it('logic', () => {
    expect(F.pd_if(true, 'y', 'n')).toBe('y');
    expect(F.pd_if(0, 'y', 'n')).toBe('n');
    expect(F.pd_if(false, 'y')).toBeNull(); // our documented choice: blank, not FALSE
    expect(F.pd_if('maybe', 1, 2)).toBe('#VALUE!');
    expect(F.pd_iferror('#N/A', 0)).toBe(0);
    expect(F.pd_iferror(5, 0)).toBe(5);
    expect(F.pd_and(true, 1, 'TRUE')).toBe(true);
    expect(F.pd_and(true, 0)).toBe(false);
    expect(F.pd_or(false, '')).toBe(false);
    expect(F.pd_not(0)).toBe(true);
    expect(F.pd_isblank('')).toBe(true);
    expect(F.pd_isblank(0)).toBe(false);
    expect(F.pd_iserror('#N/A')).toBe(true);
    expect(F.pd_istext('#N/A')).toBe(false);
  });

  it('ROUND halves away from zero as Excel does', () => {
    expect(F.pd_round(2.5, 0)).toBe(3);
    expect(F.pd_round(-2.5, 0)).toBe(-3);
    expect(F.pd_round(2.675, 2)).toBe(2.68); // binary 2.67499999... still rounds up in Excel
    expect(F.pd_round(1234.5678, -2)).toBe(1200);
    expect(F.pd_round(1.005, 2)).toBe(1.01);
  });

  it('dates from serials', () => {
    expect(F.pd_year(45292)).toBe(2024);
    expect(F.pd_quarter(45323)).toBe(1);
    expect(F.pd_month(45323)).toBe(2);
    expect(F.pd_day(60)).toBe(29);
    expect(F.pd_weekday(45292)).toBe(2);
    expect(F.pd_weekday(45292, 2)).toBe(1);
    expect(F.pd_weekday(45292, 9)).toBe('#NUM!');
    expect(F.pd_isoweeknum(45292)).toBe(1);
    expect(F.pd_year(-1)).toBe('#NUM!');
    expect(F.pd_year('x')).toBe('#VALUE!');
  });
});

describe('formulas run end to end through Arquero', () => {
  it('row formulas inside aggregates', () => {
    const t = aq.table({ d: [45292, 45323, 45658], s: [' a  b ', 'x', ''] });
    const r = computeMeasures(t, {
      groupBy: [],
      measures: [
        { id: 'years', formula: 'SUM(YEAR([d]))' }, // 2024+2024+2025
        { id: 'w', formula: 'MAX(ISOWEEKNUM([d]))' }, // 1, 5, 1
        { id: 'len', formula: 'SUM(LEN(TRIM([s])))' }, // 3 + 1 + 0
        { id: 'neg', formula: 'MIN(-[d]^2 / 1e9)' }, // Excel reads -[d]^2 as (-[d])^2: positive
        { id: 'cat', formula: 'COUNTA(CONCAT(UPPER([s]), "!"))' },
      ],
    });
    const values = r.levels[0].rows[0].values;
    expect(values.slice(0, 3)).toEqual([6073, 5, 4]);
    expect(values[3]).toBeCloseTo((45292 * 45292) / 1e9, 9); // (-x)^2 is positive: the smallest is the first row
    expect(values[4]).toBe(3);
  });
});

describe('assertGeneratedCode', () => {
  it('accepts only the generated grammar', () => {
    expect(assertGeneratedCode('op.pd_add(d.c0,$.p0)')).toBe('op.pd_add(d.c0,$.p0)');
    expect(assertGeneratedCode('op.pd_median(d.a1)')).toBe('op.pd_median(d.a1)');
    for (const bad of ['d.c0;alert(1)', 'op.constructor(d.c0)', 'd["x"]', '$.p0+1', 'op.pd_add(d.c0,fetch())', '']) {
      expect(() => assertGeneratedCode(bad)).toThrow('safety check');
    }
  });
});
