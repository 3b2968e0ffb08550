/**
 * Show rows on a dashboard KPI through the pane at 350 px (Excel's default pane width), in the
 * workbench: build "Sales overview" from the sample's Sales table, choose Region = West in the
 * dashboard's dropdown cell as a user would, select the Total Revenue card's number and press Show
 * rows. The new sheet lists West's rows of the card's year, and their Revenue, added by a plain
 * loop over the simulator's Sales table (no PivotDeck code), is the card's number; the words above
 * the rows state the dashboard's choice. Screenshots of the pane column and the rows sheet; axe.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, SCREENSHOT_DIR, screenshot, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
type Cell = string | number | boolean;
const TITLE = 'Sales overview';
const WIDTH = 350;
/** Building over 20,000 rows on a shared 2-core machine: generous, not a speed claim. */
const STEP_TIMEOUT = 240_000;

const pane = () => page.getByTestId('task-pane');
const column = () => page.getByRole('complementary', { name: 'PivotDeck task pane' });

async function tableOf(name: string): Promise<{ headers: string[]; rows: Cell[][] }> {
  return page.evaluate(async (n) => window.__pivotdeck!.sim.run(async (ctx) => {
    const t = ctx.workbook.tables.getItem(n);
    const head = t.getHeaderRowRange().load('values');
    const body = t.getDataBodyRange().load('values');
    await ctx.sync();
    return { headers: head.values[0] as string[], rows: body.values as Cell[][] };
  }), name);
}

async function rangeValues(sheet: string, address: string): Promise<Cell[][]> {
  return page.evaluate(async ([s, a]) => window.__pivotdeck!.sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(s).getRange(a).load('values');
    await ctx.sync();
    return r.values as Cell[][];
  }), [sheet, address] as const);
}

/** A tile's block (its defined name): top-left cell (0-based) and values. */
async function tileBlock(dashboardId: string, tileId: string): Promise<{ sheet: string; row: number; column: number; values: Cell[][] }> {
  return page.evaluate(async (name) => window.__pivotdeck!.sim.run(async (ctx) => {
    const r = ctx.workbook.names.getItem(name).getRange().load('values, rowIndex, columnIndex, worksheet/name');
    await ctx.sync();
    return { sheet: r.worksheet.name, row: r.rowIndex, column: r.columnIndex, values: r.values as Cell[][] };
  }), `PivotDeck_dash_${dashboardId}_${tileId}`);
}

async function storedDashboardId(): Promise<string> {
  const text = await page.evaluate(async () => window.__pivotdeck!.sim.run(async (ctx) => {
    const s = ctx.workbook.settings.getItemOrNullObject('PivotDeck.document');
    s.load('value');
    await ctx.sync();
    return s.isNullObject ? '' : typeof s.value === 'string' ? s.value : JSON.stringify(s.value);
  }));
  const doc = JSON.parse(text) as { dashboards: Array<{ id: string; label: string }> };
  return doc.dashboards.find((d) => d.label === TITLE)!.id;
}

const a1 = (row: number, col: number) => {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
};
const yearOf = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).getUTCFullYear();

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1400, height: 1000 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  // Excel's default pane width; the workbench's column is resized as the user drags the pane's edge.
  await column().evaluate((el, w) => { (el as HTMLElement).style.width = `${w}px`; }, WIDTH);
});

afterAll(async () => {
  await h?.close();
});

describe('Show rows on a dashboard KPI at 350 px', () => {
  it('lists the rows behind the card under the Region choice, adding up to it', async () => {
    const sales = await tableOf('Sales');
    const col = (n: string) => sales.headers.indexOf(n);

    const header = pane().getByRole('button', { name: 'Dashboards', exact: true });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await pane().getByRole('button', { name: 'New dashboard' }).click();
    await pane().getByRole('combobox', { name: '1. Data to show' }).click();
    await page.getByRole('option', { name: /^Sales \(20,000 rows/ }).click();
    await pane().getByRole('button', { name: `Use this: ${TITLE}` }).click();
    await pane().getByRole('button', { name: 'Create dashboard' }).click();
    await pane().getByText(`Created “${TITLE}”.`).waitFor({ timeout: 90_000 });
    const id = await storedDashboardId();

    // Region = West in the header's dropdown cell (right of its "Region:" label), typed as a user would.
    const head = await tileBlock(id, 'header');
    let regionCell = '';
    head.values.forEach((row, r) => row.forEach((v, c) => { if (typeof v === 'string' && /^Region:?$/.test(v.trim())) regionCell = a1(head.row + r, head.column + c + 1); }));
    expect(regionCell).not.toBe('');
    const typed = await page.evaluate(([s, a]) => window.__pivotdeck!.setCellAsUser(s, a, 'West'), [head.sheet, regionCell] as const);
    expect(typed).toMatchObject({ ok: true });

    // Plain loops: West's revenue in its latest year, the number the card must show.
    const west = sales.rows.filter((r) => String(r[col('Region')]).toLowerCase() === 'west');
    expect(west.length).toBeGreaterThan(0);
    const latest = Math.max(...west.map((r) => yearOf(r[col('Date')] as number)));
    const mine = west.filter((r) => yearOf(r[col('Date')] as number) === latest);
    let want = 0;
    for (const r of mine) if (typeof r[col('Revenue')] === 'number') want += r[col('Revenue')] as number;
    const near = (a: Cell, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    // The card's number sits in the row under its title.
    const card = await tileBlock(id, 'kpi_revenue');
    await expect.poll(async () => (await tileBlock(id, 'kpi_revenue')).values[1][0], { timeout: 60_000, interval: 500 }).toSatisfy((v: Cell) => near(v, want));

    await page.evaluate(([s, a]) => window.__pivotdeck!.sim.select(s, a), [card.sheet, a1(card.row + 1, card.column)] as const);
    await pane().getByRole('button', { name: 'Show rows' }).scrollIntoViewIfNeeded();
    await pane().getByRole('button', { name: 'Show rows' }).click();
    await pane().getByText(/rows on "Rows 1"/).waitFor({ timeout: 60_000 });

    const drilled = await tableOf('ShowRows_1');
    expect(drilled.rows.length).toBe(mine.length);
    const d = (n: string) => drilled.headers.indexOf(n);
    let sum = 0;
    for (const r of drilled.rows) {
      expect(String(r[d('Region')]).toLowerCase()).toBe('west');
      expect(yearOf(r[d('Date')] as number)).toBe(latest);
      if (typeof r[d('Revenue')] === 'number') sum += r[d('Revenue')] as number;
    }
    expect(near(sum, want), `${sum} vs ${want}`).toBe(true);
    // A new dashboard's Year starts at the latest year of all its data (what its period cards show).
    const latestOfAll = Math.max(...sales.rows.map((r) => yearOf(r[col('Date')] as number)));
    const words = `Date (year) = ${latest} · Dashboard choices: Region = West, Year = ${latestOfAll}`;
    expect((await rangeValues('Rows 1', 'A2'))[0][0]).toBe(words);
    await pane().getByText(words).waitFor();

    // Nothing in the pane runs past its 350 px.
    const widths = await pane().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await column().screenshot({ path: join(SCREENSHOT_DIR, 'show-rows-dashboard-pane-350.png'), animations: 'disabled' });
    await screenshot(page, 'show-rows-dashboard');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
  }, STEP_TIMEOUT);
});
