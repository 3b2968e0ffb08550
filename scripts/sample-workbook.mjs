// Writes PivotDeck-sample.xlsx: sheet "Sales" with the sample rows as an Excel table named
// Sales, and sheet "Summary" with a PivotTable "SalesPivot" (Region on rows, Sum of Revenue) over
// that table, plus three lines on what to try with PivotDeck.
//
// Written from ECMA-376 Part 1 (SpreadsheetML §18) the way Excel itself saves a compact-layout
// pivot: a pivot cache definition with the records saved, and the cells the pivot shows. The
// cache asks Excel to refresh on open (refreshOnLoad), so Excel recomputes the pivot from the
// table whatever it finds. No Excel runs on the build machine: the file is checked by loading it
// into PivotDeck's simulator (test/build), not by Excel; open it once in Excel before a release.
import { strToU8, zipSync } from 'fflate';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const SAMPLE_TABLE = 'Sales';
export const SAMPLE_PIVOT = 'SalesPivot';
export const SAMPLE_PIVOT_SHEET = 'Summary';

/** Style indexes in cellXfs below. */
const S = { general: 0, date: 1, money: 2, int: 3, bold: 4 };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 0 → A, 25 → Z, 26 → AA. */
function colName(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel serial of an ISO date (1900 date system: day 1 is 1900-01-01, serial 25569 is 1970-01-01). */
export function isoDateToSerial(iso) {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 + 25569;
}

function rels(items) {
  return `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
}

function cell(ref, value, style) {
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(value)}</t></is></c>`;
}

function row(r, cells) {
  return `<row r="${r}">${cells.join('')}</row>`;
}

/** Column kinds of the sample: how each is written and summarised. */
function kinds(columns) {
  return columns.map((c) => (c === 'OrderDate' ? 'date' : c === 'Units' ? 'int' : c === 'UnitPrice' || c === 'Revenue' ? 'money' : 'text'));
}

/** Sum of Revenue by Region, regions A→Z (Excel's order for a new pivot's items), and the total. */
export function revenueByRegion({ columns, rows }) {
  const ri = columns.indexOf('Region');
  const vi = columns.indexOf('Revenue');
  const sums = new Map();
  for (const r of rows) sums.set(r[ri], (sums.get(r[ri]) ?? 0) + r[vi]);
  const regions = [...sums.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Rounded to cents as Excel would display them; the stored value is the exact double sum.
  return { regions, sums: regions.map((g) => sums.get(g)), total: [...sums.values()].reduce((a, b) => a + b, 0) };
}

/**
 * Builds the .xlsx bytes for the sample data set.
 * @example writeFileSync('PivotDeck-sample.xlsx', sampleWorkbook(readSampleData('.')))
 */
export function sampleWorkbook(data) {
  const { columns, rows } = data;
  const kind = kinds(columns);
  const lastCol = colName(columns.length - 1);
  const lastRow = rows.length + 1;
  const tableRef = `A1:${lastCol}${lastRow}`;
  const ri = columns.indexOf('Region');
  const vi = columns.indexOf('Revenue');
  if (ri < 0 || vi < 0) throw new Error('the sample data needs Region and Revenue columns');

  // Sheet 1: the table.
  const dataRows = [row(1, columns.map((c, i) => cell(`${colName(i)}1`, c)))];
  rows.forEach((r, k) => {
    dataRows.push(row(k + 2, r.map((v, i) => {
      const ref = `${colName(i)}${k + 2}`;
      if (kind[i] === 'date') return cell(ref, isoDateToSerial(v), S.date);
      if (kind[i] === 'int') return cell(ref, v, S.int);
      if (kind[i] === 'money') return cell(ref, v, S.money);
      return cell(ref, v);
    })));
  });
  const widths = columns.map((c) => (c === 'Customer' || c === 'Product' ? 20 : 13));
  const sheet1 = `${XML_DECL}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><dimension ref="${tableRef}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${dataRows.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';

  const table = `${XML_DECL}<table xmlns="${NS}" id="1" name="${SAMPLE_TABLE}" displayName="${SAMPLE_TABLE}" ref="${tableRef}" totalsRowShown="0">` +
    `<autoFilter ref="${tableRef}"/><tableColumns count="${columns.length}">` +
    columns.map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`).join('') +
    '</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';

  // Pivot cache: shared items for Region (the row field refers to them by index), values inline
  // in the records for every other field, as Excel saves fields that are not on an axis.
  const regionsInOrder = [];
  for (const r of rows) if (!regionsInOrder.includes(r[ri])) regionsInOrder.push(r[ri]);
  const numeric = (i) => {
    const vals = rows.map((r) => r[i]);
    const ints = vals.every((v) => Number.isInteger(v));
    return `<sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1"${ints ? ' containsInteger="1"' : ''} minValue="${Math.min(...vals)}" maxValue="${Math.max(...vals)}"/>`;
  };
  const cacheFields = columns.map((c, i) => {
    if (i === ri) return `<cacheField name="${esc(c)}" numFmtId="0"><sharedItems count="${regionsInOrder.length}">${regionsInOrder.map((g) => `<s v="${esc(g)}"/>`).join('')}</sharedItems></cacheField>`;
    if (kind[i] === 'date') {
      const dates = rows.map((r) => r[i]).sort();
      return `<cacheField name="${esc(c)}" numFmtId="164"><sharedItems containsSemiMixedTypes="0" containsNonDate="0" containsDate="1" containsString="0" minDate="${dates[0]}T00:00:00" maxDate="${dates.at(-1)}T00:00:00"/></cacheField>`;
    }
    if (kind[i] !== 'text') return `<cacheField name="${esc(c)}" numFmtId="0">${numeric(i)}</cacheField>`;
    return `<cacheField name="${esc(c)}" numFmtId="0"><sharedItems/></cacheField>`;
  });
  const cacheDefinition = `${XML_DECL}<pivotCacheDefinition xmlns="${NS}" xmlns:r="${NS_R}" r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="${rows.length}">` +
    `<cacheSource type="worksheet"><worksheetSource name="${SAMPLE_TABLE}"/></cacheSource>` +
    `<cacheFields count="${columns.length}">${cacheFields.join('')}</cacheFields></pivotCacheDefinition>`;
  const records = `${XML_DECL}<pivotCacheRecords xmlns="${NS}" xmlns:r="${NS_R}" count="${rows.length}">` +
    rows.map((r) => `<r>${r.map((v, i) => {
      if (i === ri) return `<x v="${regionsInOrder.indexOf(v)}"/>`;
      if (kind[i] === 'date') return `<d v="${v}T00:00:00"/>`;
      if (kind[i] !== 'text') return `<n v="${v}"/>`;
      return `<s v="${esc(v)}"/>`;
    }).join('')}</r>`).join('') + '</pivotCacheRecords>';

  // The pivot: compact layout, Region on rows sorted A→Z, one data field, grand total row.
  const { regions, sums, total } = revenueByRegion(data);
  const top = 3; // the pivot starts at A3, as Excel places a new pivot on a new sheet
  const end = top + regions.length + 1;
  const items = regions.map((g) => `<item x="${regionsInOrder.indexOf(g)}"/>`).join('');
  const pivotFields = columns.map((_, i) => {
    if (i === ri) return `<pivotField axis="axisRow" showAll="0"><items count="${regions.length + 1}">${items}<item t="default"/></items></pivotField>`;
    if (i === vi) return '<pivotField dataField="1" showAll="0"/>';
    return `<pivotField${kind[i] === 'date' ? ' numFmtId="164"' : ''} showAll="0"/>`;
  });
  const rowItems = regions.map((_, k) => (k === 0 ? '<i><x/></i>' : `<i><x v="${k}"/></i>`)).join('') + '<i t="grand"><x/></i>';
  const pivot = `${XML_DECL}<pivotTableDefinition xmlns="${NS}" name="${SAMPLE_PIVOT}" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
    `<location ref="A${top}:B${end}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>` +
    `<pivotFields count="${columns.length}">${pivotFields.join('')}</pivotFields>` +
    `<rowFields count="1"><field x="${ri}"/></rowFields><rowItems count="${regions.length + 1}">${rowItems}</rowItems>` +
    '<colItems count="1"><i/></colItems>' +
    `<dataFields count="1"><dataField name="Sum of Revenue" fld="${vi}" baseField="0" baseItem="0" numFmtId="4"/></dataFields>` +
    '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>';

  const summaryRows = [
    row(1, [cell('A1', 'Sales by region: a PivotTable to extend with PivotDeck', S.bold)]),
    row(top, [cell(`A${top}`, 'Row Labels'), cell(`B${top}`, 'Sum of Revenue')]),
    ...regions.map((g, k) => row(top + 1 + k, [cell(`A${top + 1 + k}`, g), cell(`B${top + 1 + k}`, sums[k], S.money)])),
    row(end, [cell(`A${end}`, 'Grand Total'), cell(`B${end}`, total, S.money)]),
    row(end + 2, [cell(`A${end + 2}`, 'Try it: Home → PivotDeck → Show PivotDeck, choose SalesPivot,')]),
    row(end + 3, [cell(`A${end + 3}`, 'then add Median of Revenue, 90th percentile of Revenue and Distinct count of Customer.')]),
    row(end + 4, [cell(`A${end + 4}`, 'PivotDeck writes them beside the pivot and checks its own sums against the Grand Total.')]),
  ];
  const sheet2 = `${XML_DECL}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><dimension ref="A1:B${end + 4}"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    '<cols><col min="1" max="1" width="16" customWidth="1"/><col min="2" max="2" width="16" customWidth="1"/></cols>' +
    `<sheetData>${summaryRows.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

  const styles = `${XML_DECL}<styleSheet xmlns="${NS}">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

  const workbook = `${XML_DECL}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView activeTab="1"/></bookViews>` +
    `<sheets><sheet name="Sales" sheetId="1" r:id="rId1"/><sheet name="${SAMPLE_PIVOT_SHEET}" sheetId="2" r:id="rId2"/></sheets>` +
    '<pivotCaches><pivotCache cacheId="1" r:id="rId4"/></pivotCaches></workbook>';

  const override = (part, type) => `<Override PartName="${part}" ContentType="${CT}.${type}+xml"/>`;
  const contentTypes = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    override('/xl/workbook.xml', 'sheet.main') + override('/xl/worksheets/sheet1.xml', 'worksheet') + override('/xl/worksheets/sheet2.xml', 'worksheet') +
    override('/xl/styles.xml', 'styles') + override('/xl/tables/table1.xml', 'table') + override('/xl/pivotTables/pivotTable1.xml', 'pivotTable') +
    override('/xl/pivotCache/pivotCacheDefinition1.xml', 'pivotCacheDefinition') + override('/xl/pivotCache/pivotCacheRecords1.xml', 'pivotCacheRecords') +
    '</Types>';

  const files = {
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'worksheet', 'worksheets/sheet2.xml'],
      ['rId3', 'styles', 'styles.xml'], ['rId4', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml'],
    ]),
    'xl/styles.xml': styles,
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/_rels/sheet1.xml.rels': rels([['rId1', 'table', '../tables/table1.xml']]),
    'xl/tables/table1.xml': table,
    'xl/worksheets/sheet2.xml': sheet2,
    'xl/worksheets/_rels/sheet2.xml.rels': rels([['rId1', 'pivotTable', '../pivotTables/pivotTable1.xml']]),
    'xl/pivotTables/pivotTable1.xml': pivot,
    'xl/pivotTables/_rels/pivotTable1.xml.rels': rels([['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml']]),
    'xl/pivotCache/pivotCacheDefinition1.xml': cacheDefinition,
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels': rels([['rId1', 'pivotCacheRecords', 'pivotCacheRecords1.xml']]),
    'xl/pivotCache/pivotCacheRecords1.xml': records,
  };
  // A fixed timestamp keeps the bytes the same from build to build (zip entries carry a date).
  const mtime = new Date('2025-01-01T00:00:00Z');
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])), { level: 6 });
}
