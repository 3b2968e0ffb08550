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
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawIcon } from './make-icons.mjs';
import { createSalesOverview, extendSalesPivot, root, withWorkbench } from './workbench-tour.mjs';

export const LOGO_SIZE = 300;
export const SCREENSHOT = { width: 1366, height: 768 };
/** Excel's task pane opens about 350 CSS pixels wide; the workbench's own column is 360. */
export const PANE_WIDTH = 350;
export const CAPTION = 'PivotDeck in its workbench: a simulated Excel in a web browser, not Microsoft Excel. Sample data.';

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
  await extendSalesPivot(page, pane);
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
  await createSalesOverview(page, pane);
}

async function main() {
  writeFileSync(join(root, 'assets', `logo-${LOGO_SIZE}.png`), drawIcon(LOGO_SIZE));
  console.log(`assets/logo-${LOGO_SIZE}.png ${LOGO_SIZE}x${LOGO_SIZE}`);
  const out = join(root, 'listing');
  mkdirSync(out, { recursive: true });
  await withWorkbench({ viewport: SCREENSHOT, paneWidth: PANE_WIDTH, tempPrefix: 'pivotdeck-listing-' }, async ({ page, pane, url }) => {
    await extendPivot(page, pane);
    await shoot(page, out, 'screenshot-1-extend.png');
    await webData(page, pane, `${url}/samples/sales.csv`);
    await shoot(page, out, 'screenshot-2-web-data.png');
    await dashboard(page, pane);
    await shoot(page, out, 'screenshot-3-dashboard.png');
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
