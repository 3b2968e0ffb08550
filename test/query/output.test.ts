/**
 * Query output in the Excel simulator: a grid and a flat table written, refreshed in place
 * (growing and shrinking), refused over foreign cells and when too large, and chunked under the
 * 5 MB request limit. Expected cells are written out by hand from the six source rows below.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { executeQuery, tableFromExcelValues, type QuerySpec } from '../../src/engine';
import {
  BAND_FILL, HEADER_FILL, QueryOutputError, TABLE_STYLE, flatBlock, gridBlock, writeQueryOutput, type OutputBlock,
} from '../../src/excel/query-output';
import { createSimulator, type Simulator } from '../../src/simulator';
import type { WorkbookModel } from '../../src/simulator/model';

const HEADER = ['Region', 'Category', 'Channel', 'Revenue'];
const ROWS: CellValue[][] = [
  ['North', 'Bikes', 'Online', 100],
  ['North', 'Bikes', 'Store', 200],
  ['North', 'Parts', 'Online', 30],
  ['North', 'Parts', 'Store', 40],
  ['South', 'Bikes', 'Online', 500],
  ['South', 'Parts', 'Store', 80],
];

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'table', name: 'Sales' },
  rows: ['Region', 'Category'],
  columns: ['Channel'],
  measures: [{ id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue', numberFormat: '#,##0' }],
};

function result(rows: CellValue[][], spec: QuerySpec = SPEC) {
  return executeQuery(spec, () => tableFromExcelValues(HEADER, rows).table);
}

function emptyBook(extra: Partial<WorkbookModel> = {}): WorkbookModel {
  return { sheets: [{ name: 'Data', cells: {} }], tables: [], pivots: [], names: [], settings: {}, ...extra };
}

/** Values of a sheet area from the simulator's model ("" for empty). */
function cells(sim: Simulator, sheet: string, rows: number, columns: number, row = 0, column = 0): CellValue[][] {
  const s = sim.toModel().sheets.find((x) => x.name === sheet)!;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => s.cells[`${row + r},${column + c}`]?.value ?? ''));
}
function cell(sim: Simulator, sheet: string, row: number, column: number) {
  return sim.toModel().sheets.find((x) => x.name === sheet)!.cells[`${row},${column}`];
}

// Rows × Category, columns Channel, Sum of Revenue, subtotals and grand totals (hand-computed).
const GRID: CellValue[][] = [
  ['Channel', '', 'Online', 'Store', 'Grand Total'],
  ['Region', 'Category', 'Revenue', 'Revenue', 'Revenue'],
  ['North', 'Bikes', 100, 200, 300],
  ['', 'Parts', 30, 40, 70],
  ['North Total', '', 130, 240, 370],
  ['South', 'Bikes', 500, '', 500],
  ['', 'Parts', '', 80, 80],
  ['South Total', '', 500, 80, 580],
  ['Grand Total', '', 630, 320, 950],
];

describe('gridBlock', () => {
  it('lays out labels, subtotals, totals, banding and formats', () => {
    const block = gridBlock(result(ROWS).grid!);
    expect(block.values).toEqual(GRID);
    expect(block.headerRows).toBe(2);
    expect(block.columnFormats).toEqual(['General', 'General', '#,##0', '#,##0', '#,##0']);
    expect(block.boldRows).toEqual([{ start: 4, count: 1 }, { start: 7, count: 1 }]);
    expect(block.grandTotalRows).toEqual([{ start: 8, count: 1 }]);
    expect(block.boldColumns).toEqual([{ start: 4, count: 1 }]);
    // Second item of each region is banded; the count restarts after a subtotal.
    expect(block.bandRows).toEqual([3, 6]);
  });
});

