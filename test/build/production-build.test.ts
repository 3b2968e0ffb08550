/**
 * One production build (in a temp dir) checked end to end: what dist/ contains, its manifest
 * under the production rules, the bundle budget output, and the served dist in headless Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { checkManifest, parseXml } from '../../scripts/check-manifest.mjs';
import { SAMPLE_CONTENT_TYPES, samplePatterns } from '../../scripts/samples.mjs';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { runWebpack } from '../../scripts/build-for-tests.mjs';
import { TASKPANE_BUDGET_BYTES } from '../../scripts/build-checks.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ADDIN_URL = 'https://addins.example.org/pivotdeck';
/** The publisher's details, awkward on purpose: markup characters and non-ASCII. */
const PUBLISHER = { name: 'Ærø & Søn <Data> ApS', email: 'support@aeroe.example', jurisdiction: 'Denmark', website: 'https://aeroe.example', updated: '2026-11-30' };
const DISPLAY_NAME = 'PivotDeck – medians & cloud data for PivotTables';
const PROVIDER_NAME = 'Ærø & Søn <Data> ApS';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
const OFFICE_JS_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

let work: string;
let dist: string;
let buildLog: string;
let bundled: string[];

function publisherFile(): string {
  const file = join(work, 'publisher.json');
  writeFileSync(file, JSON.stringify(PUBLISHER));
  return file;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pivotdeck-dist-'));
  dist = join(work, 'dist');
  // ALLOW_SAME_VERSION: this test is about the build's output, not about the release history of
  // whatever clone runs it (the version rule has its own tests in build-refusals.test.ts).
  buildLog = await runWebpack([
    '--mode', 'production', '--env', `ADDIN_URL=${ADDIN_URL}`, '--env', `OUTPUT_DIR=${dist}`,
    '--env', 'ALLOW_SAME_VERSION=1', '--env', `MODULES_FILE=${join(work, 'modules.json')}`,
    '--env', `PUBLISHER=${publisherFile()}`, '--env', `DISPLAY_NAME=${DISPLAY_NAME}`, '--env', `PROVIDER_NAME=${PROVIDER_NAME}`,
  ]);
  bundled = JSON.parse(readFileSync(join(work, 'modules.json'), 'utf8'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('production dist/', () => {
  it('holds the pane, the commands page, support, privacy and terms pages, samples, icons and manifest, and no workbench', () => {
    const files = readdirSync(dist);
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'support.html', 'privacy.html', 'terms.html', 'samples', 'manifest.xml', 'assets']));
    expect(files.some((f) => /workbench/i.test(f))).toBe(false);
    expect(readdirSync(join(dist, 'assets')).sort()).toEqual(expect.arrayContaining(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']));
  });

  it('names every bundle with a content hash', () => {
    const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const f of js) expect(f).toMatch(/\.[0-9a-f]{8}\.js$/);
  });

  it('contains no module from src/simulator or src/workbench', () => {
    expect(bundled).toContain('src/taskpane/index.tsx'); // the list is real
    expect(bundled).toContain('src/commands/commands.ts');
    expect(bundled.filter((n) => /^src\/(simulator|workbench)\//.test(n))).toEqual([]);
  });

  it('has a manifest that passes the project checks with the production rules', () => {
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    expect(checkManifest(xml, { rootDir: dist, production: true })).toEqual([]);
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('points every URL of the manifest at ADDIN_URL, and AppDomains at its origin', () => {
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const u of urls) expect(u.startsWith(`${ADDIN_URL}/`), u).toBe(true);
    const root = parseXml(xml);
    const domains = root.children.find((c) => c.name === 'AppDomains')?.children.map((c) => c.text);
    expect(domains).toEqual(['https://addins.example.org']);
    // Each URL names a file that exists in dist/ (the host serves dist/ at ADDIN_URL).
    for (const u of urls) expect(existsSync(join(dist, u.slice(ADDIN_URL.length + 1))), u).toBe(true);
  });

  it('puts the CSP before office.js on both pages', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(join(dist, page), 'utf8');
      const csp = html.indexOf('http-equiv=Content-Security-Policy');
      const office = html.indexOf('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      expect(csp, page).toBeGreaterThan(-1);
      expect(office, page).toBeGreaterThan(csp);
      expect(html).toContain("'unsafe-eval'");
      expect(html).toContain('connect-src');
      expect(html).not.toMatch(/localhost|127\.0\.0\.1/);
    }
  });

  it(`prints gzipped sizes within the ${TASKPANE_BUDGET_BYTES / 1024} KB budget`, () => {
    const budget = (TASKPANE_BUDGET_BYTES / 1024).toFixed(1);
    const total = new RegExp(`taskpane\\.html total: ([\\d.]+) KB gzip \\(budget ${budget.replace('.', '\\.')} KB\\)`).exec(buildLog);
    expect(total, buildLog).not.toBeNull();
    expect(Number(total![1])).toBeLessThanOrEqual(TASKPANE_BUDGET_BYTES / 1024);
  });
});

describe('production dist/ served by a plain static server', () => {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the pane outside Excel with no console errors and shows "Open this in Excel"', async () => {
    server = await serveStatic(dist);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
    // The page loads office.js from Microsoft's CDN, as production add-ins must; this machine has
    // no internet, so the CDN path is answered from the same office.js release in node_modules.
    await page.route('https://appsforoffice.microsoft.com/**', async (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, '');
      const file = join(OFFICE_JS_DIST, path);
      if (file.startsWith(OFFICE_JS_DIST) && existsSync(file)) {
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file, 'utf8') });
      } else {
        await route.fulfill({ status: 404, body: '' });
      }
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('heading', { name: 'Open this in Excel' }).waitFor({ timeout: 30_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'dist-taskpane-outside-excel.png') });
    expect(errors).toEqual([]);
  });
});

