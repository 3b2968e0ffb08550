/**
 * The workbench in headless Chromium: the sample workbook in the grid, the pivot on its own
 * sheet, and the real task pane listing and previewing what the simulator holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSampleWorkbook } from '../../src/workbench/sample';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';

const HEADERS = ['Date', 'Region', 'Country', 'Channel', 'Product', 'Category', 'Customer', 'Units', 'Unit Price', 'Revenue', 'Cost'];

let h: Harness;
let page: Page;

/** The text of a grid cell by zero-based row and column (only cells in view exist). */
async function cellText(row: number, col: number): Promise<string> {
  const cell = page.locator(`[data-testid="sheet-grid"] [data-row="${row}"][data-col="${col}"]`);
  await cell.waitFor();
  return (await cell.textContent()) ?? '';
}

const pane = () => page.getByTestId('task-pane');
/** The Sales entry of the pane's table list, found by what it shows rather than by its label. */
const salesItem = () => pane().getByRole('list', { name: 'Tables in this workbook' }).getByRole('button')
  .filter({ hasText: /^Sales/ });

/** True when a grid cell is fully visible inside the grid's scroll viewport (not just in the DOM). */
async function cellInView(row: number, col: number): Promise<boolean> {
  return page.evaluate(([r, c]) => {
    const grid = document.querySelector<HTMLElement>('[data-testid="sheet-grid"]');
    const cell = grid?.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"]`);
    const header = grid?.querySelector<HTMLElement>('[role="row"][aria-rowindex="1"]');
    if (!grid || !cell || !header) return false;
    const g = grid.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    const top = header.getBoundingClientRect().bottom;
    return box.top >= top - 1 && box.bottom <= g.top + grid.clientHeight + 1 && box.left >= g.left && box.right <= g.left + grid.clientWidth + 1;
  }, [row, col]);
}

