/**
 * The pane asks before a refresh removes a column the user's formulas use (issue 14 part 3), in
 * the workbench: a web source (the local test server, another origin) is loaded into a table, the
 * user writes `=SUM(Units_feed[Units])` on their own sheet, the server stops sending "Units", and
 * Refresh shows a dialog naming Report!A1 and its formula. "Keep the table as it is" leaves the
 * formula and its value as they were; a second Refresh answered "Remove the column and refresh"
 * goes ahead and the formula shows #REF!, as Excel makes it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/http-server';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';

let server: TestServer;
let h: Harness;
let page: Page;
const pane = () => page.getByTestId('task-pane');
const item = () => pane().getByRole('listitem', { name: 'Units feed' });

/** Report!A1 as the simulated workbook holds it. */
const reportA1 = () => page.evaluate(() => {
  const cell = window.__pivotdeck!.sim.toModel().sheets.find((s) => s.name === 'Report')!.cells['0,0']!;
  return { value: cell.value, formula: cell.formula };
});

beforeAll(async () => {
  server = await startTestServer();
  h = await startHarness({ viewport: { width: 1280, height: 900 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('a refresh that would remove a column a formula uses', () => {
  it('asks first, naming the formula; Keep changes nothing, Remove goes ahead', async () => {
    // Awkward on purpose: non-ASCII, -0.
    server.setResource('units.csv', 'Region,Amount,Units\nNörd,5,1\nSüd,-0,2\n', 'text/csv; charset=utf-8');
    await pane().getByRole('button', { name: 'Data from the web' }).click();
    await pane().getByLabel('Web address (URL)').fill(server.url('/mutable/units.csv'));
    await pane().getByLabel('Source name', { exact: true }).fill('Units feed');
    await pane().getByRole('button', { name: 'Preview' }).click();
    await pane().getByRole('button', { name: 'Load to table' }).click({ timeout: 60_000 });
    await item().getByText('Up to date', { exact: true }).waitFor({ timeout: 30_000 });

    await page.evaluate(() => window.__pivotdeck!.sim.run(async (ctx) => {
      ctx.workbook.worksheets.add('Report').getRange('A1').formulas = [['=SUM(Units_feed[Units])']];
      await ctx.sync();
    }));
    expect(await reportA1()).toEqual({ value: 3, formula: '=SUM(Units_feed[Units])' });

    server.setResource('units.csv', 'Region,Amount\nNörd,7\nOst,1.5\n', 'text/csv; charset=utf-8');
    await item().getByRole('button', { name: 'Refresh Units feed' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Refreshing would break something you built' });
    await dialog.waitFor({ timeout: 30_000 });
    const text = await dialog.textContent();
    expect(text).toContain('The new data for the source “Units feed” no longer has the column “Units”.');
    expect(text).toContain('Report!A1 =SUM(Units_feed[Units]) would show #REF!');
    await screenshot(page, 'column-removal-question');
    expect(await axeViolations(page, '[role="alertdialog"]')).toEqual([]);

    await dialog.getByRole('button', { name: 'Keep the table as it is' }).click();
    await expect.poll(() => item().textContent()).toContain('Nothing was changed. The new data no longer has "Units"');
    expect(await reportA1()).toEqual({ value: 3, formula: '=SUM(Units_feed[Units])' });
    const header = await page.evaluate(() => window.__pivotdeck!.sim.toModel().sheets.find((s) => s.name === 'Units feed')!.cells['0,2']?.value);
    expect(header).toBe('Units');

    await item().getByRole('button', { name: 'Refresh Units feed' }).click();
    await dialog.getByRole('button', { name: 'Remove the column and refresh' }).click({ timeout: 30_000 });
    await expect.poll(() => reportA1().then((c) => c.value), { timeout: 30_000 }).toBe('#REF!');
    await item().getByText('Up to date', { exact: true }).waitFor({ timeout: 30_000 });
  });
});
