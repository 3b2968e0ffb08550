/** What an extension card says about its numbers: "checked … match" only when nothing says otherwise. */
import { describe, expect, it } from 'vitest';
import type { PivotExtension } from '../../src/model';
import { freshnessLine } from '../../src/taskpane/extend/freshness-text';
import { staleReasons } from '../../src/refresh/extensions/freshness';

const base: PivotExtension = {
  id: 'e1', pivotName: 'PivotTable1', pivotSheet: 'Sheet4',
  measures: [{ id: 'm', label: 'Median of Revenue', kind: 'median', field: 'Revenue' }],
  placement: { kind: 'beside' },
  lastRefresh: { at: '2025-01-02T03:04:05.000Z', ok: true, message: 'Checked against Excel: 21 rows, 1 value field match.' },
  computedAgainst: { rows: ['Region', 'Category'], columns: [], rowItemCount: 21, rowItems: 'a', values: 'b', filters: 'c', sourceRows: 12, source: 'd' },
};
const at = (iso: string) => iso.slice(0, 10);

describe('freshnessLine', () => {
  it('current: the last refresh with its check', () => {
    expect(freshnessLine(base, at)).toEqual({ kind: 'plain', text: 'Refreshed 2025-01-02: Checked against Excel: 21 rows, 1 value field match.' });
  });

  it('out of date: the headline and reasons, never the old "match"', () => {
    const line = freshnessLine({ ...base, outOfDate: { at: '2025-01-03T00:00:00.000Z', changed: 'pivot', reasons: ['the row fields changed: "Category" was removed'] } }, at);
    expect(line).toMatchObject({ kind: 'stale', headline: 'Out of date — the PivotTable changed', reasons: ['the row fields changed: "Category" was removed'] });
    expect(JSON.stringify(line)).not.toMatch(/match|Checked/);
    const source = freshnessLine({ ...base, outOfDate: { at: '2025-01-03T00:00:00.000Z', changed: 'source', reasons: ['the source data changed'] } }, at);
    expect(source).toMatchObject({ kind: 'stale', headline: 'Out of date — the PivotTable\'s source data changed' });
  });

  it('no record of what it was computed against (an older PivotDeck): no "match" either', () => {
    const { computedAgainst: _c, ...old } = base;
    const line = freshnessLine(old, at);
    expect(line.kind).toBe('plain');
    if (line.kind === 'plain') expect(line.text).toMatch(/^Refreshed 2025-01-02\. PivotDeck cannot tell whether these numbers still match/);
    expect(line.kind === 'plain' && line.text.includes('Checked against Excel')).toBe(false);
  });
});

describe('staleReasons', () => {
  const then = base.computedAgainst!;
  it('names removed, added and reordered fields in plain words', () => {
    expect(staleReasons(then, { ...then, rows: ['Region'] }).pivot).toEqual(['the row fields changed: "Category" was removed']);
    expect(staleReasons(then, { ...then, rows: ['Category', 'Region'] }).pivot).toEqual(['the row fields changed: their order changed']);
    expect(staleReasons(then, { ...then, columns: ['Année', 'Quarter'] }).pivot).toEqual(['the column fields changed: "Année" and "Quarter" were added']);
  });
  it('unchanged: nothing; a one-row pivot is "1 row"', () => {
    expect(staleReasons(then, { ...then })).toEqual({ pivot: [], source: [] });
    expect(staleReasons(then, { ...then, rowItemCount: 1, sourceRows: 1 })).toEqual({
      pivot: ['the PivotTable shows 1 row now (it showed 21)'],
      source: ['the source data has 1 row now (it had 12)'],
    });
  });
});
