import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { executeQuery, filterPredicate, relativeDateRange } from '../../../src/engine/query';
import type { Filter, QuerySpec } from '../../../src/engine/spec';
import { partsToSerial } from '../../../src/engine/values';

// One row per item so the kept rows are easy to read off the flat result.
const items = aq.table({
  Id: [1, 2, 3, 4, 5, 6, 7, 8],
  Name: ['North', 'north-east', 'South', '', 'West', '#N/A', 12, true],
  Amount: [10, 20, 30, 40, '', 'n/a', -5, 0],
});

/** Ids of the rows a list of filters keeps. */
function kept(filters: Filter[]): unknown[] {
  const spec: QuerySpec = { version: 1, source: { kind: 'table', name: 'T' }, rows: ['Id'], filters, measures: [{ id: 'n', kind: 'count', field: 'Id' }] };
  return executeQuery(spec, () => items, { output: 'flat' }).flat!.rows.map((r) => r[0]);
}

describe('filters (hand-computed)', () => {
  it('in-list matches items ignoring case; null matches blanks; exclude negates', () => {
    expect(kept([{ kind: 'in', field: 'Name', values: ['NORTH', 'west', null] }])).toEqual([1, 4, 5]);
    expect(kept([{ kind: 'in', field: 'Name', values: [12] }])).toEqual([7]);
    expect(kept([{ kind: 'in', field: 'Name', values: ['12'] }])).toEqual([]);
    expect(kept([{ kind: 'in', field: 'Name', values: ['North', 'South'], exclude: true }])).toEqual([2, 4, 5, 6, 7, 8]);
  });
  it('comparisons only see cells of the literal type', () => {
    expect(kept([{ kind: 'compare', field: 'Amount', op: '>', value: 15 }])).toEqual([2, 3, 4]);
    expect(kept([{ kind: 'compare', field: 'Amount', op: '<=', value: 0 }])).toEqual([7, 8]);
    expect(kept([{ kind: 'compare', field: 'Amount', op: '<>', value: 10 }])).toEqual([2, 3, 4, 7, 8]);
    expect(kept([{ kind: 'compare', field: 'Name', op: '=', value: 'SOUTH' }])).toEqual([3]);
    expect(kept([{ kind: 'compare', field: 'Name', op: '>=', value: 'south' }])).toEqual([3, 5]);
  });
  it('between includes both ends; exclude keeps the numbers outside', () => {
    expect(kept([{ kind: 'between', field: 'Amount', low: 0, high: 20 }])).toEqual([1, 2, 8]);
    expect(kept([{ kind: 'between', field: 'Amount', low: 0, high: 20, exclude: true }])).toEqual([3, 4, 7]);
  });
  it('text contains / starts with / ends with, ignoring case unless asked', () => {
    expect(kept([{ kind: 'text', field: 'Name', match: 'contains', value: 'ORTH' }])).toEqual([1, 2]);
    expect(kept([{ kind: 'text', field: 'Name', match: 'contains', value: 'orth', caseSensitive: true }])).toEqual([1, 2]);
    expect(kept([{ kind: 'text', field: 'Name', match: 'startsWith', value: 'N', caseSensitive: true }])).toEqual([1]);
    expect(kept([{ kind: 'text', field: 'Name', match: 'endsWith', value: 'st' }])).toEqual([2, 5]);
    expect(kept([{ kind: 'text', field: 'Name', match: 'startsWith', value: '1' }])).toEqual([7]);
    expect(kept([{ kind: 'text', field: 'Name', match: 'contains', value: 'orth', exclude: true }])).toEqual([3, 5, 7]);
  });
  it('blanks and non-blanks', () => {
    expect(kept([{ kind: 'blank', field: 'Amount', blank: true }])).toEqual([5]);
    expect(kept([{ kind: 'blank', field: 'Name', blank: false }])).toEqual([1, 2, 3, 5, 6, 7, 8]);
  });
  it('formula filters keep TRUE rows; errors drop the row', () => {
    expect(kept([{ kind: 'formula', formula: '[Amount] * 2 > 30' }])).toEqual([2, 3, 4]);
  });
  it('filters combine with AND', () => {
    expect(
      kept([
        { kind: 'compare', field: 'Amount', op: '>', value: 5 },
        { kind: 'text', field: 'Name', match: 'contains', value: 'th' },
      ]),
    ).toEqual([1, 2, 3]);
  });
  it('top and bottom N by a measure, after the other filters, ties by label', () => {
    const t = aq.table({ Rep: ['a', 'b', 'c', 'd', 'a', 'e'], Sales: [5, 9, 7, 9, 1, 2] });
    const spec = (filters: Filter[]): QuerySpec => ({
      version: 1,
      source: { kind: 'table', name: 'T' },
      rows: ['Rep'],
      filters,
      measures: [{ id: 's', kind: 'sum', field: 'Sales' }],
      totals: { grandTotalRow: true },
    });
    const run = (filters: Filter[]) => executeQuery(spec(filters), () => t, { output: 'flat' }).flat!.rows;
    // Totals: a 6, b 9, c 7, d 9, e 2.
    expect(run([{ kind: 'topN', field: 'Rep', n: 2, measure: 's' }])).toEqual([['b', 9], ['d', 9]]);
    expect(run([{ kind: 'topN', field: 'Rep', n: 2, measure: 's', direction: 'bottom' }])).toEqual([['a', 6], ['e', 2]]);
    expect(run([{ kind: 'compare', field: 'Sales', op: '<', value: 9 }, { kind: 'topN', field: 'Rep', n: 1, measure: 's' }])).toEqual([['c', 7]]);
    expect(run([{ kind: 'topN', field: 'Rep', n: 3, measure: 's' }])).toEqual([['b', 9], ['c', 7], ['d', 9]]);
    const grand = executeQuery(spec([{ kind: 'topN', field: 'Rep', n: 2, measure: 's' }]), () => t).grid!;
    expect(grand.values.at(-1)).toEqual([18]);
  });
});

