/**
 * A small Sales table for dashboard tests, and plain-loop helpers that compute what the tiles
 * should show, independently of the engine.
 */
import type { CellValue } from '../../src/excel/api';
import type { DashboardField } from '../../src/dashboards';
import { createSimulator, type Simulator } from '../../src/simulator';
import type { WorkbookModel } from '../../src/simulator/model';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';

/** Excel serial of a calendar date (1900 system, after 1 March 1900). */
export function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export const HEADER = ['Date', 'Region', 'Category', 'Product', 'Customer', 'Revenue'] as const;

export interface Row {
  date: number;
  region: string;
  category: string;
  product: string;
  customer: string;
  revenue: number;
}

export const ROWS: Row[] = [
  [2024, 1, 10, 'West', 'Bikes', 'Road', 'A', 100],
  [2024, 2, 5, 'East', 'Bikes', 'Road', 'B', 200],
  [2024, 2, 20, 'West', 'Parts', 'Chain', 'A', 50],
  [2024, 3, 15, 'East', 'Parts', 'Chain', 'C', 30],
  [2025, 1, 8, 'West', 'Bikes', 'Road', 'A', 300],
  [2025, 1, 20, 'West', 'Parts', 'Chain', 'D', 40],
  [2025, 2, 11, 'East', 'Bikes', 'Mountain', 'B', 500],
  [2025, 2, 25, 'East', 'Parts', 'Tyre', 'C', 20],
  [2025, 3, 3, 'West', 'Parts', 'Tyre', 'A', 60],
  [2025, 3, 30, 'East', 'Bikes', 'Road', 'E', 150],
].map(([y, m, d, region, category, product, customer, revenue]) => ({
  date: serial(y as number, m as number, d as number), region: region as string, category: category as string,
  product: product as string, customer: customer as string, revenue: revenue as number,
}));

export function salesValues(rows: readonly Row[] = ROWS): CellValue[][] {
  return [[...HEADER], ...rows.map((r) => [r.date, r.region, r.category, r.product, r.customer, r.revenue])];
}

export const FIELDS: DashboardField[] = [
  { name: 'Date', type: 'date', numberFormat: 'yyyy-mm-dd' },
  { name: 'Region', type: 'text' },
  { name: 'Category', type: 'text' },
  { name: 'Product', type: 'text' },
  { name: 'Customer', type: 'text' },
  { name: 'Revenue', type: 'number', numberFormat: '$#,##0.00' },
];

export function salesBook(rows: readonly Row[] = ROWS): WorkbookModel {
  const values = salesValues(rows);
  return workbook({
    sheets: [sheet('Data', cellsAt(values, 0, 0, (r, c) => (r > 0 && c === 0 ? 'yyyy-mm-dd' : undefined)))],
    tables: [table('Sales', 'Data', `A1:F${values.length}`)],
  });
}

export function salesSimulator(rows: readonly Row[] = ROWS): Simulator {
  return createSimulator(salesBook(rows));
}

// ---- plain loops ----

export function yearOf(serialDate: number): number {
  return new Date(Date.UTC(1899, 11, 30) + serialDate * 86_400_000).getUTCFullYear();
}
export function monthOf(serialDate: number): number {
  return new Date(Date.UTC(1899, 11, 30) + serialDate * 86_400_000).getUTCMonth() + 1;
}

export function sumBy<K>(rows: readonly Row[], key: (r: Row) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + r.revenue);
  return out;
}

/** Cell value of a sheet at an A1 address, from the simulator's model. */
export function cellValue(sim: Simulator, sheetName: string, address: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const s = sim.toModel().sheets.find((x) => x.name === sheetName)!;
  return s.cells[`${Number(m[2]) - 1},${col}`]?.value ?? '';
}

/** Values of a block, from the simulator's model. */
export function blockValues(sim: Simulator, sheetName: string, address: string): CellValue[][] {
  const [a, b = a] = address.split(':');
  const pa = /^([A-Z]+)(\d+)$/.exec(a)!;
  const pb = /^([A-Z]+)(\d+)$/.exec(b)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const s = sim.toModel().sheets.find((x) => x.name === sheetName)!;
  const out: CellValue[][] = [];
  for (let r = Number(pa[2]) - 1; r <= Number(pb[2]) - 1; r++) {
    const row: CellValue[] = [];
    for (let c = col(pa[1]); c <= col(pb[1]); c++) row.push(s.cells[`${r},${c}`]?.value ?? '');
    out.push(row);
  }
  return out;
}
