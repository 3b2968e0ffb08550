/**
 * The task pane as browser tests look at it: at a chosen width, as Excel sizes it (320–400 px;
 * the workbench's pane column is resized in place), in screenshots, and what has focus.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './harness';

/** The workbench's pane column. By attribute, not role: a modal dialog hides the rest from roles. */
export const paneColumn = (page: Page): Locator => page.locator('aside[aria-label="PivotDeck task pane"]');

/** Waits two animation frames: what changed has been laid out and painted. */
export const nextFrames = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Sets the pane's width, lets it lay out, and returns the pane's scroll and client widths. */
export async function setPaneWidth(page: Page, width: number): Promise<{ scroll: number; client: number }> {
  await paneColumn(page).evaluate((el, w) => { (el as HTMLElement).style.width = `${w}px`; }, width);
  await nextFrames(page);
  return page.getByTestId('task-pane').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
}

/** Saves a screenshot of the pane column (or `target`) as test-output/screenshots/<name>.png. */
export async function shootPane(page: Page, name: string, target: Locator = paneColumn(page)): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await target.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

/** What has focus, as a screen reader names it: its aria-label, aria-labelledby text, label, else its text. */
export const focusedLabel = (page: Page): Promise<string> => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  if (!el) return '';
  const labelled = el.getAttribute('aria-labelledby');
  const byId = labelled ? labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
  const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
  return (el.getAttribute('aria-label') ?? (byId || label || el.textContent) ?? '').trim();
});
