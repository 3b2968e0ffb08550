/**
 * CSV parsed in the CSV worker (issue 18 part 1), in the built workbench: the task pane pulls
 * CSV files from a real HTTP server on 127.0.0.1 (another origin, CORS), the body goes to the
 * "pivotdeck-csv" Web Worker and the typed columns come back. Checked against values read off
 * the files by hand or by a plain loop over the served text: a landed table with a BOM, non-ASCII
 * text, quoted commas and newlines, -0 and empty cells; a source kept out of the sheet feeding a
 * query; and a web page or a broken file refused with the same clear words as before.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/http-server';
import { screenshot, startHarness, type Harness } from './harness';

let server: TestServer;
let h: Harness;
let page: Page;
/** URLs of the CSV workers the page started (webpack names the chunk after the worker). */
const csvWorkers: string[] = [];

const pane = () => page.getByTestId('task-pane');
const sourceItem = (label: string) => pane().getByRole('listitem', { name: label });

/** Excel serial of a UTC calendar day (days since 1899-12-30), by hand. */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

// A BOM, CRLF line ends, a quoted comma, a quoted newline, an escaped quote, non-ASCII text in
// three scripts, -0, a leap day, a blank cell in every column and one column with no value.
const AWKWARD = '\uFEFFName,Amount,When,Paid,Note,Empty\r\n'
  + '"Zürich, Ost",-0,2024-02-29,TRUE,"two\nlines",\r\n'
  + 'Ωmega,1.5,,false,"say ""hi""",\r\n'
  + '東京,,2024-03-01,,plain,\r\n'
  + ',-12.25,2024-03-02,true,,\r\n';

/** AWKWARD as landed cells, by hand: a blank is "", dates are serials, TRUE/FALSE booleans. */
const AWKWARD_CELLS = [
  ['Name', 'Amount', 'When', 'Paid', 'Note', 'Empty'],
  ['Zürich, Ost', -0, serial(2024, 2, 29), true, 'two\nlines', ''],
  ['Ωmega', 1.5, '', false, 'say "hi"', ''],
  ['東京', '', serial(2024, 3, 1), '', 'plain', ''],
  ['', -12.25, serial(2024, 3, 2), true, '', ''],
];

/** Cells of a sheet's top-left block, each with whether it is -0 (lost on the way out of the page). */
async function block(sheet: string, rows: number, columns: number): Promise<{ values: unknown[][]; negativeZero: string[] }> {
  return page.evaluate(({ sheet, rows, columns }) => {
    const cells = window.__pivotdeck!.sim.toModel().sheets.find((s) => s.name === sheet)?.cells ?? {};
    const values: unknown[][] = [];
    const negativeZero: string[] = [];
    for (let r = 0; r < rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < columns; c++) {
        const v = cells[`${r},${c}`]?.value ?? '';
        if (Object.is(v, -0)) negativeZero.push(`${r},${c}`);
        row.push(v);
      }
      values.push(row);
    }
    return { values, negativeZero };
  }, { sheet, rows, columns });
}

