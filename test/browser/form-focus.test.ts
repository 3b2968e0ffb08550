/**
 * Issue 16 parts 1, 2 and 8 in the workbench: focus moves into every inline form that opens and
 * back to what opened it when it closes (the warehouse connect form, the filter form, a saved
 * query's rename, the New-dashboard wizard, a web source's preview), each form fits 320, 350 and
 * 400 px with axe clean in light and dark (screenshots
 * test-output/screenshots/forms-<state>-<width|dark>.png), and the query builder
 * keeps one current status: refreshing a saved query replaces the builder's "Written" message;
 * an unselected radio option is not greyed like a disabled one.
 * The web data and the refused warehouse come from real servers on 127.0.0.1.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/http-server';
import { axeViolations, startHarness, type Harness } from './harness';
import { measurePane, openPaneSection, setDarkTheme, setPaneWidth, shootPane } from './pane-view';

let h: Harness;
let page: Page;
let server: TestServer;
/** A port on 127.0.0.1 that was free a moment ago: nothing listens, the connection is refused. */
let closedPort: number;

const WIDTHS = [320, 350, 400] as const;
const STEP = 180_000;
// Long, non-ASCII and without a break for a while: the rename form must still fit.
const QUERY_NAME = 'Umsätze_je_Region_und_Quartal — Revenue by Region';
const CSV = 'Region,Amount\nNörth,10\nSüd,-0\nØst,2.5\n';

const pane = () => page.getByTestId('task-pane');
const header = (name: string) => pane().getByRole('button', { name, exact: true });
const region = (name: string) => pane().getByRole('region', { name, exact: true });

/** The focused element's tag, role and accessible name (aria-label, or its label's text). */
function focused(): Promise<{ tag: string; role: string | null; name: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labelledBy = el?.getAttribute('aria-labelledby');
    const byLabel = el && 'labels' in el ? (el as HTMLInputElement).labels?.[0]?.textContent : undefined;
    const name = el?.getAttribute('aria-label')
      ?? (labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim() : undefined)
      ?? byLabel ?? el?.textContent?.trim() ?? null;
    return { tag: el?.tagName.toLowerCase() ?? '', role: el?.getAttribute('role') ?? null, name };
  });
}

const openSection = (name: string) => openPaneSection(page, name);
const setDark = (dark: boolean) => setDarkTheme(page, dark);

/** At each width: no sideways scroll, no form or group wider than itself; a screenshot each; axe at 350 px. */
async function fits(state: string, show: () => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await setPaneWidth(page, width);
    await show();
    const w = await measurePane(page);
    await shootPane(page, `forms-${state}-${width}`);
    expect(w.scroll, `${state} at ${width} px`).toBeLessThanOrEqual(w.client);
    expect(w.overflowing, `${state} at ${width} px`).toEqual([]);
  }
  await setPaneWidth(page, 350);
  expect(await axeViolations(page, '[data-testid="task-pane"]'), `${state}, light`).toEqual([]);
  await setDark(true);
  try {
    await show();
    expect(await axeViolations(page, '[data-testid="task-pane"]'), `${state}, dark`).toEqual([]);
    await shootPane(page, `forms-${state}-dark`);
  } finally {
    await setDark(false);
  }
}

