/**
 * The Show rows use-case on the selected cell, in the simulator: a value of a query grid
 * PivotDeck wrote, a value of a native PivotTable, and cells that are neither.
 */
import { describe, expect, it } from 'vitest';
import type { QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument } from '../../src/model';
import { extendPivot } from '../../src/refresh';
import { insertQuery } from '../../src/refresh/queries';
import { createSimulator, type Simulator } from '../../src/simulator';
import { DocumentService, workbookDocumentStorage } from '../../src/refresh/document';
import { showRowsAtSelection } from '../../src/refresh/show-rows';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';
import { basePivot, handSimulator } from '../pivot-extension/sim-workbook';
import { distinctCount, median } from './oracle';

/** What the composition root passes: the workbook and its document service. */
const depsOf = (sim: Simulator) => ({ run: sim.run, canReadDataSource: true, documents: new DocumentService(workbookDocumentStorage(sim.run)) });

// Serials: 44941 = 2023-01-15, 44960 = 2023-02-03, 45300 = 2024-01-09, 44970 = 2023-02-13, 45310 = 2024-01-19.
const SALES: CellValue[][] = [
  ['Date', 'Region', 'Customer', 'Revenue'],
  [44941, 'North', '=A1', 100],
  [44960, 'north', 'B', 300],
  [45300, 'North', 'A', 200],
  [44970, 'Süd', 'C', 50],
  [45310, 'Süd', 'C', 150],
];
const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'table', name: 'Sales' },
  derived: [{ kind: 'datePart', name: 'Year', field: 'Date', part: 'year' }],
  rows: ['Region'],
  columns: ['Year'],
  measures: [{ id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' }],
};

async function tableBody(sim: Simulator, name: string): Promise<CellValue[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.tables.getItem(name).getDataBodyRange().load('values');
    await ctx.sync();
    return r.values as CellValue[][];
  });
}

async function withQuery() {
  const sim = createSimulator(workbook({ sheets: [sheet('Data', cellsAt(SALES))], tables: [table('Sales', 'Data', 'A1:D6', { showHeaders: true })] }));
  const r = await insertQuery({ run: sim.run }, emptyDocument(), { label: 'Revenue by region', spec: SPEC, layout: 'grid', target: { kind: 'newSheet', sheet: 'Revenue by region' } });
  expect(r.outcome.status).toBe('written');
  await saveWorkbookDocument(sim.run, { readOnly: false }, r.document);
  return sim;
}

