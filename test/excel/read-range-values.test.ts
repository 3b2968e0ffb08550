import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { PAYLOAD_BUDGET_BYTES, PAYLOAD_LIMIT_BYTES } from '../../src/excel/payload';
import { readRangeValues, type ReadProgress } from '../../src/excel/read-range-values';
import { createSimulator } from '../../src/simulator';
import { sheet, workbook } from './workbooks';

const REGIONS = ['North', 'South', 'East', 'West'];
const PRODUCTS = ['Road Bike', 'Mountain Bike', 'Helmet', 'Gloves', 'Pump', 'Lock'];

/** Row r of an 11-column sales-like table (deterministic, mixed numbers and texts). */
function salesRow(r: number): CellValue[] {
  const units = (r * 7) % 13 + 1;
  const price = ((r * 37) % 500) + 0.25;
  return [
    45292 + (r % 731), REGIONS[r % 4], `Country ${r % 17}`, r % 3 === 0 ? 'Online' : 'Store',
    PRODUCTS[r % 6], r % 2 === 0 ? 'Bikes' : 'Parts', `C${(r * 31) % 5000}`,
    units, price, units * price, Math.round(units * price * 0.6 * 100) / 100,
  ];
}

/**
 * A simulator whose sheet "Data" holds `rows` rows from `row(r)`. Large sheets are written
 * through the API in 20,000-row blocks: a hand-built model with millions of "r,c" keys is
 * far slower to build than the simulator's own write path.
 */
async function filled(rows: number, row: (r: number) => CellValue[]) {
  const sim = createSimulator(workbook({ sheets: [sheet('Data')] }));
  await sim.run(async (ctx) => {
    const data = ctx.workbook.worksheets.getItem('Data');
    for (let start = 0; start < rows; start += 20_000) {
      const block = Array.from({ length: Math.min(20_000, rows - start) }, (_, i) => row(start + i));
      data.getRangeByIndexes(start, 0, block.length, block[0].length).values = block;
      await ctx.sync();
    }
  });
  sim.resetStats();
  return sim;
}