beforeAll(async () => {
  server = await startTestServer();
  server.setResource('orders.csv', CSV, 'text/csv; charset=utf-8');
  closedPort = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
  h = await startHarness({ viewport: { width: 1400, height: 1000 } });
  page = await h.open('workbench.html');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('focus follows inline forms, and each fits the pane', () => {
  it('the warehouse connect form: focus to the address, a refused connection fits, Close goes back', async () => {
    await openSection('Build a query');
    const query = region('Build a query');
    await query.getByRole('button', { name: 'Connect to a warehouse…' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'input', name: expect.stringContaining('Warehouse address') });
    const form = query.getByRole('form', { name: 'Connect to a warehouse' });
    // A port nobody listens on: the connection is refused, in PivotDeck's words.
    await form.getByLabel('Warehouse address').fill(`http://127.0.0.1:${closedPort}/`);
    await form.getByLabel('Table or saved view').fill('verkäufe_2025');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const failed = form.getByText('Could not connect');
    await failed.waitFor({ timeout: 60_000 });
    await fits('warehouse-refused', () => failed.scrollIntoViewIfNeeded());
    await form.getByRole('button', { name: 'Close' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'button', name: 'Connect to a warehouse…' });
  }, STEP);

  it('a saved query: its rename form takes focus and gives it back; a refresh replaces "Written"', async () => {
    const query = region('Build a query');
    await query.getByRole('combobox', { name: '1. Source table' }).click();
    await page.getByRole('option', { name: /^Sales \(20,000 rows/ }).click();
    await query.getByRole('list', { name: 'Fields of the source' }).waitFor();

    // The filter form: focus to its first choice, a long list of values fits, Cancel goes back.
    const addFilter = query.getByRole('button', { name: 'Add a filter…' });
    await addFilter.click();
    const filter = query.getByRole('group', { name: 'Add a filter' });
    await expect.poll(focused).toMatchObject({ tag: 'select', name: expect.stringContaining('Field') });
    // A new filter starts on the first text field (Region), not on Date, the source's first column.
    expect(await filter.locator('select').first().inputValue()).toBe('Region');
    await filter.getByLabel('Keep rows where it').selectOption('in');
    await filter.getByLabel('Values, separated by commas').fill('Nörth-Ost-Niederlassung_Großkunden, Süd, Øst, “West”, @SUM(1), -0');
    await fits('filter-form', () => filter.scrollIntoViewIfNeeded());
    await filter.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'button', name: 'Add a filter…' });

    await query.getByRole('button', { name: 'Add Region to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Rows' }).click();
    await query.getByRole('button', { name: 'Add Revenue to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Values…' }).click();
    await query.getByRole('button', { name: 'Add to Values' }).click();
    await query.getByLabel('Query name').fill(QUERY_NAME);
    await query.getByRole('button', { name: 'Insert into Excel' }).click();
    const written = query.getByText(/^Written: /);
    await written.waitFor({ timeout: 60_000 });
    // An option the user can choose does not look disabled: its label has the selected one's colour.
    const labelColour = (name: string) => query.getByRole('radio', { name }).evaluate((r) => getComputedStyle(r.parentElement!.querySelector('label')!).color);
    expect(await labelColour('Table (one row per group)')).toBe(await labelColour('Pivot-style grid'));

    const rename = query.getByRole('button', { name: `Rename ${QUERY_NAME}` });
    await rename.click();
    await expect.poll(focused).toMatchObject({ tag: 'input', name: expect.stringContaining('New name') });
    const box = query.getByLabel('New name');
    await fits('rename-query', () => box.scrollIntoViewIfNeeded());
    await box.press('Escape');
    await expect.poll(focused).toMatchObject({ tag: 'button', name: `Rename ${QUERY_NAME}` });

    // One current status: the list's newer action replaces the builder's older message.
    expect(await written.count()).toBe(1);
    await query.getByRole('button', { name: `Refresh ${QUERY_NAME}` }).click();
    await expect.poll(() => written.count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => query.getByRole('button', { name: `Refresh ${QUERY_NAME}` }).isEnabled(), { timeout: 60_000 }).toBe(true);
    // A saved rename gives focus back to the (renamed) query's Rename button, not to the page.
    await query.getByRole('button', { name: `Rename ${QUERY_NAME}` }).click();
    await query.getByLabel('New name').fill(`${QUERY_NAME} (2)`);
    await query.getByLabel('New name').press('Enter');
    await expect.poll(focused, { timeout: 30_000 }).toMatchObject({ tag: 'button', name: `Rename ${QUERY_NAME} (2)` });
    await header('Build a query').click();
  }, STEP);

  it('the New-dashboard wizard takes focus, keeps it with the tiles, and gives it back to "New dashboard" on Cancel', async () => {
    await openSection('Dashboards');
    const boards = region('Dashboards');
    await boards.getByRole('button', { name: 'New dashboard' }).click();
    await expect.poll(focused).toMatchObject({ role: 'combobox', name: expect.stringContaining('1. Data to show') });
    await boards.getByRole('combobox', { name: '1. Data to show' }).click();
    await page.getByRole('option', { name: /^Sales \(/ }).click();
    await boards.getByRole('list', { name: 'Dashboard templates' }).waitFor({ timeout: 60_000 });
    await boards.getByRole('button', { name: 'Use this: Sales overview' }).click();
    const tiles = boards.getByRole('list', { name: 'Tiles of the dashboard' });
    await tiles.waitFor();
    // Removing a tile takes its button away: focus goes to the title of the tile now in its place.
    const count = await tiles.getByRole('listitem').count();
    const second = await tiles.getByRole('listitem').nth(1).getAttribute('aria-label');
    await tiles.getByRole('listitem').first().getByRole('button', { name: /^Remove / }).click();
    await expect.poll(() => tiles.getByRole('listitem').count()).toBe(count - 1);
    expect(await tiles.getByRole('listitem').first().getAttribute('aria-label')).toBe(second);
    await expect.poll(focused).toMatchObject({ tag: 'input', name: 'Title of tile 1' });
    // An added tile's title takes focus: it says what was added and is the first thing to change.
    await boards.getByRole('button', { name: 'Add a key figure' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'input', name: `Title of tile ${count}` });
    await boards.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'button', name: 'New dashboard' });
    await header('Dashboards').click();
  }, STEP);

  it('a web source: Preview moves focus to the rows, Back returns it to the address', async () => {
    await openSection('Data from the web');
    const web = region('Data from the web');
    const address = web.getByLabel('Web address (URL)');
    await address.fill(server.url('/mutable/orders.csv'));
    await web.getByRole('button', { name: 'Preview' }).click();
    await web.getByRole('button', { name: 'Load to table' }).waitFor({ timeout: 60_000 });
    await expect.poll(focused).toMatchObject({ role: 'region', name: expect.stringMatching(/^First 3 rows of /) });
    await web.getByRole('button', { name: 'Back' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'input', name: expect.stringContaining('Web address (URL)') });
    // The refused warehouse's requests are expected failures; any other error counts.
    const refused = `127.0.0.1:${closedPort}`;
    expect(h.errors.filter((e) => !/non-boolean attribute .*inert/s.test(e) && !e.includes(refused) && !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  }, STEP);
});
