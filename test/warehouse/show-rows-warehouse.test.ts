/**
 * Show rows from the pane on a query (and a dashboard KPI) over a warehouse source (issue 17 part 3), against the tier's
 * 2-shard ClickHouse cluster through a counting proxy: the drill recomputes the grid where the
 * data is (one aggregate) and lists the rows with EXACTLY ONE raw SELECT, carrying a LIMIT of the
 * cap + 1; only when the cap is hit does an aggregate count() give the true count. No other
 * request reads raw rows. The rows and their sum are checked against plain loops over the raw
 * rows, which the test reads itself straight from ClickHouse.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors/credentials';
import type { SourceDefinition } from '../../src/connectors/types';
import { warehouseOptions, type WarehouseContext } from '../../src/connectors/warehouse';
import type { QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { saveWorkbookDocument } from '../../src/excel/workbook-document';
import type { Tile } from '../../src/dashboards';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { createDashboard, refreshDashboard } from '../../src/refresh/dashboards';
import { DocumentService, workbookDocumentStorage } from '../../src/refresh/document';
import { insertQuery, warehouseQueryRunner } from '../../src/refresh/queries';
import { showRowsAtSelection, warehouseRowsRunner } from '../../src/refresh/show-rows';
import { createSimulator, type Simulator } from '../../src/simulator';
import { chExec } from '../support/clickhouse';
import { startCountingProxy, type CountingProxy, type Exchange } from '../support/counting-proxy';
import { sheet, workbook } from '../excel/workbooks';

const chUrl = inject('warehouseUrl');
let proxy: CountingProxy;
beforeAll(async () => { proxy = await startCountingProxy(chUrl); });
afterAll(async () => { await proxy.close(); });

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'source', id: 'wh_sales' },
  filters: [{ kind: 'compare', field: 'Units', op: '>=', value: 2 }],
  rows: ['Region'],
  columns: ['Channel'],
  measures: [{ id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' }],
};

const context = (): WarehouseContext => ({ fetch: (i, init) => fetch(i, init), credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true }, progressEveryMs: 0 });

async function withQuery(): Promise<{ sim: Simulator; doc: PivotDeckDocument }> {
  const def: SourceDefinition = { id: 'wh_sales', label: 'Sales (warehouse)', kind: 'warehouse', url: proxy.url, options: warehouseOptions({ database: 'default', table: 'sales' }) };
  const doc: PivotDeckDocument = { ...emptyDocument(), sources: [def] };
  const sim = createSimulator(workbook({ sheets: [sheet('Start')] }));
  const warehouse = warehouseQueryRunner({ context: context(), sources: async () => doc.sources });
  const r = await insertQuery({ run: sim.run, warehouse }, doc, { label: 'Revenue by region', spec: SPEC, layout: 'grid', target: { kind: 'newSheet', sheet: 'By region' } });
  expect(r.outcome.status).toBe('written');
  await saveWorkbookDocument(sim.run, { readOnly: false }, r.document);
  return { sim, doc: r.document };
}

function depsFor(sim: Simulator, doc: PivotDeckDocument, limit: number) {
  const sources = async () => doc.sources;
  return {
    run: sim.run, canReadDataSource: true, documents: new DocumentService(workbookDocumentStorage(sim.run)), limit,
    warehouse: warehouseQueryRunner({ context: context(), sources }),
    warehouseRows: warehouseRowsRunner({ context: context(), sources }),
  };
}

/** The raw rows of one region and channel with Units ≥ 2, read by the test itself (its own SQL, not the planner's). */
async function rawRows(region: string, channel: string): Promise<Array<{ customer: string; units: number; revenue: number }>> {
  const text = await chExec(chUrl, 'SELECT `Region`, `Channel`, `Customer`, `Units`, `Revenue` FROM sales FORMAT TabSeparated');
  const out: Array<{ customer: string; units: number; revenue: number }> = [];
  for (const line of text.trim().split('\n')) {
    const [r, c, customer, units, revenue] = line.split('\t');
    // Plain loop: the item test as Excel groups (text ignoring case), the query's own filter.
    if (r.toLowerCase() === region.toLowerCase() && c.toLowerCase() === channel.toLowerCase() && Number(units) >= 2) out.push({ customer, units: Number(units), revenue: Number(revenue) });
  }
  return out;
}

