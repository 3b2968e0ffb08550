#!/usr/bin/env node
// PivotDeck's own manifest checks: what the XSD cannot express and what the Microsoft 365 admin
// center rejects. Needs nothing outside this repository (the schema check in ../shared is extra).
//
//   node scripts/check-manifest.mjs manifest.xml                 # development manifest
//   node scripts/check-manifest.mjs dist/manifest.xml --production
//
// Icon URLs are mapped to files relative to the manifest's own folder by stripping the base URL
// (the folder of the task pane's SourceLocation), so the same check works for the dev manifest
// (repo root, served at https://localhost:3000/) and for dist/ (served at ADDIN_URL/).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Top-level children of OfficeApp (TaskPaneApp) in schema order; `required` ones must exist. */
export const OFFICEAPP_ORDER = [
  ['Id', true], ['AlternateId', false], ['Version', true], ['ProviderName', true],
  ['DefaultLocale', true], ['DisplayName', true], ['Description', true], ['IconUrl', true],
  ['HighResolutionIconUrl', true], ['SupportUrl', true], ['AppDomains', true], ['Hosts', true],
  ['Requirements', true], ['DefaultSettings', true], ['Permissions', true],
  ['VersionOverrides', true],
];

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/**
 * n.n.n.n with each part 0..9999: Office itself accepts parts up to 65535, but AppSource (the
 * Microsoft Marketplace) accepts only 0..9999, and its submission form must match the manifest.
 * The schema allows 1 to 4 parts. Production also wants the first part at least 1 (the store's
 * "a.b.c.d where a is 1-9999").
 */
const VERSION = /^\d{1,4}(\.\d{1,4}){0,3}$/;
/** ShortString in the manifest schema: ProviderName and DisplayName hold 1..125 characters. */
const SHORT_STRING_MAX = 125;

/** Reads width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b)) return null;
  if (buf.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Parses XML into {name, attrs, children, text} nodes, keeping document order. */
export function parseXml(text) {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '',
    parseTagValue: false, parseAttributeValue: false, trimValues: true,
  });
  const convert = (raw) => {
    const name = Object.keys(raw).find((k) => k !== ':@');
    const kids = raw[name] ?? [];
    const node = { name, attrs: raw[':@'] ?? {}, children: [], text: '' };
    for (const k of kids) {
      if ('#text' in k) node.text += String(k['#text']);
      else if (!('#comment' in k)) node.children.push(convert(k));
    }
    return node;
  };
  const top = parser.parse(text).filter((n) => !('?xml' in n) && !('#comment' in n));
  if (top.length !== 1) throw new Error('expected exactly one root element');
  return convert(top[0]);
}

const local = (name) => name.replace(/^.*:/, '');
const kids = (node, name) => (node?.children ?? []).filter((c) => local(c.name) === name);
const kid = (node, name) => kids(node, name)[0];
function* walk(node, path = []) {
  yield [node, path];
  for (const c of node.children) yield* walk(c, [...path, node]);
}