describe('writeQueryOutput: grid', () => {
  it('writes a new sheet in 2 syncs, formatted and tracked by PivotDeck_<id>', async () => {
    const sim = createSimulator(emptyBook());
    const out = await writeQueryOutput(sim.run, gridBlock(result(ROWS).grid!), { queryId: 'q1', target: { kind: 'newSheet', sheet: 'Revenue: by region' } });
    expect(sim.lastRunStats().syncs).toBe(2);
    expect(out.syncs).toBe(2);
    expect(out.address).toBe("'Revenue by region'!A1:E9");
    expect(out.sheetCreated).toBe(true);
    expect(cells(sim, 'Revenue by region', 9, 5)).toEqual(GRID);
    expect(cell(sim, 'Revenue by region', 2, 2).numberFormat).toBe('#,##0');
    expect(cell(sim, 'Revenue by region', 0, 0).style).toMatchObject({ bold: true, fill: HEADER_FILL, horizontalAlignment: 'Left' });
    expect(cell(sim, 'Revenue by region', 3, 1).style).toMatchObject({ fill: BAND_FILL });
    expect(cell(sim, 'Revenue by region', 2, 1).style?.fill).toBeUndefined();
    expect(cell(sim, 'Revenue by region', 4, 0).style).toMatchObject({ bold: true });
    expect(cell(sim, 'Revenue by region', 8, 3).style).toMatchObject({ bold: true, fill: HEADER_FILL });
    expect(cell(sim, 'Revenue by region', 2, 4).style).toMatchObject({ bold: true }); // Grand Total column
    expect(sim.toModel().names).toEqual([expect.objectContaining({ name: 'PivotDeck_q1', reference: "='Revenue by region'!$A$1:$E$9" })]);
  });

  it('refreshes in place in 3 syncs, growing and then shrinking, leaving no stale cells', async () => {
    const sim = createSimulator(emptyBook());
    await writeQueryOutput(sim.run, gridBlock(result(ROWS).grid!), { queryId: 'q1', target: { kind: 'at', sheet: 'Data', cell: 'B2' } });
    expect(sim.lastRunStats().syncs).toBe(3);
    const grown = [...ROWS, ['West', 'Bikes', 'Online', 7]];
    const out = await writeQueryOutput(sim.run, gridBlock(result(grown).grid!), { queryId: 'q1', target: { kind: 'at', sheet: 'Data', cell: 'B2' } });
    expect(sim.lastRunStats().syncs).toBe(3);
    expect(out.address).toBe('Data!B2:F12');
    // West adds an item row and a subtotal row; the grand total grows by 7 online.
    expect(cells(sim, 'Data', 3, 5, 9, 1)).toEqual([
      ['West', 'Bikes', 7, '', 7],
      ['West Total', '', 7, '', 7],
      ['Grand Total', '', 637, 320, 957],
    ]);
    // Shrink to North only: everything below the new grand total is empty and unformatted.
    const north = ROWS.slice(0, 4);
    const small = await writeQueryOutput(sim.run, gridBlock(result(north).grid!), { queryId: 'q1', target: { kind: 'at', sheet: 'Data', cell: 'B2' } });
    expect(small.address).toBe('Data!B2:F7');
    expect(cells(sim, 'Data', 1, 5, 6, 1)).toEqual([['Grand Total', '', 130, 240, 370]]);
    for (let r = 7; r < 12; r++) for (let c = 1; c < 6; c++) expect(cell(sim, 'Data', r, c)).toBeUndefined();
    expect(sim.toModel().names.map((n) => n.reference)).toEqual(['=Data!$B$2:$F$7']);
  });

  it('refuses to overwrite cells it did not write, and changes nothing', async () => {
    const sim = createSimulator(emptyBook());
    await writeQueryOutput(sim.run, gridBlock(result(ROWS).grid!), { queryId: 'q1', target: { kind: 'at', sheet: 'Data', cell: 'A1' } });
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('A11').values = [['my note']]; });
    const before = cells(sim, 'Data', 11, 5);
    const grown = [...ROWS, ['West', 'Bikes', 'Online', 7]];
    const error = await writeQueryOutput(sim.run, gridBlock(result(grown).grid!), { queryId: 'q1', target: { kind: 'at', sheet: 'Data', cell: 'A1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryOutputError);
    expect((error as QueryOutputError).code).toBe('foreign-content');
    expect((error as Error).message).toContain('A11');
    expect((error as Error).message).toMatch(/but a cell there holds your data \(A11\)\. Nothing was changed\. Move or clear that cell,/);
    expect((error as Error).message).toContain('Nothing was changed');
    // look + check + one read of the used cells outside the old block; no write
    expect(sim.lastRunStats().syncs).toBe(3);
    expect(cells(sim, 'Data', 11, 5)).toEqual(before);
  });

  it('follows a block the user moved (its name moved with it)', async () => {
    const sim = createSimulator(emptyBook());
    await writeQueryOutput(sim.run, gridBlock(result(ROWS).grid!), { queryId: 'q1', target: { kind: 'at', sheet: 'Data', cell: 'A1' } });
    // Simulate a cut/paste to D5: Excel updates the name; we move the cells and re-point the name.
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Data');
      sheet.getRange('D5:H13').values = GRID;
      sheet.getRange('A1:E9').clear('All');
      ctx.workbook.names.getItem('PivotDeck_q1').delete();
      ctx.workbook.names.add('PivotDeck_q1', sheet.getRange('D5:H13'));
    });
    const out = await writeQueryOutput(sim.run, gridBlock(result(ROWS.slice(0, 2)).grid!), { queryId: 'q1', target: { kind: 'at', sheet: 'Data', cell: 'A1' } });
    expect(out.address).toBe('Data!D5:H9'); // 2 header rows, North Bikes, North Total, Grand Total × 2 labels + Online, Store, Grand Total
    expect(cell(sim, 'Data', 0, 0)).toBeUndefined();
  });

  it('refuses a result that does not fit below its cell before any round trip', async () => {
    const sim = createSimulator(emptyBook());
    const error = await writeQueryOutput(sim.run, gridBlock(result(ROWS).grid!), { queryId: 'q1', target: { kind: 'at', sheet: 'Data', cell: 'A1048570' } })
      .catch((e: unknown) => e);
    expect((error as QueryOutputError).code).toBe('too-large');
    expect((error as Error).message).toMatch(/9 rows × 5 columns .* from A1048570/);
    expect(sim.stats().syncs).toBe(0);
  });
});