/** A raw-row SELECT: reads the sales table and aggregates nothing. */
const readsRawRows = (e: Exchange) => /\bFROM\b[^()]*\bsales\b/i.test(e.sql) && !/\b(count|sum|avg|min|max|uniq\w*|quantile\w*|GROUP BY)\b/i.test(e.sql);

/** The drill's true-count query (planRows' countSql). */
const countsDrill = (e: Exchange) => /^SELECT count\(\) AS `n` FROM/.test(e.sql);

async function tableBody(sim: Simulator, name: string) {
  return sim.run(async (ctx) => {
    const t = ctx.workbook.tables.getItem(name);
    const head = t.getHeaderRowRange().load('values');
    const body = t.getDataBodyRange().load('values');
    await ctx.sync();
    return { header: head.values[0] as CellValue[], rows: body.values as CellValue[][] };
  });
}

describe('Show rows on a warehouse query', () => {
  it('one SELECT with LIMIT cap+1 lists the rows; their sum is the cell; nothing else reads raw rows', async () => {
    const { sim, doc } = await withQuery();
    // The grid: row 0 channel labels, row 1 measure names, rows 2… regions; B3 = first region × first channel.
    const [[region], [channel], [shown]] = await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('By region');
      const a = s.getRange('A3').load('values');
      const b = s.getRange('B1').load('values');
      const c = s.getRange('B3').load('values');
      await ctx.sync();
      return [a.values[0], b.values[0], c.values[0]] as CellValue[][];
    });
    const want = await rawRows(String(region), channel === '(blank)' ? '' : String(channel));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(10_000);
    let total = 0;
    for (const w of want) total += w.revenue;
    expect(Math.abs((shown as number) - total)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(total)));

    sim.select('By region', 'B3');
    const before = proxy.exchanges.length;
    const outcome = await showRowsAtSelection(depsFor(sim, doc, 10_000));
    const sent = proxy.exchanges.slice(before);
    expect(outcome).toMatchObject({ status: 'written', total: want.length, rowsWritten: want.length, formula: '=SUM(ShowRows_1[[Revenue]])' });
    const raw = sent.filter(readsRawRows);
    expect(raw, sent.map((e) => e.sql).join('\n---\n')).toHaveLength(1);
    expect(raw[0].sql).toMatch(/\bLIMIT 10001\s*(FORMAT \w+)?\s*$/);
    // Under the cap: no count query either.
    expect(sent.filter(countsDrill)).toHaveLength(0);
    const { header, rows } = await tableBody(sim, 'ShowRows_1');
    const col = (name: string) => header.indexOf(name);
    let sum = 0;
    for (const r of rows) sum += r[col('Revenue')] as number;
    expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(total)));
    // The warehouse's Date column arrives as serial numbers and is shown as dates.
    const dateFormat = await sim.run(async (ctx) => {
      const r = ctx.workbook.tables.getItem('ShowRows_1').getDataBodyRange().getRow(0).load('numberFormat');
      await ctx.sync();
      return (r.numberFormat[0] as string[])[col('Date')];
    });
    expect(dateFormat).toBe('yyyy-mm-dd');
    const key = (c: string, u: number, v: number) => `${c}|${u}|${v}`;
    expect(rows.map((r) => key(String(r[col('Customer')]), r[col('Units')] as number, r[col('Revenue')] as number)).sort())
      .toEqual(want.map((w) => key(w.customer, w.units, w.revenue)).sort());
  });

  it('over the cap: the same one raw SELECT (LIMIT cap+1) and one count() for the true count', async () => {
    const { sim, doc } = await withQuery();
    sim.select('By region', 'B3');
    const [[region], [channel]] = await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('By region');
      const a = s.getRange('A3').load('values');
      const b = s.getRange('B1').load('values');
      await ctx.sync();
      return [a.values[0], b.values[0]] as CellValue[][];
    });
    const want = await rawRows(String(region), channel === '(blank)' ? '' : String(channel));
    expect(want.length).toBeGreaterThan(5);
    const before = proxy.exchanges.length;
    const outcome = await showRowsAtSelection(depsFor(sim, doc, 5));
    const sent = proxy.exchanges.slice(before);
    expect(outcome).toMatchObject({ status: 'written', total: want.length, rowsWritten: 5 });
    const raw = sent.filter(readsRawRows);
    expect(raw).toHaveLength(1);
    expect(raw[0].sql).toMatch(/\bLIMIT 6\s*(FORMAT \w+)?\s*$/);
    const counts = sent.filter(countsDrill);
    expect(counts).toHaveLength(1);
    // The count has the rows query's WHERE, and is an aggregate: one number comes back.
    expect(counts[0].sql.slice(counts[0].sql.indexOf(' WHERE '))).toBe(raw[0].sql.slice(raw[0].sql.indexOf(' WHERE ')).replace(/ LIMIT 6\s*$/, ''));
    expect((await tableBody(sim, 'ShowRows_1')).rows).toHaveLength(5);
  });
});

