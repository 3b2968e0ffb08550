/**
 * "Show rows" against the Excel simulator: the drilled rows land on a new sheet as an Excel table
 * under the filters in words and the cap, text stays text (=, +, -, @ are data), and the formula
 * row recomputes the cell. The simulator on this branch does not calculate formulas, so the test
 * asserts the formula text and computes its value independently, with plain loops over the
 * table's column as read back from the sheet.
 */
import { describe, expect, it } from 'vitest';
import { drillGridCell, selectRows } from '../../src/engine/drill';
import { executeQuery, tableFromExcelValues } from '../../src/engine/query';
import type { QuerySpec } from '../../src/engine/spec';
import type { CellValue } from '../../src/excel/api';
import { capWords, columnReference, ShowRowsError, writeShowRows } from '../../src/excel/show-rows';
import { createSimulator, modelFromRows } from '../../src/simulator';
import { close, distinctCount, median } from './oracle';

const HEADER = ['Region', 'Category', 'Revenue', 'Unit [EUR]', 'Note'];
const ROWS: CellValue[][] = [
  ['West', 'Bikes', 10, 1, '=SUM(A1:A9)'],
  ['west', 'Bikes', 30, 2, '+44'],
  ['WEST', 'bikes', 20, 3, '-x'],
  ['West', 'Bikes', 20, 4, '@handle'],
  ['Nörd', 'Bikes', 5, 5, 'ünï'],
  ['West', 'Helmets', 7, 6, ''],
  ['West', 'Bikes', '', 7, '00123'],
];

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'table', name: 'Sales' },
  rows: ['Region'],
  columns: ['Category'],
  measures: [
    { id: 'med', label: 'Median of Revenue', kind: 'median', field: 'Revenue' },
    { id: 'dc', kind: 'distinctCount', field: 'Note' },
    { id: 'f', kind: 'formula', formula: 'SUM([Revenue]) * 2' },
  ],
};

async function read(sim: ReturnType<typeof createSimulator>, sheet: string, address: string) {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load('values, formulas, numberFormat');
    await ctx.sync();
    return { values: r.values as CellValue[][], formulas: r.formulas as unknown[][], formats: r.numberFormat as string[][] };
  });
}

function setup() {
  const source = tableFromExcelValues(HEADER, ROWS).table;
  const grid = executeQuery(SPEC, () => source).grid!;
  const M = grid.measures.length;
  // Items group text without case; the label is the smallest spelling by code point (docs/warehouse-sql.md).
  const r = grid.rowItems.findIndex((i) => String(i.path[0]).toLowerCase() === 'west');
  const c = grid.columnItems.findIndex((i) => String(i.path[0]).toLowerCase() === 'bikes');
  return { source, grid, M, r, c };
}

