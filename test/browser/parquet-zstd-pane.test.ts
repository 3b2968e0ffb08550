/**
 * vega's flights-3m.parquet (3,000,000 rows, ZSTD pages) opens in the task pane (issue 18 part 4):
 * the pane fetches it from a real HTTP server on 127.0.0.1, PivotDeck's Parquet reader loads the
 * ZSTD decompressor on demand (its own chunk, fetched only now), and the rows feed a query kept
 * out of the sheet. Expected values come from DuckDB's own Parquet reader in this process, an
 * implementation independent of hyparquet and of PivotDeck.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, startTestServer, type TestServer } from '../support/http-server';
import { screenshot, startHarness, type Harness } from './harness';

let server: TestServer;
let h: Harness;
let page: Page;
/** Script chunks the page fetched, in order. */
const scripts: string[] = [];
/** What DuckDB reads from the file: its row count, column names and the delay sum per origin. */
let expected: { rows: number; columns: string[]; delayByOrigin: Array<[string, number]> };

const pane = () => page.getByTestId('task-pane');

async function openSection(name: string) {
  const header = pane().getByRole('button', { name, exact: true });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/** Ten origins with the most flights, and their delay sums (integers, so exact in any order). */
async function readWithDuckDB() {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const file = join(DATA_DIR, 'flights-3m.parquet').replaceAll("'", "''");
  const count = await con.runAndReadAll(`SELECT count(*)::DOUBLE FROM read_parquet('${file}')`);
  const described = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
  const sums = await con.runAndReadAll(`SELECT origin, sum(delay)::DOUBLE FROM read_parquet('${file}') GROUP BY origin`);
  con.closeSync();
  return {
    rows: Number(count.getRows()[0]![0]),
    columns: described.getRows().map((r) => String(r[0])),
    delayByOrigin: (sums.getRows() as Array<[string, number]>).map(([o, s]) => [o, Number(s)] as [string, number])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

beforeAll(async () => {
  expected = await readWithDuckDB();
  server = await startTestServer();
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = await h.open('workbench.html');
  page.on('request', (req) => { if (req.resourceType() === 'script') scripts.push(req.url()); });
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  await openSection('Data from the web');
  await pane().getByLabel('Web address (URL)').waitFor({ timeout: 20_000 });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('flights-3m.parquet in the pane', () => {
  it('previews all 3,000,000 rows, loading the ZSTD decompressor only for this file', async () => {
    expect(scripts.filter((u) => /parquet-codecs/.test(u))).toEqual([]);
    await pane().getByLabel('Web address (URL)').fill(server.url('/data/flights-3m.parquet'));
    await pane().getByLabel('What is at this address').selectOption('parquet');
    await pane().getByLabel('Source name', { exact: true }).fill('Flights');
    await pane().getByRole('button', { name: 'Preview' }).click();
    const summary = `${expected.rows.toLocaleString('en-US')} rows, ${expected.columns.length} columns; showing the first 100.`;
    await pane().getByText(summary).waitFor({ timeout: 240_000 });
    expect(expected.rows).toBe(3_000_000);
    expect(scripts.filter((u) => /parquet-codecs/.test(u))).toHaveLength(1);
    for (const name of expected.columns) await expect(pane().getByRole('columnheader', { name }).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'parquet-zstd-preview');
  }, 300_000);

  it('a query over the kept-out rows sums delay per origin as DuckDB does', async () => {
    await pane().getByRole('radio', { name: 'Keep it out of the sheet (queries use it directly)' }).check();
    await pane().getByRole('button', { name: 'Save for queries' }).click();
    await pane().getByRole('listitem', { name: 'Flights' }).getByText('Up to date', { exact: true }).waitFor({ timeout: 240_000 });
    await openSection('Build a query');
    await pane().getByRole('combobox', { name: '1. Source table' }).click();
    await page.getByRole('option', { name: /Flights/ }).click();
    await pane().getByRole('button', { name: 'Add origin to the query' }).waitFor({ timeout: 240_000 });
    await pane().getByRole('button', { name: 'Add origin to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Rows' }).click();
    await pane().getByRole('button', { name: 'Add delay to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Values…' }).click();
    await pane().getByLabel('Summarize by').selectOption('sum');
    await pane().getByLabel('Column header').fill('Delay');
    await pane().getByRole('button', { name: 'Add to Values' }).click();
    await pane().getByRole('radio', { name: 'Table (one row per group)' }).check();
    await pane().getByLabel('Query name').fill('Delay by origin');
    await pane().getByRole('button', { name: 'Insert into Excel' }).click();
    await pane().getByText(/^Written: .*Delay by origin/).waitFor({ timeout: 240_000 });
    const rows = await page.evaluate((count) => {
      const cells = window.__pivotdeck!.sim.toModel().sheets.find((s) => s.name === 'Delay by origin')?.cells ?? {};
      const out: unknown[][] = [];
      for (let r = 0; r <= count; r++) out.push([cells[`${r},0`]?.value ?? '', cells[`${r},1`]?.value ?? '']);
      return out;
    }, expected.delayByOrigin.length + 1);
    expect(rows[0]).toEqual(['origin', 'Delay']);
    const written = (rows.slice(1, expected.delayByOrigin.length + 1) as Array<[string, number]>)
      .slice().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    expect(written).toEqual(expected.delayByOrigin);
    // Nothing below the last origin: the table has exactly one row per origin.
    expect(rows[expected.delayByOrigin.length + 1]).toEqual(['', '']);
    const errors = h.errors.filter((e) => !/net::ERR_ABORTED/.test(e) && !/non-boolean attribute .*inert/s.test(e));
    expect(errors).toEqual([]);
  }, 600_000);
});
