/** An extension's values as Value Field Settings and Fields-pane entries (issue 16 part 2). */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import {
  EXTENSION_SHOW_AS_CHOICES, EXTENSION_SUMMARY_CHOICES, extensionFieldsInUse, extensionMeasureOfSettings, extensionValueProblem,
  measureForField, moveMessage, settingsOfExtensionMeasure, valueEntries,
} from '../../src/taskpane/extend/extension-values';
import type { FieldInfo } from '../../src/taskpane/query/field-info';
import { newValueSettings, type ValueSettings } from '../../src/taskpane/query/value-settings';

const field = (name: string, type: FieldInfo['type']): FieldInfo => ({ name, type, numberFormat: 'General', samples: [] });
const median: ExtensionMeasure = { id: 'median_of_revenue', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };
const settings = (patch: Partial<ValueSettings>): ValueSettings => ({ ...newValueSettings('Revenue'), ...patch });

describe('measureForField', () => {
  it('adds the median of a number field and the distinct count of anything else, with a free readable id', () => {
    expect(measureForField(field('Revenue', 'number'), [])).toEqual({ id: 'median_of_revenue', label: 'Median of Revenue', kind: 'median', field: 'Revenue' });
    expect(measureForField(field('Revenue', 'number'), ['median_of_revenue']).id).toBe('median_of_revenue_2');
    expect(measureForField(field('Kundenname', 'text'), [])).toEqual({ id: 'distinct_count_of_kundenname', label: 'Distinct Count of Kundenname', kind: 'distinctCount', field: 'Kundenname' });
    expect(measureForField(field('Date', 'date'), []).kind).toBe('distinctCount');
    expect(measureForField(field('Mixed', 'mixed'), []).kind).toBe('distinctCount');
    // A name of non-Latin letters only still gets an id.
    expect(measureForField(field('売上', 'number'), []).id).toBe('median_of');
  });
});

describe('the choices an extension offers', () => {
  it('summarizes by Sum (for show-as) and what a pivot lacks, never Count/Average/Quartile or a show-as kind', () => {
    const kinds = EXTENSION_SUMMARY_CHOICES.map((c) => c.kind);
    expect(kinds).toContain('sum');
    expect(kinds).toContain('median');
    expect(kinds).toContain('distinctCount');
    expect(kinds).toContain('formula');
    for (const k of ['count', 'countNumbers', 'average', 'quartile', 'percentOfGrandTotal', 'rankInParent'] as const) expect(kinds).not.toContain(k);
  });
  it('shows values as Excel does where the extension computes it', () => {
    expect(EXTENSION_SHOW_AS_CHOICES.map((c) => c.value)).toEqual([
      'none', 'percentOfGrandTotal', 'percentOfColumnTotal', 'percentOfParentRow', 'runningTotal', 'rank', 'differenceFromPrevious', 'percentDifferenceFromPrevious',
    ]);
  });
});

