import { describe, expect, it } from 'vitest';
import { aggregateValues } from '../../../src/engine/measures';

/** Every expected number below is computed by hand in the comment beside it. */
const value = (fn: string, cells: unknown[], params: number[] = []) => aggregateValues(fn, [cells], params).value;

describe('SUM, PRODUCT, COUNT family', () => {
  it('SUM skips blanks, text, logicals and errors, and says so', () => {
    const r = aggregateValues('SUM', [[1, 2, 3, '', 'x', true, '#N/A', null]]);
    expect(r.value).toBe(6); // 1+2+3
    expect(r.skipped).toEqual({ blank: 2, text: 1, logical: 1, error: 1 });
    expect(value('SUM', [])).toBe(0); // Excel: SUM of no numbers is 0
    expect(value('SUM', ['12'])).toBe(0); // text that looks like a number is text in a range
  });

  it('PRODUCT', () => {
    expect(value('PRODUCT', [2, 3, '', 4])).toBe(24);
    expect(value('PRODUCT', ['a', ''])).toBe(0); // Excel returns 0, not 1
  });

  it('COUNT counts numbers, COUNTA non-blank cells, COUNTDISTINCT different values', () => {
    const cells = [1, 'x', true, '', '#N/A', 2, null];
    expect(value('COUNT', cells)).toBe(2);
    expect(value('COUNTA', cells)).toBe(5); // 1, x, TRUE, #N/A, 2
    expect(aggregateValues('COUNTA', [cells]).skipped).toEqual({ blank: 2, text: 0, logical: 0, error: 0 });
    // 'a' and 'A' are one value; 1 and '1' are two.
    expect(value('COUNTDISTINCT', ['a', 'A', 'b', 1, '1', 1, ''])).toBe(4);
    expect(value('COUNTDISTINCT', [])).toBe(0);
  });
});

describe('AVERAGE, MIN, MAX', () => {
  it('AVERAGE', () => {
    expect(value('AVERAGE', [2, 4, 'x'])).toBe(3);
    expect(value('AVERAGE', ['', 'x'])).toBe('#DIV/0!');
  });

  it('MIN and MAX are 0 when there is no number, as in Excel', () => {
    expect(value('MIN', [3, -1, 2, 'z'])).toBe(-1);
    expect(value('MAX', [3, -1, 2, true])).toBe(3);
    expect(value('MIN', [''])).toBe(0);
    expect(value('MAX', [])).toBe(0);
  });
});

describe('MEDIAN, PERCENTILE.INC, QUARTILE.INC', () => {
  it('MEDIAN', () => {
    expect(value('MEDIAN', [1, 2, 3, 4])).toBe(2.5);
    expect(value('MEDIAN', [3, 1, 2])).toBe(2);
    expect(value('MEDIAN', [5])).toBe(5);
    expect(value('MEDIAN', ['', 'a'])).toBe('#NUM!');
  });

  it('PERCENTILE.INC interpolates on rank (n-1)p', () => {
    // n=4, p=0.9: rank 2.7 -> 3 + 0.7*(4-3) = 3.7
    expect(value('PERCENTILE.INC', [4, 1, 3, 2], [0.9])).toBeCloseTo(3.7, 12);
    // n=5, p=0.25: rank 1 -> the 2nd smallest, 20
    expect(value('PERCENTILE', [50, 10, 40, 20, 30], [0.25])).toBe(20);
    expect(value('PERCENTILE.INC', [10, 20, 30, 40, 50], [0])).toBe(10);
    expect(value('PERCENTILE.INC', [10, 20, 30, 40, 50], [1])).toBe(50);
    expect(value('PERCENTILE.INC', [10, 20], [1.1])).toBe('#NUM!');
    expect(value('PERCENTILE.INC', [10, 20], [-0.1])).toBe('#NUM!');
    expect(value('PERCENTILE.INC', [], [0.5])).toBe('#NUM!');
  });

  it('QUARTILE.INC (Excel documentation example)', () => {
    const data = [1, 2, 4, 7, 8, 9, 10, 12];
    // q=1: rank 7*0.25 = 1.75 -> 2 + 0.75*(4-2) = 3.5
    expect(value('QUARTILE', data, [1])).toBe(3.5);
    // q=3: rank 5.25 -> 9 + 0.25*(10-9) = 9.25
    expect(value('QUARTILE.INC', data, [3])).toBe(9.25);
    // q=2.9 truncates to 2: median (7+8)/2
    expect(value('QUARTILE.INC', data, [2.9])).toBe(7.5);
    expect(value('QUARTILE.INC', data, [0])).toBe(1);
    expect(value('QUARTILE.INC', data, [4])).toBe(12);
    expect(value('QUARTILE.INC', data, [5])).toBe('#NUM!');
  });
});

