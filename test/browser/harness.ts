/**
 * Browser test harness: a built site served on 127.0.0.1, Debian's Chromium driven by
 * playwright-core, and helpers every browser test needs (console-error collection, screenshots,
 * axe accessibility checks).
 *
 * @example
 * const h = await startHarness();
 * const page = await h.open('workbench.html');
 * ...
 * expect(h.errors).toEqual([]);
 * await h.close();
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type {} from '../../scripts/build-for-tests.mjs'; // declares inject('buildDir')
import { serveStatic, type StaticServer } from './static-server';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');

export interface Harness {
  /** Base URL of the served site, e.g. "http://127.0.0.1:41234". */
  url: string;
  context: BrowserContext;
  /** Console errors, uncaught page errors and failed requests seen so far, in order. */
  errors: string[];
  /** Opens a page of the site (e.g. "workbench.html") in a new tab, collecting its errors. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  viewport?: { width: number; height: number };
}

/** Fails with one clear line when the system browser is missing, instead of skipping the tier. */
function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: install it with "apt-get install chromium".`);
  }
}

/**
 * The site built once per run by the browser tier's globalSetup (scripts/build-for-tests.mjs,
 * a webpack development build that includes workbench.html).
 */
function builtSite(): string {
  const dir = inject('buildDir') ?? join(REPO_ROOT, 'build');
  if (!existsSync(join(dir, 'workbench.html'))) {
    throw new Error(`No built site at ${dir}: run the browser tests through vitest (npx vitest run --project browser).`);
  }
  return dir;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  requireChromium();
  const site = builtSite();
  const server: StaticServer = await serveStatic(site);
  // A fresh profile per harness: no cache, storage or service workers leak between runs.
  const profile = mkdtempSync(join(tmpdir(), 'pivotdeck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console error on ${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`page error on ${page.url()}: ${err.stack ?? err.message}`));
    page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  return {
    url: server.url,
    context,
    errors,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`${server.url}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a full-page PNG under test-output/screenshots/ (git-ignored) and returns its path.
 * @example
 * await screenshot(page, 'workbench-sales'); // test-output/screenshots/workbench-sales.png
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false, animations: 'disabled' });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors and HTML of the offending nodes, for a readable failure. */
  nodes: Array<{ target: string; html: string }>;
}

/**
 * Runs axe-core on the part of the page matched by `selector` and returns violations whose
 * impact is serious or critical (minor and moderate findings are reported by axe but do not fail).
 * axe is evaluated through the DevTools protocol, so the page's CSP (no inline scripts) stays
 * in force for the page's own code.
 */
export async function axeViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate('typeof window.axe');
  if (loaded === 'undefined') await page.evaluate(`${source}\n;void 0;`);
  return page.evaluate(async (sel) => {
    // axe is a global installed by the script above; typed loosely because it lives in the page.
    const axe = (window as unknown as { axe: { run(ctx: string, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; html: string }> }> }> } }).axe;
    const result = await axe.run(sel, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          // Fluent UI's focus manager (tabster) adds aria-hidden focus "bumpers" on purpose: they hand
          // focus on at once, and hiding them keeps screen readers quiet. Tabster's maintainers call
          // this by design (microsoft/tabster#288) and Accessibility Insights suppresses it
          // (microsoft/accessibility-insights-web#7605); we drop exactly those nodes, nothing else.
          .filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')))
          .map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 300) })),
      }))
      .filter((v) => v.nodes.length > 0);
  }, selector);
}
