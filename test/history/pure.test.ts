/**
 * The pure parts of history (issue 17): the pane's "Keep history" draft, the history tile's chart
 * data and the "vs last snapshot" words, the stamped header with clashing names, and a grid
 * result in tidy form (totals marked, -0 and infinities as Excel holds them).
 */
import { describe, expect, it } from 'vitest';
import { historyChartData, snapshotChangeWords, snapshotLabel, withLastSnapshot } from '../../src/dashboards';
import { querySnapshot, stampedHeader, stampedRows } from '../../src/refresh/history';
import { historyDraft, historyOptions } from '../../src/taskpane/history/history-draft';
import { addHistoryTile, setHistoryKpi, setVsLastSnapshot } from '../../src/taskpane/history/history-tile-edits';
import { tilesOverlap, type Tile } from '../../src/dashboards';

describe('the Keep history draft', () => {
  it('round-trips stored options and refuses what cannot be stored, in words', () => {
    for (const stored of [{ keep: true }, { keep: true, lastRefreshes: 30 }, { keep: true, maxAgeDays: 7 }]) {
      expect(historyOptions(historyDraft(stored)).options).toEqual(stored);
    }
    expect(historyOptions(historyDraft(undefined))).toEqual({ options: null });
    expect(historyOptions({ keep: true, by: 'count', count: '0', days: '' }).problem).toBe('Type a whole number of refreshes from 1 to 100,000.');
    expect(historyOptions({ keep: true, by: 'days', count: '', days: '2.5' }).problem).toBe('Type a whole number of days from 1 to 36,500.');
    expect(historyOptions({ keep: false, by: 'days', count: '', days: 'x' })).toEqual({ options: null });
  });
});

describe('history tile and vs last snapshot', () => {
  it('draws the newest points, oldest first, labelled in UTC', () => {
    const points = Array.from({ length: 5 }, (_, i) => ({ at: `2026-12-0${i + 1}T0${i}:30:00.000Z`, value: i === 2 ? null : i * 10 }));
    const data = historyChartData(points, 'Revenue', '#,##0', 3);
    expect(data.categories).toEqual(['2026-12-03 02:30', '2026-12-04 03:30', '2026-12-05 04:30']);
    expect(data.series).toEqual([{ name: 'Revenue', values: [null, 30, 40] }]);
    expect(snapshotLabel('not a time')).toBe('not a time');
    // Two refreshes in one minute: the seconds tell them apart.
    expect(historyChartData([{ at: '2026-12-07T03:34:05.120Z', value: 1 }, { at: '2026-12-07T03:34:41.000Z', value: 2 }], 'R', '0').categories)
      .toEqual(['2026-12-07 03:34:05', '2026-12-07 03:34:41']);
  });

  it('says the change and the %, down, up, flat, from zero and without a value', () => {
    const f = (n: number) => n.toLocaleString('en-US');
    const last = { at: '2026-12-06T09:05:00.000Z', value: 2000 };
    expect(snapshotChangeWords(1500, last, f)).toBe('−500 (−25.0%) vs last snapshot 2026-12-06 09:05');
    expect(snapshotChangeWords(2500, last, f)).toBe('+500 (+25.0%) vs last snapshot 2026-12-06 09:05');
    expect(snapshotChangeWords(2000, last, f)).toBe('±0 (±0.0%) vs last snapshot 2026-12-06 09:05');
    expect(snapshotChangeWords(5, { ...last, value: 0 }, f)).toBe('+5 vs last snapshot 2026-12-06 09:05');
    expect(snapshotChangeWords(11_226_517, { ...last, value: 11_223_517 }, f)).toBe('+3,000 (+0.03%) vs last snapshot 2026-12-06 09:05');
    expect(snapshotChangeWords(null, last, f)).toBe('vs last snapshot 2026-12-06 09:05: no value to compare');
    // A KPI with its own comparison keeps it; the snapshot change goes to the note line.
    const withPeriod = withLastSnapshot({ kind: 'kpi', value: 2500, numberFormat: '#,##0', periodLabel: '2026', comparison: { label: 'vs 2025', value: 1 } }, last, f);
    expect(withPeriod.comparison).toEqual({ label: 'vs 2025', value: 1 });
    expect(withPeriod.periodLabel).toBe('2026 · +500 (+25.0%) vs last snapshot 2026-12-06 09:05');
  });
});

