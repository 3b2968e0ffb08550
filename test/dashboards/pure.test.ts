/** The pure parts of dashboards: tile validation, layout, starter layout, templates, queries, plan. */
import { describe, expect, it } from 'vitest';
import {
  addTile, buildFromTemplate, detectFieldRoles, flowLayout, freshSheetName, moveTile, parseTiles, planDashboard, planTileQueries,
  proposeStarterLayout, rectAddress, reorderTiles, resizeTile, tileSpec, type KpiTile, type Tile, type TileOutcome,
} from '../../src/dashboards';
import { axisNumberFormat } from '../../src/dashboards/plan';
import { firstForeignCell } from '../../src/excel/dashboard';
import { formatValue } from '../../src/simulator/format';
import { FIELDS } from './fixtures';

const SALES = { kind: 'table' as const, name: 'Sales' };
const at = (row: number, col: number, rows: number, cols: number) => ({ row, col, rows, cols });

const header: Tile = {
  version: 1, kind: 'header', id: 'header', title: 'T', at: at(0, 0, 3, 15),
  parameters: [{ id: 'region', label: 'Region', kind: 'list', field: 'Region' }, { id: 'year', label: 'Year', kind: 'year', field: 'Date' }],
};
const kpi: KpiTile = {
  version: 1, kind: 'kpi', id: 'rev', title: 'Revenue', at: at(4, 0, 4, 3), source: SALES,
  measure: { id: 'x', kind: 'sum', field: 'Revenue' }, comparison: { kind: 'previousPeriod', dateField: 'Date', period: 'month' },
};
const plainKpi: KpiTile = { version: 1, kind: 'kpi', id: 'plain', title: 'All revenue', at: at(4, 4, 4, 3), source: SALES, measure: { id: 'y', kind: 'sum', field: 'Revenue' } };

describe('tiles', () => {
  it('keeps good tiles and lists broken ones with why', () => {
    const parsed = parseTiles([header, { ...kpi, version: 2 }, { ...plainKpi, measure: { id: 'y', kind: 'sum' } }, plainKpi, plainKpi]);
    expect(parsed.tiles.map((t) => t.id)).toEqual(['header', 'plain']);
    expect(parsed.problems.map((p) => p.id)).toEqual(['rev', 'plain', 'plain']);
    expect(parsed.problems[0].message).toBe('This tile was made by a newer PivotDeck (tile version 2); update PivotDeck to use it.');
    expect(parsed.problems[1].message).toMatch(/\(at measure\.field\)$/);
    expect(parsed.problems[2].message).toBe('tile id "plain" is used twice');
  });

  it('refuses thresholds whose red limit is not past amber', () => {
    const bad = { ...plainKpi, thresholds: { direction: 'higherIsBetter', amber: 10, red: 20 } };
    expect(parseTiles([bad]).problems[0].message).toMatch(/red limit must be past the amber limit/);
  });
});

describe('layout', () => {
  it('flows tiles left to right with gaps, wrapping at 15 columns', () => {
    const tiles = flowLayout([header, kpi, plainKpi, { ...plainKpi, id: 'k3' }, { ...plainKpi, id: 'k4' }, { ...plainKpi, id: 'k5' }]);
    expect(tiles.map((t) => rectAddress(t.at))).toEqual(['A1:O3', 'A5:C8', 'E5:G8', 'I5:K8', 'M5:O8', 'A10:C13']);
  });

  it('refuses a move or resize that would cover another tile, naming both', () => {
    const tiles = flowLayout([header, kpi, plainKpi]);
    expect(() => moveTile(tiles, 'plain', { row: 5, col: 1 })).toThrow('"All revenue" would cover "Revenue". Move or resize that tile first.');
    expect(() => resizeTile(tiles, 'rev', { rows: 4, cols: 6 })).toThrow(/would cover "All revenue"/);
    expect(moveTile(tiles, 'plain', { row: 20, col: 0 }).find((t) => t.id === 'plain')!.at).toEqual(at(20, 0, 4, 3));
  });

  it('adds below the others and reorders by packing again', () => {
    const tiles = addTile(flowLayout([header, kpi]), plainKpi);
    expect(tiles[2].at).toEqual(at(9, 0, 4, 3));
    expect(reorderTiles(tiles, ['header', 'plain', 'rev']).map((t) => [t.id, rectAddress(t.at)])).toEqual([
      ['header', 'A1:O3'], ['plain', 'A5:C8'], ['rev', 'E5:G8'],
    ]);
  });

  it('finds a sheet name nobody has', () => {
    expect(freshSheetName(['Sales', 'dashboard'], 'Dashboard')).toBe('Dashboard (2)');
    expect(freshSheetName([], 'Q1: [draft]?')).toBe('Q1   draft');
    expect(freshSheetName(['A'.repeat(31)], 'A'.repeat(40))).toBe(`${'A'.repeat(27)} (2)`);
  });
});

