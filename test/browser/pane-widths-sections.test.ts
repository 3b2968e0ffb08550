/**
 * Issue 16 parts 1, 4, 7 and 8 in the workbench: every section and state of the pane outside the
 * query builder and the dashboard tile editor (other files cover those) fits 320, 350 and 400 px
 * without sideways scrolling, passes axe in the light and the dark Office theme, and is saved as
 * a screenshot per width (test-output/screenshots/sections-<state>-<width>.png, the dark theme as
 * sections-<state>-dark.png) to be looked at. States: the first view (blank workbook with the
 * sample offer, and the sample workbook), the start buttons moving focus into their section, a
 * table preview, Extend a PivotTable, web sources (our own address error on blur, an HTML page
 * refused by name, a secret in the address, a loaded source with a long non-ASCII name and its
 * editing form with focus in and back, one current message), Dashboards, Your data, and the consent bar.
 * The web data comes from a real HTTP server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/http-server';
import { axeViolations, startHarness, type Harness } from './harness';
import { measurePane, openPaneSection, setDarkTheme, setPaneWidth, shootPane } from './pane-view';

let h: Harness;
let page: Page;
let server: TestServer;

const WIDTHS = [320, 350, 400] as const;
// Each state is measured at three widths and checked by axe twice: slower than one click.
const STEP = 180_000;
// Long on purpose: non-ASCII, no break opportunity for a while, longer than the pane is wide.
const LONG_SOURCE = 'Umsätze_der_Niederlassungen_Süd-Ost — Auftragseingänge je Kalenderwoche 2025';
const ROWS: Array<[string, number]> = [['Nörth', 10], ['Süd', -0], ['Øst', 2.5], ['@SUM(1)', 7], ['Nörth', Infinity]];
const CSV = `Region,Amount\n${ROWS.map(([r, a]) => `${r},${a}`).join('\n')}\n`;

const pane = () => page.getByTestId('task-pane');
const header = (name: string) => pane().getByRole('button', { name, exact: true });
const region = (name: string) => pane().getByRole('region', { name, exact: true });

const setWidth = (width: number) => setPaneWidth(page, width);

const shoot = (name: string) => shootPane(page, name);

/**
 * The state on screen at every width (no sideways scroll, no form wider than itself, a
 * screenshot each), then axe in light and dark at 350 px with a dark screenshot.
 */
async function checkState(state: string, focus?: () => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await setWidth(width);
    await focus?.();
    const w = await measurePane(page);
    await shoot(`sections-${state}-${width}`);
    expect(w.scroll, `${state} at ${width} px`).toBeLessThanOrEqual(w.client);
    expect(w.overflowing, `${state} at ${width} px`).toEqual([]);
    expect(w.cut, `${state} at ${width} px: text cut off`).toEqual([]);
  }
  await setWidth(350);
  expect(await axeViolations(page, '[data-testid="task-pane"]'), `${state}, light`).toEqual([]);
  await setDark(true);
  try {
    await focus?.();
    expect(await axeViolations(page, '[data-testid="task-pane"]'), `${state}, dark`).toEqual([]);
    await shoot(`sections-${state}-dark`);
  } finally {
    // Back to light even when dark failed, so the next state starts where it expects.
    await setDark(false);
  }
}

const setDark = (dark: boolean) => setDarkTheme(page, dark);

/** The element that has focus: its role and accessible label, read in the page. */
function focused(): Promise<{ role: string | null; label: string | null }> {
  return page.evaluate(() => ({ role: document.activeElement?.getAttribute('role') ?? null, label: document.activeElement?.getAttribute('aria-label') ?? null }));
}

const openSection = (name: string) => openPaneSection(page, name);