describe('showRowsAtSelection', () => {
  it('a query grid value: the rows behind it on a new sheet, with a SUM over them that equals it', async () => {
    const sim = await withQuery();
    const grid = sim.toModel().sheets.find((s) => s.name === 'Revenue by region')!;
    // Grid: row 0 years, row 1 measure names, row 2 North; column B = 2023.
    expect(grid.cells['2,0']?.value).toBe('North');
    expect(grid.cells['0,1']?.value).toBe(2023);
    expect(grid.cells['2,1']?.value).toBe(400);
    sim.select('Revenue by region', 'B3');
    const outcome = await showRowsAtSelection(depsOf(sim));
    expect(outcome).toMatchObject({ status: 'written', sheet: 'Rows 1', words: 'Region = North · Year = 2023', total: 2, rowsWritten: 2, formula: '=SUM(ShowRows_1[[Revenue]])' });
    const body = await tableBody(sim, 'ShowRows_1');
    expect(body).toEqual([[44941, 'North', '=A1', 100, 2023], [44960, 'north', 'B', 300, 2023]]);
    let sum = 0;
    for (const row of body) sum += row[3] as number;
    expect(sum).toBe(400);
  });

  it('a grand total of the grid drills to every row', async () => {
    const sim = await withQuery();
    sim.select('Revenue by region', 'D5');
    const outcome = await showRowsAtSelection(depsOf(sim));
    expect(outcome).toMatchObject({ status: 'written', words: 'All rows (grand total)', total: 5 });
  });

  it('a PivotTable value: the rows behind it', async () => {
    const sim = handSimulator([basePivot()]);
    // Compact pivot at A3: A4 header row, A5 "North" (subtotal at top) = 1100 with Bob's 50.
    sim.select('Pivot', 'B5');
    const outcome = await showRowsAtSelection(depsOf(sim));
    expect(outcome).toMatchObject({ status: 'written', words: 'Region = North', total: 5, formula: '=SUM(ShowRows_1[[Revenue]])' });
    const body = await tableBody(sim, 'ShowRows_1');
    expect(body.reduce((s, r) => s + (r[4] as number), 0)).toBe(1100);
  });

  it('a PivotTable with a column field: the rows of the row item and the column item', async () => {
    const sim = handSimulator([basePivot({ rows: [{ name: 'Region' }], columns: [{ name: 'Category' }], data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }] })]);
    // A3 caption, A4 header (Bikes, Cars, Grand Total), A5 North: B5 = North × Bikes = 100 + 50 + 150.
    sim.select('Pivot', 'B5');
    const outcome = await showRowsAtSelection(depsOf(sim));
    expect(outcome).toMatchObject({ status: 'written', words: 'Region = North · Category = Bikes', total: 3 });
    const body = await tableBody(sim, 'ShowRows_1');
    expect(body.map((r) => r[4])).toEqual([100, 50, 150]);
  });

  it('an extension column cell: the pivot row\'s rows, with MEDIAN over them equal to the cell', async () => {
    const sim = handSimulator([basePivot()]);
    const measures = [{ id: 'med', label: 'Median of Revenue', kind: 'median' as const, field: 'Revenue' }, { id: 'dc', label: 'Customers', kind: 'distinctCount' as const, field: 'Customer' }];
    const ext = await extendPivot({ run: sim.run, canReadDataSource: true }, { extensionId: 'ext1', pivotName: 'P', placement: { kind: 'beside' }, measures });
    expect(ext.status).toBe('written');
    // The pane saves the definition once written (use-extend-pivot); here by hand.
    await saveWorkbookDocument(sim.run, { readOnly: false }, { ...emptyDocument(), extensions: [{ id: 'ext1', pivotName: 'P', measures, placement: { kind: 'beside' }, output: { name: 'PivotDeck_ext1' } }] });
    // Block D4:E15 beside the compact pivot: D5 is North's median, E15 the grand total's customers.
    const [[shown]] = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Pivot').getRange('D5').load('values');
      await ctx.sync();
      return r.values as CellValue[][];
    });
    expect(shown).toBe(150);
    sim.select('Pivot', 'D5');
    const outcome = await showRowsAtSelection(depsOf(sim));
    expect(outcome).toMatchObject({ status: 'written', words: 'Region = North', total: 5, formula: '=MEDIAN(ShowRows_1[[Revenue]])' });
    const body = await tableBody(sim, 'ShowRows_1');
    expect(median(body.map((r) => r[4]))).toBe(150);
    sim.select('Pivot', 'E15');
    const customers = await showRowsAtSelection(depsOf(sim));
    expect(customers).toMatchObject({ status: 'written', words: 'All rows (grand total)', total: 12, formula: '=IFERROR(ROWS(UNIQUE(FILTER(ShowRows_2[[Customer]],ShowRows_2[[Customer]]<>""))),0)' });
    expect(distinctCount((await tableBody(sim, 'ShowRows_2')).map((r) => r[2]))).toBe(5);
    sim.select('Pivot', 'D4');
    expect((await showRowsAtSelection(depsOf(sim))).status).toBe('refused');
  });

  it('refuses when the source changed since the grid was written (the rows would not match the number)', async () => {
    const sim = await withQuery();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('D2').values = [[1000]];
      await ctx.sync();
    });
    sim.select('Revenue by region', 'B3');
    const outcome = await showRowsAtSelection(depsOf(sim));
    expect(outcome.status === 'refused' && outcome.message).toMatch(/out of date.*Refresh the query/);
    // A cell whose number did not change still drills.
    sim.select('Revenue by region', 'C3');
    expect((await showRowsAtSelection(depsOf(sim))).status).toBe('written');
  });

  it('says what happened when the query\'s source is gone', async () => {
    const sim = await withQuery();
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Sales').delete();
      await ctx.sync();
    });
    sim.select('Revenue by region', 'B3');
    const outcome = await showRowsAtSelection(depsOf(sim));
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.message).toMatch(/^Could not .*Sales/);
  });

  it('refuses a label of the grid and a cell that is nothing of ours, in plain words', async () => {
    const sim = await withQuery();
    sim.select('Revenue by region', 'A3');
    const label = await showRowsAtSelection(depsOf(sim));
    expect(label).toMatchObject({ status: 'refused' });
    expect(label.status === 'refused' && label.message).toMatch(/label of "Revenue by region"/);
    sim.select('Data', 'H20');
    const none = await showRowsAtSelection(depsOf(sim));
    expect(none).toEqual({ status: 'refused', message: expect.stringMatching(/^Select a number in a PivotTable, or one PivotDeck wrote/) });
  });
});
