/**
 * The one measure vocabulary: every consumer's kinds are in it and, where a consumer is meant to
 * cover it all, every kind of it is in the consumer. The expected sets are written out by hand
 * here, not read from the code under test.
 */
import { describe, expect, it } from 'vitest';
import {
  EXCEL_FUNCTION,
  MEASURE_KINDS,
  MEASURE_VOCABULARY,
  MeasureSchema,
  NUMERIC_KINDS,
  SHOW_AS_KINDS,
  SINGLE_FIELD_KINDS,
  TWO_FIELD_KINDS,
  WAREHOUSE_REFUSALS,
  lookupFunction,
} from '../../../src/engine';
import { measureDef } from '../../../src/model/schema';
import { MEASURE_CHOICES as EXTENSION_CHOICES } from '../../../src/taskpane/extend/measure-catalogue';
import { MEASURE_CHOICES as QUERY_CHOICES } from '../../../src/taskpane/query/measure-choices';

const sorted = (xs: Iterable<string>) => [...xs].sort();
const ALL = sorted(MEASURE_KINDS);
const SHOW_AS = ['percentOfGrandTotal', 'percentOfParentRow', 'percentOfColumnTotal', 'runningTotal', 'rankInParent', 'differenceFromPrevious', 'percentDifferenceFromPrevious'];

describe('the measure vocabulary', () => {
  it('has one entry per kind and 28 kinds in all', () => {
    expect(sorted(Object.keys(MEASURE_VOCABULARY))).toEqual(ALL);
    expect(new Set(MEASURE_KINDS).size).toBe(28);
  });

  it('the workbook schema accepts exactly the vocabulary (and refuses a made-up kind)', () => {
    expect(sorted(measureDef.shape.kind.options)).toEqual(ALL);
    expect(measureDef.safeParse({ id: 'm', label: 'M', kind: 'geometricMean', field: 'x' }).success).toBe(false);
  });

  it('the query spec covers every vocabulary kind offered to queries, and nothing else', () => {
    const specKinds = sorted(MeasureSchema.options.flatMap((o) => {
      const k = o.shape.kind;
      return 'options' in k ? [...k.options] : [k.value];
    }));
    expect(specKinds).toEqual(sorted(MEASURE_KINDS.filter((k) => MEASURE_VOCABULARY[k].inQuery)));
    expect(specKinds).toEqual(ALL.filter((k) => !SHOW_AS.includes(k)));
    for (const k of SINGLE_FIELD_KINDS) expect(MEASURE_VOCABULARY[k].inputs).toBe('field');
    for (const k of TWO_FIELD_KINDS) expect(MEASURE_VOCABULARY[k].inputs).toBe('fieldAndOther');
  });

  it('show-as and numeric sets are the ones the pivot extension always used', () => {
    expect(sorted(SHOW_AS_KINDS)).toEqual(sorted(SHOW_AS));
    expect(sorted(NUMERIC_KINDS)).toEqual(sorted([
      'sum', 'average', 'min', 'max', 'product', 'median', 'percentile', 'quartile', 'mode',
      'stdevSample', 'stdevPopulation', 'varSample', 'varPopulation', 'weightedAverage', 'ratioOfSums',
    ]));
    expect(EXCEL_FUNCTION.count).toBe('COUNTA');
    expect(EXCEL_FUNCTION.countNumbers).toBe('COUNT');
    expect(EXCEL_FUNCTION.first).toBeUndefined();
  });

  it('every formula function it names is an aggregate of our formula language', () => {
    for (const k of MEASURE_KINDS) {
      const fn = MEASURE_VOCABULARY[k].formulaFunction;
      if (fn) expect(lookupFunction(fn)?.kind, `${k} → ${fn}`).toBe('aggregate');
    }
  });

  it('the warehouse refuses exactly PRODUCT, MODE.SNGL, FIRST and LAST, each with a reason', () => {
    expect(sorted(Object.keys(WAREHOUSE_REFUSALS))).toEqual(['FIRST', 'LAST', 'MODE.SNGL', 'PRODUCT']);
    for (const why of Object.values(WAREHOUSE_REFUSALS)) expect(why.length).toBeGreaterThan(20);
  });

  it('both pane pickers offer only vocabulary kinds, once each, under the vocabulary title', () => {
    for (const choices of [EXTENSION_CHOICES, QUERY_CHOICES]) {
      const kinds = choices.map((c) => c.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const c of choices) {
        expect(ALL).toContain(c.kind);
        expect(c.title).toBe(MEASURE_VOCABULARY[c.kind].title);
        expect(c.needsP ?? false).toBe(MEASURE_VOCABULARY[c.kind].inputs === 'fieldAndP');
        expect(c.otherField !== undefined).toBe(MEASURE_VOCABULARY[c.kind].inputs === 'fieldAndOther');
      }
    }
    // The query picker offers only what a query spec accepts; the extension picker leaves out
    // what a native PivotTable already does (Sum, Count, Count numbers, Average).
    for (const c of QUERY_CHOICES) expect(MEASURE_VOCABULARY[c.kind].inQuery).toBe(true);
    expect(sorted(EXTENSION_CHOICES.map((c) => c.kind))).toEqual(ALL.filter((k) => !['sum', 'count', 'countNumbers', 'average'].includes(k)));
  });
});
