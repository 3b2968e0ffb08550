/**
 * Assembles a WorkbookModel from an opened package: workbook.xml (sheets, names, active tab),
 * shared strings, styles, each worksheet with its tables and pivot tables, and the list of parts
 * left out.
 */
import { parseArea, splitSheet } from '../../engine/address/a1';
import type { NameModel, PivotModel, PivotSourceModel, SheetModel, TableModel, WorkbookModel } from '../model';
import { XlsxLoadError } from './errors';
import { collectIgnoredParts, type PivotChartLink } from './ignored-parts';
import { readStyles, type Styles } from './number-formats';
import type { Package } from './parts';
import { readPivotCache, type PivotCache } from './pivot-cache';
import { renderedPivot } from './pivot-rendered';
import { readPivotDefinition } from './pivot-table';
import { readSharedStrings } from './shared-strings';
import { readTable } from './tables';
import { precheckCellCount, readWorksheet, type CellBudget, type SheetContext } from './worksheet';
import { attr, boolAttr, child, children, intAttr, textOf } from './xml';

export interface ReadOptions {
  fileName?: string;
  maxCells: number;
  onProgress?: (step: string) => void;
}

interface PendingPivot {
  model: Omit<PivotModel, 'source' | 'rendered'>;
  cache: PivotCache;
  rendered: PivotModel['rendered'];
  part: string;
}

