import { describe, expect, it } from 'vitest';
import { readTablePreview } from '../../src/excel/read-table-preview';
import { createSimulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from './workbooks';

const DATE = 'yyyy-mm-dd';

/** n rows: [serial date, text, number]; 45292 is 2024-01-01. */
function rows(n: number): Array<Array<string | number>> {
  return Array.from({ length: n }, (_, i) => [45292 + i, `item ${i + 1}`, (i + 1) * 1.5]);
}

function model(n: number, at = 0) {
  const header = [['Date', 'Item', 'Amount']];
  return workbook({
    sheets: [sheet('Data',
      cellsAt(header, at, 0),
      cellsAt(rows(n), at + 1, 0, (_, c) => (c === 0 ? DATE : c === 2 ? '#,##0.00' : undefined)))],
    tables: [table('Orders', 'Data', `A${at + 1}:C${at + 1 + n}`)],
  });
}

describe('readTablePreview', () => {
  it('reads header, the first rows and their formats in one sync', async () => {
    const sim = createSimulator(model(120));
    const preview = await readTablePreview(sim.run, 'Orders', 50);
    expect(preview.headers).toEqual(['Date', 'Item', 'Amount']);
    expect(preview.totalRows).toBe(120);
    expect(preview.rows).toHaveLength(50);
    expect(preview.rows[0]).toEqual([45292, 'item 1', 1.5]);
    expect(preview.rows[49]).toEqual([45341, 'item 50', 75]);
    expect(preview.numberFormats[0][0]).toBe(DATE);
    expect(preview.numberFormats[0][2]).toBe('#,##0.00');
    expect(preview.sheet).toBe('Data');
    expect(sim.lastRunStats().syncs).toBe(1);
  });

  it('returns only the rows a short table has', async () => {
    const sim = createSimulator(model(3));
    const preview = await readTablePreview(sim.run, 'Orders', 50);
    expect(preview.rows).toEqual([[45292, 'item 1', 1.5], [45293, 'item 2', 3], [45294, 'item 3', 4.5]]);
    expect(preview.totalRows).toBe(3);
  });

  it('still reads a table that ends at the bottom of the sheet', async () => {
    // Data rows 1,048,571..1,048,576: stretching the first row by 49 rows would leave the sheet.
    const sim = createSimulator(model(6, 1_048_569));
    const preview = await readTablePreview(sim.run, 'Orders', 50);
    expect(preview.rows).toHaveLength(6);
    expect(preview.rows[5]).toEqual([45297, 'item 6', 9]);
  });

  it('fails with ItemNotFound for a missing table', async () => {
    const sim = createSimulator(model(3));
    await expect(readTablePreview(sim.run, 'Nope', 50)).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
