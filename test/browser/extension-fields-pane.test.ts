/**
 * Extensions get the Fields pane (issue 16 parts 2, 3 and 8), in the workbench: SalesPivot (Region >
 * Category) is extended through the checkbox list (found by search), its values are reordered by
 * keyboard (Space, arrow, Space) and by pointer, and Value Field Settings changes one value's
 * summary, number format and name. After every write the SHEET is read: the header cells, every
 * value against a plain-loop computation over the Sales table (no PivotDeck code), and the number
 * format. Focus moves into each dialog and back; the section shows one status at a time; at
 * 320/350/400 px nothing scrolls sideways; axe finds nothing in light and dark; screenshots go to
 * test-output/screenshots/ext-fields-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, startHarness, type Harness } from './harness';
import { focusedLabel, nextFrames, setPaneWidth, shootPane } from './pane-view';
import { percentileInc, readSalesTable, type Cell } from './sales-table';

let h: Harness;
let page: Page;


const pane = () => page.getByTestId('task-pane');
const fieldsPane = () => pane().getByRole('region', { name: 'PivotDeck values' });
const values = () => fieldsPane().getByRole('region', { name: 'Values', exact: true });
const chips = async () => (await values().getByRole('listitem').allTextContents()).map((t) => t.trim());
const fieldBox = (name: string | RegExp) => fieldsPane().getByRole('list', { name: 'Fields of the PivotTable\'s source' }).getByRole('checkbox', { name });
const frames = () => nextFrames(page);
/** dnd-kit's live region: what a screen reader hears after a drag. */
const announced = () => page.locator('[id^="DndLiveRegion"]').first().textContent();
const focused = () => focusedLabel(page);

/** Every message bar the extend section shows now (its one status, and nothing piled beside it). */
const statusTexts = async () => (await fieldsPane().locator('..').locator('.fui-MessageBar').allTextContents()).map((t) => t.trim());

/** Reads a range's values or number formats through the simulator's Excel API (what Excel would return). */
async function readRange(address: string, what: 'values' | 'numberFormat' = 'values'): Promise<Cell[][]> {
  return page.evaluate(async ([a, w]) => {
    const sim = window.__pivotdeck!.sim;
    return sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Summary').getRange(a).load(w);
      await ctx.sync();
      return (w === 'values' ? r.values : r.numberFormat) as Array<Array<string | number | boolean>>;
    });
  }, [address, what] as const);
}

// ---- independent expectations: plain loops, Excel's definitions (MEDIAN, PERCENTILE.INC) ----

interface Group { revenue: number[]; units: number[]; customers: Set<string> }
type Expect = (g: Group) => number;
const EXPECT: Record<string, Expect> = {
  'Median of Revenue': (g) => percentileInc(g.revenue, 0.5),
  'Median of Units': (g) => percentileInc(g.units, 0.5),
  // Distinct non-blank values, text compared without regard to case (as Excel's Distinct Count).
  'Distinct Count of Customer': (g) => g.customers.size,
  'P90 Umsatz — €': (g) => percentileInc(g.revenue, 0.9),
  'Max of Revenue': (g) => g.revenue.reduce((a, b) => (b > a ? b : a), -Infinity),
};

let table: { headers: string[]; rows: Cell[][] };
let groups: Map<string, Group>;

function groupTable(): Map<string, Group> {
  const col = (name: string) => table.headers.indexOf(name);
  const [region, category, customer, units, revenue] = ['Region', 'Category', 'Customer', 'Units', 'Revenue'].map(col);
  const out = new Map<string, Group>();
  const add = (key: string, row: Cell[]) => {
    let g = out.get(key);
    if (!g) { g = { revenue: [], units: [], customers: new Set() }; out.set(key, g); }
    if (typeof row[revenue] === 'number') g.revenue.push(row[revenue] as number);
    if (typeof row[units] === 'number') g.units.push(row[units] as number);
    if (row[customer] !== '') g.customers.add(String(row[customer]).toLowerCase());
  };
  for (const row of table.rows) {
    add('', row);
    add(String(row[region]), row);
    add(`${String(row[region])}/${String(row[category])}`, row);
  }
  return out;
}