describe('Show rows on a dashboard KPI over a warehouse', () => {
  it('the card under a Region choice: one raw SELECT with a LIMIT, rows summing to the card', async () => {
    const def: SourceDefinition = { id: 'wh_sales', label: 'Sales (warehouse)', kind: 'warehouse', url: proxy.url, options: warehouseOptions({ database: 'default', table: 'sales' }) };
    const doc: PivotDeckDocument = { ...emptyDocument(), sources: [def] };
    const source = { kind: 'source' as const, id: 'wh_sales' };
    const tiles: Tile[] = [
      { version: 1, id: 'head', title: 'Board', kind: 'header', at: { row: 0, col: 0, rows: 3, cols: 6 }, parameters: [{ id: 'p_region', label: 'Region', kind: 'list', field: 'Region' }] },
      { version: 1, id: 'units', title: 'Units', kind: 'kpi', at: { row: 3, col: 0, rows: 3, cols: 2 }, source, measure: { id: 'u', label: 'Units', kind: 'sum', field: 'Units' } },
    ];
    const sim = createSimulator(workbook({ sheets: [sheet('Start')] }));
    const warehouse = warehouseQueryRunner({ context: context(), sources: async () => doc.sources });
    const created = await createDashboard({ run: sim.run, warehouse }, doc, { label: 'Board', tiles });
    expect(created.outcome.status).toBe('written');
    const sheetName = created.outcome.sheet!;
    // The Region cell starts at All; choose the region of the first raw row, then refresh as the pane would.
    const region = await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem(sheetName);
      const r = s.getRange('B2').load('values');
      await ctx.sync();
      return r.values[0][0];
    });
    expect(region).toBe('All');
    const text = await chExec(chUrl, 'SELECT `Region`, `Units` FROM sales FORMAT TabSeparated');
    const raw = text.trim().split('\n').map((l) => l.split('\t'));
    const chosen = raw[0][0];
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheetName).getRange('B2').values = [[chosen]];
      await ctx.sync();
    });
    const refreshed = await refreshDashboard({ run: sim.run, warehouse }, created.document, created.id);
    expect(refreshed.outcome.status).toBe('written');
    await saveWorkbookDocument(sim.run, { readOnly: false }, refreshed.document);
    let units = 0;
    let count = 0;
    for (const [r, u] of raw) if (r.toLowerCase() === chosen.toLowerCase()) { units += Number(u); count++; }
    const [[shown]] = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheetName).getRange('A5').load('values');
      await ctx.sync();
      return r.values as CellValue[][];
    });
    expect(shown).toBe(units);

    sim.select(sheetName, 'A5');
    const before = proxy.exchanges.length;
    const outcome = await showRowsAtSelection(depsFor(sim, refreshed.document, 50_000));
    const sent = proxy.exchanges.slice(before);
    expect(outcome).toMatchObject({ status: 'written', total: count, words: `All rows · Dashboard choices: Region = ${chosen}` });
    const rawReads = sent.filter(readsRawRows);
    expect(rawReads).toHaveLength(1);
    expect(rawReads[0].sql).toMatch(/\bLIMIT 50001\s*$/);
    const { header, rows } = await tableBody(sim, 'ShowRows_1');
    let sum = 0;
    for (const r of rows) sum += r[header.indexOf('Units')] as number;
    expect(sum).toBe(units);
  });
});
