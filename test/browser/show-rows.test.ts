/**
 * Show rows through the pane in the workbench: select a value of SalesPivot, press "Show rows",
 * and a new sheet holds the rows behind it as a table whose Revenue adds up (by a plain loop over
 * the simulator's Sales table, no PivotDeck code) to the number the pivot shows. Screenshot + axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
type Cell = string | number | boolean;
const pane = () => page.getByTestId('task-pane');

async function rangeValues(sheet: string, address: string): Promise<Cell[][]> {
  return page.evaluate(async ([s, a]) => window.__pivotdeck!.sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(s).getRange(a).load('values');
    await ctx.sync();
    return r.values as Cell[][];
  }), [sheet, address] as const);
}

async function tableOf(name: string): Promise<{ headers: string[]; rows: Cell[][] }> {
  return page.evaluate(async (n) => window.__pivotdeck!.sim.run(async (ctx) => {
    const t = ctx.workbook.tables.getItem(n);
    const head = t.getHeaderRowRange().load('values');
    const body = t.getDataBodyRange().load('values');
    await ctx.sync();
    return { headers: head.values[0] as string[], rows: body.values as Cell[][] };
  }), name);
}

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1600, height: 1000 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('Show rows from the pane', () => {
  it('writes the rows behind a pivot value to a new sheet, adding up to it', async () => {
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('grid', { name: 'Sheet Summary' }).waitFor();
    const [[region, shown]] = await rangeValues('Summary', 'A5:B5');
    expect(typeof shown).toBe('number');
    await page.evaluate(() => window.__pivotdeck!.sim.select('Summary', 'B5'));
    await pane().getByRole('button', { name: 'Show rows' }).click();
    await pane().getByText(/rows on "Rows 1"/).waitFor({ timeout: 60_000 });

    const sales = await tableOf('Sales');
    const r = sales.headers.indexOf('Region');
    const v = sales.headers.indexOf('Revenue');
    let expectedRows = 0;
    let expectedSum = 0;
    for (const row of sales.rows) {
      if (String(row[r]).toLowerCase() !== String(region).toLowerCase()) continue;
      expectedRows++;
      if (typeof row[v] === 'number') expectedSum += row[v] as number;
    }
    const drilled = await tableOf('ShowRows_1');
    expect(drilled.rows.length).toBe(Math.min(expectedRows, 10_000));
    expect(Math.abs(expectedSum - (shown as number))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expectedSum)));
    // The rows written are the region's rows: their Revenue, added here, is the pivot's number.
    expect(expectedRows).toBeLessThanOrEqual(10_000);
    const dv = drilled.headers.indexOf('Revenue');
    let drilledSum = 0;
    for (const row of drilled.rows) {
      expect(String(row[drilled.headers.indexOf('Region')]).toLowerCase()).toBe(String(region).toLowerCase());
      if (typeof row[dv] === 'number') drilledSum += row[dv] as number;
    }
    expect(Math.abs(drilledSum - (shown as number))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(drilledSum)));
    const head = await rangeValues('Rows 1', 'A1:A3');
    expect(head[1][0]).toBe(`Region = ${String(region)}`);
    await pane().getByText(`Region = ${String(region)}`).waitFor();
    await screenshot(page, 'show-rows');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
  });
});
