/**
 * The Fields pane's transitions: checking and unchecking fields, dragging between Filters,
 * Columns, Rows and Values and reordering within one. Expected drafts are written by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  areaEntries, checkField, fieldsInUse, locate, moveEntry, removeEntry, uncheckField,
} from '../../src/taskpane/query/field-areas';
import type { FieldInfo } from '../../src/taskpane/query/field-info';
import { draftToSpec, EMPTY_DRAFT, type Draft } from '../../src/taskpane/query/spec-draft';
import { matchingFields } from '../../src/taskpane/query/FieldList';

const field = (name: string, type: FieldInfo['type'], numberFormat = 'General'): FieldInfo => ({ name, type, numberFormat, samples: [] });
// Awkward on purpose: accents, a currency format, a field named like one of our outputs, a field
// called "Year" that clashes with the date part's name, an empty column.
const FIELDS: FieldInfo[] = [
  field('Région', 'text'), field('Date', 'date', 'yyyy-mm-dd'), field('Umsatz €', 'number', '#,##0.00 €'),
  field('Sum of Revenue', 'number'), field('Year', 'number'), field('Nothing', 'empty'),
];
const byName = (n: string) => FIELDS.find((f) => f.name === n)!;
const names = FIELDS.map((f) => f.name);

describe('checking a field', () => {
  it('puts a number field into Values as Sum, in the field\'s own format, and anything else into Rows', () => {
    let d = checkField(EMPTY_DRAFT, byName('Umsatz €'), FIELDS);
    expect(d.measures).toEqual([{ id: 'sum_of_umsatz', label: 'Sum of Umsatz €', numberFormat: '#,##0.00 €', kind: 'sum', field: 'Umsatz €' }]);
    d = checkField(d, byName('Région'), FIELDS);
    d = checkField(d, byName('Date'), FIELDS);
    d = checkField(d, byName('Nothing'), FIELDS);
    expect(d.rows).toEqual([{ field: 'Région' }, { field: 'Date' }, { field: 'Nothing' }]);
  });

  it('gives a value a unique id when its name clashes with a field\'s', () => {
    let d = checkField(EMPTY_DRAFT, byName('Sum of Revenue'), FIELDS);
    d = { ...d, measures: [...d.measures, { id: 'sum_of_year', kind: 'sum', field: 'Revenue' }] };
    d = checkField(d, byName('Year'), FIELDS);
    expect(d.measures.map((m) => [m.id, m.label])).toEqual([
      ['sum_of_sum_of_revenue', 'Sum of Sum of Revenue'], ['sum_of_year', undefined], ['sum_of_year_2', 'Sum of Year'],
    ]);
  });

  it('leaves a field that is already somewhere where it is', () => {
    const d: Draft = { ...EMPTY_DRAFT, columns: [{ field: 'Umsatz €' }] };
    expect(checkField(d, byName('Umsatz €'), FIELDS)).toBe(d);
  });

  it('unchecking takes the field out of every area, and keeps formulas and other fields', () => {
    const d: Draft = {
      ...EMPTY_DRAFT,
      rows: [{ field: 'Date', part: 'year' }, { field: 'Région' }],
      columns: [{ field: 'Date' }],
      measures: [
        { id: 'a', kind: 'sum', field: 'Umsatz €' },
        { id: 'b', kind: 'weightedAverage', field: 'Umsatz €', otherField: 'Date' },
        { id: 'c', kind: 'formula', formula: 'COUNTA([Date])' },
      ],
      filters: [{ kind: 'blank', field: 'Date', blank: false }, { kind: 'in', field: 'Région', values: ['Nord'] }],
    };
    const out = uncheckField(d, 'Date');
    expect(out.rows).toEqual([{ field: 'Région' }]);
    expect(out.columns).toEqual([]);
    expect(out.measures.map((m) => m.id)).toEqual(['a', 'c']);
    expect(out.filters).toEqual([{ kind: 'in', field: 'Région', values: ['Nord'] }]);
    expect(fieldsInUse(out).get('Date')).toBeUndefined();
    expect(fieldsInUse(d).get('Date')).toEqual(['filters', 'columns', 'rows', 'values']);
  });
});

describe('dragging between areas', () => {
  const start: Draft = {
    ...EMPTY_DRAFT,
    rows: [{ field: 'Région' }, { field: 'Date', part: 'year' }],
    measures: [{ id: 'sum', kind: 'sum', field: 'Umsatz €', label: 'Sum of Umsatz €' }, { id: 'f', kind: 'formula', formula: 'SUM([Year])', label: 'Total' }],
  };

  it('moves a row field to Columns and says where it went', () => {
    const r = moveEntry(start, { area: 'rows', index: 0 }, { area: 'columns', index: 0 }, FIELDS);
    expect(r.draft.rows).toEqual([{ field: 'Date', part: 'year' }]);
    expect(r.draft.columns).toEqual([{ field: 'Région' }]);
    expect(r.message).toBe('Région moved to Columns, position 1 of 1.');
  });

  it('keeps a date part when it moves, named apart from the source field "Year"', () => {
    const r = moveEntry(start, { area: 'rows', index: 1 }, { area: 'columns', index: 5 }, FIELDS);
    expect(r.draft.columns).toEqual([{ field: 'Date', part: 'year' }]);
    expect(r.message).toBe('Year of Date moved to Columns, position 1 of 1.');
    expect(draftToSpec({ kind: 'table', name: 'T' }, r.draft, names).columns).toEqual(['Year of Date']);
  });

  it('reorders within an area', () => {
    const r = moveEntry(start, { area: 'rows', index: 0 }, { area: 'rows', index: 1 }, FIELDS);
    expect(r.draft.rows).toEqual([{ field: 'Date', part: 'year' }, { field: 'Région' }]);
    expect(r.message).toBe('Région moved to Rows, position 2 of 2.');
    const v = moveEntry(start, { area: 'values', index: 1 }, { area: 'values', index: 0 }, FIELDS);
    expect(v.draft.measures.map((m) => m.id)).toEqual(['f', 'sum']);
  });

  it('turns a text field dropped on Values into Count of it, and a value dropped on Rows into its field', () => {
    const r = moveEntry(start, { area: 'rows', index: 0 }, { area: 'values', index: 0 }, FIELDS);
    expect(r.draft.rows).toEqual([{ field: 'Date', part: 'year' }]);
    expect(r.draft.measures[0]).toEqual({ id: 'count_of_r_gion', label: 'Count of Région', numberFormat: '#,##0', kind: 'count', field: 'Région' });
    expect(r.message).toBe('Région moved to Values, position 1 of 3, as Count of Région.');
    const back = moveEntry(start, { area: 'values', index: 0 }, { area: 'rows', index: 1 }, FIELDS);
    expect(back.draft.rows).toEqual([{ field: 'Région' }, { field: 'Umsatz €' }, { field: 'Date', part: 'year' }]);
    expect(back.draft.measures.map((m) => m.id)).toEqual(['f']);
  });

  it('refuses to take a formula value out of Values, changing nothing', () => {
    const r = moveEntry(start, { area: 'values', index: 1 }, { area: 'rows', index: 0 }, FIELDS);
    expect(r.refused).toBe(true);
    expect(r.draft).toBe(start);
    expect(r.message).toBe('Total stays in Values: a custom formula has no single field to put in Rows.');
  });

  it('a field dropped on Filters waits there as (All), which filters nothing', () => {
    const r = moveEntry(start, { area: 'rows', index: 0 }, { area: 'filters', index: 0 }, FIELDS);
    expect(r.draft.filters).toEqual([{ kind: 'in', field: 'Région', values: [], exclude: true }]);
    expect(areaEntries(r.draft, names).filters[0].text).toBe('Région: (All)');
    expect(draftToSpec({ kind: 'table', name: 'T' }, r.draft, names).filters).toBeUndefined();
  });

  it('a filter dragged out of Filters says its condition was removed', () => {
    const d: Draft = { ...start, filters: [{ kind: 'in', field: 'Région', values: ['Nord', 'Süd'] }] };
    const r = moveEntry(d, { area: 'filters', index: 0 }, { area: 'columns', index: 0 }, FIELDS);
    expect(r.draft.filters).toEqual([]);
    expect(r.draft.columns).toEqual([{ field: 'Région' }]);
    // Région was on Rows too: one field sits on one axis.
    expect(r.draft.rows).toEqual([{ field: 'Date', part: 'year' }]);
    expect(r.message).toBe('Région moved to Columns, position 1 of 1. Its filter (Région is one of Nord, Süd) was removed.');
  });

  it('finds entries by their ids, which stay put as others move', () => {
    const e = areaEntries(start, names);
    expect(e.rows.map((x) => x.id)).toEqual(['rows:Région:', 'rows:Date:year']);
    expect(locate(e, 'values:f')).toEqual({ area: 'values', index: 1 });
    expect(locate(e, 'values:nope')).toBeUndefined();
    expect(removeEntry(start, { area: 'values', index: 0 }).measures.map((m) => m.id)).toEqual(['f']);
  });
});

describe('searching fields', () => {
  it('matches every word, ignoring case and accents', () => {
    expect(matchingFields(FIELDS, 'region').map((f) => f.name)).toEqual(['Région']);
    expect(matchingFields(FIELDS, 'of rev').map((f) => f.name)).toEqual(['Sum of Revenue']);
    expect(matchingFields(FIELDS, '  ').length).toBe(FIELDS.length);
    expect(matchingFields(FIELDS, 'zzz')).toEqual([]);
  });
});
