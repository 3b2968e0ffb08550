/** The Fields pane's edits of an extension's measure list: replace one measure, remove a field's measures (issue 16 parts 2, 3). */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import { applyMeasureEdit } from '../../src/refresh/extensions/edit-measures';
import { applyValueEdit, measuresOfField } from '../../src/refresh/extensions/value-edits';

const median: ExtensionMeasure = { id: 'a', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };
const customers: ExtensionMeasure = { id: 'b', label: 'Distinct Count of Customer', kind: 'distinctCount', field: 'Customer' };
const share: ExtensionMeasure = { id: 'c', label: '% of Grand Total of Median', kind: 'percentOfGrandTotal', of: 'a', field: 'Revenue' };
const weighted: ExtensionMeasure = { id: 'd', label: 'Price weighted by Units', kind: 'weightedAverage', field: 'Price', otherField: 'units' };
const list = [median, customers, share, weighted];

describe('applyValueEdit: replace', () => {
  it('replaces a measure in its place, keeping its id whatever id the new one carries, with the name trimmed', () => {
    const mode: ExtensionMeasure = { id: 'other', label: '  Mode — Umsatz ', kind: 'mode', field: 'Revenue', numberFormat: '#,##0.0' };
    expect(applyValueEdit(list, { kind: 'replace', id: 'b', measure: mode })).toEqual({
      ok: true, measures: [median, { id: 'b', label: 'Mode — Umsatz', kind: 'mode', field: 'Revenue', numberFormat: '#,##0.0' }, share, weighted],
    });
  });

  it('goes through applyMeasureEdit, as the coordinator calls it', () => {
    const next = applyMeasureEdit(list, { kind: 'replace', id: 'a', measure: { ...median, kind: 'percentile', p: 0.9, label: 'P90 of Revenue' } });
    expect(next.ok && next.measures[0]).toEqual({ id: 'a', label: 'P90 of Revenue', kind: 'percentile', field: 'Revenue', p: 0.9 });
    // The share based on it follows it: same id.
    expect(next.ok && next.measures[2]).toEqual(share);
  });

  it('refuses an empty or over-long name, an unknown id and an over-long format, changing nothing', () => {
    expect(applyValueEdit(list, { kind: 'replace', id: 'a', measure: { ...median, label: ' ' } })).toEqual({ ok: false, message: 'Type a name for the column.' });
    expect(applyValueEdit(list, { kind: 'replace', id: 'a', measure: { ...median, label: 'é'.repeat(256) } }).ok).toBe(false);
    expect(applyValueEdit(list, { kind: 'replace', id: 'zz', measure: median }).ok).toBe(false);
    expect(applyValueEdit(list, { kind: 'replace', id: 'a', measure: { ...median, numberFormat: '0'.repeat(256) } }).ok).toBe(false);
  });

  it('refuses a show-as based on itself, on a missing column or on another show-as', () => {
    const onSelf: ExtensionMeasure = { id: 'b', label: 'Rank', kind: 'rankInParent', of: 'b' };
    expect(applyValueEdit(list, { kind: 'replace', id: 'b', measure: onSelf }).ok).toBe(false);
    expect(applyValueEdit(list, { kind: 'replace', id: 'b', measure: { ...onSelf, of: 'nope' } }).ok).toBe(false);
    expect(applyValueEdit(list, { kind: 'replace', id: 'b', measure: { ...onSelf, of: 'c' } }).ok).toBe(false);
    expect(applyValueEdit(list, { kind: 'replace', id: 'b', measure: { ...onSelf, of: 'a' } })).toEqual({ ok: true, measures: [median, { ...onSelf, of: 'a' }, share, weighted] });
  });

  it('refuses to turn a base of other columns into a show-as, naming them', () => {
    const r = applyValueEdit(list, { kind: 'replace', id: 'a', measure: { id: 'a', label: 'Running Total of Revenue', kind: 'runningTotal', field: 'Revenue' } });
    expect(r).toEqual({ ok: false, message: '"Median of Revenue" is the base of "% of Grand Total of Median", so it cannot be shown as a share, rank or difference itself. Change that column first.' });
  });
});

describe('applyValueEdit: removeMany', () => {
  it('removes several at once and keeps the order of the rest', () => {
    expect(applyValueEdit(list, { kind: 'removeMany', ids: ['d', 'b'] })).toEqual({ ok: true, measures: [median, share] });
  });

  it('refuses to remove every column (the extension is removed instead), an unknown id, or a base without its show-as', () => {
    expect(applyValueEdit(list, { kind: 'removeMany', ids: ['a', 'b', 'c', 'd'] }).ok).toBe(false);
    expect(applyValueEdit(list, { kind: 'removeMany', ids: ['a', 'x'] }).ok).toBe(false);
    expect(applyValueEdit(list, { kind: 'removeMany', ids: [] }).ok).toBe(false);
    expect(applyValueEdit(list, { kind: 'removeMany', ids: ['a'] })).toEqual({ ok: false, message: '"% of Grand Total of Median" is based on a column being removed. Remove it too.' });
  });
});

describe('measuresOfField', () => {
  it('finds the measures reading a field as field or second field, ignoring case, with the shows-as based on them', () => {
    expect(measuresOfField(list, 'revenue').map((m) => m.id)).toEqual(['a', 'c']);
    expect(measuresOfField(list, 'Units').map((m) => m.id)).toEqual(['d']);
    expect(measuresOfField(list, 'Customer').map((m) => m.id)).toEqual(['b']);
    expect(measuresOfField(list, 'Date')).toEqual([]);
  });
});