describe('starter layout and templates', () => {
  it('detects the date, the amount, categories, customer and product', () => {
    expect(detectFieldRoles(FIELDS)).toEqual({ date: 'Date', amount: 'Revenue', categories: ['Region', 'Category'], customer: 'Customer', item: 'Product' });
    expect(detectFieldRoles([{ name: 'Order ID', type: 'number' }, { name: 'Qty', type: 'number' }, { name: 'Email', type: 'text' }]))
      .toEqual({ date: undefined, amount: 'Qty', categories: [], customer: undefined, item: undefined });
  });

  it('proposes total, growth, trend, split and top 10 for a table with a date, an amount and categories', () => {
    const tiles = proposeStarterLayout(SALES, FIELDS, 'Sales');
    expect(tiles.map((t) => `${t.kind}:${t.id}`)).toEqual(['header:header', 'kpi:kpi_total', 'kpi:kpi_count', 'chart:chart_trend', 'chart:chart_split', 'table:table_top']);
    expect(tiles[1]).toMatchObject({ comparison: { kind: 'previousPeriod', dateField: 'Date', period: 'year' }, numberFormat: '$#,##0' });
    expect(tiles[3]).toMatchObject({ chartType: 'line', category: { field: 'Date', by: 'yearMonth' } });
    expect(tiles[5]).toMatchObject({ rows: [{ field: 'Product' }], top: { n: 10 } });
    expect(parseTiles(tiles).problems).toEqual([]);
  });

  it('builds both templates as valid tiles, and says what a table lacks', () => {
    const sales = buildFromTemplate('salesOverview', SALES, FIELDS);
    expect(sales.filter((t) => t.kind === 'kpi').map((t) => t.title)).toEqual(['Total Revenue', 'Orders', 'Customers', 'Average order']);
    const monitoring = buildFromTemplate('monitoring', SALES, [...FIELDS, { name: 'Cost', type: 'number' }]);
    expect(monitoring.filter((t): t is KpiTile => t.kind === 'kpi').every((t) => t.thresholds)).toBe(true);
    expect(monitoring.find((t) => t.id === 'chart_trend')).toMatchObject({ chartType: 'combo' });
    expect(parseTiles([...sales]).problems).toEqual([]);
    expect(parseTiles([...monitoring]).problems).toEqual([]);
    expect(() => buildFromTemplate('salesOverview', SALES, [{ name: 'Region', type: 'text' }])).toThrow('This template needs a date column.');
  });
});

describe('tile queries', () => {
  it('turns parameters into filters; a period KPI uses the year to pick its period instead', () => {
    const tiles = [header, kpi, plainKpi];
    const values = { region: 'West', year: 2024 };
    expect(tileSpec(plainKpi, tiles, values)).toEqual({
      version: 1, source: SALES, rows: [], measures: [{ id: 'value', kind: 'sum', field: 'Revenue' }],
      derived: [{ kind: 'datePart', name: 'Date (year)', field: 'Date', part: 'year' }],
      filters: [{ kind: 'in', field: 'Region', values: ['West'] }, { kind: 'in', field: 'Date (year)', values: [2024] }],
    });
    const period = tileSpec(kpi, tiles, values);
    expect(period.rows).toEqual(['Date (year)', 'Date (month)']);
    expect(period.filters).toEqual([{ kind: 'in', field: 'Region', values: ['West'] }]);
    expect(tileSpec(plainKpi, tiles, { region: 'All', year: '' }).filters).toBeUndefined();
  });

  it('computes a spec two tiles share once, and lists parameter choices', () => {
    const plan = planTileQueries([header, plainKpi, { ...plainKpi, id: 'twin', title: 'Twin', measure: { id: 'other id', kind: 'sum', field: 'Revenue' } }], {});
    expect(plan.tiles.get('plain')).toBe(plan.tiles.get('twin'));
    expect(plan.queries.size).toBe(3);
    expect([...plan.parameters.keys()]).toEqual(['region', 'year']);
  });

  it('leaves tiles of another source and ignored parameters unfiltered', () => {
    const other = { ...plainKpi, id: 'o', source: { kind: 'table' as const, name: 'Returns' } };
    const ignoring = { ...plainKpi, id: 'i', ignoreParameters: ['region'] };
    const tiles = [header, plainKpi, other, ignoring];
    expect(tileSpec(other, tiles, { region: 'West' }).filters).toBeUndefined();
    expect(tileSpec(ignoring, tiles, { region: 'West', year: 2025 }).filters).toEqual([{ kind: 'in', field: 'Date (year)', values: [2025] }]);
  });
});