describe('snapshots', () => {
  it('renames columns that clash with the stamp and parameters, ignoring case', () => {
    expect(stampedHeader(['refreshed at (utc)', 'Parameters', 'Parameters2', ''])).toEqual(['Refreshed at (UTC)', 'Parameters', 'refreshed at (utc)2', 'Parameters2', 'Parameters22', 'Column4']);
  });

  it('lays a grid out tidy: one row per row item × column item, totals marked, blanks for missing', () => {
    const snap = querySnapshot({
      sourceRowCount: 3, rowCount: 3, skipped: {},
      grid: {
        rowFields: ['Region'], columnFields: ['Year'],
        measures: [{ id: 'a', label: 'Sum', numberFormat: '#,##0' }, { id: 'b', label: 'Ratio', numberFormat: '0%' }],
        rowItems: [{ kind: 'item', path: [null] }, { kind: 'item', path: ['=West'] }, { kind: 'grandTotal', path: [] }],
        columnItems: [{ kind: 'item', path: [2025] }, { kind: 'grandTotal', path: [] }],
        values: [[-0, Infinity, -0, null], [5, 0.5, 5, 0.5], [5, NaN, 5, -Infinity]],
      },
    });
    expect(snap.header).toEqual(['Row level', 'Region', 'Column level', 'Year', 'Sum', 'Ratio']);
    expect(snap.numberFormats).toEqual(['General', 'General', 'General', 'General', '#,##0', '0%']);
    expect(snap.rows).toEqual([
      ['item', '', 'item', 2025, 0, ''],
      ['item', '', 'grand total', '', 0, ''],
      ['item', '=West', 'item', 2025, 5, 0.5],
      ['item', '=West', 'grand total', '', 5, 0.5],
      ['grand total', '', 'item', 2025, 5, ''],
      ['grand total', '', 'grand total', '', 5, ''],
    ]);
    expect(Object.is(snap.rows[0]![4], 0)).toBe(true);
    // An empty result still leaves a row saying the refresh happened.
    expect(stampedRows({ header: ['A', 'B'], rows: [], numberFormats: [] }, 't', 'p')).toEqual([['t', 'p', '', '']]);
  });
});

describe('history tile edits', () => {
  const kpi = (id: string, title: string): Tile => ({ version: 1, kind: 'kpi', id, title, at: { row: 0, col: 0, rows: 4, cols: 3 }, source: { kind: 'table', name: 'Sales' }, measure: { id: 'm', kind: 'sum', field: 'Revenue' } });

  it('adds a history chart of the first key figure, laid out with the others, and re-points it', () => {
    expect(addHistoryTile([])).toEqual([]);
    const tiles = addHistoryTile([kpi('kpi1', 'Umsatz €'), kpi('kpi2', 'Orders')]);
    const added = tiles[2]!;
    expect(added).toMatchObject({ kind: 'history', id: 'history1', kpi: 'kpi1', title: 'Umsatz € at each refresh', at: { rows: 10, cols: 7 } });
    // Laid out with the others, over none of them.
    for (const other of tiles.slice(0, 2)) expect(tilesOverlap(added.at, other.at)).toBe(false);
    expect(setHistoryKpi(tiles, 'history1', 'kpi2')[2]).toMatchObject({ kpi: 'kpi2' });
    // Only a history tile takes a key figure.
    expect(setHistoryKpi(tiles, 'kpi1', 'kpi2')[0]).toEqual(tiles[0]);
  });

  it('turns vs last snapshot on and off on a key figure only', () => {
    const on = setVsLastSnapshot([kpi('kpi1', 'A')], 'kpi1', true);
    expect(on[0]).toMatchObject({ vsLastSnapshot: true });
    expect('vsLastSnapshot' in setVsLastSnapshot(on, 'kpi1', false)[0]!).toBe(false);
  });
});
