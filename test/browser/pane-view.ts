/**
 * The task pane as browser tests look at it: at a chosen width, as Excel sizes it (320–400 px;
 * the workbench's pane column is resized in place), in screenshots, and what has focus.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
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

/**
 * The pane's scroll and client widths, every form, group or fieldset inside it that overflows,
 * and every text actually cut off with an ellipsis (outside data tables, whose cells may be).
 */
export async function measurePane(page: Page): Promise<{ scroll: number; client: number; overflowing: string[]; cut: string[] }> {
  return page.getByTestId('task-pane').evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    overflowing: [...el.querySelectorAll<HTMLElement>('[role="group"], form, fieldset')]
      .filter((f) => f.scrollWidth > f.clientWidth)
      .map((f) => `${f.getAttribute('aria-label') ?? f.getAttribute('aria-labelledby') ?? f.tagName}: ${f.scrollWidth} > ${f.clientWidth}`),
    cut: [...el.querySelectorAll<HTMLElement>('*')]
      .filter((t) => !t.closest('table') && getComputedStyle(t).textOverflow === 'ellipsis' && t.scrollWidth > t.clientWidth)
      .map((t) => `${t.tagName}: "${(t.textContent ?? '').slice(0, 60)}"`),
  }));
}

/** Switches the workbench's simulated Office theme to dark (or light) and waits for it to paint. */
export async function setDarkTheme(page: Page, dark: boolean): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Dark Office theme' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(dark)) await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(String(dark));
  await nextFrames(page);
}

/** Opens a section of the pane by its header's name, if it is not open already. */
export async function openPaneSection(page: Page, name: string): Promise<void> {
  const button = page.getByTestId('task-pane').getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}
