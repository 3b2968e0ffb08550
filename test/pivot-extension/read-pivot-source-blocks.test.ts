/**
 * A pivot's source read in several syncs (more rows than the first block) arrives as columns:
 * every cell where it was, the rows a stamp samples as Excel gave them, and progress to the end.
 * Expected columns are transposed by hand from the rows the test wrote.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { readPivot } from '../../src/excel/pivot/read-pivot';
import { readPivotSource } from '../../src/excel/pivot/read-pivot-source';
import { FIRST_BLOCK_ROWS } from '../../src/excel/pivot/read-source-rows';
import { createSimulator } from '../../src/simulator';
import { basePivot, handWorkbook, sheetWith } from './sim-workbook';

const ROWS = FIRST_BLOCK_ROWS * 2 + 1234;
const REGIONS = ['Nörth', 'Süd', '東京', '', 'West'];
const rows: CellValue[][] = Array.from({ length: ROWS }, (_, i) => [REGIONS[i % 5]!, i % 3 === 0, i % 11 === 0 ? -0 : i * 0.25 - 99]);

describe('a pivot source read in several syncs', () => {
  it('gives every cell in its column, and the sampled rows as written', async () => {
    const model = handWorkbook([], [sheetWith('Big', [['Region', 'Flag', 'Revenue'], ...rows])]);
    model.pivots.push(basePivot({ rows: [{ name: 'Region' }], data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }], source: { kind: 'range', sheet: 'Big', address: `A1:C${ROWS + 1}` } }));
    const sim = createSimulator(model);
    const snapshot = await readPivot(sim.run, 'P', { canReadDataSource: true });
    const progress: number[] = [];
    const pick = (n: number) => [0, 1, FIRST_BLOCK_ROWS - 1, FIRST_BLOCK_ROWS, n - 1, n + 5];
    const read = await readPivotSource(sim.run, snapshot, { sample: pick, onProgress: (p) => progress.push(p.rowsRead) });

    expect(read.source.rowCount).toBe(ROWS);
    const byHand = [0, 1, 2].map((c) => rows.map((r) => r[c]));
    expect(read.source.columns).toEqual(byHand);
    expect(Object.is(read.source.columns[2]![0], -0)).toBe(true);
    expect(read.syncs).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toBe(ROWS);
    expect(read.sample?.rows).toBe(ROWS);
    expect([...read.sample!.sampled.keys()]).toEqual([0, 1, FIRST_BLOCK_ROWS - 1, FIRST_BLOCK_ROWS, ROWS - 1]);
    for (const [i, row] of read.sample!.sampled) expect(row).toEqual(rows[i]);
  });
});
