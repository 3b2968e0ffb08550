/**
 * The differential corpus: specs over the cluster's tables with, per measure, the tolerance the
 * comparison allows (0: equal; 1e-9: relative, for float sums, averages and deviations).
 */
import type { QuerySpec } from '../../../src/engine';

export const FLOAT = 1e-9;
export const EXACT = 0;
export const src = { kind: 'source' as const, id: 'warehouse' };

export interface Case {
  name: string;
  table: 'flights' | 'sales' | 'gaps';
  spec: Omit<QuerySpec, 'version' | 'source'>;
  tolerances: number[];
}

const allMeasures: Case = {
  name: 'every catalogue measure, with NULL numbers, NULL and empty text',
  table: 'gaps',
  spec: {
    rows: ['origin'],
    measures: [
      { id: 'count', kind: 'count', field: 'ratio' },
      { id: 'countNumbers', kind: 'countNumbers', field: 'ratio' },
      { id: 'countText', kind: 'count', field: 'destination' },
      { id: 'sum', kind: 'sum', field: 'ratio' },
      { id: 'average', kind: 'average', field: 'ratio' },
      { id: 'min', kind: 'min', field: 'ratio' },
      { id: 'max', kind: 'max', field: 'ratio' },
      { id: 'median', kind: 'median', field: 'ratio' },
      { id: 'p90', kind: 'percentile', field: 'ratio', p: 0.9 },
      { id: 'p0', kind: 'percentile', field: 'amount', p: 0 },
      { id: 'p1', kind: 'percentile', field: 'amount', p: 1 },
      { id: 'q1', kind: 'quartile', field: 'ratio', quartile: 1 },
      { id: 'distinctText', kind: 'distinctCount', field: 'destination' },
      { id: 'distinctNumber', kind: 'distinctCount', field: 'amount' },
      { id: 'stdevS', kind: 'stdevSample', field: 'ratio' },
      { id: 'stdevP', kind: 'stdevPopulation', field: 'ratio' },
      { id: 'varS', kind: 'varSample', field: 'ratio' },
      { id: 'varP', kind: 'varPopulation', field: 'ratio' },
      { id: 'weighted', kind: 'weightedAverage', field: 'ratio', otherField: 'amount' },
      { id: 'ratioOfSums', kind: 'ratioOfSums', field: 'amount', otherField: 'ratio' },
      { id: 'formula', kind: 'formula', formula: 'IF(COUNT([ratio]) > 10, MEDIAN([ratio]) - AVERAGE([amount]) / 100, 0)' },
    ],
  },
  tolerances: [EXACT, EXACT, EXACT, FLOAT, FLOAT, EXACT, EXACT, EXACT, EXACT, EXACT, EXACT, EXACT, EXACT, EXACT, FLOAT, FLOAT, FLOAT, FLOAT, FLOAT, FLOAT, FLOAT],
};