describe('writeQueryOutput: flat table', () => {
  const flatSpec: QuerySpec = { ...SPEC, rows: ['Region'], columns: [] };

  it('writes a real Excel table named PivotDeck_<id> at a chosen cell (3 syncs) and replaces it on refresh', async () => {
    const sim = createSimulator(emptyBook());
    const out = await writeQueryOutput(sim.run, flatBlock(result(ROWS, flatSpec).flat!), { queryId: 'q2', target: { kind: 'at', sheet: 'Data', cell: 'C3' } });
    expect(sim.lastRunStats().syncs).toBe(3);
    expect(out.address).toBe('Data!C3:D5');
    expect(cells(sim, 'Data', 3, 2, 2, 2)).toEqual([['Region', 'Revenue'], ['North', 370], ['South', 580]]);
    expect(cell(sim, 'Data', 3, 3).numberFormat).toBe('#,##0');
    expect(sim.toModel().tables).toEqual([expect.objectContaining({ name: 'PivotDeck_q2', address: 'C3:D5', style: TABLE_STYLE })]);

    const grown = [...ROWS, ['West', 'Bikes', 'Online', 7], ['East', 'Bikes', 'Online', 1]];
    const again = await writeQueryOutput(sim.run, flatBlock(result(grown, flatSpec).flat!), { queryId: 'q2', target: { kind: 'at', sheet: 'Data', cell: 'C3' } });
    expect(sim.lastRunStats().syncs).toBe(3);
    expect(again.address).toBe('Data!C3:D7');
    expect(cells(sim, 'Data', 5, 2, 2, 2)).toEqual([['Region', 'Revenue'], ['East', 1], ['North', 370], ['South', 580], ['West', 7]]);
    expect(sim.toModel().tables.map((t) => `${t.name}@${t.address}`)).toEqual(['PivotDeck_q2@C3:D7']);
  });

  it('switches a grid to a table in place when the layout changes', async () => {
    const sim = createSimulator(emptyBook());
    await writeQueryOutput(sim.run, gridBlock(result(ROWS).grid!), { queryId: 'q3', target: { kind: 'at', sheet: 'Data', cell: 'A1' } });
    await writeQueryOutput(sim.run, flatBlock(result(ROWS, flatSpec).flat!), { queryId: 'q3', target: { kind: 'at', sheet: 'Data', cell: 'A1' } });
    const model = sim.toModel();
    expect(model.names).toEqual([]);
    expect(model.tables.map((t) => t.address)).toEqual(['A1:B3']);
    expect(cell(sim, 'Data', 8, 0)).toBeUndefined(); // old grand total row is gone
  });
});

describe('writeQueryOutput: chunking', () => {
  it('writes 12 MB in three syncs under 5 MB each, plus the look-up', async () => {
    const sim = createSimulator(emptyBook());
    const text = 'x'.repeat(1000);
    // Each row is ["xxx…"] = 1,004 bytes of JSON plus a comma: about 4,874 rows per 4.9 MB sync.
    const values: CellValue[][] = [['Text'], ...Array.from({ length: 12_000 }, () => [text])];
    const block: OutputBlock = {
      layout: 'table', values, rows: values.length, columns: 1, headerRows: 1, columnFormats: ['General'],
      boldRows: [], grandTotalRows: [], boldColumns: [], bandRows: [],
    };
    const out = await writeQueryOutput(sim.run, block, { queryId: 'big', target: { kind: 'newSheet', sheet: 'Big' } });
    const stats = sim.lastRunStats();
    expect(stats.syncs).toBe(4);
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(stats.requestBytes).toBeGreaterThan(12_000_000);
    expect(out.address).toBe('Big!A1:A12001');
    expect(cell(sim, 'Big', 12_000, 0).value).toBe(text);
  });
});