/** Regions × amounts with blanks, a BOM and quoted non-ASCII names; amounts are exact in binary. */
function regionsCsv(n: number): string {
  const regions = ['Nord', '"Süd, Ost"', 'Øresund', '"Kraków\nPL"'];
  const lines = ['Region,Amount,Day'];
  for (let i = 0; i < n; i++) lines.push(`${regions[i % 4]},${i % 13 === 0 ? '' : ((i % 401) - 200) / 4},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
  return `\uFEFF${lines.join('\n')}\n`;
}

/** Sum of Amount per Region by a plain loop over the generated rows (not over the CSV parser). */
function sumsByRegion(n: number): Array<[string, number]> {
  const names = ['Nord', 'Süd, Ost', 'Øresund', 'Kraków\nPL'];
  const sums = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const name = names[i % 4]!;
    sums.set(name, (sums.get(name) ?? 0) + (i % 13 === 0 ? 0 : ((i % 401) - 200) / 4));
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Opens a pane section unless it is open (opening one may fold another). */
async function openSection(name: string) {
  const header = pane().getByRole('button', { name, exact: true });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/**
 * The page's errors, less two known and harmless ones: a fetch the pane aborts on purpose (a
 * superseded preview) and Fluent's accordion warning about `inert` when a section folds.
 */
const pageErrors = () => h.errors.filter((e) => !/net::ERR_ABORTED/.test(e) && !/non-boolean attribute .*inert/s.test(e));

async function preview(url: string, label: string, tableName?: string) {
  await pane().getByLabel('Web address (URL)').fill(url);
  await pane().getByLabel('Source name', { exact: true }).fill(label);
  if (tableName) await pane().getByLabel('Excel table name').fill(tableName);
  await pane().getByRole('button', { name: 'Preview' }).click();
}

beforeAll(async () => {
  server = await startTestServer();
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = await h.open('workbench.html');
  page.on('worker', (worker) => { if (/pivotdeck-csv/.test(worker.url())) csvWorkers.push(worker.url()); });
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  await openSection('Data from the web');
  await pane().getByLabel('Web address (URL)').waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('CSV parsed in the CSV worker', () => {
  it('lands an awkward CSV with every value as read by hand', async () => {
    server.setResource('awkward.csv', AWKWARD, 'text/csv; charset=utf-8');
    await preview(server.url('/mutable/awkward.csv'), 'Awkward', 'Awkward');
    await pane().getByText('4 rows, 6 columns; showing the first 4.').waitFor({ timeout: 60_000 });
    expect(csvWorkers.length).toBe(1);
    await pane().getByRole('button', { name: 'Load to table' }).click();
    await sourceItem('Awkward').getByText('Up to date', { exact: true }).waitFor({ timeout: 30_000 });
    const landed = await block('Awkward', 6, 7);
    expect(landed.values).toEqual([...AWKWARD_CELLS.map((row) => [...row, '']), ['', '', '', '', '', '', '']]);
    // toEqual does not tell -0 from 0: the one -0 of the file is the cell below Amount.
    expect(landed.negativeZero).toEqual(['1,1']);
    await screenshot(page, 'csv-worker-landed');
    expect(pageErrors()).toEqual([]);
  }, 180_000);

  it('a source kept out of the sheet feeds a query whose sums match a plain loop', async () => {
    const n = 30_000;
    server.setResource('regions.csv', regionsCsv(n), 'text/csv');
    const before = csvWorkers.length;
    await preview(server.url('/mutable/regions.csv'), 'Regions feed');
    await pane().getByText(`${n.toLocaleString('en-US')} rows, 3 columns; showing the first 100.`).waitFor({ timeout: 60_000 });
    await pane().getByRole('radio', { name: 'Keep it out of the sheet (queries use it directly)' }).check();
    await pane().getByRole('button', { name: 'Save for queries' }).click();
    await sourceItem('Regions feed').getByText('Up to date', { exact: true }).waitFor({ timeout: 30_000 });
    await openSection('Build a query');
    await pane().getByRole('combobox', { name: '1. Source table' }).click();
    await page.getByRole('option', { name: /Regions feed/ }).click();
    await pane().getByRole('button', { name: 'Add Region to the query' }).waitFor({ timeout: 120_000 });
    await pane().getByRole('button', { name: 'Add Region to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Rows' }).click();
    await pane().getByRole('button', { name: 'Add Amount to the query' }).click();
    await page.getByRole('menuitem', { name: 'To Values…' }).click();
    await pane().getByLabel('Summarize by').selectOption('sum');
    await pane().getByLabel('Column header').fill('Amount');
    await pane().getByRole('button', { name: 'Add to Values' }).click();
    await pane().getByRole('radio', { name: 'Table (one row per group)' }).check();
    await pane().getByLabel('Query name').fill('Regions sum');
    await pane().getByRole('button', { name: 'Insert into Excel' }).click();
    await pane().getByText(/^Written: .*Regions sum/).waitFor({ timeout: 120_000 });
    const out = await block('Regions sum', 5, 2);
    expect(out.values[0]).toEqual(['Region', 'Amount']);
    const rows = (out.values.slice(1) as Array<[string, number]>).sort(([a], [b]) => (a < b ? -1 : 1));
    expect(rows).toEqual(sumsByRegion(n));
    // The preview's pull parsed in a CSV worker; the query's pull asked conditionally and reused
    // it (a 304), so no second parse (issue 18).
    expect(csvWorkers.length - before).toBe(1);
    expect(pageErrors()).toEqual([]);
  }, 240_000);

  it('a web page and a file cut inside a quote are refused in the same words as before', async () => {
    server.setResource('signin.csv', '<!DOCTYPE html>\n<html lang="de"><head><title>Anmelden – Konten &amp; Zugänge</title></head><body><form></form></body></html>', 'text/html; charset=utf-8');
    server.setResource('open-quote.csv', 'Name,Note\nAnn,"never closed\nBob,fine\n', 'text/csv');
    const before = csvWorkers.length;
    await openSection('Data from the web');
    await pane().getByLabel('Web address (URL)').waitFor({ timeout: 20_000 });
    await preview(server.url('/mutable/signin.csv'), 'Sign-in page');
    await pane().getByText(/The address returned a web page \(HTML\) titled "Anmelden – Konten & Zugänge" \(Content-Type: text\/html\), not CSV\. This is often a sign-in page/).waitFor({ timeout: 60_000 });
    expect(await pane().getByRole('button', { name: 'Load to table' }).count()).toBe(0);
    await screenshot(page, 'csv-worker-html-refused');
    await preview(server.url('/mutable/open-quote.csv'), 'Broken file');
    await pane().getByText('The file ends inside a quoted value that starts on line 2: a closing quote (") is missing, or the download was cut short. Fix the file or refresh again.').waitFor({ timeout: 60_000 });
    expect(await pane().getByRole('button', { name: 'Load to table' }).count()).toBe(0);
    // Both bodies went to a CSV worker: the refusals are the worker's, in the pane's words.
    expect(csvWorkers.length - before).toBe(2);
    expect(pageErrors()).toEqual([]);
  }, 180_000);
});
