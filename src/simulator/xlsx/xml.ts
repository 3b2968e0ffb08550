/**
 * XML parsing for OOXML parts with fast-xml-parser, configured for hostile input: no DOCTYPE at all
 * (OPC forbids DTDs in package parts, and a DTD is how entity-expansion bombs get in), no entity
 * processing by the parser, and well-formedness validated so a damaged part is an error instead of
 * a silently half-read sheet. The five predefined entities and character references are decoded
 * here, which is all OOXML uses.
 */
import { XMLParser } from 'fast-xml-parser';
import { XlsxLoadError } from './errors';

/** A parsed element: attributes under "@_name", children by local name (one or an array), text under "#text". */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = XmlNode | XmlNode[] | string | string[] | undefined;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Whitespace matters in <t xml:space="preserve">; callers ignore whitespace-only text of containers.
  trimValues: false,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Deeply nested rich text or extLst is still far below this; a nesting bomb is not.
  maxNestedTags: 200,
  // No callbacks read paths; building path strings per tag costs about a third of parse time.
  jPath: false,
});

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 200,
  jPath: false,
});

/**
 * Parses a part. With `ordered`, each element with children also gets "#order": its child element
 * names in document order, comma-separated — needed where the schema interleaves element types
 * and indexes into the sequence (pivot cache shared items: <s>, <n>, <m> mixed).
 */
export function parseXml(text: string, part: string, ordered = false): XmlNode {
  refuseDoctype(text, part);
  try {
    if (ordered) return groupOrdered(orderedParser.parse(text, true) as OrderedNode[]);
    return parser.parse(text, true) as XmlNode;
  } catch (e) {
    throw new XlsxLoadError('Malformed', `The part is not well-formed XML: ${firstLine(e)}`, part);
  }
}

/** Refuses a part with a DOCTYPE or entity declaration (how entity-expansion bombs get in). */
export function refuseDoctype(text: string, part: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new XlsxLoadError('Malformed', 'The part declares a DOCTYPE or entities, which Office files never do; refused', part);
  }
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0].slice(0, 200);
}

/** Bytes of a part → text, honouring a UTF-16 byte order mark. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** "A &amp; B &#65;" → "A & B A". Unknown entities stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Child elements named `name` as an array (absent → []). Text children are dropped. */
export function children(node: XmlValue, name: string): XmlNode[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  const v = (node as XmlNode)[name];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (typeof x === 'string' ? ({ '#text': x } as XmlNode) : (x as XmlNode)));
}

/** The first child element named `name`, or undefined. */
export function child(node: XmlValue, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Attribute value (entities decoded), or undefined. */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? decodeEntities(v) : undefined;
}

/** Boolean attribute with the schema default: "1"/"true" → true, "0"/"false" → false. */
export function boolAttr(node: XmlNode | undefined, name: string, fallback: boolean): boolean {
  const v = attr(node, name);
  if (v === undefined) return fallback;
  return v === '1' || v === 'true';
}

/** Integer attribute, or the fallback when absent or not a number. */
export function intAttr(node: XmlNode | undefined, name: string, fallback: number): number;
export function intAttr(node: XmlNode | undefined, name: string): number | undefined;
export function intAttr(node: XmlNode | undefined, name: string, fallback?: number): number | undefined {
  const v = attr(node, name);
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

/** Text content of an element (entities decoded); "" for an empty element. */
export function textOf(node: XmlValue): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return decodeEntities(node);
  if (Array.isArray(node)) return node.map((n) => textOf(n as XmlValue)).join('');
  const t = node['#text'];
  return typeof t === 'string' ? decodeEntities(t) : '';
}

type OrderedNode = { [key: string]: OrderedNode[] | string | Record<string, string> };

/** preserveOrder output → the grouped shape used everywhere else, plus "#order". */
function groupOrdered(list: OrderedNode[]): XmlNode {
  const out: XmlNode = {};
  const order: string[] = [];
  for (const item of list) {
    const attrs = item[':@'] as Record<string, string> | undefined;
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') {
        out['#text'] = ((out['#text'] as string | undefined) ?? '') + String(value);
        continue;
      }
      const node = groupOrdered(value as OrderedNode[]);
      if (attrs) Object.assign(node, attrs);
      order.push(key);
      const existing = out[key];
      if (existing === undefined) out[key] = node;
      else if (Array.isArray(existing)) (existing as XmlNode[]).push(node);
      else out[key] = [existing as XmlNode, node];
    }
  }
  if (order.length) out['#order'] = order.join(',');
  return out;
}
