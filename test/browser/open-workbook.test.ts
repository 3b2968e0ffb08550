/**
 * Issue 8 "Done means": an .xlsx holding a PivotTable (compact layout, Sum of Sales, the cells
 * Excel rendered stored in the sheet, over a range source) is opened in the workbench through
 * its file input; the grid shows its sheets and the pivot as stored (loaded in a Web Worker),
 * the pane lists the pivot with its fields, and extending it with Median reconciles against the
 * file's own Sum values and writes medians computed here by hand.
 *
 * Source rows (test/xlsx/salesFixture.ts): East Apples 10, East Pears 20, West Apples 30,
 * West Pears 40, West Plums 5, North Apples 7.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pivotXml, PRODUCT_ITEMS, REGION_ITEMS, salesWorkbook } from '../xlsx/salesFixture';
import { COMPACT_PIVOT } from '../xlsx/salesPivots';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;

/** COMPACT_PIVOT's definition with the rowItems Excel writes (the loader draws the pivot style from them). */
const DEFINITION = pivotXml('name="PivotCompact" outline="1" outlineData="1"', `
  <location ref="A3:B13" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
  <pivotFields count="3">
    <pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField>
    <pivotField axis="axisRow" showAll="0">${PRODUCT_ITEMS}</pivotField>
    <pivotField dataField="1" showAll="0"/>
  </pivotFields>
  <rowFields count="2"><field x="0"/><field x="1"/></rowFields>
  <rowItems count="10">
    <i><x/></i><i r="1"><x/></i><i r="1"><x v="1"/></i>
    <i><x v="1"/></i><i r="1"><x/></i>
    <i><x v="2"/></i><i r="1"><x/></i><i r="1"><x v="1"/></i><i r="1"><x v="2"/></i>
    <i t="grand"><x/></i></rowItems>
  <colItems count="1"><i/></colItems>
  <dataFields count="1"><dataField name="Sum of Sales" fld="2" baseField="0" baseItem="0" numFmtId="3"/></dataFields>`);

async function cellText(row: number, col: number): Promise<string> {
  const cell = page.locator(`[data-testid="sheet-grid"] [data-row="${row}"][data-col="${col}"]`);
  await cell.waitFor();
  return (await cell.textContent()) ?? '';
}

const pane = () => page.getByTestId('task-pane');

