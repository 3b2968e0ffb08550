/** The builder's pure parts: draft ⇄ spec, formula help, field types, filters in words. */
import { describe, expect, it } from 'vitest';
import { validateQuerySpec, type QuerySpec } from '../../src/engine';
import { describeFields } from '../../src/taskpane/query/field-info';
import { describeFilter, toFilter } from '../../src/taskpane/query/FilterForm';
import { formulaCompletions, formulaProblems } from '../../src/taskpane/query/formula-help';
import { choiceOf, defaultFormat, measureId } from '../../src/taskpane/query/measure-choices';
import { draftToSpec, EMPTY_DRAFT, specToDraft } from '../../src/taskpane/query/spec-draft';

const FIELDS = ['Date', 'Region', 'Revenue', 'Customer'];

describe('draftToSpec / specToDraft', () => {
  it('turns a date part into a derived field named after the part, and back', () => {
    const draft = {
      ...EMPTY_DRAFT,
      rows: [{ field: 'Region' }],
      columns: [{ field: 'Date', part: 'year' as const }],
      measures: [{ id: 'rev', label: 'Revenue', kind: 'sum' as const, field: 'Revenue', showAs: { kind: 'percentOfRowTotal' as const } }],
    };
    const spec = draftToSpec({ kind: 'table', name: 'Sales' }, draft, FIELDS);
    const want: QuerySpec = {
      version: 1,
      source: { kind: 'table', name: 'Sales' },
      rows: ['Region'],
      columns: ['Year'],
      derived: [{ kind: 'datePart', name: 'Year', field: 'Date', part: 'year' }],
      measures: draft.measures,
    };
    expect(spec).toEqual(want);
    expect(validateQuerySpec(spec).ok).toBe(true);
    expect(specToDraft(spec)).toEqual(draft);
  });

  it('names the part "Year of Date" when the source already has a Year field; totals off are kept', () => {
    const spec = draftToSpec({ kind: 'table', name: 'T' }, {
      ...EMPTY_DRAFT, rows: [{ field: 'Date', part: 'year' }], measures: [{ id: 'n', kind: 'count', field: 'Date' }], subtotals: false, grandTotals: false,
    }, ['Date', 'Year']);
    expect(spec.rows).toEqual(['Year of Date']);
    expect(spec.totals).toEqual({ subtotals: false, grandTotalRow: false, grandTotalColumn: false });
  });
});

describe('formula help', () => {
  it('points at unknown functions and fields', () => {
    expect(formulaProblems('SUM([Revenue]) / COUNT([Customer])', FIELDS)).toEqual([]);
    expect(formulaProblems('MEDIN([Revenue])', FIELDS)[0]).toMatch(/MEDIN.*MEDIAN/);
    expect(formulaProblems('SUM([Revenu])', FIELDS)[0]).toMatch(/Unknown field \[Revenu\].*\[Revenue\]/);
  });

  it('completes functions after letters and fields after "["', () => {
    expect(formulaCompletions('MED', FIELDS)[0]).toMatchObject({ label: 'MEDIAN', text: 'MEDIAN(' });
    expect(formulaCompletions('SUM([Re', FIELDS).map((c) => c.text)).toEqual(['SUM([Region]', 'SUM([Revenue]']); // prefix matches in field order
    expect(formulaCompletions('SUM([Revenue]) ', FIELDS)).toEqual([]);
  });
});

describe('fields, measures and filters', () => {
  it('recognises dates by their number format and keeps samples as shown', () => {
    const info = describeFields(['Date', 'Revenue', 'Region', 'Mixed'], [[45292, 12.5, 'North', 1], [45293, 10, 'South', 'x']], [
      ['yyyy-mm-dd', '$#,##0.00', 'General', 'General'], ['yyyy-mm-dd', '$#,##0.00', 'General', 'General'],
    ]);
    expect(info.map((f) => f.type)).toEqual(['date', 'number', 'text', 'mixed']);
    expect(info[0].samples).toEqual(['2024-01-01', '2024-01-02']);
    expect(info[1].numberFormat).toBe('$#,##0.00');
    expect(defaultFormat(choiceOf('median'), info[1])).toBe('$#,##0.00');
    expect(defaultFormat(choiceOf('distinctCount'), info[1])).toBe('#,##0');
  });

  it('makes unique measure ids from headers', () => {
    expect(measureId('P90 of Revenue', [])).toBe('p90_of_revenue');
    expect(measureId('% of row total', ['of_row_total'])).toBe('of_row_total_2');
    expect(measureId('90th', [])).toBe('m_90th');
  });

  it('reads filters typed in words', () => {
    expect(toFilter('Region', 'in', 'North, South')).toEqual({ kind: 'in', field: 'Region', values: ['North', 'South'] });
    expect(toFilter('Units', '>=', '10')).toEqual({ kind: 'compare', field: 'Units', op: '>=', value: 10 });
    expect(toFilter('Region', 'in', ' , ')).toBeUndefined();
    expect(describeFilter({ kind: 'in', field: 'Region', values: ['North'], exclude: true })).toBe('Region is none of North');
  });
});