export function readWorkbook(pkg: Package, options: ReadOptions): WorkbookModel {
  const workbookPart = findWorkbookPart(pkg);
  const wb = child(pkg.xml(workbookPart), 'workbook');
  if (!wb) throw new XlsxLoadError('Malformed', 'The workbook part has no <workbook> element', workbookPart);
  const date1904 = boolAttr(child(wb, 'workbookPr'), 'date1904', false);
  const rels = pkg.rels(workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sharedStringsRel = rels.find((r) => r.type === 'sharedStrings');
  const stylesRel = rels.find((r) => r.type === 'styles');
  options.onProgress?.('Reading shared strings and styles');
  const sharedStrings = readSharedStrings(sharedStringsRel ? pkg.optionalXml(sharedStringsRel.target) : undefined);
  const styles = readStyles(stylesRel ? pkg.optionalXml(stylesRel.target) : undefined);

  const cacheParts = new Map<string, string>();
  for (const pc of children(child(wb, 'pivotCaches'), 'pivotCache')) {
    const rel = relById.get(attr(pc, 'id') ?? '');
    const cacheId = attr(pc, 'cacheId');
    if (rel && cacheId !== undefined) cacheParts.set(cacheId, rel.target);
  }
  const caches = new Map<string, PivotCache>();
  const cacheAt = (part: string): PivotCache => {
    let cache = caches.get(part);
    if (!cache) {
      cache = readPivotCache(pkg.optionalXml(part, undefined, true) ?? missing(part), date1904);
      caches.set(part, cache);
    }
    return cache;
  };

  const model: WorkbookModel = { sheets: [], tables: [], pivots: [], names: [], settings: {}, ignored: [] };
  if (options.fileName) model.name = options.fileName;
  const budget: CellBudget = { remaining: options.maxCells, max: options.maxCells };
  const modelIndexOfTab = new Map<number, number>();
  const pending: PendingPivot[] = [];
  const sheetNames: string[] = [];

  const sheetEls = children(child(wb, 'sheets'), 'sheet');
  sheetEls.forEach((s, tab) => {
    const name = attr(s, 'name') ?? `Sheet${tab + 1}`;
    options.onProgress?.(`Reading sheet ${tab + 1} of ${sheetEls.length} (${name})`);
    sheetNames.push(name);
    const rel = relById.get(attr(s, 'id') ?? '');
    if (!rel) throw new XlsxLoadError('Malformed', `Sheet "${name}" has no relationship to its part`, workbookPart);
    if (rel.type !== 'worksheet') {
      // Chart sheets, dialog sheets and macro sheets have no cells to simulate; collectIgnoredParts lists them.
      if (rel.type !== 'chartsheet') model.ignored!.push(`${rel.type}: ${name}`);
      return;
    }
    modelIndexOfTab.set(tab, model.sheets.length);
    const sheet = readSheet(pkg, rel.target, name, { part: rel.target, sharedStrings, styles, date1904, budget });
    if (attr(s, 'state') === 'hidden' || attr(s, 'state') === 'veryHidden') sheet.visible = false;
    model.sheets.push(sheet);
    for (const r of pkg.rels(rel.target)) {
      if (r.external) continue;
      if (r.type === 'table') model.tables.push(readTable(pkg.xml(r.target), name, r.target));
      if (r.type === 'pivotTable') pending.push(readPivot(pkg, r.target, sheet, styles, cacheAt, cacheParts));
    }
  });
  if (model.sheets.length === 0) throw new XlsxLoadError('Malformed', 'The workbook has no worksheets', workbookPart);

  options.onProgress?.('Reading names and PivotTables');
  model.names = readNames(pkg, wb, sheetNames, workbookPart);
  const charts = collectIgnoredParts(pkg, model.ignored!);
  model.pivots = pending.map((p) => finishPivot(p, model.tables, model.names, charts));
  for (const p of model.pivots) {
    for (const reason of p.unsupported ?? []) pkg.notice(p.sheet, `PivotTable "${p.name}": ${reason}`);
  }
  const activeTab = intAttr(child(child(wb, 'bookViews'), 'workbookView'), 'activeTab', 0);
  model.activeSheet = modelIndexOfTab.get(activeTab) ?? 0;
  return model;
}

function missing(part: string): never {
  throw new XlsxLoadError('Malformed', 'A part the workbook refers to is missing', part);
}

/** The office document relationship of the package, else the conventional xl/workbook.xml. */
function findWorkbookPart(pkg: Package): string {
  const rel = pkg.rels('').find((r) => r.type === 'officeDocument' && !r.external);
  const part = rel?.target ?? 'xl/workbook.xml';
  if (!pkg.has(part)) throw new XlsxLoadError('Malformed', 'The file has no workbook part (xl/workbook.xml); it is not an Excel workbook', part);
  return part;
}

function readSheet(pkg: Package, part: string, name: string, ctx: SheetContext): SheetModel {
  const text = pkg.text(part) ?? missing(part);
  precheckCellCount(text, ctx);
  const content = readWorksheet(text, ctx);
  const sheet: SheetModel = { name, cells: content.cells };
  if (content.merges.length) sheet.merges = content.merges;
  return sheet;
}

function readPivot(
  pkg: Package,
  part: string,
  sheet: SheetModel,
  styles: Styles,
  cacheAt: (part: string) => PivotCache,
  cacheParts: Map<string, string>,
): PendingPivot {
  const root = pkg.xml(part);
  // The pivot's own rels name its cache; the workbook's cacheId table is the fallback.
  const cachePart = pkg.relOfType(part, 'pivotCacheDefinition')?.target
    ?? cacheParts.get(attr(child(root, 'pivotTableDefinition'), 'cacheId') ?? '');
  if (!cachePart) throw new XlsxLoadError('Malformed', 'The PivotTable has no pivot cache', part);
  const cache = cacheAt(cachePart);
  const def = readPivotDefinition(root, cache, sheet.name, styles);
  return { model: def.model, cache, rendered: renderedPivot(def.location, sheet.cells, def.lines, def.model.layout === 'Compact'), part };
}

function finishPivot(p: PendingPivot, tables: TableModel[], names: NameModel[], charts: PivotChartLink[]): PivotModel {
  const unsupported = [...(p.model.unsupported ?? [])];
  const source = resolveSource(p.cache, p.model.sheet, tables, names, unsupported);
  for (const c of charts) {
    if (c.pivot === p.model.name && (c.sheet === undefined || c.sheet === p.model.sheet)) unsupported.push(`pivot chart (${c.part})`);
  }
  const pivot: PivotModel = { ...p.model, source, rendered: p.rendered };
  if (unsupported.length) pivot.unsupported = unsupported;
  else delete pivot.unsupported;
  return pivot;
}

/** Cache source → model source: a table by name, a range (directly or through a defined name), or external. */
function resolveSource(
  cache: PivotCache,
  pivotSheet: string,
  tables: TableModel[],
  names: NameModel[],
  unsupported: string[],
): PivotSourceModel {
  const src = cache.source;
  if (src.kind === 'external') return { kind: 'external', description: src.description };
  if (src.externalWorkbook) {
    unsupported.push('data source in another workbook');
    return { kind: 'external', description: `another workbook: ${src.sheet ?? ''}!${src.ref ?? src.name ?? ''}` };
  }
  if (src.name) {
    const table = tables.find((t) => t.name.toLowerCase() === src.name!.toLowerCase());
    if (table) return { kind: 'table', table: table.name };
    const name = names.find((n) => n.name.toLowerCase() === src.name!.toLowerCase());
    const range = name && rangeOfReference(name.reference);
    if (range) return range;
    unsupported.push(`data source "${src.name}" is not a table or a simple range`);
    return { kind: 'external', description: src.name };
  }
  return { kind: 'range', sheet: src.sheet ?? pivotSheet, address: (src.ref ?? '').replace(/\$/g, '') };
}

function rangeOfReference(reference: string): PivotSourceModel | undefined {
  const { sheet, local } = splitSheet(reference.replace(/^=/, ''));
  if (!sheet) return undefined;
  try {
    parseArea(local);
  } catch {
    return undefined;
  }
  return { kind: 'range', sheet, address: local.replace(/\$/g, '') };
}

/**
 * Defined names. `_xlnm.` built-ins keep their Excel-visible name (Print_Area, Print_Titles);
 * `_xlnm._FilterDatabase` and other hidden names are Excel's bookkeeping and are skipped.
 */
function readNames(pkg: Package, wb: ReturnType<typeof child>, sheetNames: string[], part: string): NameModel[] {
  const out: NameModel[] = [];
  for (const d of children(child(wb, 'definedNames'), 'definedName')) {
    let name = attr(d, 'name') ?? '';
    if (!name || boolAttr(d, 'hidden', false) || name === '_xlnm._FilterDatabase') continue;
    if (name.startsWith('_xlnm.')) name = name.slice(6);
    const model: NameModel = { name, reference: `=${textOf(d)}` };
    const local = intAttr(d, 'localSheetId');
    if (local !== undefined) {
      const scope = sheetNames[local];
      if (scope === undefined) {
        pkg.notice(part, `Defined name "${name}" refers to sheet #${local}, which does not exist; skipped`);
        continue;
      }
      model.scope = scope;
    }
    out.push(model);
  }
  return out;
}
