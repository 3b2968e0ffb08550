/**
 * Names from DAX in the query builder's formula box (issue 16 part 6), in the built pane at
 * 350 px: DISTINCTCOUNTNOBLANK and COUNTROWS() are accepted, the box says once what each is read
 * as, no "use … instead" switch is offered, and the value is saved with PivotDeck's names (the
 * Value Field Settings dialog shows the saved formula, without the note). Screenshot to
 * test-output/screenshots/formula-aliases-350.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { setPaneWidth, shootPane } from './pane-view';

let h: Harness;
let page: Page;

const pane = () => page.getByTestId('task-pane');
const NOTE = 'DISTINCTCOUNTNOBLANK is read as COUNTDISTINCT. COUNTROWS() is read as COUNTA(1), which counts every row.';

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1400, height: 1000 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  await setPaneWidth(page, 350);
});

afterAll(async () => {
  await h?.close();
});

describe('DAX names in the query builder', () => {
  it('accepts them, says once what they are read as, and saves PivotDeck\'s names', async () => {
    const header = pane().getByRole('button', { name: 'Build a query' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await pane().getByRole('combobox', { name: '1. Source table' }).click();
    await page.getByRole('option', { name: /^Sales \(20,000 rows/ }).click();
    await pane().getByRole('list', { name: 'Fields of the source' }).waitFor();
    await pane().getByRole('button', { name: 'Add Region to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Rows' }).click();
    await pane().getByRole('button', { name: 'Add Revenue to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Values…' }).click();
    const form = pane().getByRole('group', { name: 'Add a value' });
    await form.waitFor();
    await form.getByLabel('Summarize by').selectOption('formula');
    const box = form.getByLabel('Formula');
    await box.fill('distinctcountnoblank([Customer]) / COUNTROWS()');
    await box.blur();
    await expect.poll(async () => (await form.textContent()) ?? '').toContain(NOTE);
    const text = (await form.textContent()) ?? '';
    expect(text).not.toContain('PivotDeck has no');
    expect(await form.getByRole('button', { name: /instead$/ }).count()).toBe(0);
    await form.scrollIntoViewIfNeeded();
    await shootPane(page, 'formula-aliases-350');

    await form.getByLabel('Column header').fill('Kunden je Zeile');
    await form.getByRole('button', { name: 'Add to Values' }).click();
    const values = pane().getByRole('region', { name: 'Values', exact: true });
    await values.getByRole('button', { name: 'Kunden je Zeile', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Value Field Settings/ });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Formula').inputValue()).toBe('COUNTDISTINCT([Customer]) / COUNTA(1)');
    // Saved with PivotDeck's names: the note is not shown again.
    expect((await dialog.textContent()) ?? '').not.toContain('is read as');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(h.errors.filter((e) => !/\.js \(net::ERR_ABORTED\)$/.test(e))).toEqual([]);
  });
});
