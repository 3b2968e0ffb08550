// What the publisher fills in at build time: who publishes PivotDeck (name, contact, the law that
// governs the terms) for the support, privacy and terms pages, and the names the manifest shows
// (DISPLAY_NAME, PROVIDER_NAME). Used by webpack.config.js and its tests.
//
//   npm run build -- --env ADDIN_URL=https://host/path --env PUBLISHER=publisher.json
//   npm run build -- --env ADDIN_URL=... --env PUBLISHER='{"name":"Contoso Ltd",...}'
//
// Why a JSON file and not six --env flags: the same values feed three pages and a Partner Center
// form, and a publisher keeps them in one reviewed file. publisher.example.json shows the shape.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';

/** Manifest <DisplayName> and <ProviderName> are ShortString: 1 to 125 characters (the XSD). */
export const MANIFEST_NAME_MAX = 125;
/** What the manifest says when the build is given no DISPLAY_NAME / PROVIDER_NAME. */
export const DEFAULT_DISPLAY_NAME = 'PivotDeck';
export const DEFAULT_PROVIDER_NAME = 'PivotDeck';

const text = (what, max) => z.string({ error: `${what} is required` }).trim().min(1, `${what} is required`).max(max, `${what} is longer than ${max} characters`);

/** The publisher file's shape. Every page value comes from here or from the build's own options. */
/** Internationalised addresses (hjælp@ærø.dk) are real; zod's default e-mail pattern is ASCII only. */
const email = (message) => z.email({ pattern: z.regexes.unicodeEmail, error: message });

export const publisherSchema = z.object({
  name: text('name (the publisher\'s registered name)', 200),
  email: email('email must be an e-mail address people can write to for support'),
  privacyEmail: email('privacyEmail must be an e-mail address').optional(),
  website: z.url({ protocol: /^https$/, error: 'website must be an https:// address' }).optional(),
  address: text('address', 400).optional(),
  jurisdiction: text('jurisdiction (the law that governs the terms, e.g. "England and Wales")', 200),
  updated: z.iso.date('updated must be a date written YYYY-MM-DD').optional(),
}).strict();

/**
 * Validates publisher details and returns them trimmed. Throws an Error whose message names
 * every field that is wrong and says how to fix it.
 * @example parsePublisher({ name: 'Contoso Ltd', email: 'help@contoso.com', jurisdiction: 'Ireland' })
 */
export function parsePublisher(raw, source = 'publisher details') {
  const r = publisherSchema.safeParse(raw);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => (i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message));
  throw new Error(`${source}: ${problems.join('; ')}. See publisher.example.json for the fields.`);
}

/**
 * Reads the publisher details a build was given: `PUBLISHER` is a path to a JSON file (relative
 * to `root`) or the JSON itself; without it, `root/publisher.json` when it exists. Returns null
 * when there is none, so the caller decides (production refuses, development uses the example).
 * @example loadPublisher(process.env.PUBLISHER, process.cwd())
 */
export function loadPublisher(option, root) {
  const value = option?.trim();
  if (value?.startsWith('{')) {
    let json;
    try { json = JSON.parse(value); } catch (e) { throw new Error(`PUBLISHER is not valid JSON (${e.message})`); }
    return parsePublisher(json, 'PUBLISHER');
  }
  const file = value ? (isAbsolute(value) ? value : join(root, value)) : join(root, 'publisher.json');
  if (!existsSync(file)) {
    if (value) throw new Error(`PUBLISHER file ${value} does not exist`);
    return null;
  }
  let json;
  try { json = JSON.parse(readFileSync(file, 'utf8')); } catch (e) { throw new Error(`${file} is not valid JSON (${e.message})`); }
  return parsePublisher(json, file);
}

/**
 * Checks a manifest name given at build time (DISPLAY_NAME, PROVIDER_NAME) and returns it trimmed.
 * @example manifestName('PivotDeck – pivots with medians and cloud data', 'DISPLAY_NAME')
 */
