/**
 * What the publisher fills in at build time (scripts/publisher.mjs): the publisher file, the page
 * templates in assets/pages/, and the manifest names. Pure functions; the production build that
 * uses them is checked in production-build.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PAGES, brandManifest, loadPublisher, manifestName, pageValues, parsePublisher, renderPage,
} from '../../scripts/publisher.mjs';
import { checkManifest } from '../../scripts/check-manifest.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
/** Awkward on purpose: markup characters, quotes and non-ASCII in every text field. */
const AWKWARD = {
  name: 'Ærø & Søn <Data> "Ltd"',
  email: 'hjælp@ærø.example',
  website: 'https://ærø.example/støtte?a=1&b=2',
  address: "Strandvej 1, 5970 Ærøskøbing, Denmark's south",
  jurisdiction: 'Denmark',
  updated: '2026-02-28',
};
const values = () => pageValues(parsePublisher(AWKWARD), { addinUrl: 'https://addins.example.org/pivotdeck', displayName: 'PivotDeck <beta>', version: '1.2.3.4', today: '2030-01-01' });

describe('publisher details', () => {
  it('accepts the example file the repository ships', () => {
    expect(loadPublisher('publisher.example.json', ROOT)).toMatchObject({ name: 'Contoso Analytics Ltd', jurisdiction: 'Ireland' });
  });

  it('names every wrong field in one message, including unknown ones', () => {
    expect(() => parsePublisher({ name: ' ', email: 'not-an-address', website: 'http://plain.example', updated: '2026-02-30', fax: '1' }))
      .toThrow(/name \(the publisher's registered name\) is required; email must be an e-mail address.*; website must be an https:\/\/ address; jurisdiction .* is required; updated must be a date written YYYY-MM-DD; unknown field\(s\) fax/);
  });

  it('reads PUBLISHER as inline JSON, as a file path, or publisher.json in the root; none is null', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-publisher-'));
    expect(loadPublisher(undefined, dir)).toBeNull();
    writeFileSync(join(dir, 'publisher.json'), JSON.stringify({ ...AWKWARD, name: 'From root' }));
    expect(loadPublisher(undefined, dir)?.name).toBe('From root');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...AWKWARD, name: 'From path' }));
    expect(loadPublisher('other.json', dir)?.name).toBe('From path');
    expect(loadPublisher(JSON.stringify({ ...AWKWARD, name: 'Inline' }), dir)?.name).toBe('Inline');
    expect(() => loadPublisher('missing.json', dir)).toThrow('PUBLISHER file missing.json does not exist');
    expect(() => loadPublisher('{"name": ', dir)).toThrow(/PUBLISHER is not valid JSON/);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => loadPublisher('broken.json', dir)).toThrow(/broken\.json is not valid JSON/);
  });
});

describe('page templates', () => {
  it('fill every placeholder of support, privacy and terms, escaping text and keeping no {{ or }}', () => {
    for (const page of PAGES) {
      const html = renderPage(readFileSync(join(ROOT, 'assets', 'pages', page), 'utf8'), values(), page);
      expect(html, page).not.toMatch(/\{\{|\}\}/);
      expect(html, page).toContain('Ærø &amp; Søn &lt;Data&gt; &quot;Ltd&quot;');
      expect(html, page).toContain('PivotDeck &lt;beta&gt;');
      expect(html, page).not.toContain('<Data>');
      expect(html, page).not.toContain('<beta>');
    }
  });

  it('put the contact, the law and the date where a reviewer looks for them', () => {
    const render = (page: string) => renderPage(readFileSync(join(ROOT, 'assets', 'pages', page), 'utf8'), values(), page);
    expect(render('support.html')).toContain('<a href="mailto:hjælp@ærø.example">hjælp@ærø.example</a>');
    expect(render('support.html')).toContain('<a href="https://ærø.example/støtte?a=1&amp;b=2">');
    expect(render('terms.html')).toContain('governed by the laws of Denmark');
    expect(render('privacy.html')).toContain('Last updated February 28, 2026.');
    expect(render('privacy.html')).toContain('https://addins.example.org');
    expect(render('support.html')).toContain('version 1.2.3.4');
  });

  it('say exactly what is stored where and how to delete it', () => {
    const privacy = renderPage(readFileSync(join(ROOT, 'assets', 'pages', 'privacy.html'), 'utf8'), values(), 'privacy.html');
    for (const fact of ['PivotDeck.document', 'OfficeRuntime.storage', 'IndexedDB', 'Never a password, token or key', 'On our servers', 'Nothing.',
      'only to the address it was entered for', 'you are asked to allow it', 'How to delete it', 'Document Inspector', 'Clear the Office cache', 'No usage data']) {
      expect(privacy, fact).toContain(fact);
    }
  });

  it('refuse a template with a key that has no value, or a brace left over', () => {
    expect(() => renderPage('<p>{{publisherName}} {{fax}}</p>', values(), 'x.html')).toThrow('x.html: no value for {{fax}}');
    expect(() => renderPage('<p>{{ publisher-name }}</p>', values(), 'x.html')).toThrow(/x\.html: unfilled placeholder near "<p>\{\{ publisher-name/);
    expect(renderPage('<p>{{ publisherName }}</p>', { publisherName: 'a<b' })).toBe('<p>a&lt;b</p>');
  });
});

describe('manifest names', () => {
  it('keep "PivotDeck" unless told otherwise, and refuse empty or over-long names', () => {
    expect(manifestName(undefined, 'DISPLAY_NAME', 'PivotDeck')).toBe('PivotDeck');
    expect(manifestName('  PivotDeck for Excel ', 'DISPLAY_NAME', 'PivotDeck')).toBe('PivotDeck for Excel');
    expect(() => manifestName('   ', 'PROVIDER_NAME', 'PivotDeck')).toThrow('PROVIDER_NAME is empty; leave it out to keep "PivotDeck"');
    expect(manifestName('x'.repeat(125), 'DISPLAY_NAME', 'PivotDeck')).toHaveLength(125);
    expect(() => manifestName('x'.repeat(126), 'DISPLAY_NAME', 'PivotDeck')).toThrow('DISPLAY_NAME is 126 characters; the manifest allows at most 125');
    expect(() => manifestName('a\nb', 'DISPLAY_NAME', 'PivotDeck')).toThrow('DISPLAY_NAME contains a control character');
  });

  it('are written XML-escaped and the manifest still passes every project check', () => {
    const branded = brandManifest(MANIFEST, { displayName: 'Pivots & "more" <fast>', providerName: "Ærø & Søn's" });
    expect(branded).toContain('<ProviderName>Ærø &amp; Søn&apos;s</ProviderName>');
    expect(branded).toContain('<DisplayName DefaultValue="Pivots &amp; &quot;more&quot; &lt;fast&gt;"/>');
    expect(checkManifest(branded, { rootDir: ROOT })).toEqual([]);
    // Everything else is untouched.
    const strip = (x: string) => x.replace(/<ProviderName>[^<]*<\/ProviderName>/, '').replace(/<DisplayName [^>]*\/>/, '');
    expect(strip(branded)).toBe(strip(MANIFEST));
  });

  it('refuse a manifest whose names are not where they are expected', () => {
    expect(() => brandManifest(MANIFEST.replace('<ProviderName>PivotDeck</ProviderName>', ''), { displayName: 'a', providerName: 'b' }))
      .toThrow('manifest.xml must have exactly one <ProviderName> (found 0)');
  });
});