describe('MODE.SNGL', () => {
  it('returns the most frequent number, the first on ties, #N/A when none repeats', () => {
    expect(value('MODE.SNGL', [5.6, 4, 4, 3, 2, 4])).toBe(4); // Excel documentation example
    expect(value('MODE', [1, 2, 2, 1])).toBe(1); // tie: 1 occurs first
    expect(value('MODE', [3, 3, 2, 2, 2])).toBe(2);
    expect(value('MODE', [1, 2, 3])).toBe('#N/A');
    expect(value('MODE', ['a', 'a', ''])).toBe('#N/A');
  });
});

describe('STDEV and VAR', () => {
  // 2,4,4,4,5,5,7,9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32.
  const data = [2, 4, 4, 4, 5, 5, 7, 9, 'skip me'];
  it('population', () => {
    expect(value('VAR.P', data)).toBe(4); // 32/8
    expect(value('STDEV.P', data)).toBe(2);
    expect(value('VARP', data)).toBe(4);
  });
  it('sample', () => {
    expect(value('VAR.S', data)).toBeCloseTo(32 / 7, 12);
    expect(value('STDEV', data)).toBeCloseTo(Math.sqrt(32 / 7), 12); // 2.13808993...
  });
  it('Excel documentation example (STDEV.S 27.46392, STDEV.P 26.05456 rounded)', () => {
    const strength = [1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299];
    expect(value('STDEV.S', strength)).toBeCloseTo(27.46392, 5);
    expect(value('STDEV.P', strength)).toBeCloseTo(26.0546, 4);
  });
  it('degenerate cases give Excel errors', () => {
    expect(value('STDEV.S', [5])).toBe('#DIV/0!');
    expect(value('VAR.S', [5])).toBe('#DIV/0!');
    expect(value('STDEV.P', [5])).toBe(0);
    expect(value('STDEV.P', [])).toBe('#DIV/0!');
    expect(value('VAR.P', [''])).toBe('#DIV/0!');
  });
});

describe('two-input measures', () => {
  it('AVERAGEWEIGHTED uses rows where both value and weight are numbers', () => {
    // (10*1 + 20*1 + 30*2) / (1+1+2) = 90/4
    expect(aggregateValues('AVERAGEWEIGHTED', [[10, 20, 30], [1, 1, 2]]).value).toBe(22.5);
    const r = aggregateValues('AVERAGEWEIGHTED', [[10, 20, 'x'], [1, '', 2]]);
    expect(r.value).toBe(10); // only the first row takes part
    expect(r.skipped).toEqual({ blank: 1, text: 1, logical: 0, error: 0 });
    expect(aggregateValues('AVERAGEWEIGHTED', [[10, 20], [1, -1]]).value).toBe('#DIV/0!');
  });

  it('FIRST and LAST pick by order, earliest row on ties', () => {
    const names = ['a', 'b', 'c', 'd'];
    const order = [3, 1, 2, 1];
    expect(aggregateValues('FIRST', [names, order]).value).toBe('b');
    expect(aggregateValues('LAST', [names, order]).value).toBe('a');
    expect(aggregateValues('FIRST', [['', 'b'], [0, 1]]).value).toBe('b'); // blank value: row 0 does not take part
    expect(aggregateValues('LAST', [['x'], ['']]).value).toBe('#N/A');
  });
});