describe('settings ⇄ extension measure', () => {
  it('reads a plain measure, leaving the name empty when it is the default one', () => {
    expect(settingsOfExtensionMeasure(median, [median])).toEqual(settings({ kind: 'median' }));
    const p90: ExtensionMeasure = { id: 'p', label: 'Neunzigstes Perzentil', kind: 'percentile', field: 'Revenue', p: 0.9, numberFormat: '#,##0' };
    expect(settingsOfExtensionMeasure(p90, [])).toEqual(settings({ kind: 'percentile', p: '0.9', format: '#,##0', name: 'Neunzigstes Perzentil' }));
    // A quartile (older extensions) opens as the same percentile.
    expect(settingsOfExtensionMeasure({ id: 'q', label: 'Q1 of Revenue', kind: 'quartile', field: 'Revenue', p: 0.25 }, [])).toMatchObject({ kind: 'percentile', p: '0.25', name: 'Q1 of Revenue' });
  });

  it('reads a show-as of a Sum and of another column', () => {
    const share: ExtensionMeasure = { id: 's', label: '% of Grand Total of Revenue', kind: 'percentOfGrandTotal', field: 'Revenue' };
    expect(settingsOfExtensionMeasure(share, [share])).toEqual(settings({ showAs: 'percentOfGrandTotal' }));
    const rank: ExtensionMeasure = { id: 'r', label: 'Rank of Median of Revenue', kind: 'rankInParent', of: median.id, field: 'Revenue' };
    expect(settingsOfExtensionMeasure(rank, [median, rank])).toEqual(settings({ kind: 'median', showAs: 'rank' }));
  });

  it('round-trips every summary the dialog offers with a custom name and format', () => {
    for (const choice of EXTENSION_SUMMARY_CHOICES) {
      if (choice.kind === 'sum') continue; // a plain Sum is refused, below
      const s = settings({ kind: choice.kind, other: choice.otherField ? 'Units' : '', formula: choice.isFormula ? 'SUM([Revenue]) / SUM([Units])' : '', p: '90%', format: '0.00', name: `Mine ${choice.kind}` });
      const m = extensionMeasureOfSettings(s, [], { id: 'x', taken: [] });
      expect(m, choice.kind).toBeDefined();
      expect(settingsOfExtensionMeasure(m!, [m!]), choice.kind).toEqual({ ...s, p: '0.9', field: choice.needsField ? 'Revenue' : '' });
    }
  });

  it('makes a percentile from "90", keeping the id of an edited measure, and a readable id for a new one', () => {
    expect(extensionMeasureOfSettings(settings({ kind: 'percentile', p: '90' }), [median], { id: 'keep', taken: [] }))
      .toEqual({ id: 'keep', label: 'P90 of Revenue', kind: 'percentile', field: 'Revenue', p: 0.9 });
    expect(extensionMeasureOfSettings(settings({ kind: 'mode' }), [median], { taken: ['mode_of_revenue'] })?.id).toBe('mode_of_revenue_2');
  });

  it('makes a show-as of a Sum from the field, and of another summary from the column that has it', () => {
    expect(extensionMeasureOfSettings(settings({ showAs: 'runningTotal', format: '#,##0' }), [], { id: 'm', taken: [] }))
      .toEqual({ id: 'm', label: 'Running Total of Revenue', kind: 'runningTotal', field: 'Revenue', numberFormat: '#,##0' });
    expect(extensionMeasureOfSettings(settings({ kind: 'median', showAs: 'percentOfGrandTotal' }), [median], { id: 'm', taken: [] }))
      .toEqual({ id: 'm', label: '% of Grand Total of Median of Revenue', kind: 'percentOfGrandTotal', of: median.id, field: 'Revenue' });
  });

  it('explains what it refuses: a plain Sum, a show-as without its base column, a show-as based on itself', () => {
    expect(extensionValueProblem(settings({}), [], undefined)).toMatch(/^Sum of Revenue is what the PivotTable itself shows/);
    expect(extensionMeasureOfSettings(settings({}), [], { taken: [] })).toBeUndefined();
    expect(extensionValueProblem(settings({ kind: 'mode', showAs: 'rank' }), [median], undefined)).toMatch(/add Mode of Revenue as a column first/);
    // The median column itself cannot be its own base.
    expect(extensionValueProblem(settings({ kind: 'median', showAs: 'rank' }), [median], median.id)).toMatch(/add Median of Revenue as a column first/);
    expect(extensionValueProblem(settings({ showAs: 'percentOfRowTotal' }), [], undefined)).toMatch(/cannot show/);
    expect(extensionValueProblem(settings({ kind: 'median' }), [], undefined)).toBeUndefined();
  });
});

describe('Values area and field list', () => {
  it('lists the measures as chips and marks the fields they read, in the source spelling', () => {
    const w: ExtensionMeasure = { id: 'w', label: 'Price weighted by Units', kind: 'weightedAverage', field: 'price', otherField: 'Units' };
    const f: ExtensionMeasure = { id: 'f', label: 'Custom', kind: 'formula', formula: 'SUM([Revenue])' };
    expect(valueEntries([median, f]).map((e) => [e.id, e.text, e.field])).toEqual([['values:median_of_revenue', 'Median of Revenue', 'Revenue'], ['values:f', 'Custom', undefined]]);
    const used = extensionFieldsInUse([median, w, f], [field('Price', 'number'), field('Units', 'number'), field('Revenue', 'number')]);
    expect([...used.keys()].sort()).toEqual(['Price', 'Revenue', 'Units']);
    expect(moveMessage('Médiane', 2, 3)).toBe('Médiane moved to Values, position 3 of 3.');
  });
});
