#!/usr/bin/env node
// Store listing images for Partner Center, made from the workbench:
//   assets/logo-300.png                 the PivotDeck icon at 300 × 300 (drawn, not captured)
//   listing/screenshot-1-extend.png     SalesPivot extended with median, p90, distinct customers
//   listing/screenshot-2-web-data.png   the sample CSV pulled into an Excel table
//   listing/screenshot-3-dashboard.png  the "Sales overview" dashboard
// Screenshots are 1366 × 768 with the task pane at 350 px, Excel's default pane width, and a
// caption bar that says they show the workbench (a simulated Excel in a browser), not Excel:
// replace them with real-Excel screenshots when someone can take them.
//
//   npm run listing-images             builds the workbench (webpack development) into a temp dir
//   npm run listing-images -- --reuse  uses build/ from the browser tests instead
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runWebpack } from './build-for-tests.mjs';
import { drawIcon } from './make-icons.mjs';
import { serveStatic } from './serve-static.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LOGO_SIZE = 300;
export const SCREENSHOT = { width: 1366, height: 768 };
/** Excel's task pane opens about 350 CSS pixels wide; the workbench's own column is 360. */
export const PANE_WIDTH = 350;
export const CAPTION = 'PivotDeck in its workbench: a simulated Excel in a web browser, not Microsoft Excel. Sample data.';

/** Narrows the workbench's pane column to PANE_WIDTH, as Excel opens a task pane. */
async function narrowPane(page) {
  await page.evaluate((width) => {
    // The pane's column is the outermost ancestor of the pane that is still pane-sized.
    let column = document.querySelector('[data-testid="task-pane"]');
    while (column?.parentElement && column.parentElement.getBoundingClientRect().width < 500) column = column.parentElement;
    if (!column) throw new Error('the workbench has no task pane');
    column.style.width = `${width}px`;
    column.style.minWidth = `${width}px`;
  }, PANE_WIDTH);
}

/**
 * Takes the screenshot with the caption bar over the workbench's own toolbar (not PivotDeck's
 * pane), then removes the bar so the next steps can click what it covered.
 */
async function shoot(page, out, name) {
  await page.evaluate((caption) => {
    const bar = document.createElement('div');
    bar.id = 'listing-caption';
    bar.textContent = caption;
    Object.assign(bar.style, {
      position: 'fixed', left: '0', right: '0', top: '0', zIndex: '10000', padding: '8px 14px',
      font: '600 15px "Segoe UI", system-ui, sans-serif', color: '#ffffff', background: '#0e7a6b',
    });
    document.body.appendChild(bar);
  }, CAPTION);
  const file = join(out, name);
  await page.screenshot({ path: file, animations: 'disabled' });
  await page.evaluate(() => document.getElementById('listing-caption')?.remove());
  console.log(`listing/${name} ${SCREENSHOT.width}x${SCREENSHOT.height}`);
}

async function extendPivot(page, pane) {
  await page.getByRole('tab', { name: 'Summary' }).click();
  await page.getByRole('grid', { name: 'Sheet Summary' }).waitFor();
  await pane.getByRole('button', { name: 'Extend a PivotTable' }).click();
  await pane.getByRole('combobox', { name: 'PivotTable' }).click();
  await page.getByRole('option', { name: 'SalesPivot (Summary)' }).click();
  const add = async (kind, field, extra) => {
    await pane.getByLabel('Measure', { exact: true }).selectOption(kind);
    await pane.getByLabel('Field', { exact: true }).selectOption(field);
    await extra?.();
    await pane.getByRole('button', { name: 'Add measure' }).click();
  };
  await add('median', 'Revenue');
  await add('percentile', 'Revenue', () => pane.getByLabel('p (0 to 1)').fill('0.9'));
  await add('distinctCount', 'Customer');
  await pane.getByRole('button', { name: 'Add to pivot' }).click();
  await pane.getByText(/^Added at Summary!/).waitFor({ timeout: 120_000 });
  await pane.getByText('Extensions in this workbook').scrollIntoViewIfNeeded();
}

async function webData(page, pane, url) {
  await page.getByRole('tab', { name: 'Sales', exact: true }).click();
  await pane.getByRole('button', { name: 'Extend a PivotTable' }).click(); // close it
  await pane.getByRole('button', { name: 'Data from the web' }).click();
  await pane.getByLabel('Web address (URL)').fill(url);
  await pane.getByLabel('Source name', { exact: true }).fill('Orders (sample CSV)');
  await pane.getByLabel('Excel table name').fill('SampleOrders');
  await pane.getByRole('button', { name: 'Preview' }).click();
  await pane.getByRole('button', { name: 'Load to table' }).waitFor({ timeout: 60_000 });
  await pane.getByRole('button', { name: 'Load to table' }).click();
  await pane.getByRole('listitem', { name: 'Orders (sample CSV)' }).getByText('Up to date', { exact: true }).waitFor({ timeout: 60_000 });
}

async function dashboard(page, pane) {
  await pane.getByRole('button', { name: 'Data from the web' }).click(); // close it
  await pane.getByRole('button', { name: 'Dashboards', exact: true }).click();
  await pane.getByRole('button', { name: 'New dashboard' }).click();
  await pane.getByRole('combobox', { name: '1. Data to show' }).click();
  await page.getByRole('option', { name: /^Sales \(20,000 rows/ }).click();
  await pane.getByRole('button', { name: 'Use this: Sales overview' }).click();
  await pane.getByRole('button', { name: 'Create dashboard' }).click();
  await pane.getByText('Created “Sales overview”.').waitFor({ timeout: 120_000 });
  await page.getByRole('grid', { name: 'Sheet Sales overview' }).waitFor();
}

async function main() {
  const reuse = process.argv.includes('--reuse');
  let site = join(root, 'build');
  let temp;
  if (!reuse || !existsSync(join(site, 'workbench.html'))) {
    temp = mkdtempSync(join(tmpdir(), 'pivotdeck-listing-'));
    site = join(temp, 'build');
    console.log('Building the workbench (webpack development)…');
    await runWebpack(['--mode', 'development', '--env', `OUTPUT_DIR=${site}`]);
  }

  writeFileSync(join(root, 'assets', `logo-${LOGO_SIZE}.png`), drawIcon(LOGO_SIZE));
  console.log(`assets/logo-${LOGO_SIZE}.png ${LOGO_SIZE}x${LOGO_SIZE}`);

  const out = join(root, 'listing');
  mkdirSync(out, { recursive: true });
  const server = await serveStatic(site);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: SCREENSHOT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${server.url}/workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor({ timeout: 120_000 });
    await narrowPane(page);
    const pane = page.getByTestId('task-pane');
    await extendPivot(page, pane);
    await shoot(page, out, 'screenshot-1-extend.png');
    await webData(page, pane, `${server.url}/samples/sales.csv`);
    await shoot(page, out, 'screenshot-2-web-data.png');
    await dashboard(page, pane);
    await shoot(page, out, 'screenshot-3-dashboard.png');
  } finally {
    await browser.close();
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