describe('relative dates (hand-computed ranges)', () => {
  const today = partsToSerial(2024, 5, 17) + 0.75; // 6 pm: the time of day does not matter
  const range = (unit: 'day' | 'month' | 'year', last: number, includeCurrent?: boolean) =>
    relativeDateRange({ kind: 'relativeDate', field: 'd', unit, last, today, includeCurrent });
  it('last N days', () => {
    expect(range('day', 7)).toEqual({ start: partsToSerial(2024, 5, 11), end: partsToSerial(2024, 5, 18) });
    expect(range('day', 7, false)).toEqual({ start: partsToSerial(2024, 5, 10), end: partsToSerial(2024, 5, 17) });
  });
  it('last N months crosses years', () => {
    expect(range('month', 3)).toEqual({ start: partsToSerial(2024, 3, 1), end: partsToSerial(2024, 6, 1) });
    expect(range('month', 12, false)).toEqual({ start: partsToSerial(2023, 5, 1), end: partsToSerial(2024, 5, 1) });
    expect(range('month', 6)).toEqual({ start: partsToSerial(2023, 12, 1), end: partsToSerial(2024, 6, 1) });
  });
  it('last N years', () => {
    expect(range('year', 2)).toEqual({ start: partsToSerial(2023, 1, 1), end: partsToSerial(2025, 1, 1) });
    expect(range('year', 1, false)).toEqual({ start: partsToSerial(2023, 1, 1), end: partsToSerial(2024, 1, 1) });
  });
  it('keeps serials (with times) inside the range only; text and blanks never', () => {
    const keep = filterPredicate({ kind: 'relativeDate', field: 'd', unit: 'month', last: 1, today });
    expect(keep(partsToSerial(2024, 5, 1))).toBe(true);
    expect(keep(partsToSerial(2024, 5, 31) + 0.99)).toBe(true);
    expect(keep(partsToSerial(2024, 6, 1))).toBe(false);
    expect(keep(partsToSerial(2024, 4, 30) + 0.5)).toBe(false);
    expect(keep('2024-05-03')).toBe(false);
    expect(keep('')).toBe(false);
  });
});