describe('write plan', () => {
  const tiles = flowLayout([header, plainKpi, { ...plainKpi, id: 'p2' }]);
  const fresh: TileOutcome = { status: 'fresh', data: { kind: 'kpi', value: 10, numberFormat: '#,##0' } };

  it('keeps a stale tile\'s cells and names, and writes only its note', () => {
    const outcomes = new Map<string, TileOutcome>([['plain', fresh], ['p2', { status: 'stale', reason: 'Sales could not be read.' }]]);
    const plan = planDashboard({ dashboardId: 'd1', sheet: 'D', tiles, outcomes, values: {} });
    expect(plan.keepNames).toEqual(['PivotDeck_dash_d1_p2']);
    // The stale tile stays tracked by its name (the writer adds it only when it was never written,
    // as when the first refresh already failed), so its note is PivotDeck's own next time.
    expect(plan.names.map((n) => n.name)).toEqual(['PivotDeck_dash_d1_header', 'PivotDeck_dash_d1_plain', 'PivotDeck_dash_d1_p2']);
    expect(plan.names[2]!.address).toBe('E5:G8');
    expect(plan.owned).toEqual(['A1:O3', 'A5:C8', 'E5:G8']);
    const stale = plan.blocks.filter((b) => b.address.startsWith('E'));
    expect(stale).toEqual([{ address: 'E8', values: [['⚠ Not refreshed: Sales could not be read.']] }]);
  });

  it('puts a long dropdown list in the data area and points the dropdown there', () => {
    const many = Array.from({ length: 60 }, (_, i) => `Customer number ${i}`);
    const outcomes = new Map<string, TileOutcome>([['header', { status: 'fresh', data: { kind: 'header', choices: { region: ['All', ...many], year: ['All', 2025] }, status: '' } }]]);
    const plan = planDashboard({ dashboardId: 'd1', sheet: 'D', tiles, outcomes, values: { region: 'All', year: 2025 } });
    expect(plan.validations).toEqual([
      { address: 'B2', list: ['All', ...many], source: '=$Q$2:$Q$62' },
      { address: 'D2', list: ['All', 2025], source: 'All,2025' },
    ]);
    expect(plan.blocks.find((b) => b.address === 'D2')?.values).toEqual([[2025]]);
  });
});

describe('a chart that keeps every item of a dropdown', () => {
  const share: Tile = {
    version: 1, kind: 'chart', id: 'share', title: 'Revenue by Region', at: at(4, 0, 8, 6), source: SALES, chartType: 'doughnut',
    category: { field: 'Region' }, measures: [{ id: 'r', kind: 'sum', field: 'Revenue' }], ignoreParameters: ['region'],
  };
  const tiles = [header, share];
  const outcomes = new Map<string, TileOutcome>([['share', { status: 'fresh', data: { kind: 'chart', categories: ['West', 'East'], series: [{ name: 'Revenue', values: [3, 1] }], numberFormat: '#,##0' } }]]);
  const noteAt = (values: Record<string, string | number>) =>
    planDashboard({ dashboardId: 'd1', sheet: 'D', tiles, outcomes, values }).blocks.find((b) => b.address === 'A5')?.values;

  it('says so above the chart while that dropdown is set, and says nothing when it shows All', () => {
    expect(noteAt({ region: 'West', year: 'All' })).toEqual([['Not filtered by Region: shows them all.']]);
    expect(noteAt({ region: 'All', year: 2025 })).toBeUndefined();
  });
});

describe('foreign cells', () => {
  it('finds the first non-empty cell outside what PivotDeck wrote', () => {
    expect(firstForeignCell('B2:C3', [['', 'x'], ['', '']], [])).toBe('C2');
    expect(firstForeignCell('B2:C3', [['', 'x'], ['', '']], ['C1:C2'])).toBeUndefined();
    expect(firstForeignCell('B2:C3', [[0, ''], ['', '']], ['C1:C2'])).toBe('B2');
  });
});

describe('chart value axes', () => {
  it('scale to K or M with the currency symbol and start at a plain zero', () => {
    const millions = axisNumberFormat('$#,##0.00', 2_500_000);
    expect([0, 1_000_000, 2_500_000].map((v) => formatValue(v, millions))).toEqual(['$0', '$1.0M', '$2.5M']);
    const thousands = axisNumberFormat('#,##0', 50_000);
    expect([0, 25_000].map((v) => formatValue(v, thousands))).toEqual(['0', '25K']);
    expect(axisNumberFormat('0.0%', 0.4)).toBe('0%');
  });
});
