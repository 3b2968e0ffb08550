import { describe, expect, it } from 'vitest';
import { listTables } from '../../src/excel/list-tables';
import { createSimulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from './workbooks';

/** A header row plus `n` data rows of `columns` columns. */
function grid(n: number, columns: string[]): Array<Array<string | number>> {
  return [columns, ...Array.from({ length: n }, (_, r) => columns.map((_, c) => r * 10 + c))];
}

describe('listTables', () => {
  it('lists five tables on two sheets with sizes and columns in two syncs', async () => {
    const model = workbook({
      sheets: [
        sheet('Data',
          cellsAt(grid(3, ['A', 'B']), 0, 0),           // A1:B4
          cellsAt(grid(10, ['X', 'Y', 'Z']), 0, 4),     // E1:G11
          cellsAt(grid(1, ['Only']), 20, 0)),           // A21:A22
        sheet('More',
          cellsAt(grid(100, ['P', 'Q', 'R', 'S']), 2, 1), // B3:E103
          cellsAt([...grid(2, ['T1', 'T2']), ['Total', 42]], 0, 8)), // I1:J4 with totals row
      ],
      tables: [
        table('Small', 'Data', 'A1:B4'),
        table('Wide', 'Data', 'E1:G11'),
        table('Single', 'Data', 'A21:A22'),
        table('Hundred', 'More', 'B3:E103'),
        table('WithTotals', 'More', 'I1:J4', { showTotals: true }),
      ],
    });
    const sim = createSimulator(model);
    const tables = await listTables(sim.run);

    expect(tables.map((t) => [t.name, t.sheet, t.rowCount, t.columnCount])).toEqual([
      ['Small', 'Data', 3, 2],
      ['Wide', 'Data', 10, 3],
      ['Single', 'Data', 1, 1],
      ['Hundred', 'More', 100, 4],
      ['WithTotals', 'More', 2, 2],
    ]);
    expect(tables[1].columns).toEqual(['X', 'Y', 'Z']);
    expect(tables[4]).toMatchObject({ showTotals: true, showHeaders: true });
    expect(tables[3].address).toMatch(/B3:E103$/);
    expect(sim.lastRunStats().syncs).toBeLessThanOrEqual(2);
  });

  it('answers an empty workbook in one sync', async () => {
    const sim = createSimulator(workbook({ sheets: [sheet('Sheet1')] }));
    expect(await listTables(sim.run)).toEqual([]);
    expect(sim.lastRunStats().syncs).toBe(1);
  });
});
