#!/usr/bin/env node
// The README's screenshots, made from the workbench with the task pane at 350 px (Excel's default
// pane width, issue 16 part 9), at 1600 × 1000 like the earlier ones:
//   docs/images/first-view.png    the pane's first view: what PivotDeck does, three ways to start
//   docs/images/extend-pivot.png  SalesPivot extended with median, 90th percentile, distinct customers
//   docs/images/dashboard.png     the "Sales overview" dashboard from the sample, filtered to Region = West
//
//   node scripts/make-readme-images.mjs           builds the workbench (webpack development) into a temp dir
//   node scripts/make-readme-images.mjs --reuse   uses build/ from the browser tests instead
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runWebpack } from './build-for-tests.mjs';
import { serveStatic } from './serve-static.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VIEWPORT = { width: 1600, height: 1000 };
/** Excel's task pane opens about 350 CSS pixels wide; the workbench's own column is 360. */
export const PANE_WIDTH = 350;

/** Narrows the workbench's pane column to PANE_WIDTH, as Excel opens a task pane. */
async function narrowPane(page) {
  await page.getByRole('complementary', { name: 'PivotDeck task pane' }).evaluate((column, width) => {
    column.style.width = `${width}px`;
    column.style.minWidth = `${width}px`;
  }, PANE_WIDTH);
}

async function shoot(page, name) {
  const file = join(root, 'docs', 'images', name);
  // Two frames, so the last layout is painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: file, animations: 'disabled' });
  console.log(`docs/images/${name} ${VIEWPORT.width}x${VIEWPORT.height}`);
}

async function extendPivot(page, pane) {
  await page.getByRole('tab', { name: 'Summary' }).click();
  await page.getByRole('grid', { name: 'Sheet Summary' }).waitFor();
  await pane.getByRole('list', { name: 'Ways to start' }).getByRole('button', { name: 'New measures for a PivotTable' }).click();
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
  await pane.getByText(/^Added at Summary!/).scrollIntoViewIfNeeded();
}

async function dashboard(page, pane) {
  await pane.getByRole('button', { name: 'Extend a PivotTable', exact: true }).click(); // fold it
  await pane.getByRole('button', { name: 'Dashboards', exact: true }).click();
  await pane.getByRole('button', { name: 'New dashboard' }).click();
  await pane.getByRole('combobox', { name: '1. Data to show' }).click();
  await page.getByRole('option', { name: /^Sales \(20,000 rows/ }).click();
  await pane.getByRole('button', { name: 'Use this: Sales overview' }).click();
  await pane.getByRole('button', { name: 'Create dashboard' }).click();
  await pane.getByText('Created “Sales overview”.').waitFor({ timeout: 120_000 });
  await page.getByRole('grid', { name: 'Sheet Sales overview' }).waitFor();
}

/** Picks `region` in the dashboard's Region dropdown (the cell right of "Region"), as a user would. */
async function pickRegion(page, pane, region) {
  const grid = page.getByTestId('sheet-grid');
  const label = grid.locator('[data-row][data-col]').filter({ hasText: /^Region:?$/ }).first();
  const row = await label.getAttribute('data-row');
  const col = Number(await label.getAttribute('data-col')) + 1;
  await grid.locator(`[data-row="${row}"][data-col="${col}"]`).click();
  await page.getByTestId('cell-dropdown').click();
  await page.getByRole('listbox', { name: 'Choices' }).getByRole('option', { name: region, exact: true }).click();
  // A refresh started by the dropdown replaces the pane's "Created …" line; then it is up to date.
  await page.evaluate(() => window.__pivotdeck.eventsDelivered());
  await pane.getByText('Created “Sales overview”.').waitFor({ state: 'detached', timeout: 120_000 });
  await pane.getByRole('listitem').filter({ hasText: 'Sales overview' }).getByText('Up to date', { exact: true }).waitFor({ timeout: 120_000 });
  await page.getByRole('grid', { name: 'Sheet Sales overview' }).scrollIntoViewIfNeeded();
}

async function main() {
  const reuse = process.argv.includes('--reuse');
  let site = join(root, 'build');
  let temp;
  if (!reuse || !existsSync(join(site, 'workbench.html'))) {
    temp = mkdtempSync(join(tmpdir(), 'pivotdeck-readme-'));
    site = join(temp, 'build');
    console.log('Building the workbench (webpack development)…');
    await runWebpack(['--mode', 'development', '--env', `OUTPUT_DIR=${site}`]);
  }
  mkdirSync(join(root, 'docs', 'images'), { recursive: true });
  const server = await serveStatic(site);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${server.url}/workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor({ timeout: 120_000 });
    await narrowPane(page);
    const pane = page.getByTestId('task-pane');
    await pane.getByRole('list', { name: 'Ways to start' }).waitFor({ timeout: 120_000 });
    await shoot(page, 'first-view.png');
    await extendPivot(page, pane);
    await shoot(page, 'extend-pivot.png');
    await dashboard(page, pane);
    await pickRegion(page, pane, 'West');
    await shoot(page, 'dashboard.png');
  } finally {
    await browser.close();
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
