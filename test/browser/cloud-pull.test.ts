/**
 * Cloud pulls in the workbench (issue 5 "Done means"): the real task pane pulls a CSV and a paged
 * JSON API from the local test server (127.0.0.1, another origin, CORS) into Excel tables,
 * refreshes after the data changed (304: nothing rewritten; changed: new values), survives a 500
 * in the middle of paging with the old table intact and the source stale with the reason, and
 * keeps a bearer token out of the workbook; a teammate without the token is asked for it. A query
 * built in the query builder on the landed CSV table is checked against a plain loop over the
 * CSV the server served, before and after the server's data changed; so is a query on a source
 * kept out of the sheet ("don't land raw rows"), including one with more rows than a sheet holds.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/http-server';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';

const TOKEN = 'bt-5c1e0a77-never-in-the-workbook';
let server: TestServer;
let proxy: { server: Server; url: string; failPaging: boolean };
let h: Harness;
let page: Page;

/** A CSV of `n` rows whose values depend on `version`, so a change is visible in every row. */
function salesCsv(n: number, version: number): string {
  const lines = ['Order,Day,Amount,Paid'];
  for (let i = 1; i <= n; i++) lines.push(`${i},2024-0${1 + (i % 9)}-1${i % 10},${(i * version * 1.25).toFixed(2)},${i % 2 === 0}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Forwards everything to the test server (CORS preflights included: it answers them before its
 * auth check, as a real server must); with `failPaging` set, page 3 of any paged API answers 500, the
 * way a server can fail in the middle of paging (the first pull, without it, succeeded).
 */
async function startProxy(target: TestServer) {
  const state = { server: undefined as unknown as Server, url: '', failPaging: false };
  state.server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (state.failPaging && url.searchParams.get('page') === '3') {
      res.writeHead(500, { 'Access-Control-Allow-Origin': String(req.headers.origin ?? '*'), 'Content-Type': 'text/plain' });
      res.end('server error');
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host') headers[k] = v;
    const answer = await fetch(target.url(`${url.pathname}${url.search}`), { method: req.method, headers });
    const out: Record<string, string> = {};
    answer.headers.forEach((v, k) => { if (k !== 'content-encoding' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v; });
    const body = Buffer.from(await answer.arrayBuffer());
    out['content-length'] = String(body.length);
    res.writeHead(answer.status, out);
    res.end(body);
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

const pane = () => page.getByTestId('task-pane');
const sourceItem = (label: string) => pane().getByRole('listitem', { name: label });

/**
 * Cells of one sheet as "r,c" → value, picked inside the page: the whole model (the 20,000-row
 * sample included) is too big to ship over the DevTools protocol on every check.
 */
async function sheetCells(name: string): Promise<Record<string, unknown>> {
  const cells = await page.evaluate((n) => {
    const sheet = window.__pivotdeck!.sim.toModel().sheets.find((s) => s.name === n);
    return sheet ? Object.fromEntries(Object.entries(sheet.cells).map(([k, c]) => [k, c.value])) : null;
  }, name);
  if (!cells) throw new Error(`no sheet ${name}`);
  return cells;
}

/** Tables of the workbook (name, sheet, address), read inside the page. */
const tables = () => page.evaluate(() => window.__pivotdeck!.sim.toModel().tables);

/** Does the saved workbook (every sheet, name and setting) contain `text` anywhere? */
const workbookContains = (text: string) => page.evaluate((t) => JSON.stringify(window.__pivotdeck!.sim.toModel()).includes(t), text);

/** The stored PivotDeck document, parsed. */
const storedDocument = () => page.evaluate(() => JSON.parse(String(window.__pivotdeck!.sim.toModel().settings['PivotDeck.document'])) as { sources: Array<{ label: string; credential?: unknown }> });

async function addSource(fill: () => Promise<void>, rows: string) {
  await fill();
  await pane().getByRole('button', { name: 'Preview' }).click();
  await pane().getByRole('button', { name: 'Load to table' }).waitFor({ timeout: 20_000 });
  await expect.poll(() => pane().getByText(rows).count()).toBeGreaterThan(0);
  await pane().getByRole('button', { name: 'Load to table' }).click();
}

/** Sum of Amount per Paid, by a plain loop over the CSV text the server serves. */
function amountByPaid(csv: string): Map<boolean, number> {
  const out = new Map<boolean, number>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [, , amount, paid] = line.split(',');
    const key = paid === 'true';
    out.set(key, (out.get(key) ?? 0) + Number(amount));
  }
  return out;
}

const QUERY = 'Amount by paid';

/** The query's table output (one row per Paid value), as Paid → Amount. */
async function queryOutput(): Promise<Map<unknown, unknown>> {
  const cells = await sheetCells(QUERY);
  expect([cells['0,0'], cells['0,1']]).toEqual(['Paid', 'Amount']);
  return new Map([1, 2].map((r) => [cells[`${r},0`], cells[`${r},1`]]));
}

function expectClose(actual: Map<unknown, unknown>, want: Map<boolean, number>) {
  expect([...actual.keys()].sort()).toEqual([false, true]);
  for (const [key, value] of want) {
    expect(typeof actual.get(key)).toBe('number');
    expect(Math.abs((actual.get(key) as number) - value)).toBeLessThanOrEqual(1e-9 * Math.abs(value));
  }
}

/** Orders: Region cycles North/South/East; Amount = i × k. */
function ordersCsv(n: number, k: number): string {
  const regions = ['North', 'South', 'East'];
  const lines = ['Region,Amount'];
  for (let i = 1; i <= n; i++) lines.push(`${regions[i % 3]},${i * k}`);
  return `${lines.join('\n')}\n`;
}

/** Sum of Amount per Region by a plain loop over the CSV text, sorted by region. */
function amountByRegion(csv: string): Array<[string, number]> {
  const out = new Map<string, number>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [region, amount] = line.split(',');
    out.set(region!, (out.get(region!) ?? 0) + Number(amount));
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The rows of a query's table output below its header, as [label, number] pairs. */
async function outputRows(sheetName: string, rows: number): Promise<unknown[][]> {
  const cells = await sheetCells(sheetName);
  return Array.from({ length: rows }, (_, r) => [cells[`${r + 1},0`], cells[`${r + 1},1`]]);
}

/** Builds "sum of `value` by `row`" as a table on a new sheet, on the source picked by `option`. */
async function buildSumQuery(option: RegExp, row: string, value: string, name: string) {
  // Open "Build a query" unless it is (a reopened workbook starts with it folded).
  const section = pane().getByRole('button', { name: 'Build a query' });
  if ((await section.getAttribute('aria-expanded')) !== 'true') await section.click();
  await pane().getByRole('combobox', { name: '1. Source table' }).click();
  await page.getByRole('option', { name: option }).click();
  await pane().getByRole('button', { name: `Add ${row} to the query` }).waitFor({ timeout: 120_000 });
  await pane().getByRole('button', { name: `Add ${row} to the query` }).click();
  await page.getByRole('menuitem', { name: 'To Rows' }).click();
  await pane().getByRole('button', { name: `Add ${value} to the query` }).click();
  await page.getByRole('menuitem', { name: 'To Values…' }).click();
  await pane().getByLabel('Summarize by').selectOption('sum');
  await pane().getByLabel('Column header').fill(value);
  await pane().getByRole('button', { name: 'Add to Values' }).click();
  await pane().getByRole('radio', { name: 'Table (one row per group)' }).check();
  await pane().getByLabel('Query name').fill(name);
  await pane().getByRole('button', { name: 'Insert into Excel' }).click();
  await pane().getByText(new RegExp(`^Written: .*${name}`)).waitFor({ timeout: 120_000 });
}

/** Previews a CSV address and saves it as a source kept out of the sheet. */
async function keepOutOfSheet(url: string, label: string, rows: string) {
  await pane().getByLabel('Web address (URL)').fill(url);
  await pane().getByLabel('Source name', { exact: true }).fill(label);
  await pane().getByRole('button', { name: 'Preview' }).click();
  await pane().getByText(rows).waitFor({ timeout: 60_000 });
  await pane().getByRole('radio', { name: 'Keep it out of the sheet (queries use it directly)' }).check();
  await pane().getByRole('button', { name: 'Save for queries' }).click();
  await waitForBadge(label, 'Up to date');
}

async function waitForBadge(label: string, text: string) {
  await sourceItem(label).getByText(text, { exact: true }).waitFor({ timeout: 20_000 });
}

beforeAll(async () => {
  server = await startTestServer({ bearerToken: TOKEN });
  proxy = await startProxy(server);
  server.setResource('sales.csv', salesCsv(1000, 1), 'text/csv');
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  await pane().getByRole('button', { name: 'Data from the web' }).click();
  await pane().getByLabel('Web address (URL)').waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => proxy?.server.close(resolve));
  await server?.close();
});

describe('cloud pulls in the workbench', () => {
  it('pulls a CSV into a table with typed cells and formats', async () => {
    await addSource(async () => {
      await pane().getByLabel('Web address (URL)').fill(server.url('/mutable/sales.csv'));
      await pane().getByLabel('Source name', { exact: true }).fill('Sales feed');
      await pane().getByLabel('Excel table name').fill('SalesFeed');
    }, '1,000 rows, 4 columns; showing the first 100.');
    await waitForBadge('Sales feed', 'Up to date');
    expect(await tables()).toContainEqual(expect.objectContaining({ name: 'SalesFeed', sheet: 'Sales feed', address: 'A1:D1001' }));
    const cell = await page.evaluate(() => window.__pivotdeck!.sim.toModel().sheets.find((s) => s.name === 'Sales feed')!.cells);
    // Row 1: Order 1, day 2024-02-11 as an Excel serial (hand: days since 1899-12-30), 1.25, FALSE.
    expect([cell['1,0']?.value, cell['1,1']?.value, cell['1,2']?.value, cell['1,3']?.value]).toEqual([1, Date.UTC(2024, 1, 11) / 86_400_000 + 25_569, 1.25, false]);
    expect(cell['1,1']?.numberFormat).toBe('yyyy-mm-dd');
  }, 180_000);

  it('pulls a paged JSON API into a second table', async () => {
    await addSource(async () => {
      await pane().getByLabel('Web address (URL)').fill(`${proxy.url}/api/cars/page`);
      await pane().getByLabel('What is at this address').selectOption('rest');
      await pane().getByLabel('Records are at (optional)').fill('data.items');
      await pane().getByLabel('How the API pages').selectOption('page');
      await pane().getByLabel('Page parameter').fill('page');
      await pane().getByLabel('Page size parameter').fill('pageSize');
      await pane().getByLabel('Rows per page').fill('50');
      await pane().getByLabel('Total count at (optional)').fill('meta.total');
      await pane().getByLabel('Source name', { exact: true }).fill('Cars API');
      await pane().getByLabel('Excel table name').fill('CarsApi');
    }, '406 rows, 9 columns; showing the first 100.');
    await waitForBadge('Cars API', 'Up to date');
    expect(await tables()).toContainEqual(expect.objectContaining({ name: 'CarsApi', sheet: 'Cars API', address: 'A1:I407' }));
  }, 180_000);

  it('builds a query on the landed CSV table in the query builder', async () => {
    const header = pane().getByRole('button', { name: 'Build a query' });
    await header.click();
    await pane().getByRole('heading', { name: 'Saved queries' }).waitFor({ timeout: 20_000 });
    await pane().getByRole('combobox', { name: '1. Source table' }).click();
    await page.getByRole('option', { name: /^SalesFeed \(1,000 rows/ }).click();
    await pane().getByRole('list', { name: 'Fields of the source' }).waitFor();
    await pane().getByRole('button', { name: 'Add Paid to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Rows' }).click();
    await pane().getByRole('button', { name: 'Add Amount to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Values…' }).click();
    await pane().getByLabel('Summarize by').selectOption('sum');
    await pane().getByLabel('Column header').fill('Amount');
    await pane().getByRole('button', { name: 'Add to Values' }).click();
    await pane().getByRole('radio', { name: 'Table (one row per group)' }).check();
    await pane().getByLabel('Query name').fill(QUERY);
    await pane().getByRole('button', { name: 'Insert into Excel' }).click();
    await pane().getByText(/^Written: /).waitFor({ timeout: 60_000 });
    expectClose(await queryOutput(), amountByPaid(salesCsv(1000, 1)));
    await pane().getByRole('button', { name: 'Data from the web' }).scrollIntoViewIfNeeded();
  }, 180_000);

  it('keeps a source out of the sheet and builds a query straight on it', async () => {
    server.setResource('orders.csv', ordersCsv(3000, 2), 'text/csv');
    const sheetsBefore = await page.evaluate(() => window.__pivotdeck!.sim.toModel().sheets.map((x) => x.name));
    const tablesBefore = (await tables()).length;
    await keepOutOfSheet(server.url('/mutable/orders.csv'), 'Orders feed', '3,000 rows, 2 columns; showing the first 100.');
    await expect.poll(() => sourceItem('Orders feed').textContent()).toContain('kept out of the sheet, for queries');
    // Nothing was written for it: no new sheet, no new table.
    expect(await page.evaluate(() => window.__pivotdeck!.sim.toModel().sheets.map((x) => x.name))).toEqual(sheetsBefore);
    expect((await tables()).length).toBe(tablesBefore);

    await buildSumQuery(/^Orders feed \(from the web, not in the sheet\)/, 'Region', 'Amount', 'Web orders by region');
    expect(await outputRows('Web orders by region', 3)).toEqual(amountByRegion(ordersCsv(3000, 2)));

    // The server's data changes; refreshing the saved query pulls it again.
    server.setResource('orders.csv', ordersCsv(3000, 5), 'text/csv');
    const saved = pane().getByRole('list', { name: 'Saved queries' }).getByRole('listitem').filter({ hasText: 'Web orders by region' });
    await saved.getByRole('button', { name: 'Refresh Web orders by region' }).click();
    await expect.poll(() => outputRows('Web orders by region', 3), { timeout: 60_000 }).toEqual(amountByRegion(ordersCsv(3000, 5)));
  }, 240_000);

  it('refresh of unchanged data is a 304: nothing downloaded, the table not rewritten', async () => {
    const before = await sheetCells('Sales feed');
    // Listen as a user's own add-in or formula would: Excel raises onChanged for every write to
    // the sheet, PivotDeck's included, even when the values written are the same.
    await page.evaluate(async () => {
      const w = window as unknown as { __feedChanges: string[] };
      w.__feedChanges = [];
      await window.__pivotdeck!.sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales feed').onChanged.add(async (args) => { w.__feedChanges.push(args.address); });
        await ctx.sync();
      });
    });
    server.reset();
    await sourceItem('Sales feed').getByRole('button', { name: 'Refresh Sales feed' }).click();
    await sourceItem('Sales feed').getByText('Unchanged on the server: nothing was downloaded or rewritten.').waitFor({ timeout: 20_000 });
    // One GET, conditional (If-None-Match also makes the browser send a CORS preflight first).
    expect(server.requests.filter((r) => r.method === 'GET').map((r) => r.headers['if-none-match'])).toEqual([expect.stringMatching(/^".+"$/)]);
    // Events arrive after the sync that caused them: one more sync and a turn of the event loop.
    const changes = await page.evaluate(async () => {
      await window.__pivotdeck!.sim.run(async (ctx) => { await ctx.sync(); });
      await new Promise((r) => setTimeout(r, 0));
      return (window as unknown as { __feedChanges: string[] }).__feedChanges;
    });
    expect(changes).toEqual([]);
    expect(await sheetCells('Sales feed')).toEqual(before);
  }, 180_000);

  it('refresh after the data changed lands the new values', async () => {
    server.setResource('sales.csv', salesCsv(1000, 2), 'text/csv');
    await sourceItem('Sales feed').getByRole('button', { name: 'Refresh Sales feed' }).click();
    await sourceItem('Sales feed').getByText(/Loaded 1,000 rows into SalesFeed/).first().waitFor({ timeout: 20_000 });
    const cells = await sheetCells('Sales feed');
    expect([cells['1,2'], cells['1000,2']]).toEqual([2.5, 2500]);
    // The listener of the 304 test hears this rewrite: so its silence there meant no write.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __feedChanges: string[] }).__feedChanges.length)).toBeGreaterThan(0);
    // The query on the landed table follows the server's new data on its refresh.
    const saved = pane().getByRole('list', { name: 'Saved queries' }).getByRole('listitem').filter({ hasText: QUERY });
    await saved.getByRole('button', { name: `Refresh ${QUERY}` }).click();
    await expect.poll(async () => {
      try { expectClose(await queryOutput(), amountByPaid(salesCsv(1000, 2))); return 'ok'; } catch (e) { return String(e); }
    }, { timeout: 60_000 }).toBe('ok');
  }, 180_000);

  it('a 500 in the middle of paging leaves the old table intact and shows stale with the reason', async () => {
    const before = await sheetCells('Cars API');
    proxy.failPaging = true;
    await sourceItem('Cars API').getByRole('button', { name: 'Refresh Cars API' }).click();
    await waitForBadge('Cars API', 'Stale');
    await expect.poll(() => sourceItem('Cars API').textContent()).toMatch(/Refresh failed .*the table keeps the data from before\..*500/);
    expect(await sheetCells('Cars API')).toEqual(before);
    proxy.failPaging = false;
  }, 180_000);

  it('a bearer-token source: the token never reaches the workbook; a teammate without it is asked', async () => {
    await addSource(async () => {
      await pane().getByLabel('Web address (URL)').fill(`${proxy.url}/auth/bearer/data/cars.json`);
      await pane().getByLabel('What is at this address').selectOption('json');
      await pane().getByLabel('Sign-in').selectOption('bearer');
      await pane().getByLabel('Access token').fill(TOKEN);
      await pane().getByLabel('Source name', { exact: true }).fill('Secure cars');
      await pane().getByLabel('Excel table name').fill('SecureCars');
    }, '406 rows, 9 columns; showing the first 100.');
    await waitForBadge('Secure cars', 'Up to date');
    expect(await workbookContains(TOKEN)).toBe(false);
    // The workbook keeps only who needs what: the origin and the kind of credential.
    expect((await storedDocument()).sources.find((x) => x.label === 'Secure cars')?.credential).toEqual({ origin: new URL(proxy.url).origin, kind: 'bearer' });

    // A teammate: same workbook, no token on their computer.
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('pivotdeck-credentials');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('secrets', 'readwrite');
        tx.objectStore('secrets').clear();
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    }));
    await page.evaluate(() => void window.__pivotdeck!.saveAndReopen());
    await pane().getByRole('button', { name: 'Data from the web' }).click();
    await sourceItem('Secure cars').getByRole('button', { name: 'Refresh Secure cars' }).click();
    await waitForBadge('Secure cars', 'Needs your credential');
    const origin = new URL(proxy.url).origin;
    await expect.poll(() => sourceItem('Secure cars').textContent()).toContain(`access token for ${origin}`);
    await sourceItem('Secure cars').getByLabel(/Your access token/).fill(TOKEN);
    await sourceItem('Secure cars').getByRole('button', { name: 'Save and refresh' }).click();
    await waitForBadge('Secure cars', 'Up to date');
    expect(await workbookContains(TOKEN)).toBe(false);
  }, 180_000);

  it('says a pull is too big to land, keeps it out of the sheet, and queries it', async () => {
    // One row more than a sheet holds below its header.
    const n = 1_048_576;
    const lines = ['Group,Value'];
    for (let i = 0; i < n; i++) lines.push(`${i % 2 ? 'Odd' : 'Even'},${i % 10}`);
    server.setResource('big.csv', `${lines.join('\n')}\n`, 'text/csv');
    await pane().getByLabel('Web address (URL)').scrollIntoViewIfNeeded();
    await pane().getByLabel('Web address (URL)').fill(server.url('/mutable/big.csv'));
    await pane().getByLabel('Source name', { exact: true }).fill('Big feed');
    await pane().getByRole('button', { name: 'Preview' }).click();
    await pane().getByText('1,048,576 rows, 2 columns; showing the first 100.').waitFor({ timeout: 120_000 });
    await pane().getByText(/more than an Excel sheet holds \(1,048,575 below the header\)\. Keep it out of the sheet/).waitFor();
    expect(await pane().getByRole('radio', { name: 'Into an Excel table' }).isDisabled()).toBe(true);
    await pane().getByRole('button', { name: 'Save for queries' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'cloud-pull-too-big');
    await pane().getByRole('button', { name: 'Save for queries' }).click();
    await waitForBadge('Big feed', 'Up to date');

    await buildSumQuery(/^Big feed \(from the web/, 'Group', 'Value', 'Big by group');
    // A plain loop over the same rows the server served.
    const sums = new Map<string, number>();
    for (let i = 0; i < n; i++) { const g = i % 2 ? 'Odd' : 'Even'; sums.set(g, (sums.get(g) ?? 0) + (i % 10)); }
    expect(await outputRows('Big by group', 2)).toEqual([['Even', sums.get('Even')], ['Odd', sums.get('Odd')]]);
  }, 300_000);

  it('looks right and passes axe', async () => {
    await page.evaluate(() => window.__pivotdeck!.sim.activate('Cars API'));
    await sourceItem('Cars API').scrollIntoViewIfNeeded();
    const path = await screenshot(page, 'cloud-pull');
    expect(path).toMatch(/cloud-pull\.png$/);
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
    // Chromium logs the deliberate 500 as a console error, and reports as ERR_ABORTED the bodies
    // the connectors stop reading (a 304's, a failed page's); nothing else may appear.
    expect(h.errors.filter((e) => !/status of 500|net::ERR_ABORTED/.test(e))).toEqual([]);
  }, 180_000);
});
