// What the README and store-listing screenshot scripts both do in the workbench: build or reuse
// it, open it in Debian's Chromium at a task pane's width, extend SalesPivot and create the
// "Sales overview" dashboard as a user would. Each script keeps its own shots and extra steps.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runWebpack } from './build-for-tests.mjs';
import { serveStatic } from './serve-static.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Serves the workbench (build/ from the browser tests with `--reuse`, else a fresh development
 * build in a temp dir) and opens it at `viewport` with the pane `paneWidth` wide; `work` gets the
 * page, the pane and the server's URL. Everything is closed and removed afterwards.
 * @example await withWorkbench({ viewport: { width: 1600, height: 1000 }, paneWidth: 350, tempPrefix: 'pivotdeck-readme-' }, async ({ page, pane }) => { … });
 */
export async function withWorkbench({ viewport, paneWidth, tempPrefix }, work) {
  const reuse = process.argv.includes('--reuse');
  let site = join(root, 'build');
  let temp;
  if (!reuse || !existsSync(join(site, 'workbench.html'))) {
    temp = mkdtempSync(join(tmpdir(), tempPrefix));
    site = join(temp, 'build');
    console.log('Building the workbench (webpack development)…');
    await runWebpack(['--mode', 'development', '--env', `OUTPUT_DIR=${site}`]);
  }
  const server = await serveStatic(site);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${server.url}/workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor({ timeout: 120_000 });
    // Excel opens a task pane about 350 CSS pixels wide; the workbench's own column is 360.
    await page.getByRole('complementary', { name: 'PivotDeck task pane' }).evaluate((column, width) => {
      column.style.width = `${width}px`;
      column.style.minWidth = `${width}px`;
    }, paneWidth);
    await work({ page, pane: page.getByTestId('task-pane'), url: server.url });
  } finally {
    await browser.close();
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * With "Extend a PivotTable" open: SalesPivot gets median, p90 and distinct customers.
 * @example await extendSalesPivot(page, pane);
 */
export async function extendSalesPivot(page, pane) {
  await pane.getByRole('combobox', { name: 'PivotTable' }).click();
  await page.getByRole('option', { name: 'SalesPivot (Summary)' }).click();
  const add = async (kind, field, extra) => {
    await pane.getByLabel('Measure', { exact: true }).selectOption(kind);
    await pane.getByLabel('Field', { exact: true }).selectOption(field);
    await extra?.();
    await pane.getByRole('button', { name: 'Add measure' }).click();
  };
  await add('median', 'Revenue');
  await add('percentile', 'Revenue', () => pane.getByLabel(/^p \(0 to 1\)|^Percentile/).fill('0.9'));
  await add('distinctCount', 'Customer');
  await pane.getByRole('button', { name: 'Add to pivot' }).click();
  await pane.getByText(/^Added at Summary!/).waitFor({ timeout: 120_000 });
}

/**
 * Opens Dashboards and creates "Sales overview" on the Sales table.
 * @example await createSalesOverview(page, pane);
 */
export async function createSalesOverview(page, pane) {
  await pane.getByRole('button', { name: 'Dashboards', exact: true }).click();
  await pane.getByRole('button', { name: 'New dashboard' }).click();
  await pane.getByRole('combobox', { name: '1. Data to show' }).click();
  await page.getByRole('option', { name: /^Sales \(20,000 rows/ }).click();
  await pane.getByRole('button', { name: 'Use this: Sales overview' }).click();
  await pane.getByRole('button', { name: 'Create dashboard' }).click();
  await pane.getByText('Created “Sales overview”.').waitFor({ timeout: 120_000 });
  await page.getByRole('grid', { name: 'Sheet Sales overview' }).waitFor();
}
