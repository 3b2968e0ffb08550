/**
 * Package-level access shared by every mapper: parsed parts by name, relationships resolved to
 * part names, and the notices collected on the way.
 */
import { XlsxLoadError } from './errors';
import { normalisePartName, type ZipArchive } from './zip';
import { attr, children, decodeText, parseXml, type XmlNode } from './xml';

export interface LoadNotice {
  /** Zip part the notice is about, e.g. "xl/charts/chart1.xml", or "" for the whole file. */
  part: string;
  message: string;
}

export interface Relationship {
  id: string;
  /** Last segment of the relationship type URI, e.g. "worksheet", "pivotTable", "table". */
  type: string;
  /** Resolved part name ("xl/worksheets/sheet1.xml"), or the raw target when external. */
  target: string;
  external: boolean;
}

export class Package {
  readonly notices: LoadNotice[] = [];
  private readonly cache = new Map<string, XmlNode>();

  constructor(readonly zip: ZipArchive) {}

  has(part: string): boolean {
    return this.zip.has(part);
  }

  /** Parsed XML of a part; throws Malformed when a part the workbook needs is missing. */
  xml(part: string): XmlNode {
    const found = this.optionalXml(part);
    if (!found) throw new XlsxLoadError('Malformed', 'A part the workbook refers to is missing', part);
    return found;
  }

  /**
   * Parsed XML of a part, undefined when absent. `precheck` sees the raw text first, so a size
   * guard can refuse a part before the parser builds objects for all of it.
   */
  optionalXml(part: string, precheck?: (text: string) => void, ordered = false): XmlNode | undefined {
    const key = normalisePartName(part);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const bytes = this.zip.read(key);
    if (!bytes) return undefined;
    const text = decodeText(bytes);
    precheck?.(text);
    const parsed = parseXml(text, part, ordered);
    this.cache.set(key, parsed);
    return parsed;
  }

  /**
   * Decoded text of a part, undefined when absent; not cached (a worksheet is read once, by a
   * mapper that parses it its own way).
   */
  text(part: string): string | undefined {
    const bytes = this.zip.read(normalisePartName(part));
    return bytes ? decodeText(bytes) : undefined;
  }

  /** Relationships of `part` (from "dir/_rels/name.rels"), [] when it has none. */
  rels(part: string): Relationship[] {
    const slash = part.lastIndexOf('/');
    const dir = part.slice(0, slash + 1);
    const relsPart = `${dir}_rels/${part.slice(slash + 1)}.rels`;
    const root = this.optionalXml(relsPart);
    if (!root) return [];
    return children(children(root, 'Relationships')[0], 'Relationship').map((r) => toRelationship(r, dir));
  }

  /** The first relationship of `part` whose type is `type`. */
  relOfType(part: string, type: string): Relationship | undefined {
    return this.rels(part).find((r) => r.type === type && !r.external);
  }

  notice(part: string, message: string): void {
    this.notices.push({ part, message });
  }
}

function toRelationship(node: XmlNode, dir: string): Relationship {
  const typeUri = attr(node, 'Type') ?? '';
  const target = attr(node, 'Target') ?? '';
  const external = attr(node, 'TargetMode') === 'External';
  return {
    id: attr(node, 'Id') ?? '',
    type: typeUri.slice(typeUri.lastIndexOf('/') + 1),
    target: external ? target : resolveTarget(dir, target),
    external,
  };
}

/** Resolves a relationship target against the source part's folder ("xl/worksheets/" + "../tables/t.xml"). */
export function resolveTarget(dir: string, target: string): string {
  const segments = target.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const s of target.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}