beforeAll(async () => {
  server = await startTestServer();
  server.setResource('orders.csv', CSV, 'text/csv; charset=utf-8');
  server.setResource('orders-page.csv', '<!DOCTYPE html><html><head><title>Anmelden – Microsoft SharePoint Online für Niederlassungen</title></head><body></body></html>', 'text/html; charset=utf-8');
  h = await startHarness({ viewport: { width: 1400, height: 1000 } });
  page = await h.open('workbench.html');
  // Fluent shortens its colour transitions under reduced motion: axe then reads the colours a
  // theme switch ends on, not one from halfway through the fade.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('every section of the pane at 320, 350 and 400 px, light and dark', () => {
  it('the first view says what PivotDeck does, offers three ways to start, and the header button says what it does', async () => {
    const start = pane().getByRole('list', { name: 'Ways to start' });
    await start.waitFor({ timeout: 60_000 });
    expect(await start.getByRole('button').allTextContents()).toEqual([
      'New measures for a PivotTable', 'Bring in web or warehouse data', 'Build a dashboard',
    ]);
    expect(await pane().getByText(/^PivotDeck adds calculated measures/).count()).toBe(1);
    // The sample workbook has tables and a PivotTable: no sample offer.
    expect(await pane().getByRole('button', { name: 'Try it on sample data' }).count()).toBe(0);
    expect(await pane().getByRole('button', { name: 'Reload lists' }).count()).toBe(1);
    await checkState('first-view');
  }, STEP);

  it('a blank workbook adds the sample offer to the first view', async () => {
    await page.evaluate(() => {
      window.__pivotdeck!.open({ sheets: [{ name: 'Sheet1', cells: {} }], tables: [], pivots: [], names: [], settings: {} });
    });
    await pane().getByRole('button', { name: 'Try it on sample data' }).waitFor({ timeout: 60_000 });
    await checkState('first-view-blank');
    await page.getByRole('button', { name: 'Reset sample' }).click();
    await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
    await pane().getByRole('button', { name: 'Try it on sample data' }).waitFor({ state: 'detached', timeout: 60_000 });
  }, STEP);

  it('each start button opens its section and moves focus into it, and each section links to its help', async () => {
    const cases: Array<[string, string, string]> = [
      ['Build a dashboard', 'Dashboards', 'help-dashboards'],
      ['Bring in web or warehouse data', 'Data from the web', 'help-web'],
      ['New measures for a PivotTable', 'Extend a PivotTable', 'help-extend'],
    ];
    for (const [button, section, anchor] of cases) {
      await pane().getByRole('list', { name: 'Ways to start' }).getByRole('button', { name: button, exact: true }).click();
      // Described by its hint, for a screen reader.
      expect(await pane().getByRole('button', { name: button, exact: true }).getAttribute('aria-describedby')).toMatch(/^pd-start-/);
      await expect.poll(() => header(section).getAttribute('aria-expanded')).toBe('true');
      await expect.poll(focused).toEqual({ role: 'region', label: section });
      const help = region(section).getByRole('link', { name: new RegExp(`^Help: ${section}`) });
      const href = await help.getAttribute('href');
      expect(href).toBe(`${h.url}/support.html#${anchor}`);
      // The page is served beside the pane and has the anchor.
      const served = await page.request.get(href!);
      expect(served.status()).toBe(200);
      expect(await served.text()).toContain(`id="${anchor}"`);
      // Fold it again so the next case opens it from closed.
      await header(section).click();
    }
  }, STEP);

  it('Tables with a preview, and PivotTables', async () => {
    await openSection('Tables (1)');
    await openSection('PivotTables (1)');
    await pane().getByRole('list', { name: 'Tables in this workbook' }).getByRole('button', { name: /^Sales / }).click();
    await pane().getByRole('table', { name: 'First rows of Sales' }).waitFor({ timeout: 30_000 });
    await checkState('tables-preview', () => pane().getByRole('table', { name: 'First rows of Sales' }).scrollIntoViewIfNeeded());
  }, STEP);

  it('Extend a PivotTable', async () => {
    await openSection('Extend a PivotTable');
    const extend = region('Extend a PivotTable');
    // The panel has loaded when it shows anything but the spinner.
    await expect.poll(async () => (await extend.textContent())?.replace('Help: Extend a PivotTable', '').trim().length ?? 0, { timeout: 60_000 }).toBeGreaterThan(10);
    await checkState('extend', () => extend.scrollIntoViewIfNeeded());
    await header('Extend a PivotTable').click();
  }, STEP);

  it('web sources: our own address message on blur, an HTML page refused by name, a secret in the address', async () => {
    await openSection('Data from the web');
    const web = region('Data from the web');
    const address = web.getByLabel('Web address (URL)');
    await address.waitFor({ timeout: 30_000 });
    expect(await web.getByRole('heading', { name: 'New web source' }).count()).toBe(1);
    // No browser bubble: a text box in a form that does not validate natively.
    expect(await address.getAttribute('type')).toBe('text');
    expect(await web.getByRole('form', { name: 'Get data from the web' }).evaluate((f) => (f as HTMLFormElement).noValidate)).toBe(true);

    await address.fill('daten.example.com/umsätze.csv');
    // Typing says nothing; leaving the box does.
    expect(await web.getByText(/not a full web address/).count()).toBe(0);
    await address.blur();
    await web.getByText('This is not a full web address. Add https:// in front: https://daten.example.com/umsätze.csv, or copy the address from your browser\'s address bar.').waitFor();
    await checkState('web-address-error', () => address.scrollIntoViewIfNeeded());

    // An HTML page where CSV was expected: refused with the page's title, nothing to load.
    await address.fill(server.url('/mutable/orders-page.csv'));
    await web.getByRole('button', { name: 'Preview' }).click();
    const refused = web.getByText(/The address returned a web page \(HTML\) titled "Anmelden – Microsoft SharePoint Online für Niederlassungen" \(Content-Type: text\/html\), not CSV\./);
    await refused.waitFor({ timeout: 30_000 });
    expect(await web.getByRole('button', { name: 'Load to table' }).count()).toBe(0);
    await checkState('web-html-refused', () => refused.scrollIntoViewIfNeeded());

    // A key in the address: the warning replaces the older error (one current message).
    await address.fill(`${server.url('/mutable/orders.csv')}?api_key=geheim-Schlüssel-0123456789abcdef`);
    await web.getByRole('button', { name: 'Preview' }).click();
    const secret = web.getByText('The address holds a secret');
    await secret.waitFor();
    expect(await refused.count()).toBe(0);
    await checkState('web-secret-in-address', () => secret.scrollIntoViewIfNeeded());
    await web.getByRole('button', { name: 'Edit the address' }).click();
    expect(await secret.count()).toBe(0);
  }, STEP);

  it('web sources: a loaded source with a long non-ASCII name, its message, and editing it', async () => {
    const web = region('Data from the web');
    const address = web.getByLabel('Web address (URL)');
    await address.fill(server.url('/mutable/orders.csv'));
    await web.getByLabel('Source name', { exact: true }).fill(LONG_SOURCE);
    // An ASCII table name on purpose: the simulator refuses table names with letters such as "ä"
    // (src/simulator/state/workbook.ts allows A-Z only) although PivotDeck's own check and Excel
    // accept them, so the default name made from this label fails to land. Reported, not hidden:
    // the label itself stays non-ASCII and long.
    await web.getByLabel('Excel table name').fill('Orders_by_region');
    await web.getByRole('button', { name: 'Preview' }).click();
    await web.getByRole('button', { name: 'Load to table' }).waitFor({ timeout: 30_000 });
    // Previewed but not saved: still a new source.
    expect(await web.getByRole('heading', { name: 'New web source' }).count()).toBe(1);
    await checkState('web-preview', () => web.getByRole('button', { name: 'Load to table' }).scrollIntoViewIfNeeded());
    await web.getByRole('button', { name: 'Load to table' }).click();
    const item = web.getByRole('listitem', { name: LONG_SOURCE });
    await expect.poll(() => item.textContent(), { timeout: 60_000 }).toContain(`Loaded ${ROWS.length} rows`);
    await checkState('web-source-loaded', () => item.scrollIntoViewIfNeeded());

    // The Tables preview of the landed table follows a refresh of its source (issue 16 part 8).
    await pane().getByRole('button', { name: 'Reload lists' }).click();
    const landed = pane().getByRole('list', { name: 'Tables in this workbook' }).getByRole('button', { name: /^Orders_by_region / });
    await landed.click();
    const preview = pane().getByRole('table', { name: 'First rows of Orders_by_region' });
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toContain('Øst');
    server.setResource('orders.csv', CSV.replace('Øst,2.5', 'Westfalen,2.5'), 'text/csv; charset=utf-8');
    await item.getByRole('button', { name: `Refresh ${LONG_SOURCE}` }).click();
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toContain('Westfalen');
    expect(await preview.textContent()).not.toContain('Øst');
    await landed.click();

    // Remove asks first, in place: that confirmation must fit too.
    await item.getByRole('button', { name: `Remove ${LONG_SOURCE}` }).click();
    const confirm = item.getByRole('group', { name: `Remove ${LONG_SOURCE}?` });
    await confirm.waitFor();
    await checkState('web-remove-confirm', () => confirm.scrollIntoViewIfNeeded());
    await confirm.getByRole('button', { name: 'Keep' }).click();

    await item.getByRole('button', { name: `Edit ${LONG_SOURCE}` }).click();
    const editing = web.getByRole('heading', { name: `Edit web source: ${LONG_SOURCE}` });
    await editing.waitFor();
    // Focus moves into the form (its address) and back to Edit when editing is cancelled (part 2).
    await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkState('web-source-editing', () => editing.scrollIntoViewIfNeeded());
    await web.getByRole('button', { name: 'Cancel editing' }).click();
    await web.getByRole('heading', { name: 'New web source' }).waitFor();
    await expect.poll(focused).toEqual({ role: null, label: `Edit ${LONG_SOURCE}` });

    // A warehouse is connected in the query builder: the link there opens it and moves focus in.
    await web.getByRole('button', { name: 'Connect it in the query builder' }).click();
    await expect.poll(focused).toEqual({ role: 'region', label: 'Build a query' });
    await header('Build a query').click();
  }, STEP);

  it('Dashboards and Your data', async () => {
    await header('Data from the web').click();
    await openSection('Dashboards');
    const boards = region('Dashboards');
    await boards.getByRole('button', { name: 'New dashboard' }).waitFor({ timeout: 60_000 });
    await checkState('dashboards', () => boards.scrollIntoViewIfNeeded());
    await header('Dashboards').click();

    await openSection('Your data');
    const yours = region('Your data');
    await yours.locator('#your-data-consent').waitFor({ timeout: 60_000 });
    await checkState('your-data', () => yours.scrollIntoViewIfNeeded());
    await header('Your data').click();
  }, STEP);

  it('the consent bar of a workbook that names a web address', async () => {
    const doc = {
      schemaVersion: 2,
      workbookId: 'wb-emailed-widths',
      extensions: [], queries: [],
      sources: [{ id: 'feed', label: LONG_SOURCE, kind: 'csv', url: server.url('/mutable/orders.csv'), options: { keepOutOfSheet: true } }],
      dashboards: [{
        id: 'board', label: 'Board', sheet: 'Board', refreshOnOpen: true,
        tiles: [{
          version: 1, kind: 'kpi', id: 'amount', title: 'Total Amount', at: { row: 0, col: 0, rows: 3, cols: 2 },
          source: { kind: 'source', id: 'feed' }, measure: { id: 'amount', label: 'Amount', kind: 'sum', field: 'Amount' }, numberFormat: '0.##',
        }],
      }],
    };
    await page.evaluate((text) => {
      const api = window.__pivotdeck!;
      const model = api.sim.toModel();
      model.settings['PivotDeck.document'] = text;
      model.sheets.push({ name: 'Board', cells: {} });
      api.open(model);
    }, JSON.stringify(doc));
    const bar = pane().getByText('This workbook wants to contact a web address');
    await bar.waitFor({ timeout: 60_000 });
    await checkState('consent-bar', () => bar.scrollIntoViewIfNeeded());
    // React 18 warns that Fluent's panel motion passes inert={true} while a section folds
    // (a library quirk: React 18 drops the attribute, and the folding panel goes anyway); every
    // other console error counts.
    expect(h.errors.filter((e) => !/non-boolean attribute .*inert/s.test(e))).toEqual([]);
  }, STEP);
});
