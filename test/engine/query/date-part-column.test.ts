import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { deriveColumns } from '../../../src/engine/compile';
import { executeQuery } from '../../../src/engine/query';
import { datePartColumn } from '../../../src/engine/query/date-part-column';
import { derivedFormula } from '../../../src/engine/query/spec-formulas';

const PARTS = ['year', 'quarter', 'month', 'isoWeek', 'weekday', 'day'] as const;

// Serials around every edge: 0 (1900-01-00), 59/60/61 (Excel's fictitious 1900-02-29), a time
// a hair before midnight, the last date (9999-12-31 = 2958465) and past it, negatives, -0,
// non-finite numbers, and blanks of each kind.
const AWKWARD: unknown[] = [
  45292, 45292.75, 45292.999999999, 0, -0, 1, 59, 60, 61, 59.5, -1, -0.5, 2958465, 2958465.9, 2958466,
  NaN, Infinity, -Infinity, 1e300, 44927, 44561, 45657, '', null, undefined,
];

describe('datePartColumn', () => {
  for (const part of PARTS) {
    it(`gives what the formula path gives: ${part}`, () => {
      const table = aq.table({ d: AWKWARD });
      const formula = derivedFormula({ kind: 'datePart', name: 'x', field: 'd', part });
      const general = Array.from(deriveColumns(table, [{ name: 'x', formula }]).get('x')!);
      expect(datePartColumn(AWKWARD, part)).toEqual(general);
    });
  }

  it('by hand: month of 2024-01-01, a blank and a negative serial; (blank) stays ""', () => {
    expect(datePartColumn([45292, '', -1, 60], 'month')).toEqual([1, '', '#NUM!', 2]);
    expect(datePartColumn([45292], 'weekday')).toEqual([1]); // a Monday, WEEKDAY(…, 2)
  });

  it('leaves any other cell to the formula path', () => {
    expect(datePartColumn([45292, '2024-01-01'], 'month')).toBeUndefined();
    expect(datePartColumn([true], 'year')).toBeUndefined();
    expect(datePartColumn(['#N/A'], 'year')).toBeUndefined();
  });

  it('in a query: the same result as the formula path, a derived field of a derived field, and the same errors', () => {
    const Sales = aq.table({ Date: [45292, 45323, '', 45658, 45292], Region: ['N', 'S', 'N', 'N', 'S'], Amount: [1, 2, 3, 4, 5] });
    const Text = aq.table({ Date: [45292, 'soon', '', 45658, 45292], Region: ['N', 'S', 'N', 'N', 'S'], Amount: [1, 2, 3, 4, 5] });
    const spec = (derived: unknown[]) => ({
      version: 1, source: { kind: 'table', name: 'Sales' }, derived, rows: ['Year'], columns: ['Month'],
      measures: [{ id: 's', kind: 'sum', field: 'Amount' }],
    });
    const derived = [
      { kind: 'formula', name: 'Shifted', formula: '[Date] + 31' },
      { kind: 'datePart', name: 'Year', field: 'Date', part: 'year' },
      { kind: 'datePart', name: 'Month', field: 'Shifted', part: 'month' },
    ];
    // The same query with each date part written out as its formula runs the formula path only.
    const asFormulas = derived.map((d) => (d.kind === 'datePart' ? { kind: 'formula', name: d.name, formula: derivedFormula(d as never) } : d));
    for (const source of [Sales, Text]) {
      const fast = executeQuery(spec(derived), () => source);
      expect(fast).toEqual(executeQuery(spec(asFormulas), () => source));
    }
    expect(executeQuery(spec(derived), () => Sales).grid!.rowItems.map((r) => r.path)).toEqual([[2024], [2025], [null], []]);
    expect(() => executeQuery(spec([{ kind: 'datePart', name: 'Region', field: 'Date', part: 'year' }]), () => Sales)).toThrow(/clashes/);
    expect(() => executeQuery(spec([{ kind: 'datePart', name: 'Year', field: 'Nope', part: 'year' }]), () => Sales)).toThrow(/Nope/);
  });
});
