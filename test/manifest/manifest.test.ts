import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, mkdtempSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { checkManifest, compareVersions, parseXml, pngSize } from '../../scripts/check-manifest.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const check = (xml: string, production = false) => checkManifest(xml, { rootDir: ROOT, production });

/** Replaces exactly one occurrence, so a test cannot pass because its edit silently did nothing. */
function edit(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  expect(at, `"${from}" must occur in manifest.xml`).toBeGreaterThanOrEqual(0);
  expect(xml.indexOf(from, at + 1), `"${from}" must occur once`).toBe(-1);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

/** A PNG header written byte by byte from the PNG spec, independent of the code under test. */
function handMadePngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

describe('manifest.xml (development)', () => {
  it('passes every project check', () => {
    expect(check(MANIFEST)).toEqual([]);
  });

  it('declares what issue 2 asks for, read straight from the XML', () => {
    const root = parseXml(MANIFEST);
    const text = (name: string) => root.children.find((c) => c.name === name)?.text;
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(text('Permissions')).toBe('ReadWriteDocument');
    expect(MANIFEST).toContain('<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(MANIFEST).toContain('<bt:Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(MANIFEST).toContain('<OfficeTab id="TabHome">');
    expect(MANIFEST).toContain('<bt:String id="ShowTaskpane.Label" DefaultValue="Show PivotDeck"/>');
    expect(MANIFEST).toContain('<bt:String id="RefreshAll.Label" DefaultValue="Refresh all"/>');
    expect(MANIFEST).toContain('<FunctionName>refreshAll</FunctionName>');
    expect(MANIFEST).toContain('<FunctionName>showRows</FunctionName>');
    expect(MANIFEST).toContain('<bt:String id="Group.Label" DefaultValue="PivotDeck"/>');
  });

  it('is not a production manifest: the admin-center rules reject localhost', () => {
    const errors = check(MANIFEST, true);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.includes('localhost'))).toBe(true);
  });
});

describe('icons in assets/', () => {
  it('reads PNG sizes from IHDR', () => {
    expect(pngSize(handMadePngHeader(7, 9))).toEqual({ width: 7, height: 9 });
    expect(pngSize(Buffer.from('GIF89a not a png at all......'))).toBeNull();
  });

  it('are real PNGs whose pixel size matches the number in their name', () => {
    const icons = readdirSync(join(ROOT, 'assets')).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(icons.sort()).toEqual(['icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    for (const f of icons) {
      const n = Number(/\d+/.exec(f)![0]);
      expect(pngSize(readFileSync(join(ROOT, 'assets', f))), f).toEqual({ width: n, height: n });
    }
  });
});

describe('each check can fail', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['GUID', '<Id>a08f0c53-134f-4b04-b18e-b71d7789cc69</Id>', '<Id>not-a-guid</Id>', /not a GUID/],
    ['version format', '<Version>1.0.0.0</Version>', '<Version>1.0.0.0.1</Version>', /Version "1.0.0.0.1"/],
    ['version part range', '<Version>1.0.0.0</Version>', '<Version>1.0.70000.0</Version>', /0\.\.9999/],
    // Office takes parts up to 65535; the Microsoft Marketplace only 0..9999 (issue 20).
    ['version part 10000, which Office accepts and the store refuses', '<Version>1.0.0.0</Version>', '<Version>1.10000.0.0</Version>', /Version "1\.10000\.0\.0" is not n\.n\.n\.n with parts 0\.\.9999/],
    ['empty ProviderName', '<ProviderName>PivotDeck</ProviderName>', '<ProviderName> </ProviderName>', /ProviderName must have 1 to 125 characters/],
    ['DisplayName over 125 characters', '<DisplayName DefaultValue="PivotDeck"/>', `<DisplayName DefaultValue="${'P'.repeat(126)}"/>`, /DisplayName must have 1 to 125 characters \(has 126\)/],
    ['missing SupportUrl', '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>', '', /missing required <SupportUrl>/],
    ['element order', '<ProviderName>PivotDeck</ProviderName>\n  <DefaultLocale>en-US</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>\n  <ProviderName>PivotDeck</ProviderName>', /out of order/],
    ['dangling resid', '<Label resid="RefreshAll.Label"/>', '<Label resid="RefreshAll.Missing"/>', /"RefreshAll.Missing" .* not defined/],
    ['resid of the wrong kind', '<Label resid="RefreshAll.Label"/>', '<Label resid="Taskpane.Url"/>', /points at a url resource/],
    ['ExcelApi below 1.8', '<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>', /at least 1\.8/],
    ['permissions', '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>', /ReadWriteDocument/],
    ['Runtimes first in Host', '<Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>\n        <DesktopFormFactor>', '<DesktopFormFactor>', /Runtimes> must be the first child/],
    ['same resid for pane and function file', '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Support.Url"/>', /same resid/],
    ['ExecuteFunction name', '<FunctionName>refreshAll</FunctionName>', '<FunctionName>refresh</FunctionName>', /refreshAll/],
    ['a ribbon function nothing registers', '<FunctionName>showRows</FunctionName>', '<FunctionName>showRow</FunctionName>', /ExecuteFunction showRow is not a command PivotDeck registers/],
    ['80 px ribbon icon', '<bt:Image size="80" resid="Icon.80x80"/>\n                </Icon>\n                <Control xsi:type="Button" id="PivotDeck.ShowTaskpane">', '</Icon>\n                <Control xsi:type="Button" id="PivotDeck.ShowTaskpane">', /Group PivotDeck.Group needs icons 16, 32 and 80 \(has 16,32\)/],
    ['icon pixel size', '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>', '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>', /is 32x32, declared 16x16/],
    ['missing icon file', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-65.png"/>', /does not exist/],
    ['http URL', '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>', '<SupportUrl DefaultValue="http://localhost:3000/support.html"/>', /is not https/],
  ];
  for (const [name, from, to, message] of cases) {
    it(`catches: ${name}`, () => {
      const errors = check(edit(MANIFEST, from, to));
      expect(errors.some((e) => message.test(e)), errors.join('\n')).toBe(true);
    });
  }

  it('rejects text that is not XML', () => {
    expect(check('<OfficeApp><Id>')[0]).toMatch(/not well-formed|expected/);
  });
});

