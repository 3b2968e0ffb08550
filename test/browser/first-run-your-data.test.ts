/**
 * Issue 20 parts 2 and 3 in the workbench at Excel's pane width (360 px): a blank workbook shows
 * one sentence and "Try it on sample data"; the button adds the sample sheet, table and
 * PivotTable and opens "Extend a PivotTable". Then "Your data" lists a sign-in saved earlier in
 * the pane's own storage (the page's IndexedDB, as in Excel on the web without
 * OfficeRuntime.storage) and a remembered consent answer, and Remove deletes each from IndexedDB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, REPO_ROOT, screenshot, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;

const SALES = JSON.parse(readFileSync(join(REPO_ROOT, 'assets/sample-data/sales.json'), 'utf8')) as { columns: string[]; rows: unknown[][] };
/** Distinct regions of the sample, counted here with a plain loop. */
const REGIONS = (() => {
  const at = SALES.columns.indexOf('Region');
  const seen = new Set<unknown>();
  for (const row of SALES.rows) seen.add(row[at]);
  return seen.size;
})();

const CREDENTIAL_KEY = 'pivotdeck.credential\u0000https://api.example.com\u0000bearer';
const OTHER_KEY = 'pivotdeck.credential\u0000https://data.exämple.org\u0000basic'.replace('exämple', 'xn--exmple-cua');

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 900 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

/** Reads or writes the pane's IndexedDB the way idb-keyval lays it out (one object store per database). */
function idb(db: string, store: string, action: 'put' | 'keys', entries: Array<[string, string]> = []): Promise<string[]> {
  return page.evaluate(([db, store, action, entries]) => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open(db);
    open.onupgradeneeded = () => open.result.createObjectStore(store);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(store, action === 'put' ? 'readwrite' : 'readonly');
      const os = tx.objectStore(store);
      if (action === 'put') {
        for (const [k, v] of entries) os.put(v, k);
        tx.oncomplete = () => { open.result.close(); resolve([]); };
      } else {
        const req = os.getAllKeys();
        req.onsuccess = () => { open.result.close(); resolve(req.result.map(String)); };
      }
      tx.onerror = () => reject(tx.error);
    };
  }), [db, store, action, entries] as const);
}

describe('first run and "Your data"', () => {
  it('offers the sample in a blank workbook, inserts it, and opens "Extend a PivotTable"', async () => {
    await page.evaluate(() => {
      window.__pivotdeck!.open({ sheets: [{ name: 'Sheet1', cells: {} }], tables: [], pivots: [], names: [], settings: {} });
    });
    const pane = page.getByTestId('task-pane');
    const tryIt = pane.getByRole('button', { name: 'Try it on sample data' });
    await tryIt.waitFor({ timeout: 60_000 });
    expect(await pane.getByText(/PivotDeck adds calculated measures/).count()).toBe(1);
    expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
    await screenshot(page, 'first-run-blank');

    await tryIt.click();
    await page.getByRole('grid', { name: 'Sheet PivotDeck sample' }).waitFor({ timeout: 60_000 });
    const model = await page.evaluate(() => window.__pivotdeck!.sim.toModel());
    expect(model.tables.map((t: { name: string }) => t.name)).toEqual(['SampleSales']);
    expect(model.pivots.map((p: { name: string }) => p.name)).toEqual(['SamplePivot']);
    // The lists now show the sample, so the first-run card is gone; Extend is open.
    await expect.poll(() => tryIt.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => pane.getByRole('button', { name: /^PivotTables \(1\)/ }).count(), { timeout: 30_000 }).toBe(1);
    expect(await pane.getByRole('button', { name: 'Extend a PivotTable' }).getAttribute('aria-expanded')).toBe('true');
    // The PivotTable on the sheet: its header at J1, one row per region, then the grand total.
    const cell = (address: string) => page.evaluate((a) => window.__pivotdeck!.cellDisplay('PivotDeck sample', a).text, address);
    expect(await cell('J1')).toBe('Row Labels');
    expect(await cell(`J${REGIONS + 2}`)).toBe('Grand Total');
    await screenshot(page, 'first-run-sample-inserted');
  });

  it('lists a saved sign-in and a consent answer, and Remove deletes them from IndexedDB', async () => {
    await idb('pivotdeck-credentials', 'secrets', 'put', [[CREDENTIAL_KEY, 'tok-secret'], [OTHER_KEY, 'ann:pw']]);
    await idb('pivotdeck-consent', 'values', 'put', [['pivotdeck.consent\u0000wb-emailed', JSON.stringify({ origins: ['https://api.example.com'], updatedAt: '2026-03-01T10:00:00.000Z' })]]);
    const pane = page.getByTestId('task-pane');
    await pane.getByRole('button', { name: 'Your data' }).click();
    const signIns = pane.getByRole('list', { name: 'Saved sign-ins' });
    await signIns.waitFor({ timeout: 60_000 });
    expect((await signIns.getByRole('listitem').allTextContents()).map((t) => t.replace(/Remove$/, ''))).toEqual([
      // Written straight into IndexedDB, as an earlier version did: no saved time.
      'https://api.example.comaccess token, saved before PivotDeck recorded dates',
      'https://data.xn--exmple-cua.orguser name and password, saved before PivotDeck recorded dates',
    ]);
    // The secret itself is never shown.
    expect(await pane.getByText(/tok-secret|ann:pw/).count()).toBe(0);
    await pane.getByRole('list', { name: 'Remembered answers' }).getByText('https://api.example.com').scrollIntoViewIfNeeded();
    await screenshot(page, 'your-data');
    expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
    expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

    await pane.getByRole('button', { name: 'Remove the sign-in for https://api.example.com' }).click();
    await expect.poll(() => signIns.getByRole('listitem').count()).toBe(1);
    expect(await idb('pivotdeck-credentials', 'secrets', 'keys')).toEqual([OTHER_KEY]);

    await pane.getByRole('button', { name: /^Remove the answer for/ }).click();
    await pane.getByText('No answers are remembered.').waitFor();
    expect(await idb('pivotdeck-consent', 'values', 'keys')).toEqual([]);

    await pane.getByRole('button', { name: 'Remove all sign-ins' }).click();
    await pane.getByText('No sign-ins are saved.').waitFor();
    expect(await idb('pivotdeck-credentials', 'secrets', 'keys')).toEqual([]);
    await screenshot(page, 'your-data-removed');
    expect(h.errors).toEqual([]);
  });
});
