/**
 * A small sales workbook for pivot tests: Data!A1:C7 (Region, Product, Sales) and a pivot cache
 * over it. Each test supplies a pivot definition and the cells Excel would render for it, worked
 * out by hand from these six rows:
 *
 *   East  Apples 10 | East Pears 20 | West Apples 30 | West Pears 40 | West Plums 5 | North Apples 7
 *   Region sums: East 30, North 7, West 75; Product sums: Apples 47, Pears 60, Plums 5; total 112.
 */
import { buildXlsx, NS, NS_R, pivotParts, worksheetXml, type CellSpec, type Rel, type WorkbookSpec } from './buildXlsx';

export const DATA_CELLS: Record<string, CellSpec> = {
  A1: 'Region', B1: 'Product', C1: 'Sales',
  A2: 'East', B2: 'Apples', C2: 10,
  A3: 'East', B3: 'Pears', C3: 20,
  A4: 'West', B4: 'Apples', C4: 30,
  A5: 'West', B5: 'Pears', C5: 40,
  A6: 'West', B6: 'Plums', C6: 5,
  A7: 'North', B7: 'Apples', C7: 7,
};

/** Shared items in first-appearance order, as Excel stores them: Region East=0, West=1, North=2. */
export const CACHE_FIELDS = `<cacheFields count="3">
  <cacheField name="Region" numFmtId="0"><sharedItems count="3"><s v="East"/><s v="West"/><s v="North"/></sharedItems></cacheField>
  <cacheField name="Product" numFmtId="0"><sharedItems count="3"><s v="Apples"/><s v="Pears"/><s v="Plums"/></sharedItems></cacheField>
  <cacheField name="Sales" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="5" maxValue="40"/></cacheField>
</cacheFields>`;

export function cacheXml(source = '<cacheSource type="worksheet"><worksheetSource ref="A1:C7" sheet="Data"/></cacheSource>', fields = CACHE_FIELDS): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="${NS}" xmlns:r="${NS_R}" recordCount="6">${source}${fields}</pivotCacheDefinition>`;
}

/** Region items sorted A→Z (East, North, West) as Excel orders a new pivot's items. */
export const REGION_ITEMS = '<items count="4"><item x="0"/><item x="2"/><item x="1"/><item t="default"/></items>';
export const PRODUCT_ITEMS = '<items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items>';

/** cellXfs: 0 General, 1 "#,##0" (built-in 3). */
export const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function pivotXml(attrs: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="${NS}" cacheId="1" dataCaption="Values" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" ${attrs}>${body}<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`;
}

export interface SalesPivotOptions {
  /** The pivot sheet's cells (the rendered pivot). */
  cells: Record<string, CellSpec>;
  definition: string;
  cache?: string;
  sheetAfter?: string;
  dataRels?: Rel[];
  extra?: Partial<WorkbookSpec>;
}

/** Data sheet + "Pivot" sheet holding one pivot table. */
export function salesWorkbook(options: SalesPivotOptions): Uint8Array {
  const extra = options.extra ?? {};
  return buildXlsx({
    styles: STYLES,
    ...extra,
    sheets: [
      { name: 'Data', xml: worksheetXml(DATA_CELLS, { dimension: 'A1:C7', after: options.sheetAfter }), rels: options.dataRels },
      { name: 'Pivot', xml: worksheetXml(options.cells), rels: [{ type: 'pivotTable', target: '../pivotTables/pivotTable1.xml' }] },
      ...(extra.sheets ?? []),
    ],
    pivotCaches: [{ cacheId: 1, target: 'pivotCache/pivotCacheDefinition1.xml' }],
    parts: { ...pivotParts(1, options.definition, 1, options.cache ?? cacheXml()), ...(extra.parts ?? {}) },
  });
}