describe('production rules on a rewritten manifest', () => {
  it('pass for an https host with the icons beside it, and catch a leftover localhost URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-manifest-'));
    mkdirSync(join(dir, 'assets'));
    for (const n of [16, 32, 64, 80]) copyFileSync(join(ROOT, 'assets', `icon-${n}.png`), join(dir, 'assets', `icon-${n}.png`));
    const prod = MANIFEST.replaceAll('https://localhost:3000', 'https://addins.example.org/pivotdeck');
    writeFileSync(join(dir, 'manifest.xml'), prod);
    expect(checkManifest(prod, { rootDir: dir, production: true })).toEqual([]);
    const leftover = edit(prod, '<SupportUrl DefaultValue="https://addins.example.org/pivotdeck/support.html"/>', '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>');
    expect(checkManifest(leftover, { rootDir: dir, production: true }).join('\n')).toMatch(/SupportUrl: .* points at localhost/);
  });

  it('flags a PNG whose IHDR says another size even when the file name is right', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-manifest-'));
    mkdirSync(join(dir, 'assets'));
    for (const n of [16, 32, 64, 80]) copyFileSync(join(ROOT, 'assets', `icon-${n}.png`), join(dir, 'assets', `icon-${n}.png`));
    // A 1x1 PNG under the 80 px name: header + one IDAT row, built here from the spec.
    const ihdr = handMadePngHeader(1, 1);
    writeFileSync(join(dir, 'assets', 'icon-80.png'), Buffer.concat([ihdr, deflateSync(Buffer.from([0, 0, 0, 0, 0]))]));
    const errors = checkManifest(MANIFEST, { rootDir: dir });
    expect(errors.join('\n')).toMatch(/icon-80\.png is 1x1, declared 80x80/);
  });
});

describe('compareVersions', () => {
  it('compares numerically, part by part', () => {
    expect(compareVersions('1.0.10.0', '1.0.9.0')).toBe(1);
    expect(compareVersions('1.0', '1.0.0.0')).toBe(0);
    expect(compareVersions('1.2.0.0', '1.10.0.0')).toBe(-1);
  });
});

describe('version parts at the store limit', () => {
  it('accepts 9999 in every part and 0 as a later part, and wants the first part at least 1 in production only', () => {
    const withVersion = (v: string) => edit(MANIFEST, '<Version>1.0.0.0</Version>', `<Version>${v}</Version>`);
    expect(check(withVersion('9999.9999.9999.9999'))).toEqual([]);
    expect(check(withVersion('1.0.0.0'))).toEqual([]);
    expect(check(withVersion('0.1.0.0'))).toEqual([]);
    expect(check(withVersion('0.1.0.0'), true).some((e) => /starts with 0; the Microsoft Marketplace wants the first part between 1 and 9999/.test(e))).toBe(true);
    expect(check(withVersion('1.0.0.0'), true).some((e) => /starts with 0/.test(e))).toBe(false);
  });
});