describe('writeShowRows in the simulator', () => {
  it('writes the table, the words, the cap and a MEDIAN that equals the cell', async () => {
    const { source, grid, M, r, c } = setup();
    const drill = drillGridCell(SPEC, grid, { row: r, value: c * M });
    const rows = selectRows(drill.rows, () => source, 3);
    const sim = createSimulator(modelFromRows('Data', [HEADER, ...ROWS]));
    const out = await writeShowRows(sim.run, { title: `Rows behind ${drill.measureLabel}`, words: drill.words, ...rows, recompute: drill.excel, shown: grid.values[r][c * M] });

    expect(out.sheet).toBe('Rows 1');
    expect(out.table).toBe('ShowRows_1');
    const head = await read(sim, out.sheet, 'A1:A3');
    expect(head.values.map((x) => x[0])).toEqual(['Rows behind Median of Revenue', 'Region = WEST · Category = Bikes', 'Showing the first 3 of 5 rows. The formula below covers the rows shown; the number above covers them all.']);

    const table = await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem(out.table).getRange().load('values, numberFormat, address');
      await ctx.sync();
      return { values: t.values as CellValue[][], formats: t.numberFormat as string[][], address: t.address };
    });
    expect(table.address).toBe(`'Rows 1'!A5:E8`);
    expect(table.values).toEqual([HEADER, ['West', 'Bikes', 10, 1, '=SUM(A1:A9)'], ['west', 'Bikes', 30, 2, '+44'], ['WEST', 'bikes', 20, 3, '-x']]);
    expect(table.formats[1][4]).toBe('@');
    // Data that looks like a formula stayed data.
    const note = await read(sim, out.sheet, 'E6:E8');
    expect(note.formulas).toEqual([['=SUM(A1:A9)'], ['+44'], ['-x']]);

    expect(out.formula).toBe(`=MEDIAN(${columnReference('ShowRows_1', 'Revenue')})`);
    expect(out.formula).toBe('=MEDIAN(ShowRows_1[[Revenue]])');
    const f = await read(sim, out.sheet, out.formulaAddress!);
    expect(f.formulas[0][0]).toBe(out.formula);
    // The formula's value, computed independently over the table column as written (3 rows shown).
    expect(median(table.values.slice(1).map((x) => x[2]))).toBe(20);
    const shown = await read(sim, out.sheet, 'B11');
    expect(shown.values[0][0]).toBe(grid.values[r][c * M]);
  });

  it('uncapped: the formula over all drilled rows equals the cell, for MEDIAN and distinct count', async () => {
    const { source, grid, M, r, c } = setup();
    const sim = createSimulator(modelFromRows('Data', [HEADER, ...ROWS]));
    for (const m of [0, 1]) {
      const drill = drillGridCell(SPEC, grid, { row: r, value: c * M + m });
      const rows = selectRows(drill.rows, () => source);
      const out = await writeShowRows(sim.run, { title: 'Rows', words: drill.words, ...rows, recompute: drill.excel, shown: grid.values[r][c * M + m] });
      const t = await sim.run(async (ctx) => {
        const range = ctx.workbook.tables.getItem(out.table).getDataBodyRange().load('values');
        await ctx.sync();
        return range.values as CellValue[][];
      });
      const column = HEADER.indexOf(m === 0 ? 'Revenue' : 'Note');
      const recomputed = m === 0 ? median(t.map((x) => x[column])) : distinctCount(t.map((x) => x[column]));
      expect(close(recomputed, grid.values[r][c * M + m])).toBe(true);
      expect((await read(sim, out.sheet, 'A3')).values[0][0]).toBe(capWords(5, 5));
    }
    // By hand: West × Bikes is rows 1-4 and 7, whose notes "=SUM(A1:A9)", "+44", "-x", "@handle", "00123" all differ.
    expect(grid.values[r][c * M + 1]).toBe(5);
  });

  it('says so when Excel has no function (a custom formula)', async () => {
    const { source, grid, M, r, c } = setup();
    const drill = drillGridCell(SPEC, grid, { row: r, value: c * M + 2 });
    const sim = createSimulator(modelFromRows('Data', [HEADER, ...ROWS]));
    const out = await writeShowRows(sim.run, { title: 'Rows', words: drill.words, ...selectRows(drill.rows, () => source), recompute: drill.excel, shown: grid.values[r][c * M + 2] });
    expect(out.formula).toBeUndefined();
    const row = await read(sim, out.sheet, 'A12:B13');
    expect(String(row.values[0][0])).toMatch(/custom formula \(SUM\(\[Revenue\]\) \* 2\); Excel has no single function/);
    expect(row.values[1]).toEqual(['PivotDeck showed:', 160]);
  });

  it('a second drill gets its own sheet and table; an empty drill still makes a valid table', async () => {
    const sim = createSimulator(modelFromRows('Data', [['x']]));
    const none = { kind: 'none' as const, reason: 'no function' };
    await writeShowRows(sim.run, { title: 't', words: 'w', columns: ['a'], rows: [[1]], total: 1, recompute: none, shown: 1 });
    const out = await writeShowRows(sim.run, { title: 't', words: 'w', columns: ['a', '2024'], rows: [], total: 0, recompute: none, shown: '' });
    expect(out.sheet).toBe('Rows 2');
    expect(out.tableAddress).toBe('A5:B6');
    const head = await read(sim, out.sheet, 'A3:B5');
    expect(head.values[0][0]).toBe('No rows match: the number is computed over no rows.');
    expect(head.values[2]).toEqual(['a', '2024']);
  });

  it('chunks the body under the payload limit', async () => {
    const columns = ['Id', 'Text'];
    const many = Array.from({ length: 3000 }, (_, i) => [i, `ünï ${'x'.repeat(40)} ${i}`]);
    const limit = 64 * 1024;
    const sim = createSimulator(modelFromRows('Data', [['x']]), { payloadLimitBytes: limit });
    const none = { kind: 'none' as const, reason: 'n/a' };
    await expect(writeShowRows(sim.run, { title: 't', words: 'w', columns, rows: many, total: 3000, recompute: none, shown: 0 }, { budgetBytes: 10 * limit })).rejects.toThrow(ShowRowsError);
    sim.resetStats();
    const out = await writeShowRows(sim.run, { title: 't', words: 'w', columns, rows: many, total: 3000, recompute: none, shown: 0 }, { budgetBytes: limit / 2 });
    expect(out.chunks).toBeGreaterThan(3);
    expect(sim.stats().maxRequestBytes).toBeLessThanOrEqual(limit);
    const back = await read(sim, out.sheet, 'A3005:B3005');
    expect(back.values[0]).toEqual([2999, many[2999][1]]);
  });
});
