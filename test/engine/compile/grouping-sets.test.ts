import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { ROW_FUNCTIONS, computeMeasures, deriveColumns } from '../../../src/engine/compile';
import { serialDay, serialMonth, serialYear } from '../../../src/engine/values';
import { expectRowsEqual } from '../table-equal';

const t = () =>
  aq.table({
    Region: ['N', 'N', 'S', 'S', 'n'],
    Year: [2024, 2025, 2024, 2025, 2025],
    Units: [1, 2, 3, 4, 5],
    Delay: [1, 1, 2, '', 'x'],
  });

describe('computeMeasures grouping sets and preselected rows', () => {
  it('computes exactly the grouping sets asked for, keys in groupBy order', () => {
    const r = computeMeasures(t(), {
      groupBy: ['Region', 'Year'],
      measures: [{ id: 's', formula: 'SUM([Units])' }],
      groupingSets: [['Year'], ['Year', 'Region'], []],
    });
    expect(r.levels.map((l) => l.groupBy)).toEqual([['Year'], ['Region', 'Year'], []]);
    expectRowsEqual(r.levels[0].rows, [[[2024], [4]], [[2025], [11]]]);
    expectRowsEqual(r.levels[1].rows, [[['N', 2024], [1]], [['N', 2025], [7]], [['S', 2024], [3]], [['S', 2025], [4]]]);
    expectRowsEqual(r.levels[2].rows, [[[], [15]]]);
  });
  it('reads only the given rows, and applies a filter formula on top', () => {
    const r = computeMeasures(t(), { groupBy: ['Region'], measures: [{ id: 's', formula: 'SUM([Units])' }], rows: Uint32Array.of(0, 2, 3, 4), filter: '[Units] > 1' });
    expectRowsEqual(r.levels[0].rows, [[['S'], [7]], [['n'], [5]]]);
    expect(r.rowCount).toBe(3);
  });
  it('refuses a grouping-set field outside groupBy, and subtotals together with sets', () => {
    expect(() => computeMeasures(t(), { groupBy: ['Region'], measures: [{ id: 's', formula: 'SUM([Units])' }], groupingSets: [['Year']] })).toThrow(/not in groupBy/);
    expect(() => computeMeasures(t(), { groupBy: ['Region'], measures: [{ id: 's', formula: 'SUM([Units])' }], groupingSets: [[]], subtotals: true })).toThrow(/either/);
  });
  it('COUNTDISTINCT of a numbers-only field (shared with MEDIAN) equals the general path', () => {
    const r = computeMeasures(aq.table({ g: ['a', 'a', 'a', 'b'], v: [2, 2, 3, ''] }), {
      groupBy: ['g'],
      measures: [
        { id: 'd', formula: 'COUNTDISTINCT([v])' },
        { id: 'm', formula: 'MEDIAN([v])' },
      ],
    });
    expectRowsEqual(r.levels[0].rows, [[['a'], [2, 2]], [['b'], [0, '#NUM!']]]);
    expect(r.skipped.d).toEqual({ blank: 1, text: 0, logical: 0, error: 0 });
    // Mixed field: text and numbers are different items.
    const mixed = computeMeasures(aq.table({ v: [1, '1', 'A', 'a', 1] }), { groupBy: [], measures: [{ id: 'd', formula: 'COUNTDISTINCT([v])' }] });
    expectRowsEqual(mixed.levels[0].rows, [[[], [3]]]);
  });
});

describe('deriveColumns and FLOOR.MATH', () => {
  it('derives in order; a later formula may use an earlier one', () => {
    const cols = deriveColumns(t(), [
      { name: 'Double', formula: '[Units] * 2' },
      { name: 'Band', formula: 'FLOOR.MATH([Double], 4)' },
    ]);
    expect(Array.from(cols.get('Double')!)).toEqual([2, 4, 6, 8, 10]);
    expect(Array.from(cols.get('Band')!)).toEqual([0, 4, 4, 8, 8]);
    expect(() => deriveColumns(t(), [{ name: 'units', formula: '1' }])).toThrow(/clashes/);
  });
  it('FLOOR.MATH rounds toward minus infinity at 15 digits, as Excel', () => {
    const f = ROW_FUNCTIONS.pd_floor_math;
    expect(f(5.5, 2)).toBe(4);
    expect(f(-5.5, 2)).toBe(-6);
    expect(f(0.3, 0.1)).toBe(0.3);
    expect(f(7, -2)).toBe(6);
    expect(f(7, 0)).toBe(0);
    expect(f(2.7, undefined)).toBe(2);
    expect(f('x', 1)).toBe('#VALUE!');
    expect(f('', 1)).toBe(0);
  });
});

describe('date parts with the run cache', () => {
  it('alternating and near-midnight serials give the right parts', () => {
    // 45351 = 2024-02-29, 45352 = 2024-03-01; a time half a millisecond before midnight is the next day.
    const serials = [45351, 45352, 45351, 45351.5, 45351.999999999, 60, 59, 61];
    expect(serials.map((s) => [serialYear(s), serialMonth(s), serialDay(s)])).toEqual([
      [2024, 2, 29],
      [2024, 3, 1],
      [2024, 2, 29],
      [2024, 2, 29],
      [2024, 3, 1],
      [1900, 2, 29],
      [1900, 2, 28],
      [1900, 3, 1],
    ]);
    expect(serialMonth(-1)).toBeNull();
    expect(serialYear(2958466)).toBeNull();
  });
});

describe('encodeGroupKey fast paths', () => {
  it('small whole numbers, large and fractional numbers, strings and blanks share one dictionary', async () => {
    const { encodeGroupKey, combineKeys } = await import('../../../src/engine/compile');
    const k = encodeGroupKey([3, 'x', 3, 5000, 3.5, 0, -0, 'X', '', null, '3', 4095, 4096]);
    expect(k.labels).toEqual([3, 'X', 5000, 3.5, 0, null, '3', 4095, 4096]);
    expect(Array.from(k.codes)).toEqual([0, 1, 0, 2, 3, 4, 4, 1, 5, 5, 6, 7, 8]);
    const j = encodeGroupKey(['a', 'b', 'a', 'b', 'c', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a']);
    // Two keys combine as a * |b| + b (one pass) and three in a loop: same scheme.
    expect(Array.from(combineKeys([j, k], 2, 13)).slice(0, 3)).toEqual([0 * 9 + 0, 1 * 9 + 1, 0 * 9 + 0]);
    expect(Array.from(combineKeys([j, k, j], 3, 13)).slice(0, 2)).toEqual([(0 * 9 + 0) * 3 + 0, (1 * 9 + 1) * 3 + 1]);
  });
});
