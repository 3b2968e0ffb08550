/**
 * Pivot cache definitions (ECMA-376 §18.10.1): where the pivot's data comes from and, per source
 * column, the distinct items that pivot fields refer to by index.
 */
import { isoToSerial } from './dates';
import { attr, child, children, type XmlNode } from './xml';

export type CacheSource =
  | { kind: 'worksheet'; sheet?: string; ref?: string; name?: string; externalWorkbook: boolean }
  | { kind: 'external'; description: string };

export interface CacheField {
  name: string;
  /** Captions of the shared items, in stored order (pivot field items refer to these by index). */
  items: string[];
  /** Number format id of the source column (cacheField numFmtId). */
  numFmtId?: number;
  /**
   * What PivotDeck cannot reproduce about this field (a calculated or grouped field), said only
   * for the pivots that use it: several pivots share one cache, most use few of its fields.
   */
  unsupported?: string;
}

export interface PivotCache {
  source: CacheSource;
  fields: CacheField[];
  /** Reasons PivotDeck cannot reproduce any pivot on this cache (OLAP, external data); per field: CacheField.unsupported. */
  unsupported: string[];
}

export function readPivotCache(root: XmlNode, date1904: boolean): PivotCache {
  const def = child(root, 'pivotCacheDefinition');
  const unsupported: string[] = [];
  const source = readSource(child(def, 'cacheSource'));
  if (source.kind === 'external') unsupported.push(`external or OLAP data source (${source.description})`);
  if (child(def, 'cacheHierarchies')) unsupported.push('OLAP / Data Model cache (cacheHierarchies)');
  const fields = children(child(def, 'cacheFields'), 'cacheField').map((f) => {
    const name = attr(f, 'caption') ?? attr(f, 'name') ?? '';
    const formula = attr(f, 'formula');
    const grouping = groupingOf(child(f, 'fieldGroup'));
    const reason = formula !== undefined ? `calculated field "${name}" (=${formula})`
      : grouping ? `grouped field "${name}" (${grouping})`
      : attr(f, 'databaseField') === '0' ? `field "${name}" not from the source`
      : undefined;
    const numFmtId = attr(f, 'numFmtId');
    const field: CacheField = { name, items: sharedItemCaptions(child(f, 'sharedItems'), date1904) };
    if (numFmtId !== undefined) field.numFmtId = Number(numFmtId);
    if (reason) field.unsupported = reason;
    return field;
  });
  return { source, fields, unsupported };
}

/**
 * How a field is grouped (§18.10.1.27 fieldGroup), in words; undefined when it is not grouped
 * itself. `rangePr` groups numbers into ranges (groupBy "range") or dates by a period
 * (groupBy "months", "years", …); `discretePr` is a grouping made by hand (items selected and
 * grouped: "Group1", …). A field with only `par` is the source column a hand-made grouping is
 * based on: it is not grouped itself.
 */
function groupingOf(group: XmlNode | undefined): string | undefined {
  if (!group) return undefined;
  const range = child(group, 'rangePr');
  if (range) {
    const by = attr(range, 'groupBy') ?? 'range';
    const interval = attr(range, 'groupInterval');
    if (by === 'range') return `numbers grouped into ranges${interval ? ` of ${interval}` : ''}`;
    return `dates grouped by ${by}`;
  }
  if (child(group, 'discretePr')) {
    const names = children(child(group, 'groupItems'), 's').map((g) => attr(g, 'v') ?? '').filter((v) => v !== '');
    const shown = names.slice(0, 3).map((n) => `"${n}"`).join(', ') + (names.length > 3 ? ', …' : '');
    return `items grouped by hand${shown ? ` into ${shown}` : ''}`;
  }
  return undefined;
}

function readSource(node: XmlNode | undefined): CacheSource {
  const type = attr(node, 'type') ?? 'worksheet';
  if (type === 'worksheet') {
    const ws = child(node, 'worksheetSource');
    if (ws) {
      return {
        kind: 'worksheet',
        sheet: attr(ws, 'sheet'),
        ref: attr(ws, 'ref'),
        name: attr(ws, 'name'),
        // An r:id on worksheetSource points at another workbook.
        externalWorkbook: attr(ws, 'id') !== undefined,
      };
    }
    return { kind: 'external', description: 'worksheet source without a range' };
  }
  if (type === 'external') {
    const connection = attr(node, 'connectionId');
    return { kind: 'external', description: connection ? `data connection ${connection}` : 'external data' };
  }
  return { kind: 'external', description: `${type} source` };
}

/**
 * Item captions as Excel shows them in the pivot: text as is, numbers in shortest form, booleans
 * TRUE/FALSE, missing as "(blank)", dates as their serial (the pivot cell holds the serial).
 */
function sharedItemCaptions(node: XmlNode | undefined, date1904: boolean): string[] {
  if (!node) return [];
  const out: string[] = [];
  // Child order matters and mixes element names, so walk the element names in document order.
  const ordered = orderedItems(node);
  for (const { tag, item } of ordered) {
    const v = attr(item, 'v') ?? '';
    if (tag === 'm') out.push('(blank)');
    else if (tag === 'b') out.push(v === '1' || v === 'true' ? 'TRUE' : 'FALSE');
    else if (tag === 'n') out.push(String(Number(v)));
    else if (tag === 'd') out.push(String(isoToSerial(v, date1904) ?? v));
    else out.push(v);
  }
  return out;
}

/**
 * Shared items interleave <s>, <n>, <m>... and pivot items index into that sequence, so the
 * cache part is parsed with "#order" (see parseXml) and the sequence is rebuilt from it.
 */
function orderedItems(node: XmlNode): Array<{ tag: string; item: XmlNode }> {
  const order = node['#order'];
  const tags = ['s', 'n', 'b', 'd', 'e', 'm'];
  if (typeof order === 'string') {
    const cursor: Record<string, number> = {};
    return order.split(',').filter((t) => tags.includes(t)).map((tag) => {
      const i = cursor[tag] ?? 0;
      cursor[tag] = i + 1;
      return { tag, item: children(node, tag)[i] };
    });
  }
  return tags.flatMap((tag) => children(node, tag).map((item) => ({ tag, item })));
}
