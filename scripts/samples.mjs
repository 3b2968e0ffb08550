// The public test files the build writes to dist/samples/, all made from
// assets/sample-data/sales.json (written once by scripts/make-sample-data.mjs):
//
//   samples/sales.csv                 CSV, UTF-8 with BOM, comma, CRLF, RFC 4180 quoting
//   samples/sales.json                a JSON array of records
//   samples/odata/Sales.json          an OData v4 feed, page 1 (100 rows) with @odata.nextLink
//   samples/odata/Sales-page2.json    page 2 (the remaining rows)
//   samples/sales.parquet             Parquet (copied from assets/sample-data, Snappy)
//   samples/PivotDeck-sample.xlsx     the Sales table with a PivotTable (scripts/sample-workbook.mjs)
//
// The publisher hosts them next to the add-in, so reviewers can try every source kind without an
// account. Headers a host should send: docs/certification-notes.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleWorkbook } from './sample-workbook.mjs';

/** Rows per OData page: small enough that the sample exercises paging with 160 rows. */
export const ODATA_PAGE_SIZE = 100;

/**
 * Reads and checks the sample data set.
 * @example const { columns, rows } = readSampleData(process.cwd());
 */
export function readSampleData(root) {
  const data = JSON.parse(readFileSync(join(root, 'assets', 'sample-data', 'sales.json'), 'utf8'));
  return parseSampleData(data);
}

/** Checks the shape of sales.json: columns, and rows of the same length. */
export function parseSampleData(data) {
  if (!Array.isArray(data?.columns) || !Array.isArray(data?.rows)) throw new Error('sales.json must hold "columns" and "rows"');
  for (const [i, r] of data.rows.entries()) {
    if (!Array.isArray(r) || r.length !== data.columns.length) throw new Error(`sales.json row ${i + 1} does not have ${data.columns.length} values`);
  }
  return { columns: data.columns, rows: data.rows };
}

/** Quotes a CSV field when it holds a comma, quote, CR or LF (RFC 4180). */
function csvField(v) {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV text with a header row. The BOM makes Excel read the accents right when someone opens the
 * file directly; PivotDeck reads it with or without.
 * @example toCsv({ columns: ['A'], rows: [['x,y']] }) // => '\uFEFFA\r\n"x,y"\r\n'
 */
export function toCsv({ columns, rows }) {
  return `\uFEFF${[columns, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Rows as objects keyed by column name. */
export function toRecords({ columns, rows }) {
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
}

/** A JSON array of records. */
export function toJson(data) {
  return `${JSON.stringify(toRecords(data), null, 1)}\n`;
}

/**
 * OData v4 JSON pages (odata.metadata=minimal): `value` holds the records, `@odata.nextLink` the
 * next page, relative so the files work at any host. A static host ignores $select/$filter/$top:
 * this feed shows reading and paging, not server-side filtering.
 * @example toODataPages(data)[0].name // => 'Sales.json'
 */
export function toODataPages(data) {
  const records = toRecords(data);
  const pages = [];
  for (let start = 0, n = 1; start < records.length || n === 1; start += ODATA_PAGE_SIZE, n++) {
    pages.push({ name: n === 1 ? 'Sales.json' : `Sales-page${n}.json`, records: records.slice(start, start + ODATA_PAGE_SIZE) });
  }
  return pages.map((p, i) => {
    const doc = { '@odata.context': '$metadata#Sales', value: p.records };
    if (i + 1 < pages.length) doc['@odata.nextLink'] = pages[i + 1].name;
    return { name: p.name, text: `${JSON.stringify(doc, null, 1)}\n` };
  });
}

/**
 * Every file the build writes under samples/, as CopyWebpackPlugin patterns.
 * @example new CopyWebpackPlugin({ patterns: samplePatterns(root) })
 */
export function samplePatterns(root) {
  const from = 'assets/sample-data/sales.json';
  const data = () => readSampleData(root);
  return [
    { from, to: 'samples/sales.csv', transform: () => toCsv(data()) },
    { from, to: 'samples/sales.json', transform: () => toJson(data()) },
    ...toODataPages(data()).map((p) => ({ from, to: `samples/odata/${p.name}`, transform: () => toODataPages(data()).find((q) => q.name === p.name).text })),
    { from, to: 'samples/PivotDeck-sample.xlsx', transform: () => Buffer.from(sampleWorkbook(data())) },
    { from: 'assets/sample-data/sales.parquet', to: 'samples/sales.parquet' },
  ];
}

/** The files under samples/ and the Content-Type a host should send for each (documented). */
export const SAMPLE_CONTENT_TYPES = {
  'sales.csv': 'text/csv; charset=utf-8',
  'sales.json': 'application/json',
  'odata/Sales.json': 'application/json',
  'odata/Sales-page2.json': 'application/json',
  'sales.parquet': 'application/vnd.apache.parquet',
  'PivotDeck-sample.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