/** Compares dotted versions numerically (missing parts count as 0). */
export function compareVersions(a, b) {
  const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * Checks a manifest's text. Returns a list of problems (empty when it passes).
 * @param {string} xml manifest text
 * @param {{ rootDir?: string, production?: boolean }} options rootDir holds the served files
 *   (for icon checks); production adds the admin-center rules.
 * @example checkManifest(readFileSync('manifest.xml', 'utf8'), { rootDir: '.' }) // => []
 */
export function checkManifest(xml, { rootDir, production = false } = {}) {
  const errors = [];
  let root;
  try { root = parseXml(xml); } catch (e) { return [`not well-formed XML: ${e.message}`]; }
  if (local(root.name) !== 'OfficeApp') return [`root element is ${root.name}, expected OfficeApp`];
  if (root.attrs['xsi:type'] !== 'TaskPaneApp') errors.push('OfficeApp xsi:type must be TaskPaneApp');

  // Order and presence of top-level elements.
  const order = OFFICEAPP_ORDER.map(([n]) => n);
  let last = -1;
  for (const c of root.children) {
    const i = order.indexOf(local(c.name));
    if (i === -1) { errors.push(`unexpected element <${c.name}> in OfficeApp`); continue; }
    if (i < last) errors.push(`<${c.name}> is out of order: expected order ${order.join(', ')}`);
    last = Math.max(last, i);
  }
  for (const [n, required] of OFFICEAPP_ORDER) {
    const count = kids(root, n).length;
    if (required && count === 0) errors.push(`missing required <${n}>`);
    if (count > 1) errors.push(`<${n}> appears ${count} times`);
  }

  const id = kid(root, 'Id')?.text ?? '';
  if (!GUID.test(id)) errors.push(`Id "${id}" is not a GUID`);
  const version = kid(root, 'Version')?.text ?? '';
  if (!VERSION.test(version)) {
    errors.push(`Version "${version}" is not n.n.n.n with parts 0..9999 (the Microsoft Marketplace accepts no larger part)`);
  } else if (production && Number(version.split('.')[0]) < 1) {
    errors.push(`Version "${version}" starts with 0; the Microsoft Marketplace wants the first part between 1 and 9999`);
  }
  const provider = kid(root, 'ProviderName')?.text ?? '';
  if (provider.trim().length === 0 || provider.length > SHORT_STRING_MAX) errors.push(`ProviderName must have 1 to ${SHORT_STRING_MAX} characters (has ${provider.length})`);
  const displayName = kid(root, 'DisplayName')?.attrs.DefaultValue ?? '';
  if (displayName.trim().length === 0 || displayName.length > SHORT_STRING_MAX) errors.push(`DisplayName must have 1 to ${SHORT_STRING_MAX} characters (has ${displayName.length})`);
  const hostNames = kids(kid(root, 'Hosts'), 'Host').map((h) => h.attrs.Name);
  if (hostNames.join() !== 'Workbook') errors.push(`Hosts must be exactly Workbook, got ${hostNames.join() || 'none'}`);
  const excelSet = kids(kid(kid(root, 'Requirements'), 'Sets'), 'Set').find((s) => s.attrs.Name === 'ExcelApi');
  if (!excelSet) errors.push('Requirements must declare the ExcelApi set');
  else if (compareVersions(excelSet.attrs.MinVersion ?? '1.1', '1.8') < 0) errors.push('ExcelApi MinVersion must be at least 1.8');
  const perm = kid(root, 'Permissions')?.text;
  if (perm !== 'ReadWriteDocument') errors.push(`Permissions must be ReadWriteDocument, got ${perm}`);
  const sourceLocation = kid(kid(root, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue ?? '';
  if (!sourceLocation) errors.push('DefaultSettings/SourceLocation has no DefaultValue');

  // Resources: ids, kinds and lengths.
  const vo = kid(root, 'VersionOverrides');
  const resources = kid(vo, 'Resources');
  const defined = new Map(); // id -> kind
  for (const [group, kind] of [['Images', 'image'], ['Urls', 'url'], ['ShortStrings', 'short'], ['LongStrings', 'long']]) {
    for (const r of kid(resources, group)?.children ?? []) {
      const rid = r.attrs.id;
      if (!rid) { errors.push(`a resource in ${group} has no id`); continue; }
      if (defined.has(rid)) errors.push(`resource id "${rid}" is defined twice`);
      if (rid.length > 32) errors.push(`resource id "${rid}" is longer than 32 characters`);
      const value = r.attrs.DefaultValue ?? '';
      if (kind === 'short' && value.length > 125) errors.push(`short string "${rid}" exceeds 125 characters`);
      if (kind === 'long' && value.length > 250) errors.push(`long string "${rid}" exceeds 250 characters`);
      defined.set(rid, { kind, value });
    }
  }
  const expectedKind = (el) => {
    const n = local(el.name);
    if (n === 'Image') return ['image'];
    if (['SourceLocation', 'FunctionFile', 'Runtime', 'LearnMoreUrl', 'Url'].includes(n)) return ['url'];
    if (n === 'Description') return ['long', 'short'];
    return ['short'];
  };
  const used = new Set();
  for (const [el] of walk(vo ?? { children: [] })) {
    const rid = el.attrs?.resid;
    if (rid === undefined) continue;
    used.add(rid);
    const def = defined.get(rid);
    if (!def) errors.push(`resid "${rid}" on <${el.name}> is not defined in Resources`);
    else if (!expectedKind(el).includes(def.kind)) errors.push(`resid "${rid}" on <${el.name}> points at a ${def.kind} resource`);
  }
  for (const rid of defined.keys()) if (!used.has(rid)) errors.push(`resource "${rid}" is never used`);

  // Shared runtime and ribbon commands.
  const voReq = kids(kid(kid(vo, 'Requirements'), 'Sets'), 'Set').find((s) => s.attrs.Name === 'SharedRuntime');
  if (!voReq || voReq.attrs.MinVersion !== '1.1') errors.push('VersionOverrides must require SharedRuntime 1.1');
  const host = kids(kid(vo, 'Hosts'), 'Host').find((h) => h.attrs['xsi:type'] === 'Workbook');
  if (!host) errors.push('VersionOverrides has no Workbook host');
  else {
    if (local(host.children[0]?.name ?? '') !== 'Runtimes') errors.push('<Runtimes> must be the first child of <Host>');
    const runtime = kid(kid(host, 'Runtimes'), 'Runtime');
    if (runtime?.attrs.lifetime !== 'long') errors.push('the shared Runtime must have lifetime="long"');
    const dff = kid(host, 'DesktopFormFactor');
    const functionFile = kid(dff, 'FunctionFile')?.attrs.resid;
    const controls = [];
    for (const [el] of walk(dff ?? { children: [] })) if (local(el.name) === 'Control') controls.push(el);
    const tabs = kids(kid(dff, 'ExtensionPoint'), 'OfficeTab');
    if (!tabs.some((t) => t.attrs.id === 'TabHome')) errors.push('ribbon group must be on the Home tab (OfficeTab id="TabHome")');
    const show = controls.find((c) => kid(c, 'Action')?.attrs['xsi:type'] === 'ShowTaskpane');
    const execs = controls.filter((c) => kid(c, 'Action')?.attrs['xsi:type'] === 'ExecuteFunction');
    if (!show) errors.push('no ShowTaskpane button');
    if (!execs.length) errors.push('no ExecuteFunction button');
    // The names src/commands (and the pane, in the shared runtime) associate: any other does nothing.
    const registered = ['refreshAll', 'showRows'];
    const called = execs.map((c) => kid(kid(c, 'Action'), 'FunctionName')?.text);
    if (execs.length && !called.includes('refreshAll')) errors.push('an ExecuteFunction button must call refreshAll');
    for (const name of called) if (!registered.includes(name)) errors.push(`ExecuteFunction ${name} is not a command PivotDeck registers (${registered.join(', ')})`);
    const paneRid = kid(kid(show, 'Action'), 'SourceLocation')?.attrs.resid;
    if (!runtime || runtime.attrs.resid !== paneRid || functionFile !== paneRid) {
      errors.push('shared runtime: Runtime, FunctionFile and the ShowTaskpane SourceLocation must use the same resid');
    }
    if (paneRid && defined.get(paneRid)?.value !== sourceLocation) {
      errors.push('the ShowTaskpane URL must equal DefaultSettings/SourceLocation');
    }
    const groups = tabs.flatMap((t) => kids(t, 'Group'));
    for (const c of [...groups, ...controls]) {
      const sizes = kids(kid(c, 'Icon'), 'Image').map((i) => i.attrs.size).sort().join();
      if (sizes !== ['16', '32', '80'].sort().join()) errors.push(`${local(c.name)} ${c.attrs.id} needs icons 16, 32 and 80 (has ${sizes || 'none'})`);
    }
  }

  // Every URL in the manifest, with the element it came from.
  const urls = [];
  for (const [el] of walk(root)) {
    const n = local(el.name);
    if (n === 'AppDomain') urls.push([n, el.text]);
    else if (/Url$|^SourceLocation$/.test(n) && el.attrs.DefaultValue) urls.push([n, el.attrs.DefaultValue]);
    else if (local(el.name) === 'Image' && el.attrs.DefaultValue) urls.push([`Image ${el.attrs.id}`, el.attrs.DefaultValue]);
    else if (local(el.name) === 'Url' && el.attrs.DefaultValue) urls.push([`Url ${el.attrs.id}`, el.attrs.DefaultValue]);
  }
  for (const [where, u] of urls) {
    if (!u.startsWith('https://')) errors.push(`${where}: ${u} is not https`);
    if (production && /\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/i.test(u)) errors.push(`${where}: ${u} points at localhost (the admin center rejects it)`);
  }
  if (production && !kid(root, 'SupportUrl')?.attrs.DefaultValue) errors.push('SupportUrl is required for central deployment');

  // Icons: declared sizes match real PNG pixel sizes.
  const base = sourceLocation.replace(/[^/]*$/, '');
  const iconChecks = [
    ['IconUrl', kid(root, 'IconUrl')?.attrs.DefaultValue, 32],
    ['HighResolutionIconUrl', kid(root, 'HighResolutionIconUrl')?.attrs.DefaultValue, 64],
  ];
  const imageSize = new Map();
  for (const [el] of walk(vo ?? { children: [] })) {
    if (local(el.name) === 'Image' && el.attrs.resid && el.attrs.size) imageSize.set(el.attrs.resid, Number(el.attrs.size));
  }
  for (const [rid, size] of imageSize) iconChecks.push([`image ${rid}`, defined.get(rid)?.value, size]);
  for (const [where, url, size] of iconChecks) {
    if (!url) continue;
    if (!url.startsWith(base)) { errors.push(`${where}: ${url} is not under the add-in's base URL ${base}`); continue; }
    if (!rootDir) continue;
    const file = join(rootDir, decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]));
    if (!existsSync(file)) { errors.push(`${where}: ${file} does not exist`); continue; }
    const dim = pngSize(readFileSync(file));
    if (!dim) errors.push(`${where}: ${file} is not a PNG`);
    else if (dim.width !== size || dim.height !== size) errors.push(`${where}: ${file} is ${dim.width}x${dim.height}, declared ${size}x${size}`);
  }
  return errors;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'manifest.xml';
  const production = process.argv.includes('--production');
  const errors = checkManifest(readFileSync(file, 'utf8'), { rootDir: dirname(resolve(file)), production });
  for (const e of errors) console.log(`  ${e}`);
  console.log(errors.length ? `${file}: ${errors.length} problem(s)` : `${file}: project checks passed${production ? ' (production rules)' : ''}`);
  process.exit(errors.length ? 1 : 0);
}
