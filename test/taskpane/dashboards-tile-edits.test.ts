/**
 * The dashboard tile list's pure edits and words: reorder, remove, add, size presets, measure and
 * chart type changes, thresholds, dropdown parameters, and how tiles, progress and status read.
 */
import { describe, expect, it } from 'vitest';
import { TileSchema, tilesOverlap, type DashboardField, type Tile } from '../../src/dashboards';
import {
  moveBy, newTile, parameterCandidates, resizeToPreset, setChartType, setMeasureField, setMeasureKind, setThresholds, sizeOf,
  thresholdProblem, toggleParameter, withoutTile,
} from '../../src/taskpane/dashboards/tile-edits';
import { comparisonWords, measureWords, thresholdWords, tileSummary } from '../../src/taskpane/dashboards/tile-words';
import { lastRefreshedWords, progressLines, staleTiles, statusWords } from '../../src/taskpane/dashboards/refresh-words';
import { sourceChoices } from '../../src/taskpane/dashboards/source-choices';
import { everyMinutes } from '../../src/taskpane/dashboards/use-new-dashboard';
import { emptyDocument } from '../../src/model';
import type { DashboardOutcome } from '../../src/refresh/dashboards';

const source = { kind: 'table', name: 'Sales' } as const;
const fields: DashboardField[] = [
  { name: 'Date', type: 'date', numberFormat: 'yyyy-mm-dd' },
  { name: 'Region', type: 'text' },
  { name: 'Product', type: 'text' },
  { name: 'Revenue', type: 'number', numberFormat: '$#,##0.00' },
  { name: 'Cost', type: 'number', numberFormat: '$#,##0.00' },
];

const header: Tile = { version: 1, id: 'header', kind: 'header', title: 'Sales', at: { row: 0, col: 0, rows: 3, cols: 15 }, parameters: [] };
const kpi: Tile = {
  version: 1, id: 'kpi1', kind: 'kpi', title: 'Total Revenue', at: { row: 4, col: 0, rows: 4, cols: 3 }, source,
  measure: { id: 'm1', kind: 'sum', field: 'Revenue' },
};
const chart: Tile = {
  version: 1, id: 'chart1', kind: 'chart', title: 'By region', at: { row: 4, col: 4, rows: 14, cols: 7 }, source,
  chartType: 'column', category: { field: 'Region' }, series: 'Product', measures: [{ id: 'm1', kind: 'sum', field: 'Revenue' }],
};
const table: Tile = {
  version: 1, id: 'table1', kind: 'table', title: 'Top products', at: { row: 19, col: 0, rows: 13, cols: 7 }, source,
  rows: [{ field: 'Product' }], measures: [{ id: 'm1', kind: 'sum', field: 'Revenue' }], top: { n: 10, measure: 'm1' },
};
const tiles = [header, kpi, chart, table];

/** Every tile valid against the stored schema, and no two tiles share a cell. */
function checkLayout(ts: readonly Tile[]) {
  for (const t of ts) expect(TileSchema.safeParse(t).success, JSON.stringify(t)).toBe(true);
  for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) expect(tilesOverlap(ts[i].at, ts[j].at), `${ts[i].id} over ${ts[j].id}`).toBe(false);
}