export function manifestName(raw, option, fallback) {
  if (raw === undefined) return fallback;
  const name = String(raw).trim();
  if (name.length === 0) throw new Error(`${option} is empty; leave it out to keep "${fallback}"`);
  if (name.length > MANIFEST_NAME_MAX) throw new Error(`${option} is ${name.length} characters; the manifest allows at most ${MANIFEST_NAME_MAX}`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u001f]/.test(name)) throw new Error(`${option} contains a control character`);
  return name;
}

/** Escapes text for HTML content and attribute values (both quotes). */
export function escapeHtml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes text for an XML attribute value or element text. */
export function escapeXml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Writes DISPLAY_NAME and PROVIDER_NAME into manifest text (XML-escaped). Throws when the
 * manifest does not have exactly one of each element, so a changed manifest cannot silently keep
 * the old names.
 * @example brandManifest(xml, { displayName: 'PivotDeck for Excel', providerName: 'Contoso Ltd' })
 */
export function brandManifest(xml, { displayName, providerName }) {
  const swap = (text, re, make, what) => {
    const hits = text.match(new RegExp(re.source, 'g')) ?? [];
    if (hits.length !== 1) throw new Error(`manifest.xml must have exactly one ${what} (found ${hits.length})`);
    return text.replace(re, make);
  };
  let out = swap(xml, /<ProviderName>[^<]*<\/ProviderName>/, () => `<ProviderName>${escapeXml(providerName)}</ProviderName>`, '<ProviderName>');
  out = swap(out, /<DisplayName DefaultValue="[^"]*"\s*\/>/, () => `<DisplayName DefaultValue="${escapeXml(displayName)}"/>`, '<DisplayName DefaultValue="..."/>');
  return out;
}

const LONG_DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/**
 * The values the page templates may use. Keys ending in `Html` hold markup built here from
 * escaped parts; every other value is plain text that `renderPage` escapes.
 * @example pageValues(publisher, { addinUrl: 'https://host/p', displayName: 'PivotDeck', version: '1.0.0.0', today: '2026-12-07' })
 */
export function pageValues(publisher, { addinUrl, displayName, version, today }) {
  const updated = publisher.updated ?? today;
  const privacyEmail = publisher.privacyEmail ?? publisher.email;
  const mail = (address) => `<a href="mailto:${escapeHtml(address)}">${escapeHtml(address)}</a>`;
  const contact = [`E-mail: ${mail(publisher.email)}`];
  if (publisher.website) contact.push(`Web: <a href="${escapeHtml(publisher.website)}">${escapeHtml(publisher.website)}</a>`);
  if (publisher.address) contact.push(`Post: ${escapeHtml(publisher.address)}`);
  return {
    displayName,
    publisherName: publisher.name,
    jurisdiction: publisher.jurisdiction,
    version,
    addinUrl,
    addinOrigin: new URL(addinUrl).origin,
    updated: LONG_DATE.format(new Date(`${updated}T00:00:00Z`)),
    emailHtml: mail(publisher.email),
    privacyEmailHtml: mail(privacyEmail),
    contactHtml: contact.join('<br>'),
  };
}

/**
 * Fills `{{key}}` placeholders. Throws on a key that has no value and on any `{{`/`}}` left over,
 * so a page can never ship with a hole in it.
 * @example renderPage('<p>{{publisherName}}</p>', { publisherName: 'A & B' }) // => '<p>A &amp; B</p>'
 */
export function renderPage(template, values, name = 'page') {
  const missing = new Set();
  const out = template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g, (_, key) => {
    if (!Object.hasOwn(values, key)) { missing.add(key); return ''; }
    return key.endsWith('Html') ? String(values[key]) : escapeHtml(values[key]);
  });
  if (missing.size) throw new Error(`${name}: no value for ${[...missing].map((k) => `{{${k}}}`).join(', ')}`);
  const left = /\{\{|\}\}/.exec(out);
  if (left) throw new Error(`${name}: unfilled placeholder near "${out.slice(Math.max(0, left.index - 20), left.index + 20)}"`);
  return out;
}

/** The pages the build writes from assets/pages/, in dist/ under the same names. */
export const PAGES = ['support.html', 'privacy.html', 'terms.html'];