describe('publisher pages and names in dist/', () => {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // The production build minifies HTML (entities decoded where HTML allows), so the pages are
  // read the way a reviewer reads them: rendered by Chromium from a plain static server.
  it('show the publisher\'s name, contact and jurisdiction on support, privacy and terms, with nothing unfilled, and link only to files that exist', async () => {
    server = await serveStatic(dist);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const texts: Record<string, string> = {};
    for (const name of ['support.html', 'privacy.html', 'terms.html']) {
      const response = await page.goto(`${server.url}/${name}`);
      expect(response?.status(), name).toBe(200);
      const text = await page.evaluate(() => document.body.innerText);
      const html = await page.content();
      texts[name] = text;
      expect(html, name).not.toMatch(/\{\{|\}\}/);
      expect(text, name).toContain('Ærø & Søn <Data> ApS');
      expect(await page.locator('Data').count(), `${name}: the publisher name must stay text`).toBe(0);
      expect(text, name).toContain(DISPLAY_NAME);
      expect(text, name).not.toMatch(/Contoso|localhost|127\.0\.0\.1/);
      const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!));
      const local = hrefs.filter((h) => !/^(https?:|mailto:)/.test(h));
      expect(local.length, name).toBeGreaterThan(0);
      for (const href of local) expect(existsSync(join(dist, href)), `${name} → ${href}`).toBe(true);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `dist-${name.replace('.html', '')}.png`), fullPage: true });
    }
    expect(texts['support.html']).toContain('E-mail: support@aeroe.example');
    expect(texts['terms.html']).toContain('governed by the laws of Denmark');
    expect(texts['privacy.html']).toContain('Last updated November 30, 2026.');
    expect(texts['privacy.html']).toContain('https://addins.example.org');
  });

  it('point the manifest\'s SupportUrl at support.html and carry DISPLAY_NAME and PROVIDER_NAME', () => {
    const root = parseXml(readFileSync(join(dist, 'manifest.xml'), 'utf8'));
    const el = (n: string) => root.children.find((c) => c.name === n);
    expect(el('SupportUrl')?.attrs.DefaultValue).toBe(`${ADDIN_URL}/support.html`);
    expect(el('DisplayName')?.attrs.DefaultValue).toBe(DISPLAY_NAME);
    expect(el('ProviderName')?.text).toBe(PROVIDER_NAME);
  });

  it('write every sample file, byte for byte what scripts/samples.mjs makes', () => {
    const patterns = samplePatterns(ROOT);
    expect(patterns.map((p) => p.to.replace(/^samples\//, '')).sort()).toEqual(Object.keys(SAMPLE_CONTENT_TYPES).sort());
    for (const p of patterns) {
      const expected = p.transform ? Buffer.from(p.transform()) : readFileSync(join(ROOT, p.from));
      expect(readFileSync(join(dist, p.to)).equals(expected), p.to).toBe(true);
    }
  });
});