describe('tile edits', () => {
  it('moves a tile up and down in reading order and packs the grid again', () => {
    const moved = moveBy(tiles, 'table1', -1);
    expect(moved.map((t) => t.id)).toEqual(['header', 'kpi1', 'table1', 'chart1']);
    checkLayout(moved);
    // First tile cannot go further up, last cannot go down: same order.
    expect(moveBy(tiles, 'header', -1).map((t) => t.id)).toEqual(tiles.map((t) => t.id));
    expect(moveBy(tiles, 'table1', 1).map((t) => t.id)).toEqual(tiles.map((t) => t.id));
  });

  it('removes a tile and closes the gap', () => {
    const left = withoutTile(tiles, 'chart1');
    expect(left.map((t) => t.id)).toEqual(['header', 'kpi1', 'table1']);
    // The table moves up beside the KPI card: row 4, column 4 (3 columns + 1 gap).
    expect(left[2].at).toEqual({ row: 4, col: 4, rows: 13, cols: 7 });
    checkLayout(left);
  });

  it('resizes to presets without overlapping, and knows a tile’s preset', () => {
    expect(sizeOf(kpi)).toBe('small');
    const big = resizeToPreset(tiles, 'chart1', 'large');
    expect(big.find((t) => t.id === 'chart1')!.at).toMatchObject({ rows: 18, cols: 15, col: 0 });
    expect(sizeOf(big.find((t) => t.id === 'chart1')!)).toBe('large');
    checkLayout(big);
    expect(sizeOf({ ...kpi, at: { row: 0, col: 0, rows: 9, cols: 9 } })).toBeUndefined();
  });

  it('changes the summary and the field of a tile’s value; a default title follows, a typed one stays', () => {
    const avg = setMeasureKind(tiles, 'kpi1', 'average').find((t) => t.id === 'kpi1')!;
    expect(avg.kind === 'kpi' && avg.measure).toMatchObject({ kind: 'average', field: 'Revenue', label: 'Average Revenue' });
    expect(avg.title).toBe('Average Revenue');
    const count = setMeasureKind(tiles, 'chart1', 'distinctCount').find((t) => t.id === 'chart1')!;
    expect(count.kind === 'chart' && count.measures[0]).toMatchObject({ kind: 'distinctCount', numberFormat: '#,##0' });
    expect(count.title).toBe('By region');
    const cost = setMeasureField(tiles, 'table1', 'Cost', fields).find((t) => t.id === 'table1')!;
    expect(cost.kind === 'table' && cost.measures[0]).toMatchObject({ kind: 'sum', field: 'Cost', label: 'Total Cost', numberFormat: '$#,##0.00' });
    checkLayout(setMeasureKind(tiles, 'kpi1', 'median'));
  });

  it('changes chart types: a pie keeps one value and no series, a combo gets a second value', () => {
    const pie = setChartType(tiles, 'chart1', 'pie').find((t) => t.id === 'chart1')!;
    expect(pie.kind === 'chart' && [pie.chartType, pie.measures.length, pie.series]).toEqual(['pie', 1, undefined]);
    const combo = setChartType(tiles, 'chart1', 'combo').find((t) => t.id === 'chart1')!;
    expect(combo.kind === 'chart' && combo.measures.map((m) => m.kind)).toEqual(['sum', 'count']);
    expect(combo.kind === 'chart' && combo.measures[1].id).not.toBe('m1');
    checkLayout(setChartType(tiles, 'chart1', 'combo'));
  });

  it('sets and clears thresholds, and refuses red limits on the wrong side', () => {
    const on = setThresholds(tiles, 'kpi1', { direction: 'higherIsBetter', amber: 100, red: 50 }).find((t) => t.id === 'kpi1')!;
    expect(on.kind === 'kpi' && on.thresholds).toEqual({ direction: 'higherIsBetter', amber: 100, red: 50 });
    const off = setThresholds([on], 'kpi1', undefined)[0];
    expect(off.kind === 'kpi' && 'thresholds' in off).toBe(false);
    expect(thresholdProblem({ direction: 'higherIsBetter', amber: 100, red: 50 })).toBeUndefined();
    expect(thresholdProblem({ direction: 'higherIsBetter', amber: 50, red: 100 })).toMatch(/red limit must be at or below/);
    expect(thresholdProblem({ direction: 'lowerIsBetter', amber: 50, red: 10 })).toMatch(/at or above/);
    expect(thresholdProblem({ direction: 'lowerIsBetter', amber: NaN, red: 10 })).toMatch(/Type a number/);
  });

  it('offers dropdowns for text fields and the year of date fields, with Excel-safe unique ids', () => {
    expect(parameterCandidates(fields).map((c) => c.label)).toEqual(['Region', 'Product', 'Year (of Date)']);
    let ts = toggleParameter(tiles, { kind: 'list', field: 'Region' }, true);
    ts = toggleParameter(ts, { kind: 'year', field: 'Date' }, true);
    ts = toggleParameter(ts, { kind: 'list', field: 'Region' }, true); // already there: unchanged
    const h = ts[0];
    expect(h.kind === 'header' && h.parameters).toEqual([
      { id: 'Region', label: 'Region', kind: 'list', field: 'Region' },
      { id: 'Year', label: 'Year', kind: 'year', field: 'Date' },
    ]);
    const odd = toggleParameter(tiles, { kind: 'list', field: 'Sales rep (EU)' }, true)[0];
    expect(odd.kind === 'header' && odd.parameters[0].id).toBe('Sales_rep_EU');
    const off = toggleParameter(ts, { kind: 'list', field: 'Region' }, false)[0];
    expect(off.kind === 'header' && off.parameters.map((p) => p.id)).toEqual(['Year']);
    checkLayout(ts);
  });

  it('adds key figures, charts and tables with first choices from the fields', () => {
    let ts = newTile(tiles, 'kpi', source, fields);
    ts = newTile(ts, 'chart', source, fields);
    ts = newTile(ts, 'table', source, fields);
    const [k, c, t] = ts.slice(-3);
    expect(k.kind === 'kpi' && k.measure).toMatchObject({ kind: 'sum', field: 'Revenue' });
    expect(c.kind === 'chart' && [c.chartType, c.category]).toEqual(['line', { field: 'Date', by: 'yearMonth' }]);
    expect(t.kind === 'table' && [t.rows, t.top]).toEqual([[{ field: 'Region' }], { n: 10, measure: 'm1' }]);
    expect(new Set(ts.map((x) => x.id)).size).toBe(ts.length);
    checkLayout(ts);
    expect(() => newTile([], 'kpi', source, [])).toThrow(/no fields/);
  });
});

