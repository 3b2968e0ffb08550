/**
 * "Up to date" only when nothing read changed (issue 14 part 5): dashboards and saved queries
 * record a stamp of each source they read (address, row count, a hash of a sample of rows), and
 * checkFreshness compares them with a cheap read of the workbook now. Against the simulator:
 * a changed row, a new row, a renamed table and an edit elsewhere; a refresh makes it current
 * again; a parameter change never computes from a copy of a table that changed.
 */
import { describe, expect, it } from 'vitest';
import { buildFromTemplate, flowLayout, type Tile } from '../../src/dashboards';
import type { CellValue } from '../../src/excel/api';
import type { QuerySpec } from '../../src/engine';
import { emptyDocument, type PivotDeckDocument, type SourceStamp } from '../../src/model';
import { createDashboard, DashboardSession, refreshDashboard, type DashboardDeps } from '../../src/refresh/dashboards';
import { checkFreshness, currentStamps } from '../../src/refresh/dashboards/freshness';
import { compareStamps, fnv1a, outOfDateWords, SAMPLE_ROWS, sampleIndexes, stampOf } from '../../src/refresh/dashboards/source-stamps';
import { insertQuery, refreshQuery } from '../../src/refresh/queries';
import { createSimulator, type Simulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';
import { cellValue, FIELDS, ROWS, salesSimulator } from './fixtures';

const NOW = new Date(2026, 0, 15, 9, 30);
const deps = (sim: Simulator): DashboardDeps => ({ run: sim.run, now: () => NOW });
const SALES = { kind: 'table' as const, name: 'Sales' };

async function salesDashboard(sim: Simulator): Promise<PivotDeckDocument> {
  const r = await createDashboard(deps(sim), emptyDocument(), { label: 'Sales overview', tiles: buildFromTemplate('salesOverview', SALES, FIELDS) });
  expect(r.outcome.status).toBe('written');
  return r.document;
}

async function setData(sim: Simulator, address: string, value: CellValue): Promise<void> {
  await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange(address).values = [[value]]; });
}

describe('source stamps, pure', () => {
  it('samples every row up to the limit, then an even spread that keeps the first and the last', () => {
    expect(sampleIndexes(0)).toEqual([]);
    expect(sampleIndexes(3)).toEqual([0, 1, 2]);
    expect(sampleIndexes(SAMPLE_ROWS)).toHaveLength(SAMPLE_ROWS);
    const big = sampleIndexes(100_000);
    expect(big).toHaveLength(SAMPLE_ROWS);
    expect([big[0], big.at(-1)]).toEqual([0, 99_999]);
    for (let i = 1; i < big.length; i++) expect(big[i]).toBeGreaterThan(big[i - 1]!);
  });

  it('hashes with FNV-1a (published test vectors)', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });

  it('stamps -0 like 0 and tells a changed value, a new row and a moved table apart from no change', () => {
    const data = (rows: CellValue[][], address = 'A1:B3') => ({ header: ['Région', 'n'], rows, syncs: 0, bytes: 0, at: { sheet: 'Data', address } });
    const base = stampOf(SALES, data([['Zürich', 0], ['', 1]]), []);
    const same = stampOf(SALES, data([['Zürich', -0], ['', 1]]), []);
    expect(same).toEqual(base);
    const now = (s: SourceStamp) => new Map([[s.key, s]]);
    expect(compareStamps([base], now(same))).toEqual({ state: 'current' });
    expect(compareStamps([base], now(stampOf(SALES, data([['Zürich', 0], ['', 2]]), [])))).toEqual({ state: 'outOfDate', changed: ['Sales'] });
    expect(compareStamps([base], now(stampOf(SALES, data([['Zürich', 0], ['', 1], ['x', 1]], 'A1:B4'), [])))).toEqual({ state: 'outOfDate', changed: ['Sales'] });
    expect(compareStamps([base], now(stampOf(SALES, data([['Zürich', 0], ['', 1]], 'C1:D3'), [])))).toEqual({ state: 'outOfDate', changed: ['Sales'] });
    expect(compareStamps([base], new Map())).toEqual({ state: 'outOfDate', changed: ['Sales'] });
  });

  it('says "refreshed at" for a warehouse and for outputs refreshed before stamps were kept', () => {
    expect(compareStamps([{ key: 'source:wh', label: 'Warehouse', kind: 'warehouse' }], new Map(), '2026-01-15T09:30:00Z')).toEqual({ state: 'unknown', refreshedAt: '2026-01-15T09:30:00Z' });
    expect(compareStamps(undefined, new Map(), '2026-01-15T09:30:00Z')).toEqual({ state: 'unknown', refreshedAt: '2026-01-15T09:30:00Z' });
    expect(compareStamps(undefined, new Map())).toEqual({ state: 'never' });
  });

  it('words the change as a business user reads it', () => {
    expect(outOfDateWords(['Orders'])).toBe('Out of date — Orders changed');
    expect(outOfDateWords(['Orders', 'Returns'])).toBe('Out of date — Orders and Returns changed');
    expect(outOfDateWords(['A', 'B', 'C'])).toBe('Out of date — A, B and C changed');
  });

  it('stamps a web source by its last pull: a new pull with new data changes it, a 304 does not', () => {
    const ref = { kind: 'source' as const, id: 'web' };
    const before = stampOf(ref, undefined, [{ id: 'web', label: 'Web orders', kind: 'csv', lastPull: { etag: '"v1"', rows: 10, bytes: 300 } }]);
    expect(before).toEqual({ key: 'source:web', label: 'Web orders', kind: 'web', pulled: '"v1"||10|300' });
    const after = stampOf(ref, undefined, [{ id: 'web', label: 'Web orders', kind: 'csv', lastPull: { etag: '"v2"', rows: 11, bytes: 330 } }]);
    expect(compareStamps([before], new Map([[before.key, after]]))).toEqual({ state: 'outOfDate', changed: ['Web orders'] });
    expect(compareStamps([before], new Map([[before.key, before]]))).toEqual({ state: 'current' });
  });
});

