/**
 * "Done means" for extending a pivot, through the pane UI in the workbench: SalesPivot (Region >
 * Category, Sum of Revenue and Count of Units) gets Median of Revenue, P90 of Revenue, distinct
 * customers and a custom ratio; the numbers are checked against values computed here with plain
 * loops over the simulator's Sales table (no PivotDeck code); the definition survives
 * save/reopen and refreshes; a stale pivot is refused with a clear message and old values kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';
import { percentileInc, readSalesTable, type Cell } from './sales-table';

let h: Harness;
let page: Page;


const pane = () => page.getByTestId('task-pane');

/** Reads a range's values through the simulator's Excel API (what Excel would return). */
async function rangeValues(sheet: string, address: string): Promise<Cell[][]> {
  return page.evaluate(async ([s, a]) => {
    const sim = window.__pivotdeck!.sim;
    return sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(s).getRange(a).load('values');
      await ctx.sync();
      return r.values as Array<Array<string | number | boolean>>;
    });
  }, [sheet, address] as const);
}

// ---- independent expectations: plain loops, Excel's definitions ----

interface Group { revenue: number[]; units: number; customers: Set<string> }

function expectedByLabel(headers: string[], rows: Cell[][]) {
  const col = (name: string) => headers.indexOf(name);
  const [region, category, customer, units, revenue] = ['Region', 'Category', 'Customer', 'Units', 'Revenue'].map(col);
  const groups = new Map<string, Group>();
  const add = (key: string, row: Cell[]) => {
    let g = groups.get(key);
    if (!g) { g = { revenue: [], units: 0, customers: new Set() }; groups.set(key, g); }
    if (typeof row[revenue] === 'number') g.revenue.push(row[revenue] as number);
    if (typeof row[units] === 'number') g.units += row[units] as number;
    if (row[customer] !== '') g.customers.add(String(row[customer]).toLowerCase());
  };
  for (const row of rows) {
    add('', row);
    add(String(row[region]), row);
    add(`${String(row[region])}/${String(row[category])}`, row);
  }
  const values = (g: Group) => [
    percentileInc(g.revenue, 0.5),
    percentileInc(g.revenue, 0.9),
    g.customers.size,
    g.revenue.reduce((a, b) => a + b, 0) / g.units,
  ];
  return { groups, values };
}

