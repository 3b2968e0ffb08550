/**
 * Issue 4 "Done means", through the pane in the workbench: build "Revenue by Region × Year with
 * median order value, p90 and distinct customers, % of row total" (Year a date part of Date),
 * insert it, check cells against values computed here with plain loops over the Sales table (no
 * PivotDeck code), edit it (add a measure), refresh after a source cell changes, and refresh the
 * saved query again after save/reopen. Queries compute in a Web Worker (the page starts one per
 * run); Cancel during a refresh terminates it and leaves the sheet as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
/** URLs of the query workers the page started (webpack names the chunk after the worker). */
const queryWorkers: string[] = [];

type Cell = string | number | boolean;
const SHEET = 'Revenue by Region × Year';

const pane = () => page.getByTestId('task-pane');

async function rangeValues(sheet: string, address: string): Promise<Cell[][]> {
  return page.evaluate(async ([s, a]) => window.__pivotdeck!.sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(s).getRange(a).load('values');
    await ctx.sync();
    return r.values as Cell[][];
  }), [sheet, address] as const);
}

async function salesTable(): Promise<{ headers: string[]; rows: Cell[][] }> {
  return page.evaluate(async () => window.__pivotdeck!.sim.run(async (ctx) => {
    const t = ctx.workbook.tables.getItem('Sales');
    const head = t.getHeaderRowRange().load('values');
    const body = t.getDataBodyRange().load('values');
    await ctx.sync();
    return { headers: head.values[0] as string[], rows: body.values as Cell[][] };
  }));
}

// ---- independent expectations: plain loops and Excel's definitions ----

/** Excel's YEAR of a 1900-system serial (serials after 1900-02-28, as in the sample). */
const yearOf = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).getUTCFullYear();

function percentileInc(values: number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b);
  const k = (xs.length - 1) * p;
  const lo = Math.floor(k);
  return lo + 1 < xs.length ? xs[lo] + (k - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
}

interface Group { revenue: number[]; customers: Set<string> }

function expected(headers: string[], rows: Cell[][]) {
  const [date, region, customer, revenue] = ['Date', 'Region', 'Customer', 'Revenue'].map((n) => headers.indexOf(n));
  const groups = new Map<string, Group>();
  const add = (key: string, row: Cell[]) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { revenue: [], customers: new Set() }));
    if (typeof row[revenue] === 'number') g.revenue.push(row[revenue] as number);
    if (row[customer] !== '') g.customers.add(String(row[customer]).toLowerCase());
  };
  const years = new Set<number>();
  const regions = new Set<string>();
  for (const row of rows) {
    const y = yearOf(row[date] as number);
    const r = String(row[region]);
    years.add(y);
    regions.add(r);
    for (const key of [`${r}|${y}`, `${r}|`, `|${y}`, '|']) add(key, row);
  }
  const sum = (g: Group) => g.revenue.reduce((a, b) => a + b, 0);
  /** Revenue, % of row total, median, p90, distinct customers of one cell. */
  const cell = (r: string, y: number | '') => {
    const g = groups.get(`${r}|${y}`)!;
    return [sum(g), sum(g) / sum(groups.get(`${r}|`)!), percentileInc(g.revenue, 0.5), percentileInc(g.revenue, 0.9), g.customers.size];
  };
  return {
    years: [...years].sort((a, b) => a - b),
    regions: [...regions].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    cell,
    groups,
  };
}