describe('readRangeValues', () => {
  it('reads 200,000 × 11 cells without any sync over 5 MB, in about ceil(bytes / 5 MB) syncs', async () => {
    const ROWS = 200_000;
    const sim = await filled(ROWS, salesRow);
    const progress: ReadProgress[] = [];
    const result = await readRangeValues(sim.run, 'Data', 'A1:K200000', { onProgress: (p) => progress.push(p) });

    expect(result.rowCount).toBe(ROWS);
    expect(result.columnCount).toBe(11);
    expect(result.values).toHaveLength(ROWS);
    for (const r of [0, 1, 9_999, 10_000, 123_457, ROWS - 1]) expect(result.values[r]).toEqual(salesRow(r));

    const stats = sim.lastRunStats();
    expect(stats.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const ideal = Math.ceil(stats.responseBytes / PAYLOAD_LIMIT_BYTES);
    expect(ideal).toBeGreaterThanOrEqual(4); // the data really needs chunking
    // Planned at PAYLOAD_BUDGET_BYTES per sync, plus at most one sync for the size-and-sample read.
    expect(stats.syncs).toBeLessThanOrEqual(Math.ceil(stats.responseBytes / PAYLOAD_BUDGET_BYTES) + 1);
    expect(stats.syncs).toBeLessThanOrEqual(ideal + 1);
    expect(result.syncs).toBe(stats.syncs);

    // Progress after every sync, rows only growing, ending complete.
    expect(progress).toHaveLength(stats.syncs);
    expect(progress.map((p) => p.rowsRead)).toEqual([...progress.map((p) => p.rowsRead)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ rowsRead: ROWS, totalRows: ROWS });
  }, 120_000);

  it('hands each block to onBlock as it arrives, every row once and in order, and keeps none with keepValues: false', async () => {
    const ROWS = 60_000;
    const sim = await filled(ROWS, salesRow);
    const blocks: Array<{ offset: number; rows: number; size: { rowCount: number; columnCount: number } }> = [];
    let seen = 0;
    let wrong = 0;
    const result = await readRangeValues(sim.run, 'Data', 'A1:K60000', {
      maxCellsPerRequest: 110_000,
      keepValues: false,
      onBlock: async (offset, values, size) => {
        blocks.push({ offset, rows: values.length, size });
        for (let i = 0; i < values.length; i++) if (JSON.stringify(values[i]) !== JSON.stringify(salesRow(offset + i))) wrong++;
        seen += values.length;
        await new Promise((resolve) => setTimeout(resolve, 0)); // a caller that yields, as packing does
      },
    });
    expect(wrong).toBe(0);
    expect(seen).toBe(ROWS);
    expect(blocks.map((b) => b.offset)).toEqual(blocks.map((_, i) => blocks.slice(0, i).reduce((sum, b) => sum + b.rows, 0)));
    expect(blocks.every((b) => b.size.rowCount === ROWS && b.size.columnCount === 11)).toBe(true);
    expect(blocks.length).toBeGreaterThan(2);
    expect(result.values).toEqual([]);
    expect(result.rowCount).toBe(ROWS);
  });

  it('batches several small blocks into one sync when maxCellsPerRequest is low', async () => {
    const ROWS = 20_000;
    const sim = await filled(ROWS, salesRow);
    // 2,000 cells per block = 181 rows: ~110 blocks, but the ~2 MB of data fits in one sync after the sample.
    const result = await readRangeValues(sim.run, 'Data', 'A1:K20000', { maxCellsPerRequest: 2_000 });
    expect(result.values[ROWS - 1]).toEqual(salesRow(ROWS - 1));
    expect(sim.lastRunStats().syncs).toBe(2);
  });

  it('recovers when rows further down are much heavier than the sample', async () => {
    const ROWS = 30_000;
    const long = (r: number): string => `${r}:`.padEnd(150, 'x');
    const row = (r: number): CellValue[] => (r < 10_000 ? [r, 'a', 1, true] : [r, long(r), long(r + 1), long(r + 2)]);
    const sim = await filled(ROWS, row);
    const result = await readRangeValues(sim.run, 'Data', 'A1:D30000');
    expect(result.values[ROWS - 1]).toEqual(row(ROWS - 1));
    expect(result.values[12_345]).toEqual(row(12_345));
    // The simulator refused oversized blocks (and counts those attempts); the read halved them
    // and went on. About 12 MB: sample + 2 refusals + 4 full syncs, measured at 7.
    expect(result.syncs).toBeLessThanOrEqual(8);
    expect(sim.lastRunStats().syncs).toBe(result.syncs);
  });

  it('reads number formats alongside values and a range not starting at A1', async () => {
    const model = workbook({ sheets: [sheet('Data', {
      '4,2': { value: 45292, numberFormat: 'yyyy-mm-dd' }, '4,3': { value: 'x' },
      '5,2': { value: 1.5, numberFormat: '0.00' },
    })] });
    const sim = createSimulator(model);
    const result = await readRangeValues(sim.run, 'Data', 'C5:D6', { numberFormat: true });
    expect(result.values).toEqual([[45292, 'x'], [1.5, '']]);
    expect(result.numberFormat).toEqual([['yyyy-mm-dd', 'General'], ['0.00', 'General']]);
    expect(result.syncs).toBe(1);
  });

  it('stops between syncs when aborted', async () => {
    const sim = await filled(20_000, salesRow);
    const controller = new AbortController();
    const read = readRangeValues(sim.run, 'Data', 'A1:K20000', {
      maxBytesPerSync: 200_000,
      signal: controller.signal,
      onProgress: (p) => { if (p.syncs === 2) controller.abort(new Error('cancelled by test')); },
    });
    await expect(read).rejects.toThrow('cancelled by test');
    expect(sim.lastRunStats().syncs).toBe(2);
  });
});
