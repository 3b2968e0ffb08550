/** The pure measure-list edits behind "edit an extension" (issue 16 part 3). */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import { applyMeasureEdit } from '../../src/refresh/extensions/edit-measures';

const a: ExtensionMeasure = { id: 'a', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };
const b: ExtensionMeasure = { id: 'b', label: 'Sum of Revenue', kind: 'sum', field: 'Revenue' };
const share: ExtensionMeasure = { id: 'c', label: '% of Grand Total of Revenue', kind: 'percentOfGrandTotal', of: 'b' };
const list = [a, b, share];

describe('applyMeasureEdit', () => {
  it('moves a measure to any position, clamping out-of-range targets', () => {
    expect(applyMeasureEdit(list, { kind: 'move', id: 'c', to: 0 })).toEqual({ ok: true, measures: [share, a, b] });
    expect(applyMeasureEdit(list, { kind: 'move', id: 'a', to: 99 })).toEqual({ ok: true, measures: [b, share, a] });
    expect(applyMeasureEdit(list, { kind: 'move', id: 'b', to: -3 })).toEqual({ ok: true, measures: [b, a, share] });
  });

  it('renames with the spaces trimmed, refuses an empty or over-long name', () => {
    expect(applyMeasureEdit(list, { kind: 'rename', id: 'a', label: ' 中位数 ' })).toEqual({ ok: true, measures: [{ ...a, label: '中位数' }, b, share] });
    expect(applyMeasureEdit(list, { kind: 'rename', id: 'a', label: '   ' })).toEqual({ ok: false, message: 'Type a name for the column.' });
    expect(applyMeasureEdit(list, { kind: 'rename', id: 'a', label: 'x'.repeat(256) }).ok).toBe(false);
  });

  it('sets and clears a number format', () => {
    const set = applyMeasureEdit(list, { kind: 'format', id: 'a', numberFormat: '#,##0.0' });
    expect(set).toEqual({ ok: true, measures: [{ ...a, numberFormat: '#,##0.0' }, b, share] });
    if (!set.ok) return;
    expect(applyMeasureEdit(set.measures, { kind: 'format', id: 'a', numberFormat: '' })).toEqual({ ok: true, measures: list });
  });

  it('removes a measure, but not the last one nor one another measure is based on', () => {
    expect(applyMeasureEdit(list, { kind: 'remove', id: 'a' })).toEqual({ ok: true, measures: [b, share] });
    expect(applyMeasureEdit(list, { kind: 'remove', id: 'b' })).toEqual({ ok: false, message: '"Sum of Revenue" is used by "% of Grand Total of Revenue". Remove that column first.' });
    expect(applyMeasureEdit([a], { kind: 'remove', id: 'a' }).ok).toBe(false);
    expect(applyMeasureEdit(list, { kind: 'remove', id: 'gone' }).ok).toBe(false);
  });

  it('adds measures whose ids clash under fresh ids, keeping a new show-as linked to its new base', () => {
    const newB: ExtensionMeasure = { id: 'b', label: 'Max of Units', kind: 'max', field: 'Units' };
    const newShare: ExtensionMeasure = { id: 'd', label: '% of Max', kind: 'percentOfGrandTotal', of: 'b' };
    const result = applyMeasureEdit(list, { kind: 'add', measures: [newB, newShare] });
    expect(result).toEqual({ ok: true, measures: [a, b, share, { ...newB, id: 'b_2' }, { ...newShare, of: 'b_2' }] });
    expect(applyMeasureEdit(list, { kind: 'add', measures: [] }).ok).toBe(false);
  });
});