const COLUMNS = 'DEFGH';

/**
 * The sheet holds exactly these columns beside the pivot (header cells D4…), each body row's value
 * equal to the plain-loop value of the group the pivot's row label names, and nothing after them.
 */
async function checkSheet(headers: string[]): Promise<void> {
  const last = COLUMNS[headers.length - 1];
  expect(await readRange(`D4:${COLUMNS[headers.length]}4`)).toEqual([[...headers, '']]);
  const labels = (await readRange('A5:A25')).map((r) => String(r[0]));
  const block = await readRange(`D5:${last}25`);
  const regions = new Set(table.rows.map((r) => String(r[table.headers.indexOf('Region')])));
  let region = '';
  labels.forEach((label, i) => {
    let key: string;
    if (label === 'Grand Total') key = '';
    else if (regions.has(label)) { region = label; key = label; } else key = `${region}/${label}`;
    const group = groups.get(key);
    expect(group, `group for row ${i + 5} "${label}"`).toBeDefined();
    headers.forEach((name, k) => {
      const expected = EXPECT[name]!(group!);
      const actual = block[i][k];
      expect(typeof actual, `${name}, row ${i + 5}`).toBe('number');
      expect(Math.abs((actual as number) - expected), `${name}, row ${i + 5}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    });
  });
}

/** Waits for a write to finish: its message is the section's one status. */
async function written(title: string): Promise<void> {
  await fieldsPane().getByText(title, { exact: true }).waitFor({ timeout: 90_000 });
  await expect.poll(statusTexts).toHaveLength(1);
  expect((await statusTexts())[0]).toMatch(/Checked against Excel: 21 rows, 2 value fields match\./);
}

const setWidth = (width: number) => setPaneWidth(page, width);

const shoot = (name: string, target?: Locator) => shootPane(page, name, target);

/** The pane fits at each width (and so does every form in it), axe finds nothing serious, and a screenshot is saved. */
async function checkWidths(name: string): Promise<void> {
  for (const width of [320, 350, 400]) {
    const w = await setWidth(width);
    await fieldsPane().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(`ext-fields-${name}-${width}`);
    expect(w.scroll, `${name} at ${width} px`).toBeLessThanOrEqual(w.client);
    // No box inside scrolls sideways, and no field or value name is cut (samples may end in "…").
    const inner = await fieldsPane().evaluate((el) => [...el.querySelectorAll('*')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map((e) => e.tagName));
    expect(inner, `${name} at ${width} px: boxes scrolling sideways`).toEqual([]);
    const cut = await fieldsPane().evaluate((el) => [...el.querySelectorAll('li span[title], li button span')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && !(e.textContent ?? '').startsWith('e.g.')).map((e) => e.textContent));
    expect(cut, `${name} at ${width} px: names cut off`).toEqual([]);
    expect(await axeViolations(page, '[data-testid="task-pane"]'), `${name} at ${width} px`).toEqual([]);
  }
  await setWidth(350);
}

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1500, height: 1000 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  table = await readSalesTable(page);
  groups = groupTable();
  await page.getByRole('tab', { name: 'Summary' }).click();
  await page.getByRole('grid', { name: 'Sheet Summary' }).waitFor();
  const header = pane().getByRole('button', { name: 'Extend a PivotTable' });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await pane().getByRole('combobox', { name: 'PivotTable' }).click();
  await page.getByRole('option', { name: 'SalesPivot (Summary)' }).click();
  await fieldBox('Revenue').waitFor({ timeout: 30_000 });
  await setWidth(350);
});

afterAll(async () => {
  await h?.close();
});

describe('the Fields pane of an extension', () => {
  it('extends SalesPivot by checking fields found by search: a number gets its median, text its distinct count', async () => {
    // The pivot's own rows and columns are shown read-only, for orientation.
    expect(await pane().locator('dl[aria-label="PivotTable fields"] dd').first().textContent()).toBe('Region, Category');
    const search = fieldsPane().getByRole('searchbox', { name: 'Search fields' });
    await search.fill('reve');
    expect(await fieldsPane().getByRole('list', { name: 'Fields of the PivotTable\'s source' }).getByRole('listitem').count()).toBe(1);
    await fieldBox('Revenue').check();
    await written('Added Median of Revenue.');
    expect(await chips()).toEqual(['Median of Revenue']);
    expect(await fieldBox('Revenue, in Values').isChecked()).toBe(true);
    await checkSheet(['Median of Revenue']);

    await search.fill('');
    await fieldBox('Customer').check();
    await written('Added Distinct Count of Customer.');
    // One status: the earlier "Added Median of Revenue." was replaced, not kept beside it.
    expect(await fieldsPane().getByText('Added Median of Revenue.').count()).toBe(0);
    await fieldBox('Units').check();
    await written('Added Median of Units.');
    expect(await chips()).toEqual(['Median of Revenue', 'Distinct Count of Customer', 'Median of Units']);
    await checkSheet(['Median of Revenue', 'Distinct Count of Customer', 'Median of Units']);
    await checkWidths('checked');
    await page.getByRole('button', { name: 'Dark Office theme' }).click();
    await checkWidths('checked-dark');
    await page.getByRole('button', { name: 'Dark Office theme' }).click();
  });

  it('reorders values with the keyboard (Space, arrow, Space), and the sheet follows', async () => {
    const handle = values().getByRole('button', { name: 'Move Median of Units, Values 3 of 3' });
    await handle.focus();
    await page.keyboard.press('Space');
    await expect.poll(announced).toMatch(/^Picked up Median of Units\. Use the arrow keys/);
    await page.keyboard.press('ArrowUp');
    // dnd-kit moves the lifted entry on its next frame; wait until it says where it is, not for a fixed number of frames.
    await expect.poll(announced).toMatch(/ is over /);
    await page.keyboard.press('Space');
    await expect.poll(chips).toEqual(['Median of Revenue', 'Median of Units', 'Distinct Count of Customer']);
    expect(await announced()).toBe('Median of Units moved to Values, position 2 of 3.');
    await written('Moved "Median of Units" to position 2.');
    await checkSheet(['Median of Revenue', 'Median of Units', 'Distinct Count of Customer']);
  });

  it('reorders values with the pointer, and the sheet follows', async () => {
    await values().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const from = (await values().getByRole('button', { name: 'Move Distinct Count of Customer, Values 3 of 3' }).boundingBox())!;
    const to = (await values().getByRole('listitem').first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // Several steps, as a hand moves: dnd-kit starts a drag after a few pixels.
    await page.mouse.move(from.x + from.width / 2 + 3, from.y + from.height / 2 - 6, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 2, { steps: 12 });
    await frames();
    await page.mouse.up();
    await expect.poll(chips).toEqual(['Distinct Count of Customer', 'Median of Revenue', 'Median of Units']);
    await written('Moved "Distinct Count of Customer" to position 1.');
    await checkSheet(['Distinct Count of Customer', 'Median of Revenue', 'Median of Units']);
  });

  it('changes a value in Value Field Settings (summary, number format, custom name); focus goes in and back', async () => {
    await values().getByRole('button', { name: 'Median of Revenue', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Value Field Settings/ });
    await dialog.waitFor();
    expect(await focused()).toBe('Summarize by');
    // A plain Sum is the pivot's own: the dialog says so on OK and writes nothing.
    await dialog.getByLabel('Summarize by').selectOption('sum');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText(/^Sum of Revenue is what the PivotTable itself shows/).waitFor();
    await dialog.getByLabel('Summarize by').selectOption('percentile');
    await dialog.getByLabel(/^Percentile/).fill('90');
    await dialog.getByLabel('Number format').selectOption('#,##0');
    expect(await dialog.getByLabel('Custom name').getAttribute('placeholder')).toBe('P90 of Revenue');
    await dialog.getByLabel('Custom name').fill('P90 Umsatz — €');
    for (const width of [320, 350, 400]) {
      await page.setViewportSize({ width, height: 800 });
      await frames();
      const w = await dialog.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
      await shoot(`ext-fields-settings-${width}`, dialog);
      expect(w.scroll, `dialog at ${width} px`).toBeLessThanOrEqual(w.client);
      expect(w.right, `dialog at ${width} px`).toBeLessThanOrEqual(width);
      expect(await axeViolations(page, '[role="dialog"]'), `dialog at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1500, height: 1000 });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
    await written('Changed "P90 Umsatz — €".');
    expect(await chips()).toEqual(['Distinct Count of Customer', 'P90 Umsatz — €', 'Median of Units']);
    // Back on the value it was opened from, now under its new name.
    await expect.poll(focused).toBe('P90 Umsatz — €');
    await checkSheet(['Distinct Count of Customer', 'P90 Umsatz — €', 'Median of Units']);
    const formats = await readRange('E5:E25', 'numberFormat');
    expect(new Set(formats.map((r) => r[0]))).toEqual(new Set(['#,##0']));
  });

  it('asks before removing a value and says what it deletes; Cancel keeps it; unchecking one value removes it', async () => {
    await values().getByRole('button', { name: 'Remove Median of Units from Values' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Remove this column?' });
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/without "Median of Units"\. The other columns and your PivotTable are not changed\./);
    await shoot('ext-fields-remove-ask', ask);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(chips).toHaveLength(3);
    await expect.poll(focused).toBe('Remove Median of Units from Values');

    await fieldBox(/^Units/).uncheck();
    await written('Removed "Median of Units".');
    expect(await chips()).toEqual(['Distinct Count of Customer', 'P90 Umsatz — €']);
    await checkSheet(['Distinct Count of Customer', 'P90 Umsatz — €']);
    await checkWidths('edited');
  });

  it('keeps one status for the whole section: a newer action in a card replaces the Fields pane\'s message', async () => {
    const card = pane().getByRole('listitem', { name: 'PivotDeck columns of SalesPivot (Summary)' });
    await card.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(() => fieldsPane().getByText('Removed "Median of Units".').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(async () => (await card.textContent()) ?? '', { timeout: 60_000 }).toMatch(/Refreshed .*Checked against Excel: 21 rows/);
    await checkSheet(['Distinct Count of Customer', 'P90 Umsatz — €']);
    // The card's "Add measures" opens this pivot's Fields pane and moves focus into it.
    await card.getByRole('button', { name: 'Add measures' }).click();
    await expect.poll(focused, { timeout: 30_000 }).toBe('Search fields');
  });

  it('adds a value through a field\'s Add button, and unchecking a field with two values asks first, naming both', async () => {
    await fieldBox(/^Revenue/).waitFor({ timeout: 30_000 });
    const add = fieldsPane().getByRole('button', { name: 'Add a value of Revenue' });
    await add.click();
    const dialog = page.getByRole('dialog', { name: /^Value Field Settings/ });
    await dialog.waitFor();
    expect(await focused()).toBe('Summarize by');
    await dialog.getByLabel('Summarize by').selectOption('max');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('Add a value of Revenue');
    await written('Added Max of Revenue.');
    await checkSheet(['Distinct Count of Customer', 'P90 Umsatz — €', 'Max of Revenue']);

    // A click, not uncheck(): the box stays checked while the question is open.
    await fieldBox(/^Revenue/).click();
    const ask = page.getByRole('alertdialog', { name: 'Remove 2 columns of Revenue?' });
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/without "P90 Umsatz — €", "Max of Revenue"\. Your PivotTable and its data are not changed\./);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(chips).toEqual(['Distinct Count of Customer', 'P90 Umsatz — €', 'Max of Revenue']);
    expect(await fieldBox(/^Revenue/).isChecked()).toBe(true);
    await fieldBox(/^Revenue/).click();
    await page.getByRole('alertdialog', { name: 'Remove 2 columns of Revenue?' }).getByRole('button', { name: 'Remove columns' }).click();
    await written('Removed "P90 Umsatz — €", "Max of Revenue".');
    expect(await chips()).toEqual(['Distinct Count of Customer']);
    await checkSheet(['Distinct Count of Customer']);
    expect(h.errors).toEqual([]);
  });
});
