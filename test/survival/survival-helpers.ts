/**
 * Shared pieces of the survival suite: the data that changes between refreshes (served by a real
 * HTTP server on 127.0.0.1), plain loops that say what a user's formula must show, and readers of
 * what the simulated workbook shows.
 */
import { expect } from 'vitest';
import { memoryCredentialStore, pullCsv, type PullOk } from '../../src/connectors';
import type { CellValue } from '../../src/excel/api';
import type { Simulator } from '../../src/simulator';
import type { TestServer } from '../support/http-server';

export interface Step {
  name: string;
  header: string[];
  /** Rows in header order. */
  rows: CellValue[][];
}

/** One order: what the loops read, whatever the column order of the step. */
export interface Order { region: string; amount: number; units: number }

// Awkward on purpose: non-ASCII, -0, ties (Nord 5 twice), a one-row group (Ost), text that Excel
// would read as a formula, a number, a date or a boolean.
const INITIAL: Order[] = [
  { region: 'Nord', amount: 5, units: 1 },
  { region: 'Süd', amount: -0, units: 2 },
  { region: 'Nord', amount: 5, units: 3 },
  { region: 'Ost', amount: 12.5, units: 4 },
  { region: '=HYPERLINK("http://127.0.0.1/x","y")', amount: 1, units: 1 },
  { region: '+44', amount: 2, units: 2 },
];

const GROWN: Order[] = [
  ...INITIAL,
  ...Array.from({ length: 24 }, (_, i) => ({ region: ['West', 'Nord', 'Süd', '@user'][i % 4]!, amount: Math.round((i * 7.3 - 40) * 100) / 100, units: (i % 5) + 1 })),
];

const asRows = (orders: Order[], header: string[]): CellValue[][] => orders.map((o) => header.map((h) => (h === 'Region' ? o.region : h === 'Amount' ? o.amount : h === 'Units' ? o.units : `c${o.units}`)));

const BASE = ['Region', 'Amount', 'Units'];

/** The five refreshes after the first load: grow, one row, zero rows, reorder, add a column. */
export const STEPS: Step[] = [
  { name: 'initial', header: BASE, rows: asRows(INITIAL, BASE) },
  { name: 'grows', header: BASE, rows: asRows(GROWN, BASE) },
  { name: 'one row', header: BASE, rows: asRows([{ region: 'Süd', amount: 7, units: 2 }], BASE) },
  { name: 'zero rows', header: BASE, rows: [] },
  { name: 'columns reordered', header: ['Units', 'Amount', 'Region'], rows: asRows(GROWN.slice(3, 17), ['Units', 'Amount', 'Region']) },
  { name: 'column added', header: [...BASE, 'Channel'], rows: asRows(GROWN.slice(0, 11), [...BASE, 'Channel']) },
];

/** The step's rows as orders, read by column name (a plain loop, independent of PivotDeck). */
export function ordersOf(step: Step): Order[] {
  const at = (name: string) => step.header.indexOf(name);
  return step.rows.map((r) => ({ region: String(r[at('Region')]), amount: Number(r[at('Amount')]), units: Number(r[at('Units')]) }));
}

function csvField(v: CellValue): string {
  const s = typeof v === 'number' && Object.is(v, -0) ? '-0' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Serves the step as CSV at /mutable/orders.csv and pulls it the way a web source does. */
export async function serveAndPull(server: TestServer, step: Step): Promise<PullOk> {
  const csv = [step.header, ...step.rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
  server.setResource('orders.csv', csv, 'text/csv; charset=utf-8');
  const pulled = await pullCsv({ id: 'orders', label: 'Orders', kind: 'csv', url: server.url('/mutable/orders.csv') }, {
    fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true },
  });
  expect(pulled.status, JSON.stringify(pulled).slice(0, 300)).toBe('ok');
  return pulled as PullOk;
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Sum of Amount per region, as the user's PivotTable must show it. */
export function totalsByRegion(orders: Order[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of orders) out.set(o.region, (out.get(o.region) ?? 0) + o.amount);
  return out;
}

/** Excel's median of a list (the loop the extension's numbers are checked against). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function read(sim: Simulator, sheet: string, address: string, what: 'values' | 'formulas' = 'values'): Promise<unknown[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load(what);
    await ctx.sync();
    return what === 'values' ? r.values : (r.formulas as unknown[][]);
  });
}

/** No cell of the workbook shows #REF! and no formula, name or chart series holds it. */
export function expectNoRef(sim: Simulator, when: string): void {
  const model = sim.toModel();
  for (const s of model.sheets) {
    for (const [key, cell] of Object.entries(s.cells)) {
      expect(`${s.name}!${key} ${String(cell.value)} ${cell.formula ?? ''}`, when).not.toMatch(/#REF!/);
    }
    for (const c of s.charts ?? []) for (const series of c.series) expect(`${series.valuesRef} ${series.categoriesRef}`, when).not.toMatch(/#REF!/);
  }
  for (const n of model.names) expect(`${n.name} ${n.reference}`, when).not.toMatch(/#REF!/);
  for (const p of model.pivots) expect(p.source.kind, when).not.toBe('invalid');
}

/** Refreshes a PivotTable (must not fail) and returns its row labels → first value column. */
export async function refreshedPivot(sim: Simulator, name: string): Promise<Map<string, CellValue>> {
  return sim.run(async (ctx) => {
    const p = ctx.workbook.pivotTables.getItem(name);
    p.refresh();
    const labels = p.layout.getRowLabelRange().load('values');
    const body = p.layout.getDataBodyRange().load('values');
    await ctx.sync();
    const out = new Map<string, CellValue>();
    labels.values.forEach((r, i) => out.set(String(r[0]), body.values[i]![0]!));
    return out;
  });
}
