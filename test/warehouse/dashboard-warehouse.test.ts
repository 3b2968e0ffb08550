/**
 * A dashboard on a warehouse source, against the Excel simulator and the tier's 2-shard cluster:
 * a KPI (sum of Revenue) and a column chart by Region are computed where the data is (one grouped
 * SELECT per distinct tile query, through a counting proxy: no SELECT of raw rows), checked against
 * plain loops over the raw rows the test reads itself; a Region pick recomputes only the tiles it
 * touches; a warehouse PivotDeck cannot sign in to makes its tiles stale with the reason while a
 * workbook tile on the same sheet refreshes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors/credentials';
import type { SourceDefinition } from '../../src/connectors/types';
import { warehouseOptions } from '../../src/connectors/warehouse';
import { describeWarehouseFields } from '../../src/connectors/warehouse/field-types';
import { flowLayout, type Tile } from '../../src/dashboards';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { createDashboard, DashboardSession, refreshDashboard, type DashboardDeps } from '../../src/refresh/dashboards';
import { warehouseQueryRunner } from '../../src/refresh/queries';
import { createSimulator, type Simulator } from '../../src/simulator';
import { chExec } from '../support/clickhouse';
import { startCountingProxy, type CountingProxy, type Exchange } from '../support/counting-proxy';
import { blockValues, cellValue } from '../dashboards/fixtures';
import { SCHEMAS } from './support/warehouse-data';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';

const chUrl = inject('warehouseUrl');
let proxy: CountingProxy;

const WH = { kind: 'source' as const, id: 'wh_sales' };
const LOCAL = { kind: 'table' as const, name: 'Targets' };
const at = (rows: number, cols: number) => ({ row: 0, col: 0, rows, cols });

const TILES: Tile[] = flowLayout([
  { version: 1, kind: 'header', id: 'header', title: 'Sales', at: at(3, 15), parameters: [{ id: 'p_region', label: 'Region', kind: 'list', field: 'Region', source: WH }] },
  { version: 1, kind: 'kpi', id: 'revenue', title: 'Revenue', at: at(4, 3), source: WH, measure: { id: 'r', kind: 'sum', field: 'Revenue' } },
  { version: 1, kind: 'kpi', id: 'target', title: 'Target', at: at(4, 3), source: LOCAL, measure: { id: 't', kind: 'sum', field: 'Amount' } },
  {
    version: 1, kind: 'chart', id: 'by_region', title: 'Revenue by Region', at: at(10, 8), source: WH, chartType: 'column',
    category: { field: 'Region' }, measures: [{ id: 'r', kind: 'sum', field: 'Revenue' }], ignoreParameters: ['p_region'],
  },
]);

function source(over: Partial<SourceDefinition> = {}): SourceDefinition {
  return {
    id: 'wh_sales', label: 'Sales (warehouse)', kind: 'warehouse', url: proxy.url,
    // The fields saved at "Test connection", as the pane saves them: queries need no DESCRIBE.
    options: warehouseOptions({ database: 'default', table: 'sales', fields: describeWarehouseFields(SCHEMAS.sales.columns.map((c) => [c.name, c.type] as const)).fields }),
    ...over,
  };
}

function depsFor(sim: Simulator, doc: () => PivotDeckDocument): DashboardDeps {
  return {
    run: sim.run,
    now: () => new Date(2026, 0, 15, 9, 30),
    warehouse: warehouseQueryRunner({
      context: { fetch: (i, init) => fetch(i, init), credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true }, progressEveryMs: 0 },
      sources: async () => doc().sources,
    }),
  };
}

function simulator(): Simulator {
  const targets: CellValue[][] = [['Amount'], [1000], [234]];
  return createSimulator(workbook({ sheets: [sheet('Targets', cellsAt(targets))], tables: [table('Targets', 'Targets', 'A1:A3')] }));
}

/** Revenue by region by plain loops over the raw rows, read here straight from ClickHouse. */
async function revenueByRegion(): Promise<Map<string, number>> {
  const text = await chExec(chUrl, 'SELECT `Region`, `Revenue` FROM sales FORMAT TabSeparated');
  const out = new Map<string, number>();
  for (const line of text.trim().split('\n')) {
    const [region, revenue] = line.split('\t');
    out.set(region, (out.get(region) ?? 0) + Number(revenue));
  }
  return out;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** The chart's categories and values, from the cells its series points at. */
function chartData(sim: Simulator): Map<string, number> {
  const charts = sim.toModel().sheets.find((s) => s.name === 'Sales')!.charts ?? [];
  const chart = charts.find((c) => c.name.endsWith('by_region'));
  if (!chart) throw new Error(`no chart: ${charts.map((c) => c.name).join(', ')}`);
  const strip = (ref: string) => ref.split('!')[1].replace(/\$/g, '');
  const cats = blockValues(sim, 'Sales', strip(chart.series[0].categoriesRef!)).map((r) => String(r[0]));
  const vals = blockValues(sim, 'Sales', strip(chart.series[0].valuesRef!)).map((r) => Number(r[0]));
  return new Map(cats.map((c, i) => [c, vals[i]]));
}

/** A SELECT over sales that neither groups nor counts would bring raw rows to the pane. */
function readsRawRows(e: Exchange): boolean {
  return e.sql.replace(/\s+/g, ' ').split(/ UNION ALL /i)
    .some((part) => /FROM `default`\.`sales`/.test(part) && !/ GROUP BY /i.test(part) && !/\bcount\(\)/.test(part));
}

function expectClose(actual: number, want: number) {
  expect(Math.abs(actual - want), `${actual} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
}

beforeAll(async () => {
  proxy = await startCountingProxy(chUrl);
});
afterAll(async () => {
  await proxy.close();
});

describe('a dashboard on a warehouse source', () => {
  it('computes the KPI and the chart on the warehouse, one SELECT per distinct query, and recomputes on a Region pick', async () => {
    const sim = simulator();
    const doc = emptyDocument();
    const withSource: PivotDeckDocument = { ...doc, sources: [source()] };
    const want = await revenueByRegion();
    const before = proxy.exchanges.length;
    const deps = depsFor(sim, () => withSource);
    const session = new DashboardSession();
    const built = await createDashboard(deps, withSource, { label: 'Sales', sheet: 'Sales', tiles: TILES }, { session });
    expect(built.outcome.status, built.outcome.message).toBe('written');

    // Cards: header A1:O3; revenue A5, target E5 (values on row 6).
    expectClose(cellValue(sim, 'Sales', 'A6') as number, sum(want));
    expect(cellValue(sim, 'Sales', 'E6')).toBe(1234);
    const chart = chartData(sim);
    expect([...chart.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [region, v] of want) expectClose(chart.get(region)!, v);

    // KPI, chart and the Region choices: three distinct queries, three SELECTs, none of raw rows.
    const sent = proxy.exchanges.slice(before);
    expect(sent.length).toBe(3);
    expect(sent.every((e) => /FROM `default`\.`sales`/.test(e.sql))).toBe(true);
    expect(sent.filter(readsRawRows)).toEqual([]);
    expect(built.outcome.queriesComputed).toBe(4); // + the Targets KPI in the pane
    expect(built.outcome.sources.map((s) => [s.label, s.ok])).toEqual([['sales (warehouse)', true], ['Targets', true]]);
    expect(built.outcome.bytes.source).toBeGreaterThan(0);

    // Pick a region: the KPI recomputes on the warehouse (one SELECT); the chart keeps every region.
    const region = [...want.keys()].sort()[0];
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Sales').getRange('B2').values = [[region]]; });
    const mid = proxy.exchanges.length;
    const picked = await refreshDashboard(deps, built.document, built.id, { session, reuseSources: true });
    expect(picked.outcome.status, picked.outcome.message).toBe('written');
    expect(picked.outcome.parameterValues).toEqual({ p_region: region });
    expectClose(cellValue(sim, 'Sales', 'A6') as number, want.get(region)!);
    expect(cellValue(sim, 'Sales', 'E6')).toBe(1234);
    for (const [r, v] of want) expectClose(chartData(sim).get(r)!, v);
    const again = proxy.exchanges.slice(mid);
    expect(again.length).toBe(1);
    // The filter runs on the warehouse (Excel-like: case-insensitive).
    expect(again[0].sql).toMatch(/ WHERE .*lowerUTF8\(`Region`\) IN \('/);
    expect(again[0].sql).toContain(`'${region.toLowerCase()}'`);
    expect(again.filter(readsRawRows)).toEqual([]);
  });

  it('a warehouse it cannot sign in to makes its tiles stale with the reason; the workbook tile refreshes', async () => {
    const sim = simulator();
    let current: PivotDeckDocument = { ...emptyDocument(), sources: [source()] };
    const deps = depsFor(sim, () => current);
    const built = await createDashboard(deps, current, { label: 'Sales', sheet: 'Sales', tiles: TILES });
    expect(built.outcome.status).toBe('written');
    const kpi = cellValue(sim, 'Sales', 'A6');

    // The source now needs a sign-in this computer does not have.
    current = { ...built.document, sources: [source({ credential: { origin: new URL(proxy.url).origin, kind: 'basic' } })] };
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Targets').getRange('A2').values = [[2000]]; });
    const r = await refreshDashboard(deps, current, built.id);
    expect(r.outcome.status, r.outcome.message).toBe('partial');
    expect(r.outcome.tiles.revenue.status).toBe('stale');
    expect(r.outcome.tiles.by_region.status).toBe('stale');
    expect(r.outcome.tiles.revenue.reason).toMatch(/needs your user name and password/);
    expect(r.outcome.tiles.target).toEqual({ status: 'fresh' });
    expect(r.outcome.sources.find((s) => s.key === 'source:wh_sales')).toMatchObject({ ok: false });
    expect(cellValue(sim, 'Sales', 'A6')).toBe(kpi); // previous value kept
    expect(cellValue(sim, 'Sales', 'E6')).toBe(2234);
    expect(String(cellValue(sim, 'Sales', 'A8'))).toMatch(/^⚠ Not refreshed: /);
  });
});