const showAs = (kind: string, extra: object = {}) => ({ id: kind, kind: 'sum' as const, field: 'amount', showAs: { kind, ...extra } as never });
export const CASES: Case[] = [
  allMeasures,
  {
    name: 'show-as on derived date parts (rows) × weekday (columns), computed in the pane',
    table: 'gaps',
    spec: {
      derived: [
        { kind: 'datePart', name: 'Day', field: 'date', part: 'day' },
        { kind: 'datePart', name: 'Weekday', field: 'date', part: 'weekday' },
      ],
      rows: ['Day'],
      columns: ['Weekday'],
      measures: [
        { id: 'plain', kind: 'sum', field: 'amount' },
        showAs('percentOfGrandTotal'), showAs('percentOfRowTotal'), showAs('percentOfColumnTotal'),
        showAs('runningTotal'), showAs('differenceFromPrevious'), showAs('percentDifferenceFromPrevious'),
        showAs('rank', { order: 'desc' }), showAs('movingAverage', { periods: 3 }),
        { id: 'rankMedian', kind: 'median', field: 'ratio', showAs: { kind: 'rank', order: 'asc', along: 'columns' } },
      ],
    },
    tolerances: [FLOAT, FLOAT, FLOAT, FLOAT, FLOAT, FLOAT, FLOAT, EXACT, FLOAT, EXACT],
  },
  {
    name: 'every derived date part, a bin and a row formula',
    table: 'gaps',
    spec: {
      derived: [
        { kind: 'datePart', name: 'Year', field: 'date', part: 'year' },
        { kind: 'datePart', name: 'Quarter', field: 'date', part: 'quarter' },
        { kind: 'datePart', name: 'Month', field: 'date', part: 'month' },
        { kind: 'datePart', name: 'Week', field: 'date', part: 'isoWeek' },
        { kind: 'bin', name: 'AmountBin', field: 'amount', width: 500, origin: 100 },
        { kind: 'formula', name: 'Net', formula: '[amount] - [ratio] * 2' },
      ],
      rows: ['Year', 'Quarter', 'Month', 'Week'],
      columns: ['AmountBin'],
      measures: [
        { id: 'n', kind: 'count', field: 'destination' },
        { id: 'net', kind: 'sum', field: 'Net' },
        { id: 'medNet', kind: 'median', field: 'Net' },
      ],
      totals: { subtotals: true },
    },
    tolerances: [EXACT, FLOAT, EXACT],
  },
  {
    name: 'filters: compare, in (with blank and case), between/exclude, text, blank, relative date, formula',
    table: 'gaps',
    spec: {
      rows: ['origin'],
      filters: [
        { kind: 'compare', field: 'ratio', op: '>', value: 2 },
        { kind: 'in', field: 'origin', values: ['ord', 'ATL', 'Dfw', null, 'LAX', 'DEN', 'SFO', 'PHX'] },
        { kind: 'between', field: 'amount', low: 100, high: 300, exclude: true },
        { kind: 'text', field: 'destination', match: 'contains', value: 'a', exclude: true },
        { kind: 'blank', field: 'destination', blank: false },
        { kind: 'relativeDate', field: 'date', unit: 'month', last: 2, today: 36950 },
        { kind: 'formula', formula: 'OR([ratio] * 3 > [amount] / 100, ISBLANK([origin]))' },
      ],
      measures: [
        { id: 'n', kind: 'count', field: 'destination' },
        { id: 's', kind: 'sum', field: 'ratio' },
        { id: 'p', kind: 'percentile', field: 'amount', p: 0.25 },
      ],
    },
    tolerances: [EXACT, FLOAT, EXACT],
  },
  {
    name: 'top 5 origins by sum, bottom 3 destinations by count (in order), sorted by a measure',
    table: 'gaps',
    spec: {
      rows: ['origin', 'destination'],
      filters: [
        { kind: 'topN', field: 'origin', n: 5, measure: 'total' },
        { kind: 'topN', field: 'destination', n: 3, measure: 'n', direction: 'bottom' },
      ],
      measures: [
        { id: 'total', kind: 'sum', field: 'amount' },
        { id: 'n', kind: 'count', field: 'destination' },
        { id: 'm', kind: 'median', field: 'amount' },
      ],
      sort: [{ field: 'origin', by: 'measure', measure: 'total', order: 'desc' }],
    },
    tolerances: [FLOAT, EXACT, EXACT],
  },
  {
    name: 'the workbench Sales table: region × category, blank channel, space in a field name',
    table: 'sales',
    spec: {
      rows: ['Region', 'Channel'],
      columns: ['Category'],
      measures: [
        { id: 'Revenue', kind: 'sum', field: 'Revenue' },
        { id: 'Median price', kind: 'median', field: 'Unit Price' },
        { id: 'p90', kind: 'percentile', field: 'Revenue', p: 0.9 },
        { id: 'Customers', kind: 'distinctCount', field: 'customer' },
        { id: 'Margin', kind: 'formula', formula: '(SUM([Revenue]) - SUM([Cost])) / SUM([Revenue])' },
      ],
      sort: [{ field: 'Region', by: 'label', order: 'desc' }],
    },
    tolerances: [FLOAT, EXACT, EXACT, EXACT, FLOAT],
  },
  {
    name: 'flights (all loaded rows): origin × month with count, sum, mean, median, p90, distinct count, stdev',
    table: 'flights',
    spec: {
      derived: [{ kind: 'datePart', name: 'Month', field: 'date', part: 'month' }],
      rows: ['origin'],
      columns: ['Month'],
      measures: [
        { id: 'flights', kind: 'count', field: 'delay' },
        { id: 'total delay', kind: 'sum', field: 'delay' },
        { id: 'mean', kind: 'average', field: 'delay' },
        { id: 'median', kind: 'median', field: 'delay' },
        { id: 'p90', kind: 'percentile', field: 'delay', p: 0.9 },
        { id: 'destinations', kind: 'distinctCount', field: 'destination' },
        { id: 'stdev', kind: 'stdevSample', field: 'delay' },
      ],
    },
    tolerances: [EXACT, EXACT, FLOAT, EXACT, EXACT, EXACT, FLOAT],
  },
];

