/**
 * Saved queries on a warehouse source, against the Excel simulator and the tier's 2-shard cluster:
 * insert writes the aggregated grid (checked against plain loops over the raw rows, which the test
 * reads itself), reads nothing from the sheet, and says what ran where; a refresh that fails
 * (refused sign-in) or is cancelled keeps the previous output and the workbook as they were.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors/credentials';
import type { SourceDefinition } from '../../src/connectors/types';
import { warehouseOptions, type WarehouseContext } from '../../src/connectors/warehouse';
import type { QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { insertQuery, refreshQuery, warehouseQueryRunner, type QueryDeps } from '../../src/refresh/queries';
import { createSimulator, type Simulator } from '../../src/simulator';
import { chExec } from '../support/clickhouse';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';
import { sheet, workbook } from '../excel/workbooks';

const chUrl = inject('warehouseUrl');
/** Syncs of an insert whose source is not in the workbook: look at the target, write. */
const SYNCS = 2;
let proxy: CountingProxy;

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'source', id: 'wh_sales' },
  rows: ['Region'],
  measures: [
    { id: 'n', label: 'Orders', kind: 'count', field: 'Revenue' },
    { id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' },
    { id: 'med', label: 'Median units', kind: 'median', field: 'Units' },
    { id: 'p90', label: 'P90 revenue', kind: 'percentile', field: 'Revenue', p: 0.9 },
    { id: 'cust', label: 'Customers', kind: 'distinctCount', field: 'Customer' },
  ],
};

function source(over: Partial<SourceDefinition> = {}): SourceDefinition {
  return {
    id: 'wh_sales', label: 'Sales (warehouse)', kind: 'warehouse', url: proxy.url,
    options: warehouseOptions({ database: 'default', table: 'sales' }),
    ...over,
  };
}

const docWith = (def: SourceDefinition): PivotDeckDocument => ({ ...emptyDocument(), sources: [def] });

function depsFor(sim: Simulator, doc: () => PivotDeckDocument, context: Partial<WarehouseContext> = {}): QueryDeps {
  return {
    run: sim.run,
    now: () => new Date('2026-01-01T00:00:00Z'),
    warehouse: warehouseQueryRunner({
      context: { fetch: (i, init) => fetch(i, init), credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true }, progressEveryMs: 0, ...context },
      sources: async () => doc().sources,
    }),
  };
}

function values(sim: Simulator, name: string, rows: number, columns: number): CellValue[][] {
  const s = sim.toModel().sheets.find((x) => x.name === name)!;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => s.cells[`${r},${c}`]?.value ?? ''));
}

// ---- independent expectations: plain loops over the raw rows, read here straight from ClickHouse ----

function percentileInc(values: number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b);
  const k = (xs.length - 1) * p;
  const lo = Math.floor(k);
  return lo + 1 < xs.length ? xs[lo] + (k - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
}

async function expectedGrid(): Promise<CellValue[][]> {
  const text = await chExec(chUrl, 'SELECT `Region`, `Revenue`, `Units`, `Customer` FROM sales FORMAT TabSeparated');
  const groups = new Map<string, { rev: number[]; units: number[]; customers: Set<string> }>();
  for (const line of text.trim().split('\n')) {
    const [region, revenue, units, customer] = line.split('\t');
    for (const key of [region, '']) {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { rev: [], units: [], customers: new Set() }));
      g.rev.push(Number(revenue));
      g.units.push(Number(units));
      g.customers.add(customer.toLowerCase());
    }
  }
  const row = (label: string, key: string): CellValue[] => {
    const g = groups.get(key)!;
    return [label, g.rev.length, g.rev.reduce((a, b) => a + b, 0), percentileInc(g.units, 0.5), percentileInc(g.rev, 0.9), g.customers.size];
  };
  const regions = [...groups.keys()].filter((k) => k !== '').sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return [
    ['Region', 'Orders', 'Revenue', 'Median units', 'P90 revenue', 'Customers'],
    ...regions.map((r) => row(r, r)),
    row('Grand Total', ''),
  ];
}