function close(actual: Cell, want: number, where: string) {
  expect(typeof actual, where).toBe('number');
  expect(Math.abs((actual as number) - want), `${where}: ${String(actual)} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
}

const MEASURES = 5;
/** Checks every region row and the grand total row of the written grid. */
async function checkGrid(headers: string[], rows: Cell[][], measures = MEASURES, extra?: (g: Group) => number) {
  const e = expected(headers, rows);
  const width = 1 + (e.years.length + 1) * measures;
  const grid = await rangeValues(SHEET, `A1:${String.fromCharCode(64 + width)}${3 + e.regions.length}`);
  expect(grid[0][0]).toBe('Year');
  e.years.forEach((y, i) => expect(grid[0][1 + i * measures]).toBe(y));
  expect(grid[0][1 + e.years.length * measures]).toBe('Grand Total');
  expect(grid.map((r) => r[0]).slice(2)).toEqual([...e.regions, 'Grand Total']);
  [...e.regions, ''].forEach((region, ri) => {
    [...e.years, '' as const].forEach((y, yi) => {
      const want = e.cell(region, y);
      const at = grid[2 + ri].slice(1 + yi * measures, 1 + (yi + 1) * measures);
      want.forEach((v, k) => close(at[k], v, `${region || 'Grand Total'} ${y || 'all years'} measure ${k}`));
      if (extra) close(at[MEASURES], extra(e.groups.get(`${region}|${y}`)!), `${region} ${y} extra measure`);
    });
  });
  return grid;
}

async function openQuerySection() {
  const header = pane().getByRole('button', { name: 'Build a query' });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await pane().getByRole('heading', { name: 'Saved queries' }).waitFor();
}

async function addField(field: string, item: string) {
  await pane().getByRole('button', { name: `Add ${field} to the query` }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function addValue(field: string, kind: string, options: { p?: string; showAs?: string; header?: string } = {}) {
  await addField(field, 'To Values…');
  await pane().getByLabel('Summarize by').selectOption(kind);
  if (options.p) await pane().getByLabel('Percentile (90, 90% or 0.9)').fill(options.p);
  if (options.showAs) await pane().getByLabel('Show as').selectOption(options.showAs);
  if (options.header) await pane().getByLabel('Column header').fill(options.header);
  await pane().getByRole('button', { name: 'Add to Values' }).click();
}

const savedItem = () => pane().getByRole('list', { name: 'Saved queries' }).getByRole('listitem').filter({ hasText: SHEET });

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1600, height: 1000 } });
  page = await h.open('workbench.html');
  page.on('worker', (worker) => { if (/pivotdeck-query/.test(worker.url())) queryWorkers.push(worker.url()); });
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('query builder in the workbench', () => {
  let table: { headers: string[]; rows: Cell[][] };

  it('builds Revenue by Region × Year with median, p90, distinct customers and % of row total, and inserts it', async () => {
    const bytes = () => page.evaluate(() => (window.__pivotdeck!.stats() as { responseBytes: number }).responseBytes);
    const beforeTable = await bytes();
    table = await salesTable();
    /** What reading the whole table costs in response bytes. */
    const tableBytes = (await bytes()) - beforeTable;
    expect(table.rows.length).toBe(20_000);
    await openQuerySection();
    await pane().getByRole('combobox', { name: '1. Source table' }).click();
    await page.getByRole('option', { name: /^Sales \(20,000 rows/ }).click();
    await pane().getByRole('list', { name: 'Fields of the source' }).waitFor();
    expect(await pane().getByRole('list', { name: 'Fields of the source' }).getByRole('listitem').filter({ hasText: 'Date' }).first().textContent()).toContain('Date');

    await addField('Region', 'To Rows');
    await addField('Date', 'Year to Columns');
    await addValue('Revenue', 'sum', { header: 'Revenue' });
    await addValue('Revenue', 'sum', { showAs: 'percentOfRowTotal', header: '% of row total' });
    await addValue('Revenue', 'median', { header: 'Median order value' });
    await addValue('Revenue', 'percentile', { p: '0.9', header: 'P90 order value' });
    await addValue('Customer', 'distinctCount', { header: 'Customers' });

    // The live preview shows the first rows while editing.
    const preview = pane().getByRole('table', { name: 'First rows of the result' });
    await preview.waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await preview.textContent()) ?? '', { timeout: 30_000 }).toContain('Median order value');

    await pane().getByLabel('Query name').fill(SHEET);
    const beforeInsert = await bytes();
    await pane().getByRole('button', { name: 'Insert into Excel' }).click();
    await pane().getByText(/^Written: /).waitFor({ timeout: 60_000 });
    await page.getByRole('grid', { name: `Sheet ${SHEET}` }).waitFor();
    // Nothing changed since the preview read the table, so the insert took that read after
    // checking a 200-row sample, instead of reading all 20,000 rows again (PreviewReads).
    expect((await bytes()) - beforeInsert).toBeLessThan(tableBytes / 4);

    const grid = await checkGrid(table.headers, table.rows);
    // The previews and the insert computed in Web Workers, not on the pane's thread.
    expect(queryWorkers.length).toBeGreaterThan(0);
    expect(grid[1].slice(0, 6)).toEqual(['Region', 'Revenue', '% of row total', 'Median order value', 'P90 order value', 'Customers']);
    await expect.poll(() => savedItem().count()).toBe(1);

    // Show the builder's areas and preview rather than the lists above it. (Folding the other
    // sections would do too, but Fluent's collapse motion logs a React warning about `inert`.)
    await pane().getByRole('region', { name: 'Preview of the result, scrollable' }).evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await screenshot(page, 'query-builder');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
  }, 180_000);

  it('edits the query: adding a measure rewrites the grid in place', async () => {
    await savedItem().getByRole('button', { name: `Edit ${SHEET}` }).click();
    await pane().getByRole('heading', { name: `Edit “${SHEET}”` }).waitFor();
    await addValue('Revenue', 'average', { header: 'Average order value' });
    await pane().getByRole('button', { name: 'Save and update Excel' }).click();
    await expect.poll(async () => (await rangeValues(SHEET, 'A2:G2'))[0], { timeout: 60_000 })
      .toEqual(['Region', 'Revenue', '% of row total', 'Median order value', 'P90 order value', 'Customers', 'Average order value']);
    const average = (g: Group) => g.revenue.reduce((a, b) => a + b, 0) / g.revenue.length;
    await checkGrid(table.headers, table.rows, MEASURES + 1, average);
  }, 180_000);

  it('refreshes after a source cell changes', async () => {
    // The first order's revenue goes up by 1,000,000: its region's and year's cells all move.
    await page.evaluate(async () => {
      await window.__pivotdeck!.sim.run(async (ctx) => {
        const cell = ctx.workbook.tables.getItem('Sales').getDataBodyRange().getCell(0, 9);
        cell.load('values');
        await ctx.sync();
        cell.values = [[(cell.values[0][0] as number) + 1_000_000]];
      });
    });
    table = await salesTable();
    await savedItem().getByRole('button', { name: `Refresh ${SHEET}` }).click();
    const average = (g: Group) => g.revenue.reduce((a, b) => a + b, 0) / g.revenue.length;
    await expect.poll(async () => {
      try { await checkGrid(table.headers, table.rows, MEASURES + 1, average); return 'ok'; } catch (e) { return String(e); }
    }, { timeout: 60_000 }).toBe('ok');
  }, 180_000);

  it('Cancel during a refresh stops the worker and leaves the sheet unchanged', async () => {
    const before = await rangeValues(SHEET, 'A1:AE10');
    await page.evaluate(async () => {
      await window.__pivotdeck!.sim.run(async (ctx) => {
        const cell = ctx.workbook.tables.getItem('Sales').getDataBodyRange().getCell(2, 9);
        cell.load('values');
        await ctx.sync();
        cell.values = [[(cell.values[0][0] as number) + 250_000]];
      });
    });
    // Hold the worker's script: the refresh reads the source, then waits in "compute" until
    // Cancel, whatever the machine's speed (no timing involved).
    const held: Array<() => Promise<void>> = [];
    await page.route(/pivotdeck-query/, (route) => { held.push(() => route.continue().catch(() => undefined)); });
    await savedItem().getByRole('button', { name: `Refresh ${SHEET}` }).click();
    const status = pane().getByRole('status').filter({ hasText: `Refreshing “${SHEET}”` });
    await status.getByText(/in the background/).waitFor({ timeout: 30_000 });
    // The refresh asked for a query worker's script (held above), so it computes off the UI thread.
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, 'query-builder-cancel');
    await status.getByRole('button', { name: 'Cancel' }).click();
    await pane().getByText('Cancelled. Nothing was written.').waitFor();
    await page.unroute(/pivotdeck-query/);
    for (const release of held) await release();
    expect(await rangeValues(SHEET, 'A1:AE10')).toEqual(before);
    expect(await savedItem().getByRole('button', { name: `Refresh ${SHEET}` }).isEnabled()).toBe(true);
  }, 180_000);

  it('survives save and reopen: the query is listed and refreshes', async () => {
    await page.evaluate(() => { window.__pivotdeck!.saveAndReopen(); });
    await openQuerySection();
    await savedItem().waitFor();
    // Change the source again in the reopened workbook, so this refresh has something to do.
    await page.evaluate(async () => {
      await window.__pivotdeck!.sim.run(async (ctx) => {
        const cell = ctx.workbook.tables.getItem('Sales').getDataBodyRange().getCell(1, 9);
        cell.load('values');
        await ctx.sync();
        cell.values = [[(cell.values[0][0] as number) + 500_000]];
      });
    });
    table = await salesTable();
    await savedItem().getByRole('button', { name: `Refresh ${SHEET}` }).click();
    const average = (g: Group) => g.revenue.reduce((a, b) => a + b, 0) / g.revenue.length;
    await expect.poll(async () => {
      try { await checkGrid(table.headers, table.rows, MEASURES + 1, average); return 'ok'; } catch (e) { return String(e); }
    }, { timeout: 60_000 }).toBe('ok');
    expect(await savedItem().textContent()).toMatch(/Refreshed /);
    // Cancel and superseded previews terminate their worker, which aborts any script it was
    // still loading (an engine chunk): Chromium reports that as ERR_ABORTED. Nothing else may appear.
    expect(h.errors.filter((e) => !/\.js \(net::ERR_ABORTED\)$/.test(e))).toEqual([]);
  }, 180_000);
});
