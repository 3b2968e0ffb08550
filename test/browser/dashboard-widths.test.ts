/**
 * The Dashboards section at the widths Excel gives a task pane (issue 16 part 1): build "Sales
 * overview" from the sample, then open its tile editor (Edit) with a KPI's alert limits showing,
 * and at 320, 350 and 400 px: no sideways scroll in the pane or any form or group, no two controls
 * of a tile card overlapping, axe clean, and the dashboards list with its status badge ("Up to date",
 * then "Out of date — Sales changed" after a row of Sales changes).
 * Screenshots of the pane column go to test-output/screenshots/dashboard-widths-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, SCREENSHOT_DIR, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;

const WIDTHS = [320, 350, 400] as const;
const TITLE = 'Sales overview';
const pane = () => page.getByTestId('task-pane');
const column = () => page.getByRole('complementary', { name: 'PivotDeck task pane' });

interface Fit { scroll: number; client: number; overflowing: string[]; overlaps: string[] }

/** Sets the pane column's width (as dragging Excel's pane edge does) and measures what overflows or overlaps. */
async function fitAt(width: number): Promise<Fit> {
  await column().evaluate((el, w) => { (el as HTMLElement).style.width = `${w}px`; }, width);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return pane().evaluate((root) => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const name = (e: Element) => e.getAttribute('aria-label') ?? e.getAttribute('aria-labelledby') ?? (e.textContent ?? '').trim().slice(0, 30) ?? e.tagName;
    const overflowing = [root, ...root.querySelectorAll<HTMLElement>('[role="group"], form, fieldset, li')]
      .filter((f) => visible(f) && f.scrollWidth > f.clientWidth + 1)
      .map((f) => `${f.tagName} ${name(f)}: ${f.scrollWidth} > ${f.clientWidth}`);
    // Controls of each tile card: two that are not nested must not cover each other.
    const overlaps: string[] = [];
    for (const card of root.querySelectorAll('ul[aria-label="Tiles of the dashboard"] > li')) {
      const controls = [...card.querySelectorAll('button, select, input, label, [role="combobox"]')].filter(visible);
      for (let i = 0; i < controls.length; i++) {
        for (let j = i + 1; j < controls.length; j++) {
          const a = controls[i]!;
          const b = controls[j]!;
          if (a.contains(b) || b.contains(a)) continue;
          // A label and the control it names may touch (Fluent puts them in one grid).
          if (a.tagName === 'LABEL' && (a as HTMLLabelElement).control === b) continue;
          if (b.tagName === 'LABEL' && (b as HTMLLabelElement).control === a) continue;
          const ra = a.getBoundingClientRect();
          const rb = b.getBoundingClientRect();
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const ht = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 1 && ht > 1) overlaps.push(`${card.getAttribute('aria-label')}: ${a.tagName} ${name(a)} × ${b.tagName} ${name(b)} (${Math.round(w)}×${Math.round(ht)} px)`);
        }
      }
    }
    return { scroll: root.scrollWidth, client: root.clientWidth, overflowing, overlaps };
  });
}

async function shoot(name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await column().screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

async function expectFits(what: string): Promise<void> {
  for (const width of WIDTHS) {
    const f = await fitAt(width);
    await shoot(`dashboard-widths-${what}-${width}`);
    expect(f.scroll, `${what}: pane at ${width} px`).toBeLessThanOrEqual(f.client);
    expect(f.overflowing, `${what}: pane at ${width} px`).toEqual([]);
    expect(f.overlaps, `${what}: pane at ${width} px`).toEqual([]);
    expect(await axeViolations(page, '[data-testid="task-pane"]'), `${what}: axe at ${width} px`).toEqual([]);
  }
}

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1400, height: 1000 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('the Dashboards section at 320, 350 and 400 px', () => {
  it('builds a dashboard; the list and the tile editor fit, nothing overlaps, axe is clean', async () => {
    const header = pane().getByRole('button', { name: 'Dashboards', exact: true });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await pane().getByRole('button', { name: 'New dashboard' }).click();
    await pane().getByRole('combobox', { name: '1. Data to show' }).click();
    await page.getByRole('option', { name: /^Sales \(20,000 rows/ }).click();
    await pane().getByRole('button', { name: `Use this: ${TITLE}` }).click();
    await pane().getByRole('list', { name: 'Tiles of the dashboard' }).waitFor();
    await pane().getByRole('button', { name: 'Create dashboard' }).click();
    await pane().getByText(`Created “${TITLE}”.`).waitFor({ timeout: 180_000 });
    const item = pane().getByRole('list', { name: 'Dashboards in this workbook' }).getByRole('listitem', { name: TITLE });
    await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 30_000 }).toContain('Up to date');
    await item.scrollIntoViewIfNeeded();
    await expectFits('list');

    // A row of Sales changes (as a user's edit would): the card says so, in words, within the pane.
    await page.evaluate(async () => window.__pivotdeck!.sim.run(async (ctx) => {
      const cell = ctx.workbook.tables.getItem('Sales').getDataBodyRange().getCell(0, 10).load('values');
      await ctx.sync();
      const v = cell.values[0][0];
      cell.values = [[typeof v === 'number' ? v + 1 : `${String(v)}1`]];
      await ctx.sync();
    }));
    await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 30_000 }).toContain('Out of date — Sales changed');
    await expectFits('list-out-of-date');

    await item.getByRole('button', { name: `Edit ${TITLE}` }).click();
    await pane().getByRole('heading', { name: `Edit “${TITLE}”` }).waitFor();
    const tiles = pane().getByRole('list', { name: 'Tiles of the dashboard' });
    // A KPI card with its alert limits open: the widest form of a tile card.
    const kpi = tiles.getByRole('listitem', { name: /^Key figure:/ }).first();
    const alert = kpi.getByRole('checkbox', { name: 'Turn amber or red past limits' });
    if (!(await alert.isChecked())) await alert.click();
    await kpi.getByLabel('Good when').waitFor();
    await kpi.scrollIntoViewIfNeeded();
    await expectFits('tile-editor-kpi');
    const chart = tiles.getByRole('listitem', { name: 'Chart: Revenue by month' });
    await chart.scrollIntoViewIfNeeded();
    await expectFits('tile-editor-chart');
    expect(h.errors).toEqual([]);
  }, 300_000);
});
