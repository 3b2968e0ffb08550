/**
 * The query builder works like Excel's PivotTable Fields pane (issue 16 part 2): a query built by
 * checkboxes (with search), a field dragged from Rows to Columns by pointer, values reordered by
 * keyboard (Space, arrow, Space) with plain-words announcements, Value Field Settings changing
 * summarize-by and number format, and focus moving into every form or dialog and back. At 320
 * and 400 px: no sideways scrolling, axe clean (light and, for the areas, dark); screenshots go to test-output/screenshots/fields-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, startHarness, type Harness } from './harness';
import { focusedLabel, nextFrames, paneColumn, setPaneWidth, shootPane } from './pane-view';

let h: Harness;
let page: Page;

const pane = () => page.getByTestId('task-pane');
const area = (name: string) => pane().getByRole('region', { name, exact: true });
const chips = async (name: string) => (await area(name).getByRole('listitem').allTextContents()).map((t) => t.trim());
const fieldBox = (name: string | RegExp) => pane().getByRole('list', { name: 'Fields of the source' }).getByRole('checkbox', { name });
const focused = () => focusedLabel(page);
const frames = () => nextFrames(page);

const setWidth = (width: number) => setPaneWidth(page, width);

const shoot = (name: string, target?: Locator) => shootPane(page, name, target);

/** The pane fits at each width, axe finds nothing serious, and a screenshot is saved. */
async function checkWidths(name: string, shotOf: () => Locator = () => paneColumn(page)): Promise<void> {
  for (const width of [320, 400]) {
    const w = await setWidth(width);
    await shoot(`fields-${name}-${width}`, shotOf());
    expect(w.scroll, `${name} at ${width} px`).toBeLessThanOrEqual(w.client);
    expect(await axeViolations(page, '[data-testid="task-pane"]'), `${name} at ${width} px`).toEqual([]);
  }
}

/**
 * A dialog at a task pane's widths: in Excel the pane is its own window, so the viewport is set
 * to the pane's width while the dialog is measured (the workbench page is wider).
 */
async function checkDialogWidths(name: string, dialog: Locator): Promise<void> {
  const before = page.viewportSize()!;
  try {
    for (const width of [320, 400]) {
      await page.setViewportSize({ width, height: 700 });
      await frames();
      const w = await dialog.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
      await shoot(`fields-${name}-${width}`, dialog);
      expect(w.scroll, `${name} at ${width} px`).toBeLessThanOrEqual(w.client);
      expect(w.right, `${name} at ${width} px`).toBeLessThanOrEqual(width);
      expect(await axeViolations(page, '[role="dialog"]'), `${name} at ${width} px`).toEqual([]);
    }
  } finally {
    await page.setViewportSize(before);
  }
}

/** dnd-kit's live region: what a screen reader hears after a drag. */
const announced = () => page.locator('[id^="DndLiveRegion"]').first().textContent();

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1400, height: 1000 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  const header = pane().getByRole('button', { name: 'Build a query' });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await pane().getByRole('combobox', { name: '1. Source table' }).click();
  await page.getByRole('option', { name: /^Sales \(20,000 rows/ }).click();
  await pane().getByRole('list', { name: 'Fields of the source' }).waitFor();
  await setWidth(320);
});

afterAll(async () => {
  await h?.close();
});

