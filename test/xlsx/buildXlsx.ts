/**
 * Builds .xlsx files in tests from SpreadsheetML text written after ECMA-376 Part 1, zipped with
 * fflate. Tests state the parts they care about literally; this file only writes the package
 * boilerplate ([Content_Types].xml, rels, workbook.xml) around them.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export type CellSpec =
  | string
  | number
  | boolean
  /** Anything else: a raw `<c>` with these parts. `t` is the cell type, `v` the cached value. */
  | { t?: string; v?: string | number; f?: string; fAttrs?: string; s?: number; is?: string };

export interface Rel { type: string; target: string; id?: string; external?: boolean }

export interface SheetSpec {
  name: string;
  /** The worksheet part's XML (see `worksheetXml`), or a chart sheet's when kind is chartsheet. */
  xml: string;
  kind?: 'worksheet' | 'chartsheet';
  state?: 'hidden' | 'veryHidden';
  rels?: Rel[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Raw `<sst>` part text, or strings to write as plain items. */
  sharedStrings?: string | string[];
  styles?: string;
  /** Inserted after `<sheets>` (definedNames, calcPr ...). */
  afterSheets?: string;
  workbookPr?: string;
  activeTab?: number;
  pivotCaches?: Array<{ cacheId: number; target: string }>;
  /** More parts by name (pivot tables, caches, tables, charts, vbaProject.bin ...). */
  parts?: Record<string, string | Uint8Array>;
  /** Leave out a part the boilerplate would write (e.g. "xl/workbook.xml"). */
  omit?: string[];
}

/** `{ A1: 'x', B1: 2 }` → `<sheetData>` rows in order. Strings become inline strings. */
export function sheetData(cells: Record<string, CellSpec>): string {
  const rows = new Map<number, string[]>();
  const entries = Object.entries(cells).sort(([a], [b]) => order(a) - order(b));
  for (const [ref, spec] of entries) {
    const row = Number(/\d+$/.exec(ref)![0]);
    if (!rows.has(row)) rows.set(row, []);
    rows.get(row)!.push(cellXml(ref, spec));
  }
  const body = [...rows.entries()].map(([r, cs]) => `<row r="${r}">${cs.join('')}</row>`).join('');
  return `<sheetData>${body}</sheetData>`;
}

function order(ref: string): number {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(digits) * 100_000 + col;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cellXml(ref: string, spec: CellSpec): string {
  if (typeof spec === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(spec)}</t></is></c>`;
  if (typeof spec === 'number') return `<c r="${ref}"><v>${spec}</v></c>`;
  if (typeof spec === 'boolean') return `<c r="${ref}" t="b"><v>${spec ? 1 : 0}</v></c>`;
  const attrs = `${spec.t ? ` t="${spec.t}"` : ''}${spec.s !== undefined ? ` s="${spec.s}"` : ''}`;
  const f = spec.f !== undefined || spec.fAttrs ? `<f${spec.fAttrs ? ` ${spec.fAttrs}` : ''}>${escapeXml(spec.f ?? '')}</f>` : '';
  const v = spec.v !== undefined ? `<v>${escapeXml(String(spec.v))}</v>` : '';
  const is = spec.is !== undefined ? `<is>${spec.is}</is>` : '';
  return `<c r="${ref}"${attrs}>${f}${v}${is}</c>`;
}

/** A worksheet part: optional dimension, the cells, then extra elements (mergeCells, tableParts ...). */
export function worksheetXml(cells: Record<string, CellSpec>, options: { dimension?: string; after?: string } = {}): string {
  const dim = options.dimension ? `<dimension ref="${options.dimension}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${NS_R}">${dim}${sheetData(cells)}${options.after ?? ''}</worksheet>`;
}

export function relsXml(rels: Rel[]): string {
  const items = rels.map((r, i) =>
    `<Relationship Id="${r.id ?? `rId${i + 1}`}" Type="${REL}/${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/** The parts of one pivot table: definition, its rels to the cache, and the cache definition. */
export function pivotParts(n: number, definition: string, cacheN: number, cacheDefinition?: string): Record<string, string> {
  const parts: Record<string, string> = {
    [`xl/pivotTables/pivotTable${n}.xml`]: definition,
    [`xl/pivotTables/_rels/pivotTable${n}.xml.rels`]: relsXml([{ type: 'pivotCacheDefinition', target: `../pivotCache/pivotCacheDefinition${cacheN}.xml` }]),
  };
  if (cacheDefinition) parts[`xl/pivotCache/pivotCacheDefinition${cacheN}.xml`] = cacheDefinition;
  return parts;
}

/** Zips a workbook described by `spec` into .xlsx bytes. */
export function buildXlsx(spec: WorkbookSpec): Uint8Array {
  const files: Record<string, string | Uint8Array> = {};
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  files['_rels/.rels'] = relsXml([{ type: 'officeDocument', target: 'xl/workbook.xml' }]);
  const wbRels: Rel[] = [];
  const sheetEls: string[] = [];
  spec.sheets.forEach((s, i) => {
    const kind = s.kind ?? 'worksheet';
    const folder = kind === 'worksheet' ? 'worksheets' : 'chartsheets';
    const id = `rIdS${i + 1}`;
    wbRels.push({ id, type: kind, target: `${folder}/sheet${i + 1}.xml` });
    files[`xl/${folder}/sheet${i + 1}.xml`] = s.xml;
    if (s.rels?.length) files[`xl/${folder}/_rels/sheet${i + 1}.xml.rels`] = relsXml(s.rels);
    sheetEls.push(`<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="${id}"/>`);
  });
  if (spec.sharedStrings !== undefined) {
    files['xl/sharedStrings.xml'] = typeof spec.sharedStrings === 'string'
      ? spec.sharedStrings
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${spec.sharedStrings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`;
    wbRels.push({ id: 'rIdSST', type: 'sharedStrings', target: 'sharedStrings.xml' });
  }
  if (spec.styles !== undefined) {
    files['xl/styles.xml'] = spec.styles;
    wbRels.push({ id: 'rIdStyles', type: 'styles', target: 'styles.xml' });
  }
  const caches = (spec.pivotCaches ?? []).map((c, i) => {
    wbRels.push({ id: `rIdPC${i + 1}`, type: 'pivotCacheDefinition', target: c.target });
    return `<pivotCache cacheId="${c.cacheId}" r:id="rIdPC${i + 1}"/>`;
  });
  files['xl/_rels/workbook.xml.rels'] = relsXml(wbRels);
  const views = spec.activeTab !== undefined ? `<bookViews><workbookView activeTab="${spec.activeTab}"/></bookViews>` : '';
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${NS_R}">${spec.workbookPr ?? ''}${views}<sheets>${sheetEls.join('')}</sheets>${spec.afterSheets ?? ''}${caches.length ? `<pivotCaches>${caches.join('')}</pivotCaches>` : ''}</workbook>`;
  Object.assign(files, spec.parts ?? {});
  for (const name of spec.omit ?? []) delete files[name];
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(zippable);
}
