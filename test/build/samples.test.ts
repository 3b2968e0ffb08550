/**
 * The public test files the build writes to dist/samples/ (scripts/samples.mjs and
 * scripts/sample-workbook.mjs), checked three ways: against readers that are not ours (d3-dsv,
 * JSON.parse, hyparquet, an OPC package walk), through PivotDeck's own connectors from a plain
 * static server on 127.0.0.1, and the workbook through the Excel simulator, whose own pivot
 * renderer must draw the cells the file stores. Expected figures come from plain loops over
 * assets/sample-data/sales.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParseRows } from 'd3-dsv';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parquetReadObjects } from 'hyparquet';
import { ODATA_PAGE_SIZE, readSampleData, samplePatterns, toCsv, toJson, toODataPages, type SampleData } from '../../scripts/samples.mjs';
import { SAMPLE_PIVOT, SAMPLE_PIVOT_SHEET, SAMPLE_TABLE, sampleWorkbook } from '../../scripts/sample-workbook.mjs';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { pullCsv, pullJson, pullOData, pullParquet, type PullOk, type SourceDefinition } from '../../src/connectors';
import { createSimulator } from '../../src/simulator';
import { loadXlsx } from '../../src/simulator/xlsx';
import { serialOfDay, testContext } from '../connectors/context';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA: SampleData = readSampleData(ROOT);
const col = (name: string) => DATA.columns.indexOf(name);

/** Sum of a column by a plain loop. */
function total(name: string): number {
  let s = 0;
  for (const r of DATA.rows) s += r[col(name)] as number;
  return s;
}

describe('the sample data set', () => {
  it('has 160 orders in 2025 with awkward text on purpose', () => {
    expect(DATA.columns).toEqual(['OrderDate', 'Region', 'Product', 'Channel', 'Customer', 'Units', 'UnitPrice', 'Revenue']);
    expect(DATA.rows).toHaveLength(160);
    const customers = new Set(DATA.rows.map((r) => r[col('Customer')]));
    expect(customers).toContain("O'Brien Ltd");
    expect(customers).toContain('張記貿易');
    expect(customers).toContain('Søndergaard & Co');
    for (const r of DATA.rows) {
      expect(String(r[0])).toMatch(/^2025-\d\d-\d\d$/);
      // Revenue is units × unit price in cents, exactly as written.
      expect(Math.round((r[col('Units')] as number) * (r[col('UnitPrice')] as number) * 100) / 100).toBe(r[col('Revenue')]);
    }
  });
});

describe('text formats, read back by readers that are not ours', () => {
  it('CSV: d3-dsv reads the same header and rows (after the BOM), and quoting survives commas, quotes and line breaks', () => {
    const text = toCsv(DATA);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = csvParseRows(text.slice(1).replace(/\r\n$/, ''));
    expect(parsed[0]).toEqual(DATA.columns);
    expect(parsed.slice(1)).toEqual(DATA.rows.map((r) => r.map(String)));
    const awkward = { columns: ['a,b', 'say "hi"'], rows: [['line\r\nbreak', '-0'], ['=SUM(A1)', 'x']] };
    expect(csvParseRows(toCsv(awkward).slice(1).replace(/\r\n$/, ''))).toEqual([awkward.columns, ...awkward.rows]);
  });

  it('JSON: an array of records with every value as in the data set', () => {
    const records = JSON.parse(toJson(DATA)) as Array<Record<string, unknown>>;
    expect(records).toHaveLength(DATA.rows.length);
    DATA.rows.forEach((r, i) => DATA.columns.forEach((c, j) => expect(records[i][c]).toBe(r[j])));
  });

  it('OData: pages of 100 records chained by relative nextLinks, the last without one', () => {
    const pages = toODataPages(DATA).map((p) => ({ name: p.name, doc: JSON.parse(p.text) }));
    expect(pages.map((p) => p.name)).toEqual(['Sales.json', 'Sales-page2.json']);
    expect(pages[0].doc['@odata.nextLink']).toBe('Sales-page2.json');
    expect(pages[1].doc['@odata.nextLink']).toBeUndefined();
    expect(pages[0].doc.value).toHaveLength(ODATA_PAGE_SIZE);
    expect(pages.flatMap((p) => p.doc.value)).toEqual(JSON.parse(toJson(DATA)));
  });

  it('Parquet: hyparquet reads the committed file as the same rows (DuckDB wrote it)', async () => {
    const bytes = readFileSync(join(ROOT, 'assets', 'sample-data', 'sales.parquet'));
    const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    expect(rows).toHaveLength(DATA.rows.length);
    rows.forEach((r, i) => {
      expect((r.OrderDate as Date).toISOString().slice(0, 10)).toBe(DATA.rows[i][0]);
      for (const c of DATA.columns.slice(1)) expect(r[c], `${c} row ${i}`).toBe(DATA.rows[i][col(c)]);
    });
  });
});