describe('the Fields pane of the query builder', () => {
  it('builds a query by checking fields, found by search: numbers go to Values as Sum, text to Rows', async () => {
    const search = pane().getByRole('searchbox', { name: 'Search fields' });
    await search.fill('REG');
    expect(await pane().getByRole('list', { name: 'Fields of the source' }).getByRole('listitem').count()).toBe(1);
    await fieldBox('Region').check();
    await search.fill('nothing like this');
    await pane().getByText('No field name contains “nothing like this”.').waitFor();
    await search.fill('');
    await fieldBox('Channel').check();
    await fieldBox('Revenue').check();
    await fieldBox('Units').check();
    expect(await chips('Rows')).toEqual(['Region', 'Channel']);
    expect(await chips('Values')).toEqual(['Sum of Revenue', 'Sum of Units']);
    // A checked field says where it is, in its name for screen readers too.
    expect(await fieldBox('Region, in Rows').isChecked()).toBe(true);
    await pane().getByRole('table', { name: 'First rows of the result' }).waitFor();
    await area('Values').scrollIntoViewIfNeeded();
    await checkWidths('checked');
    // And in Office's dark theme: colours from tokens only, so contrast holds there too.
    await page.getByRole('button', { name: 'Dark Office theme' }).click();
    await checkWidths('checked-dark');
    await page.getByRole('button', { name: 'Dark Office theme' }).click();
    await setWidth(320);
  });

  it('drags Region from Rows to Columns with the pointer', async () => {
    const handle = area('Rows').getByRole('button', { name: 'Move Region, Rows 1 of 2' });
    // The areas in the middle of the view, as a user drags them: near the window's edge dnd-kit
    // scrolls the pane under the pointer (its auto-scroll), and the drop would land elsewhere.
    await area('Rows').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const from = (await handle.boundingBox())!;
    const to = (await area('Columns').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // Several steps, as a hand moves: dnd-kit starts a drag after a few pixels.
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height - 8, { steps: 12 });
    await frames();
    await page.mouse.up();
    await expect.poll(() => chips('Columns')).toEqual(['Region']);
    expect(await chips('Rows')).toEqual(['Channel']);
    expect(await announced()).toBe('Region moved to Columns, position 1 of 1.');
    // The preview follows: the regions are now column headers.
    await expect.poll(async () => (await pane().getByRole('table', { name: 'First rows of the result' }).textContent()) ?? '').toContain('West');
  });

  it('reorders Values with the keyboard, and says so in plain words', async () => {
    const handle = area('Values').getByRole('button', { name: 'Move Sum of Units, Values 2 of 2' });
    await handle.focus();
    await page.keyboard.press('Space');
    await expect.poll(announced).toMatch(/^Picked up Sum of Units\. Use the arrow keys/);
    await page.keyboard.press('ArrowUp');
    // dnd-kit moves the lifted entry on its next frame; wait until it says where it is, not for a fixed number of frames.
    await expect.poll(announced).toMatch(/ is over /);
    await page.keyboard.press('Space');
    await expect.poll(() => chips('Values')).toEqual(['Sum of Units', 'Sum of Revenue']);
    expect(await announced()).toBe('Sum of Units moved to Values, position 1 of 2.');
    // Escape cancels a lifted entry: nothing moves.
    await area('Values').getByRole('button', { name: 'Move Sum of Units, Values 1 of 2' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(announced).toMatch(/^Picked up Sum of Units\./);
    await page.keyboard.press('ArrowDown');
    // dnd-kit moves the lifted entry on its next frame; wait until it says where it is, not for a fixed number of frames.
    await expect.poll(announced).toMatch(/ is over /);
    await page.keyboard.press('Escape');
    await expect.poll(announced).toBe('Cancelled. Sum of Units stays where it was.');
    expect(await chips('Values')).toEqual(['Sum of Units', 'Sum of Revenue']);

    // Between areas too: Channel from Rows to Values, beside it in Excel's two-by-two layout.
    await area('Rows').getByRole('button', { name: 'Move Channel, Rows 1 of 1' }).focus();
    await page.keyboard.press('Space');
    // As above: an arrow key pressed before dnd-kit has lifted the entry is lost.
    await expect.poll(announced).toMatch(/^Picked up Channel\./);
    await page.keyboard.press('ArrowRight');
    // dnd-kit moves the lifted entry on its next frame; wait until it says where it is, not for a fixed number of frames.
    await expect.poll(announced).toMatch(/ is over /);
    await page.keyboard.press('Space');
    await expect.poll(() => chips('Values')).toContain('Count of Channel');
    expect(await area('Rows').getByRole('listitem').count()).toBe(0);
    expect(await announced()).toMatch(/^Channel moved to Values, position \d of 3, as Count of Channel\.$/);
    // And back by pointer-free means: Remove, then check it again.
    await area('Values').getByRole('button', { name: 'Remove Count of Channel from Values' }).click();
    await fieldBox('Channel').check();
    expect(await chips('Rows')).toEqual(['Channel']);
    expect(await chips('Values')).toEqual(['Sum of Units', 'Sum of Revenue']);
  });

  it('opens Value Field Settings on a value, changes summarize-by and number format, and gives focus back', async () => {
    const value = area('Values').getByRole('button', { name: 'Sum of Revenue', exact: true });
    await value.click();
    const dialog = page.getByRole('dialog', { name: /^Value Field Settings/ });
    await dialog.waitFor();
    expect(await focused()).toBe('Summarize by');
    await dialog.getByLabel('Summarize by').selectOption('median');
    await dialog.getByLabel('Number format').selectOption('#,##0');
    expect(await dialog.getByLabel('Custom name').getAttribute('placeholder')).toBe('Median of Revenue');
    await checkDialogWidths('settings', dialog);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await chips('Values')).toEqual(['Sum of Units', 'Median of Revenue']);
    await expect.poll(focused).toBe('Median of Revenue');
    // The preview heads the column as Excel would and shows it with the chosen format.
    const preview = pane().getByRole('table', { name: 'First rows of the result' });
    await expect.poll(async () => (await preview.textContent()) ?? '').toContain('Median of Revenue');

    // Shown as % of Row Total, named as Excel names it.
    await area('Values').getByRole('button', { name: 'Median of Revenue', exact: true }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Summarize by').selectOption('sum');
    await dialog.getByLabel('Show as').selectOption('percentOfRowTotal');
    await dialog.getByLabel('Number format').selectOption('');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await chips('Values')).toEqual(['Sum of Units', '% of Row Total of Revenue']);

    // Cancel (Escape) changes nothing and gives focus back too.
    await area('Values').getByRole('button', { name: 'Sum of Units', exact: true }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('Sum of Units');
  });

  it('"To Values…" moves focus into its form, and Cancel back to the field\'s Add button', async () => {
    await pane().getByRole('button', { name: 'Add Quantity to the query' }).or(pane().getByRole('button', { name: 'Add Units to the query' })).first().click();
    await page.getByRole('menuitem', { name: 'To Values…' }).click();
    const form = pane().getByRole('group', { name: 'Add a value' });
    await form.waitFor();
    await expect.poll(focused).toBe('Summarize by');
    await checkWidths('add-value', () => form);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focused).toMatch(/^Add (Quantity|Units) to the query$/);
  });

  it('unchecking a field takes it out of every area', async () => {
    await fieldBox(/^Region, in Columns$/).uncheck();
    expect(await area('Columns').getByRole('listitem').count()).toBe(0);
    expect(await fieldBox('Region').isChecked()).toBe(false);
    await fieldBox(/^Revenue, in Values$/).uncheck();
    expect(await chips('Values')).toEqual(['Sum of Units']);
    // Each change supersedes the preview under way, whose worker is terminated, aborting any
    // script it was still loading (an engine chunk): Chromium reports that as ERR_ABORTED, as in
    // query-builder.test.ts. Nothing else may appear.
    expect(h.errors.filter((e) => !/\.js \(net::ERR_ABORTED\)$/.test(e))).toEqual([]);
  });
});
