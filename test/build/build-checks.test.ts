import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentSecurityPolicy, rewriteManifest, validateAddinUrl } from '../../scripts/build-checks.mjs';
import { cacheControl, serveStatic } from '../../scripts/serve-static.mjs';
import { summarize } from '../../scripts/test-summary.mjs';

describe('validateAddinUrl', () => {
  it('normalises a good https URL', () => {
    expect(validateAddinUrl('https://host.example/pivotdeck/')).toBe('https://host.example/pivotdeck');
    expect(validateAddinUrl('https://cdn.example.org')).toBe('https://cdn.example.org');
  });
  it.each([
    ['http://host.example', /must use https/],
    ['https://127.0.0.1/x', /must not be localhost/],
    ['https://dev.localhost', /must not be localhost/],
    ['not a url', /is not a URL/],
    ['https://host.example/p?x=1', /without query/],
    ['', /ADDIN_URL is required/],
  ])('refuses %s', (url, message) => {
    expect(() => validateAddinUrl(url)).toThrow(message);
  });
});

describe('rewriteManifest', () => {
  it('moves every dev URL under ADDIN_URL and sets AppDomain to its origin', () => {
    const dev = '<!-- dev --><a DefaultValue="https://localhost:3000/taskpane.html"/><AppDomain>https://localhost:3000</AppDomain>';
    const out = rewriteManifest(dev, 'https://h.example/pd');
    expect(out).toContain('DefaultValue="https://h.example/pd/taskpane.html"');
    expect(out).toContain('<AppDomain>https://h.example</AppDomain>');
    expect(out).not.toContain('localhost');
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
  it('allows eval for Arquero, office.js from the CDN, https fetches, and no plugins', () => {
    const d = directives(contentSecurityPolicy());
    expect(d['script-src']).toEqual(["'self'", "'unsafe-eval'", 'https://appsforoffice.microsoft.com']);
    expect(d['connect-src']).toEqual(["'self'", 'https:']);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['script-src']).not.toContain("'unsafe-inline'");
  });
  it('takes an admin-chosen connect-src list', () => {
    const d = directives(contentSecurityPolicy({ connectSrc: "'self' https://api.example.com" }));
    expect(d['connect-src']).toEqual(["'self'", 'https://api.example.com']);
  });
  it('adds local http and the dev server socket only in development', () => {
    expect(contentSecurityPolicy({ dev: true })).toContain('http://127.0.0.1:*');
    expect(contentSecurityPolicy()).not.toContain('127.0.0.1');
  });
});

describe('serve-static cache headers', () => {
  it('caches hashed bundles for a year and revalidates HTML and the manifest', async () => {
    expect(cacheControl('vendor.07c87334.js')).toContain('immutable');
    expect(cacheControl('taskpane.html')).toBe('no-cache');
    expect(cacheControl('manifest.xml')).toBe('no-cache');
    const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-static-'));
    writeFileSync(join(dir, 'a.1234abcd.js'), 'x');
    const s = await serveStatic(dir);
    try {
      const ok = await fetch(`${s.url}/a.1234abcd.js`);
      expect(ok.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(ok.headers.get('content-type')).toContain('text/javascript');
      expect((await fetch(`${s.url}/missing.js`)).status).toBe(404);
      expect((await fetch(`${s.url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('test summary', () => {
  const report = (body: object) => {
    const f = join(mkdtempSync(join(tmpdir(), 'pivotdeck-report-')), 'r.json');
    writeFileSync(f, JSON.stringify(body));
    return f;
  };
  it('sums passed and failed tests', () => {
    expect(summarize(report({ numPassedTests: 7, numFailedTests: 2, testResults: [] }))).toEqual({ passed: 7, failed: 2 });
  });
  it('counts a file that failed without failed tests (load error) as a failure', () => {
    const f = report({ numPassedTests: 3, numFailedTests: 0, testResults: [{ status: 'failed', assertionResults: [] }] });
    expect(summarize(f)).toEqual({ passed: 3, failed: 1 });
  });
  it('never reports success without a report', () => {
    expect(summarize('/nonexistent/report.json')).toEqual({ passed: 0, failed: 1 });
    expect(summarize(report({ numPassedTests: 4, numFailedTests: 0 }), 1)).toEqual({ passed: 4, failed: 1 });
  });
});