describe('tile, refresh and source words', () => {
  it('says what each tile shows', () => {
    expect(tileSummary(kpi)).toBe('Total Revenue');
    expect(tileSummary({ ...kpi, comparison: { kind: 'previousPeriod', dateField: 'Date', period: 'year' }, thresholds: { direction: 'higherIsBetter', amber: 1000, red: 500 } } as Tile))
      .toBe('Total Revenue, vs previous year, amber below 1,000, red below 500');
    expect(tileSummary(chart)).toBe('Column chart: Total Revenue by Region, one series per Product');
    expect(tileSummary(table)).toBe('Top 10 Product by Total Revenue');
    expect(tileSummary({ ...chart, chartType: 'combo', category: { field: 'Date', by: 'yearMonth' }, series: undefined } as Tile)).toBe('Combo chart: Total Revenue by month (Date)');
    expect(tileSummary(header)).toBe('Title and last refreshed time');
    expect(measureWords({ id: 'x', kind: 'distinctCount', field: 'Customer' })).toBe('Number of different Customer');
    expect(comparisonWords({ kind: 'target', cell: 'Targets!B2' })).toBe('vs target in Targets!B2');
    expect(thresholdWords({ direction: 'higherIsBetter', on: 'change', amber: 0, red: -0.1 })).toBe('amber when the change is below 0%, red below -10%');
  });

  it('shows progress per source, then the current step', () => {
    expect(progressLines([
      { phase: 'source', source: 'the table "Sales"', rowsRead: 0 },
      { phase: 'source', source: 'the table "Targets"', rowsRead: 5, totalRows: 5 },
      { phase: 'source', source: 'the table "Sales"', rowsRead: 10_000, totalRows: 20_000 },
      { phase: 'compute' },
    ])).toEqual(['The table "Sales": 10,000 of 20,000 rows read', 'The table "Targets": 5 of 5 rows read', 'Working out the figures…']);
  });

  it('words the status, last refresh and stale tiles', () => {
    expect(lastRefreshedWords(undefined)).toBe('Never refreshed');
    expect(lastRefreshedWords({ at: '2026-11-27T03:10:00.000Z', ok: false, message: 'Sales is gone' })).toMatch(/^Not fully refreshed .*2026.*: Sales is gone$/);
    expect(statusWords({ problems: [], lastRefresh: { at: 'x', ok: true } }, undefined)).toEqual({ text: 'Up to date', tone: 'success' });
    expect(statusWords({ problems: ['bad tile'] }, undefined).tone).toBe('danger');
    const outcome: DashboardOutcome = {
      status: 'partial', message: 'one source failed', tiles: { kpi1: { status: 'stale', reason: 'the web source failed (500)' }, chart1: { status: 'fresh' } },
      sources: [], queriesComputed: 1, syncs: { read: 1, source: 1, write: 1 }, bytes: { source: 0, write: 0 },
    };
    expect(statusWords({ problems: [] }, outcome).text).toBe('Some tiles are out of date');
    expect(staleTiles(outcome, new Map([['kpi1', 'Revenue']]))).toEqual(['Revenue: the web source failed (500)']);
  });

  it('lists workbook tables, then web sources read straight into queries (those landed in a table are the table)', () => {
    const doc = emptyDocument();
    doc.sources.push(
      { id: 's1', label: 'Web orders', kind: 'csv', url: 'https://example.com/o.csv', lastPull: { columns: [{ name: 'Paid', type: 'boolean' }] } },
      { id: 's2', label: 'Unpulled', kind: 'json', url: 'https://example.com/u.json' },
      { id: 's3', label: 'Landed', kind: 'csv', url: 'https://example.com/l.csv', output: { name: 'PivotDeck_s3' } },
    );
    const choices = sourceChoices([{ name: 'Sales', sheet: 'Sales', address: 'Sales!A1:K3', rowCount: 20000, columnCount: 11, columns: [], showHeaders: true, showTotals: false }], doc);
    expect(choices.map((c) => [c.label, c.detail, c.group])).toEqual([
      ['Sales', '20,000 rows on the sheet Sales', 'workbook'],
      ['Web orders', 'From the web (CSV)', 'web'],
      ['Unpulled', 'From the web (JSON)', 'web'],
    ]);
    expect(choices[1].fields).toEqual([{ name: 'Paid', type: 'logical' }]);
    expect(choices[1].ref).toEqual({ kind: 'source', id: 's1' });
    expect(choices[2].unavailable).toMatch(/Load it once/);
  });

  it('reads the refresh interval or says what to type', () => {
    expect(everyMinutes({ refreshOnOpen: false, everyOn: false, everyMinutes: 'x' })).toEqual({});
    expect(everyMinutes({ refreshOnOpen: false, everyOn: true, everyMinutes: ' 15 ' })).toEqual({ minutes: 15 });
    expect(everyMinutes({ refreshOnOpen: false, everyOn: true, everyMinutes: '0' }).problem).toMatch(/1 to 1440/);
    expect(everyMinutes({ refreshOnOpen: false, everyOn: true, everyMinutes: '2.5' }).problem).toMatch(/whole number/);
  });
});
