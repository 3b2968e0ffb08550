import { describe, expect, it } from 'vitest';
import { checkFormula, lookupFunction, parseFormula, suggest, type CheckOptions } from '../../../src/engine/formula';

const FIELDS = ['Revenue', 'Units', 'Unit Price', 'Channel', 'Customer', 'Order Date'];
const messages = (text: string, options: CheckOptions = { role: 'measure', fields: FIELDS }) =>
  checkFormula(parseFormula(text), options).map((e) => `${e.code}: ${e.message}`);

describe('checkFormula', () => {
  it('accepts good measures and row formulas', () => {
    expect(messages('SUM([Revenue]) / SUM([Units])')).toEqual([]);
    expect(messages('MEDIAN([Revenue]) - MEDIAN([Unit Price])')).toEqual([]);
    expect(messages('COUNTDISTINCT(IF([Channel]="Online", [Customer]))')).toEqual([]);
    expect(messages('PERCENTILE([Revenue], 90%)')).toEqual([]);
    expect(messages('quartile.inc([revenue], 3)')).toEqual([]); // case-insensitive names and fields
    expect(messages('1')).toEqual([]);
    expect(messages('IF([Units] > 10, "big", "small")', { role: 'row', fields: FIELDS })).toEqual([]);
    expect(messages('YEAR([Order Date])', { role: 'row', fields: FIELDS })).toEqual([]);
  });

  it('names unknown functions with a suggestion', () => {
    expect(messages('MEDIN([Revenue])')).toEqual(['unknown-function: Unknown function MEDIN at 1:1 — did you mean MEDIAN?']);
    // DAX's name is far from ours by edit distance; the answer still names ours (and what differs).
    expect(messages('DISTINCTCOUNT([Revenue])')[0]).toMatch(/^unknown-function: PivotDeck's formulas have no DISTINCTCOUNT at 1:1 — use COUNTDISTINCT\(\[Revenue\]\)/);
    // FOO might have been meant as an aggregate: its arguments are not also flagged as bare fields.
    expect(messages('1 + FOO([Revenue])')).toEqual(['unknown-function: Unknown function FOO at 1:5']);
    expect(messages('[a] + process.exit()', { role: 'row' })).toEqual(['unknown-function: Unknown function PROCESS.EXIT at 1:7']);
  });

  it('names unknown fields with a suggestion', () => {
    expect(messages('SUM([Revenu])')).toEqual(['unknown-field: Unknown field [Revenu] at 1:5 — did you mean [Revenue]?']);
    expect(messages('SUM([Zebra])')).toEqual(['unknown-field: Unknown field [Zebra] at 1:5']);
  });

  it('checks arity', () => {
    expect(messages('SUM([Revenue], [Units])')).toEqual([
      'arity: SUM takes 1 argument, not 2 at 1:1 — SUM(value): sum of the numbers',
    ]);
    expect(messages('PERCENTILE.INC([Revenue])')[0]).toMatch(/^arity: PERCENTILE.INC takes 2 arguments, not 1 at 1:1/);
    expect(messages('IF([Units])', { role: 'row' })[0]).toMatch(/^arity: IF takes 2 to 3 arguments, not 1 at 1:1/);
    expect(messages('AND()', { role: 'row' })[0]).toMatch(/^arity: AND takes at least 1 argument, not 0/);
  });

  it('rejects aggregates in aggregates, bare fields in measures, aggregates in rows', () => {
    expect(messages('SUM(MAX([Revenue]))')).toEqual([
      'nested-aggregate: MAX is inside SUM at 1:5 — an aggregate cannot contain another aggregate',
    ]);
    expect(messages('[Revenue] / SUM([Units])')[0]).toBe(
      'not-a-measure: Field [Revenue] is used outside an aggregate at 1:1 — a measure needs one value per group, e.g. SUM([Revenue]) or MEDIAN([Revenue])',
    );
    expect(messages('SUM([Revenue]) > 1', { role: 'row', fields: FIELDS })).toEqual([
      'aggregate-not-allowed: Aggregate SUM is not allowed here at 1:1 — filters and derived fields work row by row; use it in a measure',
    ]);
  });

  it('requires constant percentile and quartile arguments', () => {
    expect(messages('PERCENTILE.INC([Revenue], [Units])')).toEqual([
      'constant-required: Argument 2 of PERCENTILE.INC must be a number at 1:27 — e.g. 0.9 or 90%',
    ]);
  });

  it('never resolves Object prototype names as functions', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(lookupFunction(name)).toBeUndefined();
    }
    expect(messages('constructor(1)')[0]).toMatch(/^unknown-function: Unknown function CONSTRUCTOR at 1:1/);
    expect(messages('SUM([__proto__])')).toEqual(['unknown-field: Unknown field [__proto__] at 1:5']);
  });

  it('suggests by edit distance', () => {
    expect(suggest('MEDIN', ['MEDIAN', 'MIN', 'MAX'])).toEqual(['MEDIAN']);
    expect(suggest('stdev', ['STDEV.S', 'STDEV.P', 'SUM'])).toEqual(['STDEV.S', 'STDEV.P']);
  });
});
