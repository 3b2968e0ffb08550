/**
 * Issue 9 "Done means", through the pane in the workbench: connect to the 2-shard ClickHouse
 * cluster (through a counting proxy that records every SQL text and response byte), build "delay
 * by origin × month with median and p90" on the flights table, insert it, check every cell against
 * a plain loop over the same rows (read from the cluster by the test, not by PivotDeck), change the
 * data on the cluster, refresh, check again. The proxy proves that no SELECT of raw rows was sent and
 * that the bytes received are tiny next to the table. Skipped only with PIVOTDECK_SKIP_CLICKHOUSE=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chExec, clickhouseSkipped, start, type RunningCluster } from '../support/clickhouse';
import { startCountingProxy, type CountingProxy, type Exchange } from '../support/counting-proxy';
import { axeViolations, SCREENSHOT_DIR, screenshot, startHarness, type Harness } from './harness';

const ROWS = 600_000;
const SHEET = 'Delay by origin × month';

let ch: RunningCluster;
let proxy: CountingProxy;
let h: Harness;
let page: Page;

type Cell = string | number | boolean;
const pane = () => page.getByTestId('task-pane');
const t0 = Date.now();
/** Progress lines (where the time goes on a shared machine); no assertion depends on time. */
const mark = (step: string) => console.log(`[warehouse test] ${step} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);

async function rangeValues(sheet: string, address: string): Promise<Cell[][]> {
  return page.evaluate(async ([s, a]) => window.__pivotdeck!.sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(s).getRange(a).load('values');
    await ctx.sync();
    return r.values as Cell[][];
  }), [sheet, address] as const);
}

// ---- independent expectations: the raw rows (read by the test itself) and plain loops ----

/** origin, month, delay of every flight, straight from shard 1 (not through the proxy or PivotDeck). */
async function rawFlights(): Promise<{ rows: Array<[string, number, number]>; bytes: number }> {
  const text = await chExec(ch.httpUrl, 'SELECT origin, toMonth(date), delay FROM flights FORMAT TabSeparated');
  const rows = text.trim().split('\n').map((line) => {
    const [o, m, d] = line.split('\t');
    return [o, Number(m), Number(d)] as [string, number, number];
  });
  return { rows, bytes: Buffer.byteLength(text) };
}

/** Excel's PERCENTILE.INC. */
function percentileInc(values: number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b);
  const k = (xs.length - 1) * p;
  const lo = Math.floor(k);
  return lo + 1 < xs.length ? xs[lo] + (k - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
}

function expected(rows: Array<[string, number, number]>) {
  const groups = new Map<string, number[]>();
  const origins = new Set<string>();
  const months = new Set<number>();
  for (const [o, m, d] of rows) {
    origins.add(o);
    months.add(m);
    for (const key of [`${o}|${m}`, `${o}|`, `|${m}`, '|']) {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(d);
    }
  }
  return {
    origins: [...origins].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    months: [...months].sort((a, b) => a - b),
    cell: (o: string, m: number | '') => groups.get(`${o}|${m}`),
  };
}

/** Checks every cell of the written grid (both measures, every month, the grand totals). */
async function checkGrid(rows: Array<[string, number, number]>): Promise<{ origins: number; months: number[] }> {
  const e = expected(rows);
  const width = 1 + (e.months.length + 1) * 2;
  const col = (n: number) => (n <= 26 ? String.fromCharCode(64 + n) : `${String.fromCharCode(64 + Math.floor((n - 1) / 26))}${String.fromCharCode(65 + ((n - 1) % 26))}`);
  const grid = await rangeValues(SHEET, `A1:${col(width)}${3 + e.origins.length}`);
  expect(grid[0][0]).toBe('Month');
  e.months.forEach((m, i) => expect(grid[0][1 + i * 2]).toBe(m));
  expect(grid[0][1 + e.months.length * 2]).toBe('Grand Total');
  expect(grid[1].slice(0, 3)).toEqual(['origin', 'Median delay', 'P90 delay']);
  expect(grid.map((r) => r[0]).slice(2)).toEqual([...e.origins, 'Grand Total']);
  [...e.origins, ''].forEach((origin, ri) => {
    [...e.months, '' as const].forEach((m, mi) => {
      const values = e.cell(origin, m);
      const at = grid[2 + ri].slice(1 + mi * 2, 3 + mi * 2);
      const where = `${origin || 'Grand Total'} × ${m || 'all months'}`;
      if (!values) {
        expect(at, where).toEqual(['', '']);
        return;
      }
      // Delays are whole minutes: the median and p90 are exact (interpolation of integers).
      expect(at[0], `${where} median`).toBeCloseTo(percentileInc(values, 0.5), 9);
      expect(at[1], `${where} p90`).toBeCloseTo(percentileInc(values, 0.9), 9);
    });
  });
  return { origins: e.origins.length, months: e.months };
}

/**
 * Does this request read rows of flights without reducing them (what must never be sent)? Each
 * SELECT over flights (each part of the planner's UNION of grouping sets) must group or count.
 */
function readsRawRows(e: Exchange): boolean {
  return e.sql.replace(/\s+/g, ' ').split(/ UNION ALL /i)
    .some((part) => /FROM `default`\.`flights`/.test(part) && !/ GROUP BY /i.test(part) && !/\bcount\(\)/.test(part));
}

const savedItem = () => pane().getByRole('list', { name: 'Saved queries' }).getByRole('listitem').filter({ hasText: SHEET });

async function addField(field: string, item: string) {
  await pane().getByRole('button', { name: `Add ${field} to the query` }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function addValue(field: string, kind: string, options: { p?: string; header?: string } = {}) {
  await addField(field, 'To Values…');
  await pane().getByLabel('Summarize by').selectOption(kind);
  if (options.p) await pane().getByLabel('Percentile (90, 90% or 0.9)').fill(options.p);
  if (options.header) await pane().getByLabel('Column header').fill(options.header);
  await pane().getByRole('button', { name: 'Add to Values' }).click();
}

describe.skipIf(clickhouseSkipped())('warehouse source in the workbench (2-shard ClickHouse)', { timeout: 240_000 }, () => {
  let raw: Awaited<ReturnType<typeof rawFlights>>;

  beforeAll(async () => {
    ch = await start({ rows: ROWS, salesRows: 1000, gapsRowsPerShard: 1000 });
    proxy = await startCountingProxy(ch.httpUrl);
    h = await startHarness({ viewport: { width: 1600, height: 1000 } });
    page = await h.open('workbench.html');
    await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await proxy?.close();
    await ch?.stop();
  });

  it('connects, builds delay by origin × month with median and p90, and inserts it; only aggregates cross the wire', async () => {
    raw = await rawFlights();
    expect(raw.rows.length).toBe(ROWS);
    const header = pane().getByRole('button', { name: 'Build a query' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await pane().getByRole('heading', { name: 'Saved queries' }).waitFor();

    await pane().getByRole('button', { name: 'Connect to a warehouse…' }).click();
    const form = pane().getByRole('form', { name: 'Connect to a warehouse' });
    await form.getByLabel('Warehouse address').fill(proxy.url);
    await form.getByLabel('Table or saved view').fill('flights');
    await form.getByLabel('Source name').fill('Flights (warehouse)');
    mark('form filled');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByText('Connected', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await form.textContent()).toContain(`flights has ${ROWS.toLocaleString('en-US')} rows and 5 fields`);
    await screenshot(page, 'warehouse-connect');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
    // The tested form, with its field badges, fits a 320-400 px pane (issue 16 part 1).
    const column = page.getByRole('complementary', { name: 'PivotDeck task pane' });
    for (const width of [320, 350, 400]) {
      await column.evaluate((el, px) => { (el as HTMLElement).style.width = `${px}px`; }, width);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await form.getByText('Connected', { exact: true }).scrollIntoViewIfNeeded();
      const w = await pane().evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
        forms: [...el.querySelectorAll<HTMLElement>('form, [role="group"]')].filter((f) => f.scrollWidth > f.clientWidth).map((f) => `${f.getAttribute('aria-label') ?? f.tagName}: ${f.scrollWidth} > ${f.clientWidth}`),
      }));
      await column.screenshot({ path: `${SCREENSHOT_DIR}/warehouse-connected-${width}.png`, animations: 'disabled' });
      expect(w.scroll, `pane at ${width} px`).toBeLessThanOrEqual(w.client);
      expect(w.forms, `forms at ${width} px`).toEqual([]);
    }
    await column.evaluate((el) => { (el as HTMLElement).style.width = ''; });
    await form.getByRole('button', { name: 'Save and use it' }).click();

    mark('saved');
    const fields = pane().getByRole('list', { name: 'Fields of the source' });
    await fields.waitFor({ timeout: 30_000 });
    expect(await fields.getByRole('listitem').filter({ hasText: 'date' }).first().textContent()).toContain('Date');
    await addField('origin', 'To Rows');
    await addField('date', 'Month to Columns');
    await addValue('delay', 'median', { header: 'Median delay' });
    await addValue('delay', 'percentile', { p: '0.9', header: 'P90 delay' });

    // The live preview runs on the warehouse too.
    const preview = pane().getByRole('table', { name: 'First rows of the result' });
    await expect.poll(async () => ((await preview.count()) ? (await preview.textContent()) ?? '' : ''), { timeout: 30_000 }).toContain('P90 delay');

    mark('preview shown');
    await pane().getByLabel('Query name').fill(SHEET);
    const before = proxy.exchanges.length;
    await pane().getByRole('button', { name: 'Insert into Excel' }).click();
    const written = pane().getByText(/^Written: /);
    await written.waitFor({ timeout: 60_000 });
    expect(await written.textContent()).toMatch(/Computed on the warehouse 127\.0\.0\.1:\d+ \(table flights; the server read [\d,]+ rows/);
    await page.getByRole('grid', { name: `Sheet ${SHEET}` }).waitFor();
    mark('inserted');

    const shape = await checkGrid(raw.rows);
    expect(shape.origins).toBeGreaterThan(100);

    // What crossed the wire: the insert sent one grouped SELECT; its answer is a tiny fraction of the
    // three raw columns alone, and no request of the whole session selected raw rows.
    const insert = proxy.exchanges.slice(before).filter((e) => /GROUP BY/.test(e.sql));
    expect(insert).toHaveLength(1);
    expect(insert[0].status).toBe(200);
    expect(insert[0].responseBytes).toBeLessThan(raw.bytes / 100);
    expect(proxy.exchanges.filter(readsRawRows)).toEqual([]);
    expect(proxy.bytes()).toBeLessThan(raw.bytes / 20);
    console.log(`warehouse insert: ${insert[0].responseBytes} B answer vs ${raw.bytes} B of raw origin/month/delay TSV (${(raw.bytes / insert[0].responseBytes).toFixed(0)}×); session total ${proxy.bytes()} B in ${proxy.exchanges.length} requests`);
    await expect.poll(() => savedItem().count()).toBe(1);
  });

  it('refreshes after the data changes on the cluster', async () => {
    // Shard 2 gets 40 late ATL flights in a month the table did not have, and 60 very late ORD
    // flights in its first month: new columns appear, ORD's cells move.
    const months = expected(raw.rows).months;
    const newMonth = Math.max(...months) + 1;
    const first = months[0];
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) lines.push(`2001-${String(newMonth).padStart(2, '0')}-03 10:${String(i).padStart(2, '0')}:00\t${i * 7}\t500\tATL\tORD`);
    for (let i = 0; i < 60; i++) lines.push(`2001-${String(first).padStart(2, '0')}-05 08:${String(i).padStart(2, '0')}:00\t${900 + i}\t700\tORD\tATL`);
    await chExec(ch.shards[1].httpUrl, 'INSERT INTO `flights_local` FORMAT TabSeparated', {}, `${lines.join('\n')}\n`);
    raw = await rawFlights();
    expect(raw.rows.length).toBe(ROWS + 100);

    const before = proxy.exchanges.length;
    mark('data changed');
    await savedItem().getByRole('button', { name: `Refresh ${SHEET}` }).click();
    await expect.poll(async () => {
      try { await checkGrid(raw.rows); return 'ok'; } catch (e) { return String(e); }
    }, { timeout: 60_000 }).toBe('ok');
    mark('refreshed');
    const shape = await checkGrid(raw.rows);
    expect(shape.months).toContain(newMonth);
    expect(proxy.exchanges.slice(before).filter(readsRawRows)).toEqual([]);
    expect(await savedItem().textContent()).toMatch(/Refreshed /);

    await pane().getByRole('region', { name: 'Preview of the result, scrollable' }).evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await screenshot(page, 'warehouse-query');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
    // Superseded previews abort their request (the server query is killed): Chromium logs those as
    // ERR_ABORTED. Nothing else may appear.
    expect(h.errors.filter((e) => !/net::ERR_ABORTED\)$/.test(e))).toEqual([]);
  });

  it('Cancel during a refresh stops it, sends KILL QUERY for that query, and leaves the sheet as it was', async () => {
    const before = await rangeValues(SHEET, 'A1:I20');
    // Hold the grouped SELECT at the proxy: the pane sees a warehouse still computing, whatever the
    // machine's speed (no timing involved).
    proxy.hold((e) => / GROUP BY /.test(e.sql));
    try {
      await savedItem().getByRole('button', { name: `Refresh ${SHEET}` }).click();
      const status = pane().getByRole('status').filter({ hasText: `Refreshing “${SHEET}”` });
      await status.getByText('The warehouse is computing…').waitFor({ timeout: 30_000 });
      await expect.poll(() => proxy.exchanges.filter((e) => e.held).length, { timeout: 30_000 }).toBe(1);
      const held = proxy.exchanges.find((e) => e.held)!;
      await screenshot(page, 'warehouse-cancel');
      await status.getByRole('button', { name: 'Cancel' }).click();
      await pane().getByText('Cancelled. Nothing was written.').waitFor({ timeout: 30_000 });
      expect(held.params.query_id).toMatch(/^pivotdeck-/);
      await expect.poll(() => proxy.exchanges.some((e) => e.sql === `KILL QUERY WHERE query_id = '${held.params.query_id}' ASYNC`), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => held.aborted, { timeout: 10_000 }).toBe(true);
    } finally {
      proxy.hold(undefined);
      proxy.release();
    }
    expect(await rangeValues(SHEET, 'A1:I20')).toEqual(before);
    expect(await savedItem().getByRole('button', { name: `Refresh ${SHEET}` }).isEnabled()).toBe(true);
  });

  it('Test connection explains a refused password and a server that does not allow the page (CORS)', async () => {
    const noCors = await startCountingProxy(ch.httpUrl, { stripCors: true });
    const errorsBefore = h.errors.length;
    try {
      await pane().getByRole('button', { name: 'Connect to a warehouse…' }).click();
      const form = pane().getByRole('form', { name: 'Connect to a warehouse' });
      await form.getByLabel('Warehouse address').fill(proxy.url);
      await form.getByLabel('Table or saved view').fill('flights');
      await form.getByLabel('Sign-in').selectOption('url');
      await form.getByLabel('User name').fill('default');
      await form.getByLabel('Password').fill('not-the-password');
      await form.getByRole('button', { name: 'Test connection' }).click();
      // ClickHouse refuses the sign-in without a CORS header, so the browser hides the 401; the pane
      // still tells it apart from CORS (an anonymous request it may read succeeds).
      await form.getByText(/did not accept the user name or password/).waitFor({ timeout: 30_000 });
      expect(await form.textContent()).not.toContain('not-the-password');
      // The password went in the address (a simple request), never in a header.
      expect(proxy.exchanges.some((e) => e.params.user === 'default' && e.params.password === '***')).toBe(true);

      await form.getByLabel('Warehouse address').fill(noCors.url);
      await form.getByLabel('Sign-in').selectOption('none');
      await form.getByRole('button', { name: 'Test connection' }).click();
      await form.getByText(/did not let PivotDeck read the answer \(CORS\)/).waitFor({ timeout: 30_000 });
      expect(await form.textContent()).toMatch(/Access-Control-Allow-Origin: http:\/\/127\.0\.0\.1:\d+.*add_http_cors_header = 1/);
      await screenshot(page, 'warehouse-cors');
      expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
      await form.getByRole('button', { name: 'Close' }).click();
    } finally {
      await noCors.close();
    }
    // What Chromium logs for those two on purpose: the blocked reads and the failed requests.
    const logged = h.errors.slice(errorsBefore);
    expect(logged.filter((e) => !/CORS policy|net::ERR_FAILED|status of 401|net::ERR_ABORTED/.test(e))).toEqual([]);
  });
});
