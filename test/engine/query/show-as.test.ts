import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
  differenceFromPrevious,
  executeQuery,
  movingAverage,
  percentDifferenceFromPrevious,
  rank,
  runningTotal,
  percentOf,
} from '../../../src/engine/query';
import type { QuerySpec } from '../../../src/engine/spec';

describe('show-as sequence functions (hand-computed)', () => {
  it('percentOf', () => {
    expect(percentOf(25, 100)).toBe(0.25);
    expect(percentOf(5, 0)).toBe('#DIV/0!');
    expect(percentOf(5, null)).toBe('#N/A');
    expect(percentOf(5, '#NUM!')).toBe('#NUM!');
    expect(percentOf('#N/A', 10)).toBe('#N/A');
  });
  it('runningTotal', () => {
    expect(runningTotal([1, 2, null, 4])).toEqual([1, 3, 3, 7]);
    expect(runningTotal([1, '#DIV/0!', 2])).toEqual([1, '#DIV/0!', 3]);
  });
  it('rank: ties share a rank and leave a gap; blanks unranked; an error stays the error', () => {
    expect(rank([10, 30, 20, 30])).toEqual([4, 1, 3, 1]);
    expect(rank([10, 30, 20], 'asc')).toEqual([1, 3, 2]);
    // The pivot extension's copy kept the error and this one blanked it; Excel's "Show Values As"
    // Rank shows a cell's error as is, so both now keep it (one implementation, issue 15).
    expect(rank([5, '#N/A', 7])).toEqual([2, '#N/A', 1]);
    expect(rank([5, null, -0, 0])).toEqual([1, null, 2, 2]);
  });
  it('differenceFromPrevious / percentDifferenceFromPrevious', () => {
    expect(differenceFromPrevious([5, 8, 6])).toEqual([null, 3, -2]);
    expect(percentDifferenceFromPrevious([50, 75, 60])).toEqual([null, 0.5, -0.2]);
    expect(percentDifferenceFromPrevious([0, 5])).toEqual([null, '#DIV/0!']);
  });
  it('movingAverage over up to N items', () => {
    expect(movingAverage([2, 4, 6, 8], 3)).toEqual([2, 3, 4, 6]);
    expect(movingAverage([2, 4, 6, 8], 1)).toEqual([2, 4, 6, 8]);
    expect(movingAverage([2, '#N/A', 6], 2)).toEqual([2, 2, 6]);
  });
});

// Region × Year, Revenue: N 2023=10, N 2024=30, S 2023=20, S 2024=40 (two rows each for some).
const sales = aq.table({
  Region: ['N', 'N', 'N', 'S', 'S', 'S'],
  Year: [2023, 2024, 2024, 2023, 2024, 2024],
  Revenue: [10, 10, 20, 20, 15, 25],
});
const base = (showAs: NonNullable<QuerySpec['measures'][number]['showAs']>, columns = true): QuerySpec => ({
  version: 1,
  source: { kind: 'table', name: 'Sales' },
  rows: ['Region'],
  columns: columns ? ['Year'] : [],
  measures: [{ id: 'rev', kind: 'sum', field: 'Revenue', showAs }],
});
/** Grid values as a plain matrix: rows N, S, Grand Total × columns 2023, 2024, Grand Total. */
const grid = (spec: QuerySpec) => executeQuery(spec, () => sales).grid!.values;

describe('show-as in executeQuery (hand-computed on Region × Year)', () => {
  // Sums: N: 10, 30 (40); S: 20, 40 (60); totals 30, 70 (100).
  it('percent of grand total', () => {
    expect(grid(base({ kind: 'percentOfGrandTotal' }))).toEqual([
      [0.1, 0.3, 0.4],
      [0.2, 0.4, 0.6],
      [0.3, 0.7, 1],
    ]);
  });
  it('percent of row total', () => {
    expect(grid(base({ kind: 'percentOfRowTotal' }))).toEqual([
      [0.25, 0.75, 1],
      [1 / 3, 2 / 3, 1],
      [0.3, 0.7, 1],
    ]);
  });
  it('percent of column total', () => {
    expect(grid(base({ kind: 'percentOfColumnTotal' }))).toEqual([
      [1 / 3, 30 / 70, 0.4],
      [2 / 3, 40 / 70, 0.6],
      [1, 1, 1],
    ]);
  });
  it('percent of parent row (one row field: the parent is the grand total)', () => {
    expect(grid(base({ kind: 'percentOfParentRow' }))).toEqual([
      [1 / 3, 30 / 70, 0.4],
      [2 / 3, 40 / 70, 0.6],
      [1, 1, 1],
    ]);
  });
  it('running total along columns (years), blank in total column', () => {
    expect(grid(base({ kind: 'runningTotal', along: 'columns' }))).toEqual([
      [10, 40, null],
      [20, 60, null],
      [30, 100, null],
    ]);
  });
  it('difference and % difference from previous year', () => {
    expect(grid(base({ kind: 'differenceFromPrevious', along: 'columns' }))).toEqual([
      [null, 20, null],
      [null, 20, null],
      [null, 40, null],
    ]);
    expect(grid(base({ kind: 'percentDifferenceFromPrevious', along: 'columns' }))).toEqual([
      [null, 2, null],
      [null, 1, null],
      [null, 40 / 30, null],
    ]);
  });
  it('rank along rows within each year, largest first', () => {
    expect(grid(base({ kind: 'rank' }))).toEqual([
      [2, 2, 2],
      [1, 1, 1],
      [null, null, null],
    ]);
  });
  it('moving average of 2 periods along years', () => {
    expect(grid(base({ kind: 'movingAverage', periods: 2, along: 'columns' }))).toEqual([
      [10, 20, null],
      [20, 30, null],
      [30, 50, null],
    ]);
  });
  it('percent of parent row with two row fields', () => {
    const r = executeQuery(
      { version: 1, source: { kind: 'table', name: 'S' }, rows: ['Region', 'Year'], measures: [{ id: 'rev', kind: 'sum', field: 'Revenue', showAs: { kind: 'percentOfParentRow' } }] },
      () => sales,
    ).grid!;
    expect(r.rowItems.map((i) => [i.kind, ...i.path])).toEqual([
      ['item', 'N', 2023],
      ['item', 'N', 2024],
      ['subtotal', 'N'],
      ['item', 'S', 2023],
      ['item', 'S', 2024],
      ['subtotal', 'S'],
      ['grandTotal'],
    ]);
    expect(r.values.map((v) => v[0])).toEqual([0.25, 0.75, 0.4, 1 / 3, 2 / 3, 0.6, 1]);
  });
  it('show-as formats: percentages 0.00%, ranks 0', () => {
    const r = executeQuery(base({ kind: 'percentOfGrandTotal' }), () => sales);
    expect(r.grid!.measures[0].numberFormat).toBe('0.00%');
    expect(executeQuery(base({ kind: 'rank' }), () => sales).flat!.numberFormats).toEqual(['General', 'General', '0']);
  });
});