beforeAll(async () => {
  h = await startHarness();
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('opening an .xlsx with a PivotTable in the workbench', () => {
  it('loads the file from the file input and shows its sheets', async () => {
    // The loader runs in a Web Worker (its own script), not in the page's fallback.
    const workerScripts: string[] = [];
    page.on('request', (req) => { if (/xlsx-worker/.test(req.url())) workerScripts.push(req.url()); });
    const bytes = salesWorkbook({ cells: COMPACT_PIVOT.cells, definition: DEFINITION });
    await page.getByTestId('open-workbook-input').setInputFiles({
      name: 'sales-pivot.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(bytes),
    });
    await page.getByTestId('open-workbook-status').filter({ hasText: 'Opened sales-pivot.xlsx' }).waitFor();
    expect(workerScripts.length).toBeGreaterThan(0);
    expect(await page.getByRole('tab').count()).toBe(2);
    await page.getByRole('tab', { name: 'Data', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Pivot', exact: true }).waitFor();
    await page.getByRole('grid', { name: 'Sheet Data' }).waitFor();
    expect([await cellText(0, 0), await cellText(0, 2), await cellText(6, 0), await cellText(6, 2)]).toEqual(['Region', 'Sales', 'North', '7']);
  });

  it('shows the pivot as the file stored it, dressed like Excel\'s compact pivot', async () => {
    await page.getByRole('tab', { name: 'Pivot' }).click();
    await page.getByRole('grid', { name: 'Sheet Pivot' }).waitFor();
    const column = async (col: number) => {
      const out: string[] = [];
      for (let r = 2; r <= 12; r++) out.push(await cellText(r, col));
      return out;
    };
    expect(await column(0)).toEqual(['Row Labels', 'East', 'Apples', 'Pears', 'North', 'Apples', 'West', 'Apples', 'Pears', 'Plums', 'Grand Total']);
    expect(await column(1)).toEqual(['Sum of Sales', '30', '10', '20', '7', '7', '75', '30', '40', '5', '112']);
    const look = (row: number, col: number) => page.locator(`[data-row="${row}"][data-col="${col}"]`)
      .evaluate((el) => ({ weight: Number(getComputedStyle(el).fontWeight), padding: parseFloat(getComputedStyle(el).paddingLeft), fill: getComputedStyle(el).backgroundColor }));
    const header = await look(2, 0);
    const parent = await look(3, 0);
    const child = await look(4, 0);
    const total = await look(12, 1);
    expect(header.weight).toBeGreaterThanOrEqual(600);
    expect(header.fill).not.toBe('rgba(0, 0, 0, 0)');
    expect(parent.weight).toBeGreaterThanOrEqual(600);
    expect(child.weight).toBeLessThan(600);
    expect(child.padding).toBeGreaterThan(parent.padding); // Apples indented under East
    expect(total.weight).toBeGreaterThanOrEqual(600);
    await screenshot(page, 'open-workbook');
  });

  it('lists the pivot in the pane with its source and fields', async () => {
    const section = pane().getByRole('button', { name: 'PivotTables (1)', exact: true });
    await section.waitFor();
    if (await section.getAttribute('aria-expanded') === 'false') await section.click();
    const card = pane().getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'PivotCompact' }) });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Sheet Pivot');
    expect(text).toContain('Compact');
    expect(text).toMatch(/Source\s*Data!\$?A\$?1:\$?C\$?7/);
    expect(text).toMatch(/Rows\s*Region, Product/);
    expect(await card.getByRole('listitem').allTextContents()).toEqual(['Sum of Sales (Sum)']);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'open-workbook-pane');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
  });

  it('extends the pivot with Median of Sales: reconciles with the stored sums and writes the medians', async () => {
    const section = pane().getByRole('button', { name: 'Extend a PivotTable', exact: true });
    if (await section.getAttribute('aria-expanded') === 'false') await section.click();
    // Pick the pivot the way a user in Excel does: select a cell in it, then "Use selected pivot".
    await page.locator('[data-testid="sheet-grid"] [data-row="4"][data-col="1"]').click();
    await pane().getByRole('button', { name: 'Use selected pivot' }).click();
    await pane().getByRole('definition').filter({ hasText: 'Region, Product' }).first().waitFor();
    await pane().getByRole('combobox', { name: 'Field' }).selectOption('Sales');
    await pane().getByRole('button', { name: 'Add measure' }).click();
    await pane().getByRole('list', { name: 'Measures to add' }).getByText('Median of Sales').waitFor();
    await pane().getByRole('button', { name: 'Add to pivot' }).click();
    const result = pane().getByText(/^Added at /);
    const failure = pane().getByText(/disagree|cannot|could not/i);
    await result.or(failure).first().waitFor({ timeout: 30_000 });
    expect(await failure.count(), (await pane().textContent()) ?? '').toBe(0);
    // The reconciliation recomputed every stored Sum line (10 lines, one value field) and agreed.
    expect(await pane().getByText(/Checked against Excel: 10 rows, 1 value field match/).count()).toBeGreaterThan(0);

    // Medians by hand: East {10,20} → 15; North {7} → 7; West {30,40,5} → 30; all six → (10+20)/2 = 15;
    // each Region × Product line holds one record, so its median is that record.
    const written = await page.evaluate(() => {
      const sim = window.__pivotdeck?.sim;
      const out: unknown[] = [];
      for (let r = 2; r <= 12; r++) out.push(sim?.view.cell('Pivot', r, 2).value);
      return out;
    });
    expect(written).toEqual(['Median of Sales', 15, 10, 20, 7, 7, 30, 30, 40, 5, 15]);
    await page.getByRole('tab', { name: 'Pivot' }).click();
    await screenshot(page, 'open-workbook-extended');
  });
});

describe('page health', () => {
  it('logged no console errors, page errors or failed requests', () => {
    expect(h.errors).toEqual([]);
  });
});
