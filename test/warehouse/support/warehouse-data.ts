/**
 * Shared helpers of the warehouse tests: run a plan on the cluster, read a table's raw rows into
 * an Arquero table (Excel values: numbers, text, null for NULL, dates as serials) for the local
 * engine, and compare two results cell by cell.
 */
import * as aq from 'arquero';
import { expect } from 'vitest';
import type { QueryResult } from '../../../src/engine';
import type { WarehousePlan, WarehouseSchema } from '../../../src/engine/sql';
import { chExec } from '../../support/clickhouse';

export const SCHEMAS: Record<'flights' | 'sales' | 'gaps', WarehouseSchema> = {
  flights: {
    table: 'flights',
    columns: [
      { name: 'date', type: 'DateTime' }, { name: 'delay', type: 'Int32' }, { name: 'distance', type: 'Int32' },
      { name: 'origin', type: 'String' }, { name: 'destination', type: 'String' },
    ],
  },
  sales: {
    table: 'sales',
    columns: [
      { name: 'Date', type: 'Date' }, { name: 'Region', type: 'String' }, { name: 'Country', type: 'String' },
      { name: 'Channel', type: 'String' }, { name: 'Product', type: 'String' }, { name: 'Category', type: 'String' },
      { name: 'Customer', type: 'String' }, { name: 'Units', type: 'Int32' }, { name: 'Unit Price', type: 'Float64' },
      { name: 'Revenue', type: 'Float64' }, { name: 'Cost', type: 'Float64' },
    ],
  },
  gaps: {
    table: 'gaps',
    columns: [
      { name: 'date', type: 'DateTime' }, { name: 'origin', type: 'Nullable(String)' }, { name: 'destination', type: 'String' },
      { name: 'ratio', type: 'Nullable(Float64)' }, { name: 'amount', type: 'Float64' },
    ],
  },
};

/** Runs the plan's SQL (JSONCompact, 64-bit integers left quoted on purpose: finish must cope). */
export async function runPlan(url: string, plan: WarehousePlan): Promise<{ rows: unknown[][]; bytes: number }> {
  const text = await chExec(url, `${plan.sql} FORMAT JSONCompact`);
  return { rows: (JSON.parse(text) as { data: unknown[][] }).data, bytes: Buffer.byteLength(text) };
}

/**
 * The table's raw rows as the local engine would see them after an Excel read. Built from a TSV
 * dump, with an independent, plain conversion: \N → null, dates → (seconds / 86400 + 25569).
 */
export async function rawTable(url: string, schema: WarehouseSchema): Promise<aq.ColumnTable> {
  const exprs = schema.columns.map((c) => {
    const q = `\`${c.name}\``;
    if (/DateTime/.test(c.type)) return `toFloat64(toUInt32(${q})) / 86400 + 25569`;
    if (/^Date$/.test(c.type)) return `toFloat64(toUInt16(${q})) + 25569`;
    return q;
  });
  const text = await chExec(url, `SELECT ${exprs.join(', ')} FROM \`${schema.table}\` FORMAT TabSeparated`);
  const cols: unknown[][] = schema.columns.map(() => []);
  const numeric = schema.columns.map((c) => !/String/.test(c.type));
  const unescape = (s: string) => s.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
  for (const line of text.split('\n')) {
    if (!line) continue;
    const parts = line.split('\t');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      cols[i].push(p === '\\N' ? null : numeric[i] ? Number(p) : unescape(p));
    }
  }
  const obj: Record<string, unknown[]> = {};
  schema.columns.forEach((c, i) => { obj[c.name] = cols[i]; });
  return aq.table(obj);
}

/** Exact for non-floats; relative `tol` for numbers when `tol` > 0. */
export function expectSameResult(actual: QueryResult, expected: QueryResult, tolerances: number[]): void {
  const a = actual.grid!;
  const e = expected.grid!;
  expect(a.rowItems).toEqual(e.rowItems);
  expect(a.columnItems).toEqual(e.columnItems);
  expect(a.measures).toEqual(e.measures);
  expect(actual.rowCount).toBe(expected.rowCount);
  const M = e.measures.length;
  for (let r = 0; r < e.values.length; r++) {
    for (let c = 0; c < e.values[r].length; c++) {
      const x = a.values[r][c];
      const y = e.values[r][c];
      const tol = tolerances[c % M];
      const where = `row ${JSON.stringify(e.rowItems[r].path)} col ${c} (${e.measures[c % M].id})`;
      if (typeof x === 'number' && typeof y === 'number' && tol > 0) {
        const scale = Math.max(Math.abs(x), Math.abs(y));
        if (Math.abs(x - y) > tol * scale && Math.abs(x - y) > 1e-12) expect.fail(`${where}: ${x} vs ${y}`);
      } else if (!Object.is(x, y) && !(x === y)) {
        expect.fail(`${where}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
      }
    }
  }
  expect(actual.flat?.rows.length).toBe(expected.flat?.rows.length);
}
