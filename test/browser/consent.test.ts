/**
 * Issue 13 part 1 in the workbench: a workbook someone emailed, whose dashboard refreshes on open
 * from a web source, is opened. The pane shows the consent bar listing the origin and what waits;
 * the recording server on 127.0.0.1 sees nothing until the user clicks Allow; then the dashboard
 * refreshes and its KPI equals a plain sum of the served rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/http-server';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
let server: TestServer;

const ROWS: Array<[string, number]> = [['Nörth', 10], ['Süd', -0], ['Nörth', 2.5], ['@SUM(1)', 7]];
const CSV = `Region,Amount\n${ROWS.map(([r, a]) => `${r},${a}`).join('\n')}\n`;
const TOTAL = ROWS.reduce((sum, [, a]) => sum + a, 0);

beforeAll(async () => {
  server = await startTestServer();
  server.setResource('feed.csv', CSV, 'text/csv');
  h = await startHarness({ viewport: { width: 1280, height: 800 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

const feedRequests = () => server.requests.filter((r) => r.url.includes('/mutable/feed.csv')).length;

describe('a shared workbook asks before it reaches the network', () => {
  it('shows which address it wants, sends nothing before Allow, and refreshes on Allow', async () => {
    const doc = {
      schemaVersion: 2,
      workbookId: 'wb-from-an-email',
      extensions: [], queries: [],
      sources: [{ id: 'feed', label: 'Feed', kind: 'csv', url: server.url('/mutable/feed.csv'), options: { keepOutOfSheet: true } }],
      dashboards: [{
        id: 'board', label: 'Board', sheet: 'Board', refreshOnOpen: true,
        tiles: [{
          version: 1, kind: 'kpi', id: 'amount', title: 'Total Amount', at: { row: 0, col: 0, rows: 3, cols: 2 },
          source: { kind: 'source', id: 'feed' }, measure: { id: 'amount', label: 'Amount', kind: 'sum', field: 'Amount' }, numberFormat: '0.##',
        }],
      }],
    };
    server.reset();
    await page.evaluate((text) => {
      const api = window.__pivotdeck!;
      const model = api.sim.toModel();
      model.settings['PivotDeck.document'] = text;
      model.sheets.push({ name: 'Board', cells: {} });
      api.open(model);
    }, JSON.stringify(doc));

    const pane = page.getByTestId('task-pane');
    const bar = pane.getByText('This workbook wants to contact a web address');
    await bar.waitFor({ timeout: 60_000 });
    await expect.poll(() => pane.getByRole('list', { name: 'Addresses this workbook wants to contact' }).textContent()).toBe(server.origin);
    expect(await pane.getByText(/Waiting for your permission: Refresh on open of "Board"/).count()).toBe(1);
    // Nothing reached the server while the question is open.
    await page.waitForTimeout(500);
    expect(feedRequests()).toBe(0);
    await screenshot(page, 'consent-prompt');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
    // No horizontal scrolling in the pane at Excel's width.
    expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

    await pane.getByRole('button', { name: 'Allow' }).click();
    await expect.poll(feedRequests, { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => window.__pivotdeck!.cellDisplay('Board', 'A2').text), { timeout: 60_000 }).toBe(String(TOTAL));
    await expect.poll(() => bar.count()).toBe(0);
  });
});