describe('samples served by a plain static host, pulled by PivotDeck\'s connectors', () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-samples-'));
    for (const p of samplePatterns(ROOT)) {
      mkdirSync(dirname(join(dir, p.to)), { recursive: true });
      writeFileSync(join(dir, p.to), p.transform ? p.transform() : readFileSync(join(ROOT, p.from)));
    }
    server = await serveStatic(dir);
  });
  afterAll(() => server?.close());

  const def = (kind: SourceDefinition['kind'], path: string): SourceDefinition => ({ id: 's', label: 'Sample', kind, url: `${server.url}/${path}` });
  const check = (r: PullOk) => {
    expect(r.status).toBe('ok');
    expect(r.rowCount).toBe(160);
    expect(r.columns.map((c) => c.name)).toEqual(DATA.columns);
    expect(r.columns.find((c) => c.name === 'OrderDate')?.type).toBe('date');
    expect(r.table.get('OrderDate', 0)).toBe(serialOfDay(String(DATA.rows[0][0])));
    expect(r.table.array('Customer')).toEqual(DATA.rows.map((x) => x[col('Customer')]));
    let revenue = 0;
    for (let i = 0; i < r.rowCount; i++) revenue += r.table.get('Revenue', i) as number;
    expect(revenue).toBeCloseTo(total('Revenue'), 6);
  };

  it('CSV', async () => check((await pullCsv(def('csv', 'samples/sales.csv'), testContext())) as PullOk));
  it('JSON', async () => check((await pullJson(def('json', 'samples/sales.json'), testContext())) as PullOk));
  it('OData, following the nextLink to the second page', async () => {
    const r = (await pullOData(def('odata', 'samples/odata/Sales.json'), testContext())) as PullOk;
    expect(r.pages).toBe(2);
    check(r);
  });
  it('Parquet', async () => check((await pullParquet(def('parquet', 'samples/sales.parquet'), testContext())) as PullOk));
});