describe('a dashboard says when its table changed', () => {
  it('is current after building; a changed row makes it out of date; an edit elsewhere does not; a refresh makes it current again', async () => {
    const sim = salesSimulator();
    let doc = await salesDashboard(sim);
    expect((await checkFreshness(sim.run, doc)).dashboards.get('d1')).toEqual({ state: 'current' });

    // A cell beside the table, on its sheet, is not the table.
    sim.setCellAsUser('Data', 'H2', 'note');
    expect((await checkFreshness(sim.run, doc)).dashboards.get('d1')).toEqual({ state: 'current' });

    // One revenue of the ten rows changes.
    sim.setCellAsUser('Data', 'F4', 51);
    const report = await checkFreshness(sim.run, doc);
    expect(report.dashboards.get('d1')).toEqual({ state: 'outOfDate', changed: ['Sales'] });
    // find the table 1 + locate it 1 + its header and sample 1
    expect(report.syncs).toBe(3);

    doc = (await refreshDashboard(deps(sim), doc, 'd1')).document;
    expect((await checkFreshness(sim.run, doc)).dashboards.get('d1')).toEqual({ state: 'current' });
  });

  it('is out of date when the table grows by a row, or when it is renamed away', async () => {
    const sim = salesSimulator();
    const doc = await salesDashboard(sim);
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('A12:F12').values = [[ROWS[0]!.date, 'West', 'Bikes', 'Road', 'Z', 5]];
      ctx.workbook.tables.getItem('Sales').resize('A1:F12');
    });
    expect((await checkFreshness(sim.run, doc)).dashboards.get('d1')).toEqual({ state: 'outOfDate', changed: ['Sales'] });
    await sim.run(async (ctx) => { ctx.workbook.tables.getItem('Sales').name = 'OldSales'; });
    expect((await checkFreshness(sim.run, doc)).dashboards.get('d1')).toEqual({ state: 'outOfDate', changed: ['Sales'] });
  });

  it('reads only a sample of a large table, and sees a change to a sampled row', async () => {
    const header = ['Key', 'Amount'];
    const rows: CellValue[][] = Array.from({ length: 5000 }, (_, i) => [`k${i}`, i % 7]);
    const sim = createSimulator(workbook({ sheets: [sheet('Data', cellsAt([header, ...rows]))], tables: [table('Big', 'Data', 'A1:B5001')] }));
    const tiles: Tile[] = flowLayout([{ version: 1, kind: 'kpi', id: 'total', title: 'Total', at: { row: 0, col: 0, rows: 4, cols: 3 }, source: { kind: 'table', name: 'Big' }, measure: { id: 'a', kind: 'sum', field: 'Amount' } }]);
    const doc = (await createDashboard(deps(sim), emptyDocument(), { label: 'Big', tiles })).document;
    let expected = 0;
    for (const r of rows) expected += r[1] as number;
    expect(cellValue(sim, 'Big', 'A2')).toBe(expected);
    sim.resetStats();
    expect((await checkFreshness(sim.run, doc)).dashboards.get('d1')).toEqual({ state: 'current' });
    // 200 of 5,000 rows travel back, not the table.
    expect(sim.stats().responseBytes).toBeLessThan(20_000);
    const sampled = sampleIndexes(5000)[57]!;
    sim.setCellAsUser('Data', `B${sampled + 2}`, 1000);
    expect((await checkFreshness(sim.run, doc)).dashboards.get('d1')).toEqual({ state: 'outOfDate', changed: ['Big'] });
  });

  it('reads a changed table again on a parameter change instead of computing from the old copy', async () => {
    const sim = salesSimulator();
    const doc = await salesDashboard(sim);
    const session = new DashboardSession();
    await refreshDashboard(deps(sim), doc, 'd1', { session });
    const west2025 = ROWS.filter((r) => r.region === 'West' && new Date(Date.UTC(1899, 11, 30) + r.date * 86_400_000).getUTCFullYear() === 2025);
    // The first West row of 2025 is row 6 of the table (sheet row 7): 300 becomes 1,300.
    expect(ROWS[4]).toMatchObject({ region: 'West', revenue: 300 });
    await setData(sim, 'F6', 1300);
    expect(sim.setCellAsUser('Sales overview', 'B2', 'West')).toEqual({ ok: true });
    const { outcome } = await refreshDashboard(deps(sim), doc, 'd1', { session, reuseSources: true });
    expect(outcome.sources).toEqual([{ key: 'table:Sales', label: 'Sales', ok: true }]);
    expect(outcome.syncs.source).toBe(2);
    let want = 0;
    for (const r of west2025) want += r.revenue;
    expect(cellValue(sim, 'Sales overview', 'A6')).toBe(want + 1000);
  });
});

