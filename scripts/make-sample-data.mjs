#!/usr/bin/env node
// Writes PivotDeck's small sample data set once, for reviewers and first-time users:
//   assets/sample-data/sales.json     the rows (the one source every sample is made from)
//   assets/sample-data/sales.parquet  the same rows as Parquet (written by DuckDB, Snappy)
// Run: npm run samples  (commit what it writes; the build derives CSV, JSON, OData and the
// sample workbook from sales.json, see scripts/samples.mjs). Deterministic: the same rows every run.
//
// Why these rows: 160 orders of a coffee-equipment seller in 2025, enough for medians,
// percentiles and distinct counts to differ visibly from sums and averages; customer names with
// accents, an apostrophe, an ampersand and CJK text, because real data has them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE_DIR = join(root, 'assets', 'sample-data');
export const COLUMNS = ['OrderDate', 'Region', 'Product', 'Channel', 'Customer', 'Units', 'UnitPrice', 'Revenue'];

const REGIONS = ['North', 'South', 'East', 'West'];
const PRODUCTS = [['Espresso machine', 489], ['Grinder', 129], ['Kettle', 39.5], ['Milk frother', 24.99], ['Coffee beans 1 kg', 18.75]];
const CHANNELS = ['Online', 'Retail', 'Partner'];
const CUSTOMERS = [
  'Müller GmbH', 'Søndergaard & Co', 'Café Lumière', "O'Brien Ltd", 'Acme Corp', '張記貿易',
  'Nordic Roasters', 'Bella Vista S.r.l.', 'Fjord Foods', 'Keller AG', 'Sunrise Diner', 'Łódź Kawa',
];

/** mulberry32: a small seeded PRNG, so the data set is the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample rows, in column order: ISO date, texts, integer units, prices and revenue in cents. */
export function sampleRows() {
  const rand = prng(20250101);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const rows = [];
  for (let i = 0; i < 160; i++) {
    const day = 1 + Math.floor(rand() * 365);
    const date = new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
    const [product, price] = pick(PRODUCTS);
    // Skewed units: most orders are small, a few are large (so median ≠ average).
    const units = 1 + Math.floor(rand() ** 2.5 * 40);
    const discount = rand() < 0.2 ? 0.9 : 1;
    const unitPrice = Math.round(price * discount * 100) / 100;
    rows.push([date, pick(REGIONS), product, pick(CHANNELS), pick(CUSTOMERS), units, unitPrice, Math.round(units * unitPrice * 100) / 100]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return rows;
}

async function writeParquet(rows, parquetFile) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const lit = (v) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  // Explicit types: DuckDB would otherwise guess, and a guess can change between versions.
  await c.run(`CREATE TABLE sales (OrderDate DATE, Region VARCHAR, Product VARCHAR, Channel VARCHAR, Customer VARCHAR,
    Units INTEGER, UnitPrice DOUBLE, Revenue DOUBLE)`);
  await c.run(`INSERT INTO sales VALUES ${rows.map((r) => `(${r.map(lit).join(', ')})`).join(',\n')}`);
  await c.run(`COPY (SELECT * FROM sales ORDER BY rowid) TO ${lit(parquetFile)} (FORMAT PARQUET, COMPRESSION SNAPPY)`);
  c.closeSync?.();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(SAMPLE_DIR, { recursive: true });
  const json = join(SAMPLE_DIR, 'sales.json');
  const rows = sampleRows();
  const body = rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  writeFileSync(json, `{\n  "columns": ${JSON.stringify(COLUMNS)},\n  "rows": [\n${body}\n  ]\n}\n`);
  console.log(`assets/sample-data/sales.json: ${rows.length} rows`);
  await writeParquet(rows, join(SAMPLE_DIR, 'sales.parquet'));
  console.log('assets/sample-data/sales.parquet: written by DuckDB');
}