function expectGrid(actual: CellValue[][], want: CellValue[][]) {
  expect(actual.length).toBe(want.length);
  want.forEach((row, r) => row.forEach((v, c) => {
    if (typeof v === 'number') expect(Math.abs((actual[r][c] as number) - v), `row ${r} col ${c}: ${String(actual[r][c])} vs ${v}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)));
    else expect(actual[r][c]).toBe(v);
  }));
}

beforeAll(async () => {
  proxy = await startCountingProxy(chUrl);
});
afterAll(async () => {
  await proxy.close();
});

describe('saved queries on a warehouse source', () => {
  it('insert writes the aggregated grid, reads nothing from the sheet, and says what ran where', async () => {
    const sim = createSimulator(workbook({ sheets: [sheet('Start')] }));
    let doc = docWith(source());
    const want = await expectedGrid();
    const before = proxy.exchanges.length;
    const r = await insertQuery(depsFor(sim, () => doc), doc, { label: 'Sales by region', spec: SPEC, layout: 'table', target: { kind: 'newSheet', sheet: 'Sales by region' } });
    expect(r.outcome.status).toBe('written');
    doc = r.document;
    // Excel was only looked at and written (a workbook-table source costs a locate and a read on top).
    expect(sim.stats().syncs).toBe(SYNCS);
    // As a table: one row per region, no grand total row.
    const rows = want.slice(0, -1);
    expectGrid(values(sim, 'Sales by region', rows.length + 1, 6), [...rows, ['', '', '', '', '', '']]);
    if (r.outcome.status !== 'written') return;
    expect(r.outcome.summary).toMatch(/Computed on the warehouse 127\.0\.0\.1:\d+ \(table sales; the server read [\d,]+ rows/);
    expect(r.outcome.warehouse).toMatchObject({ table: 'sales', rowsReceived: expect.any(Number) });
    // The fields were not saved with this source, so the runner described the table first, then ran one grouped SELECT.
    const sent = proxy.exchanges.slice(before).map((e) => e.sql.split(' ')[0]);
    expect(sent.filter((s) => s === 'SELECT').length).toBeGreaterThanOrEqual(2);
    expect(proxy.exchanges.slice(before).filter((e) => /GROUP BY/.test(e.sql))).toHaveLength(1);
    expect(r.outcome.sourceBytes).toBeLessThan(8 * 1024);
    expect(doc.queries[0].lastRefresh).toMatchObject({ ok: true });
  });

  it('a refused sign-in keeps the previous output and marks the query stale; Cancel keeps it too', async () => {
    const sim = createSimulator(workbook({ sheets: [sheet('Start')] }));
    let doc = docWith(source());
    const inserted = await insertQuery(depsFor(sim, () => doc), doc, { label: 'Sales by region', spec: SPEC, layout: 'grid', target: { kind: 'newSheet', sheet: 'Sales by region' } });
    expect(inserted.outcome.status).toBe('written');
    doc = inserted.document;
    const written = values(sim, 'Sales by region', 8, 6);

    // Now the source needs a password and this user's is wrong.
    const origin = new URL(proxy.url).origin;
    doc = { ...doc, sources: [source({ credential: { origin, kind: 'basic' } })] };
    const refused = await refreshQuery(depsFor(sim, () => doc, { credentials: memoryCredentialStore({ [origin]: { basic: 'default:wrong' } }) }), doc, inserted.id);
    expect(refused.outcome).toMatchObject({ status: 'failed', code: 'warehouse-auth' });
    expect(refused.outcome.status === 'failed' && refused.outcome.message).toMatch(/did not accept the user name or password/);
    expect(values(sim, 'Sales by region', 8, 6)).toEqual(written);
    expect(refused.document.queries[0].lastRefresh).toMatchObject({ ok: false });

    // Cancel as soon as the warehouse starts: nothing written, the document unchanged.
    doc = { ...doc, sources: [source()] };
    const controller = new AbortController();
    const cancelled = await refreshQuery(depsFor(sim, () => doc), doc, inserted.id, {
      signal: controller.signal,
      onProgress: (p) => { if (p.where === 'warehouse') controller.abort(); },
    });
    expect(cancelled.outcome.status).toBe('cancelled');
    expect(cancelled.document).toBe(doc);
    expect(values(sim, 'Sales by region', 8, 6)).toEqual(written);
  });
});