beforeAll(async () => {
  h = await startHarness();
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('workbench grid', () => {
  it('opens on the Sales sheet with the table headers and formatted values', async () => {
    const headers = [];
    for (let c = 0; c < HEADERS.length; c++) headers.push(await cellText(0, c));
    expect(headers).toEqual(HEADERS);
    // Dates are serials shown with yyyy-mm-dd; the sorted sample starts in the first days of 2023.
    expect(await cellText(1, 0)).toMatch(/^2023-01-0\d$/);
    expect(await cellText(1, 9)).toMatch(/^\$[\d,]+\.\d\d$/);
    const align = (row: number, col: number) => page.locator(`[data-row="${row}"][data-col="${col}"]`)
      .evaluate((el) => getComputedStyle(el).justifyContent);
    expect(await align(1, 7)).toBe('flex-end'); // Units: a number, right-aligned like Excel
    expect(await align(1, 1)).toBe('flex-start'); // Region: text, left-aligned
    await screenshot(page, 'workbench-sales');
  });

  it('virtualises 20,000 rows: only rows in view are in the DOM, and the last row is reachable', async () => {
    const rendered = await page.locator('[data-testid="sheet-grid"] [role="row"]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(200);
    const nameBox = page.getByRole('textbox', { name: 'Name box' });
    await nameBox.fill('K20001');
    await nameBox.press('Enter');
    await page.getByRole('rowheader', { name: '20001', exact: true }).waitFor();
    // Scrolled into view, not merely rendered in the overscan below the viewport.
    await page.waitForFunction(() => document.querySelector('[data-row="20000"][data-col="10"]') !== null);
    expect(await cellInView(20000, 10)).toBe(true);
    // The formula bar shows the stored number, not its currency text (as Excel does).
    const lastCost = buildSampleWorkbook().sheets[0].cells['20000,10'].value;
    expect(await page.getByTestId('formula-bar').inputValue()).toBe(String(lastCost));
    await screenshot(page, 'workbench-sales-last-row');
  });

  it('switches to the Summary sheet and shows SalesPivot as Excel lays out a compact pivot', async () => {
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('grid', { name: 'Sheet Summary' }).waitFor();
    // Anchor A3. With two data fields Excel writes the "Values" caption in the column-label row
    // above the header (as in Excel-saved files: B3 "Values", A4 "Row Labels"), then regions
    // sorted A→Z, each followed by its categories.
    expect([await cellText(2, 0), await cellText(2, 1), await cellText(2, 2)]).toEqual(['', 'Values', '']);
    expect([await cellText(3, 0), await cellText(3, 1), await cellText(3, 2)]).toEqual(['Row Labels', 'Sum of Revenue', 'Count of Units']);
    expect(await cellText(4, 0)).toBe('East');
    expect(await cellText(5, 0)).toBe('Accessories');
    expect(await cellText(9, 0)).toBe('North');
    // 4 regions × (1 + 4 categories) rows below the header, then the grand total.
    expect(await cellText(24, 0)).toBe('Grand Total');
    // Expected totals computed here from the sample rows, independently of the pivot renderer.
    const cells = buildSampleWorkbook().sheets[0].cells;
    let revenueCents = 0;
    for (let r = 1; r <= 20_000; r++) revenueCents += Math.round((cells[`${r},9`].value as number) * 100);
    const dollars = Math.round(revenueCents / 100);
    expect(await cellText(24, 1)).toBe(`$${dollars.toLocaleString('en-US')}`);
    expect(await cellText(24, 2)).toBe('20000');
    await screenshot(page, 'workbench-summary-pivot');
  });

  it('clicking a cell selects it in the simulator (what "Use selected pivot" reads)', async () => {
    await page.locator('[data-testid="sheet-grid"] [data-row="4"][data-col="1"]').click();
    const selection = await page.evaluate(() => window.__pivotdeck?.sim.view.selection());
    expect(selection?.sheet).toBe('Summary');
    expect(selection?.address.replace(/^.*!/, '')).toBe('B5');
    expect(await page.getByRole('textbox', { name: 'Name box' }).inputValue()).toBe('B5');
  });

  it('moves the selection with arrow keys and extends it with shift-click, as Excel does', async () => {
    const nameBox = page.getByRole('textbox', { name: 'Name box' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await nameBox.inputValue()).toBe('C6');
    await page.locator('[data-testid="sheet-grid"] [data-row="7"][data-col="0"]').click({ modifiers: ['Shift'] });
    // Excel's name box shows the active cell, which stays on the shift-click's anchor.
    const selection = await page.evaluate(() => window.__pivotdeck?.sim.view.selection());
    expect(selection?.address.replace(/^.*!/, '')).toBe('A6:C8');
    expect(selection?.activeCell).toBe('C6');
    expect(await nameBox.inputValue()).toBe('C6');
    // Its value is what the formula bar shows: Count of Units for East / Bikes (hand-checked
    // against the grid cell itself rather than the renderer).
    expect(await page.getByTestId('formula-bar').inputValue()).toBe(await cellText(5, 2));
    const selected = await page.locator('[data-testid="sheet-grid"] [role="gridcell"][aria-selected="true"]').count();
    expect(selected).toBe(9);
  });
});

describe('task pane in the workbench', () => {
  it('lists the Sales table with its size', async () => {
    const item = salesItem();
    await item.waitFor();
    expect(await item.textContent()).toContain('20,000 rows × 11 columns');
    expect(await pane().getByRole('heading', { name: 'Tables (1)', exact: true }).count()).toBe(1);
  });

  it('previews the Sales table with formatted dates', async () => {
    await salesItem().click();
    const preview = pane().getByRole('table', { name: 'First rows of Sales' });
    await preview.waitFor();
    const headerTexts = await preview.getByRole('columnheader').allTextContents();
    expect(headerTexts).toEqual(HEADERS);
    const firstRow = await preview.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(firstRow[0]).toMatch(/^2023-01-0\d$/);
    expect(firstRow[9]).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(await pane().getByText(/of 20,000 rows · sheet Sales/).count()).toBe(1);
    await screenshot(page, 'pane-table-preview');
  });

  it('has no serious or critical accessibility violations with the preview open', async () => {
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
  });

  it('lists SalesPivot with its source, row fields and value fields', async () => {
    const section = pane().getByRole('button', { name: 'PivotTables (1)', exact: true });
    if (await section.getAttribute('aria-expanded') === 'false') await section.click();
    const card = pane().getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'SalesPivot' }) });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Sheet Summary');
    expect(text).toMatch(/Source\s*Sales/);
    expect(text).toMatch(/Rows\s*Region, Category/);
    expect(await card.getByRole('listitem').allTextContents()).toEqual(['Sum of Revenue (Sum)', 'Count of Units (Count)']);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'pane-pivots');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
  });

  it('is reachable with the keyboard: Tab from the page lands on the pane buttons', async () => {
    await page.reload();
    await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
    await salesItem().waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 40 && !reached.includes('Sales table'); i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.closest('[data-testid="task-pane"]')) return 'outside';
        const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
        const isSalesItem = el.closest('[aria-label="Tables in this workbook"]') !== null && /^Sales/.test(el.textContent ?? '');
        return isSalesItem ? 'Sales table' : `${el.getAttribute('role') ?? el.tagName}:${label.trim()}`;
      }));
    }
    const inPane = reached.filter((r) => r !== 'outside');
    // The header's button says what it does (issue 16 part 4): it reloads the lists.
    expect(inPane[0]).toBe('BUTTON:Reload lists');
    expect(inPane).toContain('Sales table');
    // Space on the focused table button opens its preview, without the mouse.
    await page.keyboard.press('Space');
    await pane().getByRole('table', { name: 'First rows of Sales' }).waitFor();
  });

  it('follows a simulated save and reopen (the pane reloads and reads the same workbook)', async () => {
    await page.evaluate(() => window.__pivotdeck?.saveAndReopen());
    await salesItem().waitFor();
    expect(await salesItem().textContent()).toContain('20,000 rows × 11 columns');
    expect(await cellText(0, 0)).toBe('Date');
  });

  it('follows the simulated Office theme', async () => {
    const paneBackground = () => pane().locator('.fui-FluentProvider').first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const brightness = (css: string) => {
      const [r, g, b] = (css.match(/\d+/g) ?? []).map(Number);
      return (r + g + b) / 3;
    };
    expect(brightness(await paneBackground())).toBeGreaterThan(200);
    await page.getByRole('button', { name: 'Dark Office theme' }).click();
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="task-pane"] .fui-FluentProvider');
      const [r, g, b] = (el ? getComputedStyle(el).backgroundColor.match(/\d+/g) ?? [] : []).map(Number);
      return (r + g + b) / 3 < 80;
    });
    await screenshot(page, 'workbench-dark-pane');
    await page.getByRole('button', { name: 'Dark Office theme' }).click();
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="task-pane"] .fui-FluentProvider');
      const [r, g, b] = (el ? getComputedStyle(el).backgroundColor.match(/\d+/g) ?? [] : []).map(Number);
      return (r + g + b) / 3 > 200;
    });
  });
});

