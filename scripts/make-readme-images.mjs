#!/usr/bin/env node
// The README's screenshots, made from the workbench with the task pane at 350 px (Excel's default
// pane width, issue 16 part 9), at 1600 × 1000 like the earlier ones:
//   docs/images/first-view.png    the pane's first view: what PivotDeck does, three ways to start
//   docs/images/extend-pivot.png  SalesPivot extended with median, 90th percentile, distinct customers
//   docs/images/dashboard.png     the "Sales overview" dashboard from the sample, filtered to Region = West
//
//   node scripts/make-readme-images.mjs           builds the workbench (webpack development) into a temp dir
//   node scripts/make-readme-images.mjs --reuse   uses build/ from the browser tests instead
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSalesOverview, extendSalesPivot, root, withWorkbench } from './workbench-tour.mjs';

export const VIEWPORT = { width: 1600, height: 1000 };
/** Excel's task pane opens about 350 CSS pixels wide; the workbench's own column is 360. */
export const PANE_WIDTH = 350;

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
  await extendSalesPivot(page, pane);
  await pane.getByText(/^Added at Summary!/).scrollIntoViewIfNeeded();
}

async function dashboard(page, pane) {
  await pane.getByRole('button', { name: 'Extend a PivotTable', exact: true }).click(); // fold it
  await createSalesOverview(page, pane);
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
  mkdirSync(join(root, 'docs', 'images'), { recursive: true });
  await withWorkbench({ viewport: VIEWPORT, paneWidth: PANE_WIDTH, tempPrefix: 'pivotdeck-readme-' }, async ({ page, pane }) => {
    await pane.getByRole('list', { name: 'Ways to start' }).waitFor({ timeout: 120_000 });
    await shoot(page, 'first-view.png');
    await extendPivot(page, pane);
    await shoot(page, 'extend-pivot.png');
    await dashboard(page, pane);
    await pickRegion(page, pane, 'West');
    await shoot(page, 'dashboard.png');
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