describe('a saved query says when its table changed', () => {
  const SPEC: QuerySpec = { version: 1, source: SALES, rows: ['Region'], measures: [{ id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' }] };

  it('records what it read; out of date after a change; current after its refresh', async () => {
    const sim = salesSimulator();
    const first = await insertQuery({ run: sim.run, now: () => NOW }, emptyDocument(), { label: 'By region', spec: SPEC, layout: 'grid', target: { kind: 'newSheet', sheet: 'By region' } });
    let doc = first.document;
    expect(doc.queries[0]!.readFrom).toMatchObject([{ key: 'table:Sales', kind: 'table', rows: 10, address: 'Data!A1:F11' }]);
    expect((await checkFreshness(sim.run, doc)).queries.get(first.id)).toEqual({ state: 'current' });
    sim.setCellAsUser('Data', 'B2', 'Nord-Ost');
    expect((await checkFreshness(sim.run, doc)).queries.get(first.id)).toEqual({ state: 'outOfDate', changed: ['Sales'] });
    doc = (await refreshQuery({ run: sim.run, now: () => NOW }, doc, first.id)).document;
    expect((await checkFreshness(sim.run, doc)).queries.get(first.id)).toEqual({ state: 'current' });
  });

  it('reads each table once for all the outputs that read it', async () => {
    const sim = salesSimulator();
    const q = await insertQuery({ run: sim.run, now: () => NOW }, emptyDocument(), { label: 'By region', spec: SPEC, layout: 'grid', target: { kind: 'newSheet', sheet: 'By region' } });
    const doc = (await createDashboard(deps(sim), q.document, { label: 'Sales overview', tiles: buildFromTemplate('salesOverview', SALES, FIELDS) })).document;
    const wanted = [...doc.queries, ...doc.dashboards].flatMap((o) => o.readFrom ?? []);
    expect(wanted).toHaveLength(2);
    const { stamps, syncs } = await currentStamps(sim.run, doc, wanted);
    expect([...stamps.keys()]).toEqual(['table:Sales']);
    expect(syncs).toBe(3);
  });
});