describe('PivotDeck-sample.xlsx', () => {
  const bytes = sampleWorkbook(DATA);

  it('is a complete package: every part well-formed, typed in [Content_Types].xml, and every relationship resolves', () => {
    const parts = unzipSync(bytes);
    const names = Object.keys(parts);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    const types = parser.parse(strFromU8(parts['[Content_Types].xml'])).Types;
    const overrides = new Set([types.Override].flat().map((o: { PartName: string }) => o.PartName));
    const defaults = new Set([types.Default].flat().map((d: { Extension: string }) => d.Extension));
    for (const name of names) {
      const text = strFromU8(parts[name]);
      expect(XMLValidator.validate(text), name).toBe(true);
      if (name === '[Content_Types].xml') continue;
      if (!name.endsWith('.rels')) expect(overrides.has(`/${name}`), `${name} needs an Override`).toBe(true);
      else expect(defaults.has('rels')).toBe(true);
    }
    for (const rels of names.filter((n) => n.endsWith('.rels'))) {
      const base = posix.dirname(posix.dirname(rels)); // the folder of the part these relationships belong to
      for (const rel of [parser.parse(strFromU8(parts[rels])).Relationships.Relationship].flat()) {
        const target = posix.normalize(posix.join(base === '.' ? '' : base, rel.Target));
        expect(names, `${rels} → ${rel.Target}`).toContain(target);
      }
    }
  });

  it('opens in the simulator with the Sales table and SalesPivot, whose own renderer draws the stored cells', async () => {
    const { model, notices } = await loadXlsx(bytes);
    expect(notices).toEqual([]);
    expect(model.tables.map((t) => [t.name, t.sheet])).toEqual([[SAMPLE_TABLE, 'Sales']]);
    expect(model.pivots).toHaveLength(1);
    const pivot = model.pivots[0];
    expect([pivot.name, pivot.sheet, pivot.layout]).toEqual([SAMPLE_PIVOT, SAMPLE_PIVOT_SHEET, 'Compact']);
    expect(pivot.source).toEqual({ kind: 'table', table: SAMPLE_TABLE });
    expect(pivot.rows.map((f) => f.name)).toEqual(['Region']);
    expect(pivot.data.map((d) => [d.name, d.field, d.summarizeBy])).toEqual([['Sum of Revenue', 'Revenue', 'Sum']]);

    // Expected cells by a plain loop: regions A→Z, their revenue, the grand total.
    const sums = new Map<string, number>();
    for (const r of DATA.rows) sums.set(String(r[col('Region')]), (sums.get(String(r[col('Region')])) ?? 0) + (r[col('Revenue')] as number));
    const regions = [...sums.keys()].sort();
    const expected = [['Row Labels', 'Sum of Revenue'], ...regions.map((g) => [g, sums.get(g)]), ['Grand Total', [...sums.values()].reduce((a, b) => a + b, 0)]];

    const sim = createSimulator(model);
    const read = () => sim.run(async (ctx) => {
      const range = ctx.workbook.pivotTables.getItem(SAMPLE_PIVOT).layout.getRange().load('values,address');
      await ctx.sync();
      return { values: range.values, address: range.address };
    });
    const stored = await read();
    expect(stored.address).toBe(`${SAMPLE_PIVOT_SHEET}!A3:B8`);
    expect(stored.values.map((row) => row.map((v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))))
      .toEqual(expected.map((row) => row.map((v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))));
    await sim.run(async (ctx) => {
      ctx.workbook.pivotTables.getItem(SAMPLE_PIVOT).refresh();
      await ctx.sync();
    });
    expect((await read()).values).toEqual(stored.values);
  });

  it('writes dates as Excel serials shown yyyy-mm-dd, and text as text', async () => {
    const { model } = await loadXlsx(bytes);
    const sim = createSimulator(model);
    const cells = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sales').getRange('A2:H2').load('values,numberFormat,text');
      await ctx.sync();
      return { values: r.values[0], formats: r.numberFormat[0], text: r.text[0] };
    });
    expect(cells.values[0]).toBe(serialOfDay(String(DATA.rows[0][0])));
    expect(cells.formats[0]).toBe('yyyy-mm-dd');
    expect(cells.text[0]).toBe(DATA.rows[0][0]);
    expect(cells.values[4]).toBe(DATA.rows[0][col('Customer')]);
  });

  // A second, independent spreadsheet application where one is installed (Debian's
  // libreoffice-calc-nogui; not on CI): it must import the PivotTable, recompute it from the
  // Sales table, and show the plain-loop sums.
  it.skipIf(!existsSync('/usr/bin/soffice'))('opens in LibreOffice Calc, which recomputes the pivot to the same sums', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pivotdeck-lo-'));
    writeFileSync(join(dir, 'PivotDeck-sample.xlsx'), bytes);
    // CSV filter options: comma, quote, UTF-8, first line 1, …, sheet 2 (Summary).
    const r = spawnSync('/usr/bin/soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2', '--outdir', join(dir, 'out'), join(dir, 'PivotDeck-sample.xlsx')],
    { encoding: 'utf8', timeout: 120_000 });
    const files = existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : [];
    expect(files, r.stderr).toEqual(['PivotDeck-sample-Summary.csv']);
    const lines = csvParseRows(readFileSync(join(dir, 'out', files[0]), 'utf8'));
    const sums = new Map<string, number>();
    for (const row of DATA.rows) sums.set(String(row[col('Region')]), (sums.get(String(row[col('Region')])) ?? 0) + (row[col('Revenue')] as number));
    const regions = [...sums.keys()].sort();
    const at = lines.findIndex((l) => l[0] === regions[0]);
    expect(at).toBeGreaterThan(0);
    regions.forEach((g, i) => {
      expect(lines[at + i][0]).toBe(g);
      expect(Number(lines[at + i][1])).toBeCloseTo(sums.get(g)!, 2);
    });
    expect(Number(lines[at + regions.length][1])).toBeCloseTo([...sums.values()].reduce((a, b) => a + b, 0), 2);
    // LibreOffice's own caption, not the "Grand Total" stored in the file: it rebuilt the pivot
    // from the table rather than echoing the stored cells.
    expect(lines[at + regions.length][0]).toBe('Total Result');
  });

  it('is the same bytes on every build', () => {
    expect(Buffer.from(sampleWorkbook(DATA)).equals(Buffer.from(bytes))).toBe(true);
  });
});
