/**
 * A workbook table read as a query source: its rows arrive packed into columns block by block
 * (no million row arrays kept alive), the header and totals row are told apart, `rows` is built
 * only when asked for, and the stamp taken from the packed columns is the one a sampled check
 * of the sheet computes. Expected rows are the ones the test wrote.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { stampOf } from '../../src/refresh/dashboards/source-stamps';
import { readSourceData, sourceRowAt, sourceRowCount } from '../../src/refresh/queries/source-data';
import { stampOfRows } from '../../src/refresh/source-stamp';
import { createSimulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';

const HEADER: CellValue[] = ['Región', 'Amount', 'Paid', 'Note'];

/** Row i: non-ASCII text, whole and fractional numbers, logicals, blanks and error-like text. */
function row(i: number): CellValue[] {
  return [i % 3 === 0 ? 'Zürich' : i % 3 === 1 ? '東京' : 'Ōsaka', i % 5 === 0 ? 0.1 * i : i, i % 2 === 0, i % 7 === 0 ? '' : i % 11 === 0 ? '#N/A' : `n${i}`];
}

function tableWorkbook(rows: number, totals: boolean) {
  const data = Array.from({ length: rows }, (_, i) => row(i));
  const all = [HEADER, ...data, ...(totals ? [['Total', 123, '', '']] : [])];
  const sim = createSimulator(workbook({
    sheets: [sheet('Data', cellsAt(all))],
    tables: [table('T', 'Data', `A1:D${all.length}`, { showTotals: totals })],
  }));
  return { sim, data };
}

describe('a table read as a query source', () => {
  it('arrives packed: header apart, totals row left out, every data row as written', async () => {
    const { sim, data } = tableWorkbook(2500, true);
    const read = await readSourceData(sim.run, { kind: 'table', name: 'T' });
    expect(read.header).toEqual(HEADER);
    expect(read.packed?.rowCount).toBe(2500);
    expect(sourceRowCount(read)).toBe(2500);
    for (const i of [0, 1, 6, 7, 11, 1249, 2499]) expect(sourceRowAt(read, i)).toEqual(data[i]);
    expect(read.rows).toEqual(data);
    expect(read.at).toEqual({ sheet: 'Data', address: 'A1:D2502' });
  });

  it('builds rows only when asked, and its stamp (from 200 decoded rows) is the stamp of the rows', async () => {
    const { sim, data } = tableWorkbook(1200, false);
    const read = await readSourceData(sim.run, { kind: 'table', name: 'T' });
    const built = Object.getOwnPropertyDescriptor(read, 'rows')!.get!;
    // Any look at `rows` while the stamp is taken fails the test.
    Object.defineProperty(read, 'rows', { configurable: true, get: () => { throw new Error('rows were built'); } });
    const stamp = stampOf({ kind: 'table', name: 'T' }, read, []);
    Object.defineProperty(read, 'rows', { configurable: true, get: built });
    expect(read.rows).toEqual(data);
    expect({ rows: stamp.rows, sample: stamp.sample }).toEqual(stampOfRows(HEADER, data));
  });

  it('a table with only its header reads as no rows', async () => {
    const { sim } = tableWorkbook(0, false);
    const read = await readSourceData(sim.run, { kind: 'table', name: 'T' });
    expect(read.header).toEqual(HEADER);
    expect(sourceRowCount(read)).toBe(0);
    expect(read.rows).toEqual([]);
  });
});