function close(actual: Cell, expected: number, where: string) {
  expect(typeof actual, where).toBe('number');
  expect(Math.abs((actual as number) - expected), `${where}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/** Checks every body row of the block against the independent values, by the pivot's row labels. */
async function checkBlock(headers: string[], rows: Cell[][]) {
  const { groups, values } = expectedByLabel(headers, rows);
  const labels = (await rangeValues('Summary', 'A5:A25')).map((r) => String(r[0]));
  const block = await rangeValues('Summary', 'D5:G25');
  const regions = new Set(rows.map((r) => String(r[headers.indexOf('Region')])));
  let region = '';
  labels.forEach((label, i) => {
    let key: string;
    if (label === 'Grand Total') key = '';
    else if (regions.has(label)) { region = label; key = label; } else key = `${region}/${label}`;
    const group = groups.get(key);
    expect(group, `group for row ${i + 5} "${label}"`).toBeDefined();
    values(group!).forEach((v, k) => close(block[i][k], v, `row ${i + 5} (${key || 'grand'}) column ${k}`));
  });
  return block;
}

async function openExtendSection() {
  const header = pane().getByRole('button', { name: 'Extend a PivotTable' });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await pane().getByText('Extensions in this workbook').waitFor();
}

async function addMeasure(kind: string, field?: string, extra?: () => Promise<void>) {
  await pane().getByLabel('Measure', { exact: true }).selectOption(kind);
  if (field) await pane().getByLabel('Field', { exact: true }).selectOption(field);
  await extra?.();
  await pane().getByRole('button', { name: 'Add measure' }).click();
}

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1600, height: 1000 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('extending SalesPivot from the pane', () => {
  let table: { headers: string[]; rows: Cell[][] };
  let written: Cell[][];

  it('adds median, p90, distinct customers and a custom ratio, reconciled, with values computed independently', async () => {
    table = await readSalesTable(page);
    expect(table.rows.length).toBe(20_000);
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('grid', { name: 'Sheet Summary' }).waitFor();

    await openExtendSection();
    await pane().getByRole('combobox', { name: 'PivotTable' }).click();
    await page.getByRole('option', { name: 'SalesPivot (Summary)' }).click();
    await pane().getByLabel('Measure', { exact: true }).waitFor();
    await addMeasure('median', 'Revenue');
    await addMeasure('percentile', 'Revenue', async () => { await pane().getByLabel('p (0 to 1)').fill('0.9'); });
    await addMeasure('distinctCount', 'Customer');
    await addMeasure('formula', undefined, async () => {
      await pane().getByLabel('Formula', { exact: true }).fill('SUM([Revenue]) / SUM([Units])');
      await pane().getByLabel('Column header').fill('Revenue per unit');
    });
    await expect.poll(() => pane().getByRole('list', { name: 'Measures to add' }).getByRole('listitem').count()).toBe(4);
    await pane().getByRole('button', { name: 'Add to pivot' }).click();

    await pane().getByText('Added at Summary!D4:G25').waitFor({ timeout: 60_000 });
    await expect.poll(() => pane().getByText('Checked against Excel: 21 rows, 2 value fields match.').count()).toBeGreaterThan(0);

    const header = await rangeValues('Summary', 'D4:G4');
    expect(header).toEqual([['Median of Revenue', 'P90 of Revenue', 'Distinct Count of Customer', 'Revenue per unit']]);
    written = await checkBlock(table.headers, table.rows);

    // The grid shows them with the measure's format: the pivot's currency for median/p90, whole numbers for counts.
    const gridText = (row: number, col: number) => page.locator(`[data-testid="sheet-grid"] [data-row="${row}"][data-col="${col}"]`).textContent();
    expect(await gridText(3, 3)).toBe('Median of Revenue');
    expect(await gridText(24, 5)).toBe(String(written[20][2]));
    expect(await gridText(24, 3)).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(await gridText(24, 6)).toBe((written[20][3] as number).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

    await screenshot(page, 'extend-pivot');
    const violations = await axeViolations(page, '[data-testid="task-pane"]');
    expect(violations).toEqual([]);
  });

  it('survives save and reopen: the pane still lists the extension and Refresh works', async () => {
    await page.evaluate(() => { window.__pivotdeck!.saveAndReopen(); });
    await openExtendSection();
    const item = pane().getByRole('listitem').filter({ hasText: 'SalesPivot' }).filter({ hasText: 'Revenue per unit' });
    await item.waitFor();
    await item.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 60_000 }).toMatch(/Refreshed .*Checked against Excel: 21 rows, 2 value fields match\./);
    expect(await rangeValues('Summary', 'D5:G25')).toEqual(written);
  });

  it('refuses a stale pivot on Refresh with a clear message and keeps the old values', async () => {
    // Change one order's revenue in the source without refreshing the pivot.
    await page.evaluate(async () => {
      const sim = window.__pivotdeck!.sim;
      await sim.run(async (ctx) => {
        const cell = ctx.workbook.tables.getItem('Sales').getDataBodyRange().getCell(0, 9);
        cell.load('values');
        await ctx.sync();
        cell.values = [[(cell.values[0][0] as number) + 1000]];
        await ctx.sync();
      });
    });
    const item = pane().getByRole('listitem').filter({ hasText: 'SalesPivot' }).filter({ hasText: 'Revenue per unit' });
    await item.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 60_000 }).toMatch(/Not refreshed .*Nothing was written: on 3 rows .*refresh it/);
    expect(await rangeValues('Summary', 'D5:G25')).toEqual(written);
    await screenshot(page, 'extend-pivot-stale');
    expect(h.errors).toEqual([]);
  });
});