describe('timing for the pane bench (bench/pane)', () => {
  const standInMeasures = () => page.evaluate(() => performance.getEntriesByName('excel-stand-in').map((e) => e.duration));
  const nextFrames = () => page.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); }));

  it('records nothing until a bench asks', async () => {
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('grid', { name: 'Sheet Summary' }).waitFor();
    expect(await standInMeasures()).toEqual([]);
  });

  it("records the grid's renders as Excel stand-in work, and not the pane's own renders", async () => {
    await page.evaluate(() => window.__pivotdeck!.measureStandInWork(true));
    try {
      await page.getByRole('tab', { name: 'Sales' }).click();
      await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
      const grid = await standInMeasures();
      expect(grid.length).toBeGreaterThan(0);
      expect(grid.every((ms) => ms >= 0)).toBe(true);

      // Typing in the pane renders the pane's React root only: no stand-in work is recorded.
      const web = pane().getByRole('button', { name: 'Data from the web' });
      if (await web.getAttribute('aria-expanded') !== 'true') await web.click();
      const address = pane().getByLabel('Web address (URL)');
      await address.waitFor();
      await nextFrames();
      await page.evaluate(() => performance.clearMeasures('excel-stand-in'));
      await address.pressSequentially('https://example.com/sales.csv');
      await nextFrames();
      expect(await address.inputValue()).toBe('https://example.com/sales.csv');
      expect(await standInMeasures()).toEqual([]);
    } finally {
      await page.evaluate(() => { window.__pivotdeck!.measureStandInWork(false); performance.clearMeasures('excel-stand-in'); });
    }
  });
});

describe('page health', () => {
  it('logged no console errors, page errors or failed requests', () => {
    expect(h.errors).toEqual([]);
  });
});
