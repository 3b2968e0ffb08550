/**
 * Value Field Settings as data: a measure read into settings and written back, default names,
 * formats and problems. Expected measures are written by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/engine';
import type { FieldInfo } from '../../src/taskpane/query/field-info';
import {
  defaultValueName, formatChoiceOf, measureOfSettings, newValueSettings, settingsOfMeasure, valueProblems,
} from '../../src/taskpane/query/value-settings';
import { ALL_MEASURE_CHOICES, EXTENSION_MEASURE_CHOICES, MEASURE_CHOICES } from '../../src/taskpane/query/measure-choices';
import { MEASURE_CHOICES as EXTENSION_VIEW } from '../../src/taskpane/extend/measure-catalogue';

const FIELDS: FieldInfo[] = [
  { name: 'Revenue', type: 'number', numberFormat: '$#,##0.00', samples: [] },
  { name: 'Cost', type: 'number', numberFormat: '$#,##0.00', samples: [] },
  { name: 'Kunde', type: 'text', numberFormat: 'General', samples: [] },
];

describe('value settings', () => {
  it('a new value is Sum of its field, in the field\'s format', () => {
    expect(measureOfSettings(newValueSettings('Revenue'), FIELDS, { taken: [] }))
      .toEqual({ id: 'sum_of_revenue', label: 'Sum of Revenue', numberFormat: '$#,##0.00', kind: 'sum', field: 'Revenue' });
  });

  it('changing summarize-by, show-as, format and name keeps the value\'s id', () => {
    const m: Measure = { id: 'sum_of_revenue', label: 'Sum of Revenue', numberFormat: '$#,##0.00', kind: 'sum', field: 'Revenue' };
    // Its name was PivotDeck's, so it is no custom name: it follows summarize-by.
    expect(settingsOfMeasure(m).name).toBe('');
    expect(settingsOfMeasure({ ...m, label: 'Umsatz' }).name).toBe('Umsatz');
    const s = { ...settingsOfMeasure(m), kind: 'median' as const };
    expect(defaultValueName(s)).toBe('Median of Revenue');
    expect(measureOfSettings({ ...s, format: '#,##0' }, FIELDS, { id: m.id, taken: [] }))
      .toEqual({ id: 'sum_of_revenue', label: 'Median of Revenue', numberFormat: '#,##0', kind: 'median', field: 'Revenue' });
    // Shown as a share: named as Excel does, formatted by the engine unless the user picks a format.
    const shown = measureOfSettings({ ...s, kind: 'sum', showAs: 'percentOfRowTotal', format: '' }, FIELDS, { id: m.id, taken: [] });
    expect(shown).toEqual({ id: 'sum_of_revenue', label: '% of Row Total of Revenue', kind: 'sum', field: 'Revenue', showAs: { kind: 'percentOfRowTotal' } });
    expect(measureOfSettings({ ...s, name: '  Mitte  ' }, FIELDS, { id: m.id, taken: [] })?.label).toBe('Mitte');
  });

  it('reads every kind of measure back into the same measure', () => {
    const measures: Measure[] = [
      { id: 'a', label: 'P95 of Revenue', kind: 'percentile', field: 'Revenue', p: 0.95, numberFormat: '0.0' },
      { id: 'b', label: 'Revenue per Cost', kind: 'ratioOfSums', field: 'Revenue', otherField: 'Cost', numberFormat: '0.0%' },
      { id: 'c', label: 'Ratio', kind: 'formula', formula: 'SUM([Revenue]) / SUM([Cost])', numberFormat: '#,##0.00' },
      { id: 'd', label: 'Distinct Count of Kunde', kind: 'distinctCount', field: 'Kunde', numberFormat: '#,##0', showAs: { kind: 'rank' } },
      { id: 'e', label: 'Moving', kind: 'sum', field: 'Revenue', numberFormat: '0', showAs: { kind: 'movingAverage', periods: 3 } },
    ];
    for (const m of measures) expect(measureOfSettings(settingsOfMeasure(m), FIELDS, { id: m.id, taken: [] }), m.id).toEqual(m);
  });

  it('says what is missing instead of making a value', () => {
    expect(valueProblems({ ...newValueSettings('Revenue'), kind: 'percentile', p: '150' }).p).toMatch(/^Enter a percentile from 0 to 100/);
    expect(valueProblems({ ...newValueSettings('Revenue'), kind: 'weightedAverage' }).other).toBe('Choose a field for "Weight".');
    expect(valueProblems({ ...newValueSettings(''), kind: 'formula', formula: ' ' }).formula).toMatch(/^Type a formula/);
    expect(measureOfSettings({ ...newValueSettings('Revenue'), kind: 'weightedAverage' }, FIELDS, { taken: [] })).toBeUndefined();
    expect(valueProblems(newValueSettings('Revenue'))).toEqual({});
  });

  it('reads "90" and "90%" as the 90th percentile in names too', () => {
    expect(defaultValueName({ ...newValueSettings('Revenue'), kind: 'percentile', p: '90%' })).toBe('P90 of Revenue');
    expect(defaultValueName({ ...newValueSettings('Revenue'), kind: 'percentile', p: 'x' })).toBe('Percentile of Revenue');
  });

  it('shows a picked format by its entry, anything else as Custom', () => {
    expect(formatChoiceOf('')).toBe('');
    expect(formatChoiceOf('0.0%')).toBe('0.0%');
    expect(formatChoiceOf('#,##0.000 "kg"')).toBe('custom');
  });
});

describe('the one catalogue', () => {
  it('offers the extension everything but what a PivotTable already does, through its own file too', () => {
    expect(EXTENSION_VIEW).toBe(EXTENSION_MEASURE_CHOICES);
    expect(EXTENSION_MEASURE_CHOICES.length).toBe(ALL_MEASURE_CHOICES.length - 4);
    expect(MEASURE_CHOICES.map((c) => c.kind)).not.toContain('percentOfGrandTotal');
    expect(MEASURE_CHOICES.find((c) => c.kind === 'distinctCount')?.label('Kunde')).toBe('Distinct Count of Kunde');
    expect(EXTENSION_MEASURE_CHOICES.find((c) => c.kind === 'percentOfGrandTotal')?.label('Revenue')).toBe('% of Grand Total of Revenue');
  });
});

describe('names users bring, in the formula box', () => {
  it('answers a DAX or Excel call the language lacks with the PivotDeck measure', async () => {
    const { foreignMeasureCall, formulaProblems } = await import('../../src/taskpane/query/formula-help');
    expect(foreignMeasureCall('COUNTROWS(Sales)')).toEqual({ kind: 'count', field: undefined, message: 'PivotDeck has no COUNTROWS in formulas: choose “Count” under Summarize by instead.' });
    const dax = foreignMeasureCall(' distinctcount( [Kunde] ) ');
    expect(dax?.kind).toBe('distinctCount');
    expect(dax?.field).toBe('Kunde');
    expect(dax?.message).toMatch(/^PivotDeck has no DISTINCTCOUNT in formulas: choose “Distinct Count” under Summarize by instead\. .*blank/);
    expect(formulaProblems('StdDev([Revenue])', ['Revenue'])).toEqual(['PivotDeck has no STDDEV in formulas: choose “Standard deviation (sample)” under Summarize by instead.']);
    // Names the language has, or inside a longer formula, go to the formula checker as before.
    expect(foreignMeasureCall('MEDIAN([Revenue])')).toBeUndefined();
    expect(foreignMeasureCall('COUNTROWS(Sales) + 1')).toBeUndefined();
    expect(foreignMeasureCall('AVERAGEX(Sales, [Revenue])')).toBeUndefined();
    expect(formulaProblems('DISTINCTCOUNT([Revenue]) * 2', ['Revenue'])[0]).toMatch(/no DISTINCTCOUNT at 1:1 — use COUNTDISTINCT\(\[Revenue\]\)/);
  });

  it('accepts the names the formulas read as their own, with no switch offered, and saves PivotDeck\'s name', async () => {
    const { foreignMeasureCall, formulaAliases, formulaProblems } = await import('../../src/taskpane/query/formula-help');
    for (const text of ['COUNTROWS()', 'distinctcountnoblank([Revenue])']) {
      expect(formulaProblems(text, ['Revenue']), text).toEqual([]);
      expect(foreignMeasureCall(text), text).toBeUndefined();
    }
    expect(formulaAliases('DISTINCTCOUNTNOBLANK([Revenue])').notes).toEqual(['DISTINCTCOUNTNOBLANK is read as COUNTDISTINCT']);
    const settings = { ...newValueSettings('Revenue'), kind: 'formula' as const, formula: 'SUM([Revenue]) / countrows()' };
    const measure = measureOfSettings(settings, FIELDS, { taken: [] });
    expect(measure).toMatchObject({ kind: 'formula', formula: 'SUM([Revenue]) / COUNTA(1)' });
  });
});
