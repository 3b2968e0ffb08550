/**
 * History through the pane in the workbench (issue 17), with the pane 350 px wide: a dashboard
 * with a Revenue card ("vs last snapshot") and a history tile; "Keep history" turned on in the
 * dashboard's editor; four refreshes with the Sales table changed between them. The history
 * tile's line chart (read from the cells it points at) must show each refresh's total Revenue,
 * computed here by a plain loop over the Sales table; the history table holds four stamped
 * snapshots. Screenshots: test-output/screenshots/history-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, SCREENSHOT_DIR, screenshot, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;

type Cell = string | number | boolean;
const LABEL = 'Revenue history';
/** Each refresh reads 20,000 rows on a shared 2-core machine: generous, not a speed claim. */
const STEP_TIMEOUT = 240_000;
const PANE_WIDTH = 350;

const pane = () => page.getByTestId('task-pane');
const column = () => page.getByRole('complementary', { name: 'PivotDeck task pane' });
const listItem = () => pane().getByRole('list', { name: 'Dashboards in this workbook' }).getByRole('listitem', { name: LABEL });

/** Total Revenue of the Sales table, by a plain loop over its cells. */
async function totalRevenue(): Promise<number> {
  const { headers, rows } = await page.evaluate(async () => window.__pivotdeck!.sim.run(async (ctx) => {
    const t = ctx.workbook.tables.getItem('Sales');
    const head = t.getHeaderRowRange().load('values');
    const body = t.getDataBodyRange().load('values');
    await ctx.sync();
    return { headers: head.values[0] as string[], rows: body.values as Cell[][] };
  }));
  const c = headers.indexOf('Revenue');
  let total = 0;
  for (const row of rows) if (typeof row[c] === 'number') total += row[c] as number;
  return total;
}

/** Adds to the first order's Revenue, as a user editing the table would. */
async function changeSales(delta: number): Promise<void> {
  await page.evaluate(async (d) => window.__pivotdeck!.sim.run(async (ctx) => {
    const headers = ctx.workbook.tables.getItem('Sales').getHeaderRowRange().load('values');
    await ctx.sync();
    const cell = ctx.workbook.tables.getItem('Sales').getDataBodyRange().getCell(0, (headers.values[0] as string[]).indexOf('Revenue')).load('values');
    await ctx.sync();
    cell.values = [[(cell.values[0][0] as number) + d]];
    await ctx.sync();
  }), delta);
}

async function historyChart(): Promise<{ type: string; values: Array<number | null>; categories: string[] }> {
  const charts = await page.evaluate(() => window.__pivotdeck!.charts('Ops'));
  const chart = charts.find((c) => c.name === 'PivotDeck_dash_d1_history1');
  if (!chart) throw new Error('no history chart on the sheet');
  return { type: chart.type, values: chart.series[0]!.values, categories: chart.series[0]!.categories };
}

async function historyRows(): Promise<Cell[][]> {
  return page.evaluate(async () => window.__pivotdeck!.sim.run(async (ctx) => {
    const r = ctx.workbook.tables.getItem('PivotDeck_History_d1').getDataBodyRange().load('values');
    await ctx.sync();
    return r.values as Cell[][];
  }));
}

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1400, height: 900 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  // A workbook that already holds a dashboard (as a teammate would have saved it): a Revenue
  // card on the sheet "Ops". The history chart, the comparison and history are added in the pane.
  const tiles = [
    { version: 1, kind: 'kpi', id: 'revenue', title: 'Revenue', at: { row: 0, col: 0, rows: 4, cols: 4 }, source: { kind: 'table', name: 'Sales' }, measure: { id: 'r', kind: 'sum', field: 'Revenue' }, numberFormat: '$#,##0' },
  ];
  const doc = { schemaVersion: 4, extensions: [], sources: [], queries: [], dashboards: [{ id: 'd1', label: LABEL, sheet: 'Ops', tiles }] };
  await page.evaluate(async (text) => window.__pivotdeck!.sim.run(async (ctx) => {
    ctx.workbook.worksheets.add('Ops');
    ctx.workbook.settings.add('PivotDeck.document', text);
    await ctx.sync();
  }), JSON.stringify(doc));
  await page.evaluate(() => { window.__pivotdeck!.saveAndReopen(); });
  await column().evaluate((el, w) => { (el as HTMLElement).style.width = `${w}px`; }, PANE_WIDTH);
});

afterAll(async () => {
  await h?.close();
});

describe('a history tile, with the pane at 350 px', () => {
  it('turns on Keep history in the editor; four refreshes draw four points equal to plain loops', async () => {
    const header = pane().getByRole('button', { name: 'Dashboards', exact: true });
    await header.waitFor({ timeout: 60_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await listItem().waitFor({ timeout: 60_000 });
    await listItem().getByRole('button', { name: `Edit ${LABEL}` }).click();
    await pane().getByRole('button', { name: 'Add a history chart' }).click({ timeout: 60_000 });
    await pane().getByRole('checkbox', { name: 'Compare with the last history snapshot' }).check();
    const keep = pane().getByRole('switch', { name: 'Keep history' });
    await keep.waitFor({ timeout: 60_000 });
    await keep.check();
    await pane().getByRole('spinbutton', { name: 'Number of refreshes to keep' }).or(pane().getByRole('textbox', { name: 'Number of refreshes to keep' })).fill('30');
    await pane().getByRole('combobox', { name: 'Keep' }).focus(); // leaving the box saves the number
    await keep.scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await column().screenshot({ path: join(SCREENSHOT_DIR, 'history-keep-switch-350.png'), animations: 'disabled' });
    expect(await pane().evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    const totals: number[] = [];
    await pane().getByRole('button', { name: 'Save and update the sheet' }).click();
    totals.push(await totalRevenue());
    await expect.poll(async () => (await historyChart().catch(() => undefined))?.values, { timeout: STEP_TIMEOUT }).toEqual(totals);

    for (let k = 1; k < 4; k++) {
      await changeSales(1000 * k * (k % 2 ? 1 : -1));
      totals.push(await totalRevenue());
      await listItem().getByRole('button', { name: `Refresh ${LABEL}` }).click();
      await expect.poll(async () => (await historyChart()).values, { timeout: STEP_TIMEOUT }).toEqual(totals);
    }
    const chart = await historyChart();
    expect(chart.type).toBe('Line');
    // The card: the change since the last snapshot in words (the last change was +3,000).
    const words = await page.evaluate(() => window.__pivotdeck!.cellDisplay('Ops', 'B3').text);
    const change = totals[3]! - totals[2]!;
    expect(change).toBe(3000);
    const pct = (change / totals[2]!) * 100;
    const pctText = pct.toFixed(pct < 0.1 ? 2 : 1).replace('.', '\\.');
    expect(words).toMatch(new RegExp(`^\\+\\$3,000 \\(\\+${pctText}%\\) vs last snapshot \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`));
    expect(chart.categories).toHaveLength(4);
    const rows = await historyRows();
    expect(rows.map((r) => r[6])).toEqual(totals);
    expect(new Set(rows.map((r) => r[0])).size).toBe(4);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(String(r[0])))).toBe(true);

    await listItem().getByRole('button', { name: `Go to sheet: ${LABEL}` }).click();
    await page.getByRole('grid', { name: 'Sheet Ops' }).waitFor();
    await screenshot(page, 'history-tile-350');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
    expect(h.errors).toEqual([]);
  }, STEP_TIMEOUT * 5);
});
