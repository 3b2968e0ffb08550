/**
 * End to end in the Excel simulator: read the pivot through the API, read its source, compute,
 * reconcile, write beside it; refresh, remove, refuse. Expected values are hand-computed (see
 * plan-layouts.test.ts for the derivations).
 */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import type { CellValue } from '../../src/excel/api';
import { extendPivot, type ExtendDeps } from '../../src/refresh';
import { basePivot, handSimulator } from './sim-workbook';

const MEDIAN: ExtensionMeasure = { id: 'med', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };
const P90: ExtensionMeasure = { id: 'p90', label: 'P90 of Revenue', kind: 'percentile', field: 'Revenue', p: 0.9 };
const DISTINCT: ExtensionMeasure = { id: 'dc', label: 'Customers', kind: 'distinctCount', field: 'Customer' };

type Sim = ReturnType<typeof handSimulator>;
const deps = (sim: Sim): ExtendDeps => ({ run: sim.run, canReadDataSource: sim.isSetSupported('ExcelApi', '1.15') });

async function cells(sim: Sim, sheet: string, address: string): Promise<{ values: CellValue[][]; formats: string[][]; bold: boolean[] }> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load('values, numberFormat, rowCount');
    await ctx.sync();
    const rows = Array.from({ length: r.rowCount }, (_, i) => r.getRow(i).load('format/font/bold'));
    await ctx.sync();
    return { values: r.values, formats: r.numberFormat as string[][], bold: rows.map((row) => row.format.font.bold) };
  });
}

async function setCell(sim: Sim, sheet: string, address: string, value: CellValue) {
  await sim.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await ctx.sync();
  });
}

describe('extending a pivot in the simulator', () => {
  it('writes median, p90 and distinct count beside a compact pivot on a range, aligned row by row', async () => {
    const sim = handSimulator();
    const outcome = await extendPivot(deps(sim), { extensionId: 'ext1', pivotName: 'P', measures: [MEDIAN, P90, DISTINCT], placement: { kind: 'beside' } });
    expect(outcome.status).toBe('written');
    if (outcome.status !== 'written') return;
    // Pivot A3:C15: a "Values" caption row, the header row 4, body rows 5-15; block D4:F15.
    expect(outcome.write.address).toBe('Pivot!D4:F15');
    expect(outcome.summary).toBe('Checked against Excel: 11 rows, 2 value fields match.');
    expect(outcome.notes).toContain('1 blank and 1 text cells in Revenue were ignored, as MEDIAN does.');
    const pivotLabels = await cells(sim, 'Pivot', 'A4:A15');
    expect(pivotLabels.values.map((r) => r[0])).toEqual(['Row Labels', 'North', 'Bikes', 'Cars', 'South', 'Bikes', 'Cars', 'West', 'Bikes', '(blank)', 'Bikes', 'Grand Total']);
    const block = await cells(sim, 'Pivot', 'D4:F15');
    // PERCENTILE.INC's interpolation 400 + (8.1 - 8)·100 carries binary noise, as in Excel.
    expect(block.values.map((r) => r.map((v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)))).toEqual([
      ['Median of Revenue', 'P90 of Revenue', 'Customers'],
      [150, 420, 3], [100, 140, 2], [400, 480, 2],
      [400, 400, 3], [200, 200, 2], [400, 400, 2],
      [250, 250, 1], [250, 250, 1],
      [80, 80, 1], [80, 80, 1],
      [225, 410, 5],
    ]);
    expect(block.formats[1]).toEqual(['#,##0.00', '#,##0.00', '0']);
    expect(block.bold).toEqual([true, true, false, false, true, false, false, true, false, true, false, true]);
    const names = await sim.run(async (ctx) => {
      const n = ctx.workbook.names.getItem('PivotDeck_ext1').getRange().load('address');
      await ctx.sync();
      return n.address;
    });
    expect(names).toBe('Pivot!D4:F15');
  });

  it('works the same on a pivot whose source is a table', async () => {
    const sim = handSimulator([basePivot({ source: { kind: 'table', table: 'SalesT' }, layout: 'Tabular', subtotalLocation: 'AtBottom' })]);
    const outcome = await extendPivot(deps(sim), { extensionId: 'ext1', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(outcome.status).toBe('written');
    // Tabular: Region | Category | 2 values = A:D; block in E.
    const block = await cells(sim, 'Pivot', 'E4:E15');
    // N/Bikes, N/Cars, N Total, S/Bikes, S/Cars, S Total, W/Bikes, W Total, (blank)/Bikes, (blank) Total, Grand
    expect(block.values.map((r) => r[0])).toEqual(['Median of Revenue', 100, 400, 150, 200, 400, 400, 250, 250, 80, 80, 225]);
  });

  it('honours hidden row items and a page-field selection', async () => {
    const sim = handSimulator([basePivot({
      anchor: 'A5',
      rows: [{ name: 'Region' }, { name: 'Category', hiddenItems: ['Cars'] }],
      filters: [{ name: 'Customer', hiddenItems: ['Bob'] }],
    })]);
    const outcome = await extendPivot(deps(sim), { extensionId: 'f', pivotName: 'P', measures: [MEDIAN, DISTINCT], placement: { kind: 'beside' } });
    expect(outcome.status).toBe('written');
    if (outcome.status !== 'written') return;
    // Kept rows: Bikes and not Bob → North [100 (Ann),150 (Ann)], South [blank (Dan)], West [250 (Ann)].
    const { values } = await cells(sim, 'Pivot', outcome.write.address.split('!')[1]);
    expect(values).toEqual([
      ['Median of Revenue', 'Customers'],
      [125, 1], [125, 1],
      ['#NUM!', 1], ['#NUM!', 1],
      [250, 1], [250, 1],
      [150, 2],
    ]);
  });

  it('propagates an error cell like MEDIAN does and says so', async () => {
    const sim = handSimulator();
    await setCell(sim, 'Data', 'E3', '#N/A'); // North/Bikes/Bob revenue 50 → #N/A
    await sim.run(async (ctx) => { ctx.workbook.pivotTables.getItem('P').refresh(); await ctx.sync(); });
    const outcome = await extendPivot(deps(sim), { extensionId: 'e', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(outcome.status).toBe('written');
    if (outcome.status !== 'written') return;
    const { values } = await cells(sim, 'Pivot', 'D5:D15');
    expect(values.map((r) => r[0])).toEqual(['#N/A', '#N/A', 400, 400, 200, 400, 250, 250, 80, 80, '#N/A']);
    expect(outcome.notes.some((n) => n.includes('1 error cell in Revenue'))).toBe(true);
  });

  it('refuses a stale pivot (source changed, no Refresh) and writes nothing', async () => {
    const sim = handSimulator();
    await setCell(sim, 'Data', 'E2', 1000); // North/Bikes/Ann 100 → 1000, pivot not refreshed
    const outcome = await extendPivot(deps(sim), { extensionId: 's', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(outcome.status).toBe('disagrees');
    if (outcome.status !== 'disagrees') return;
    // Rows 5 (North), 6 (North/Bikes), 15 (Grand Total) show Sum of Revenue from before the change.
    expect([...new Set(outcome.plan.reconciliation.mismatches.map((m) => m.sheetRow))]).toEqual([5, 6, 15]);
    expect(outcome.message).toMatch(/refresh it/);
    const { values } = await cells(sim, 'Pivot', 'D4:D15');
    expect(values.every((r) => r[0] === '')).toBe(true);
  });

  it('refuses when the pivot shows an item the source no longer has (stale labels)', async () => {
    const sim = handSimulator();
    await setCell(sim, 'Data', 'A12', 'North'); // the only West row becomes North
    const outcome = await extendPivot(deps(sim), { extensionId: 's', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused') expect(outcome.message).toMatch(/Row 11 of the pivot shows "West".*Refresh/);
  });

  it('refuses to overwrite foreign content to the right, and offers a new sheet keyed by row labels', async () => {
    const sim = handSimulator();
    await setCell(sim, 'Pivot', 'D9', 'my note');
    const outcome = await extendPivot(deps(sim), { extensionId: 'x', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused') {
      expect(outcome.code).toBe('foreign-content');
      expect(outcome.message).toMatch(/but 1 cell there holds your data \(D9\)\. Nothing was changed\. Move that cell,/);
    }
    expect((await cells(sim, 'Pivot', 'D9')).values).toEqual([['my note']]);
    const other = await extendPivot(deps(sim), { extensionId: 'x', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'sheet', sheet: 'P extended' } });
    expect(other.status).toBe('written');
    const { values } = await cells(sim, 'P extended', 'A1:B4');
    expect(values).toEqual([['Region / Category', 'Median of Revenue'], ['North', 150], ['Bikes', 100], ['Cars', 400]]);
  });

  it('refuses an external (Data Model) pivot up front and explains Excel 365 is needed without ExcelApi 1.15', async () => {
    const sim = handSimulator([basePivot({ source: { kind: 'external', description: 'ThisWorkbookDataModel' } })]);
    const outcome = await extendPivot(deps(sim), { extensionId: 'o', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused') expect(outcome.message).toMatch(/not from a table or range/);
    const old = await extendPivot({ run: sim.run, canReadDataSource: false }, { extensionId: 'o', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(old.status === 'refused' && old.message).toMatch(/Excel for Microsoft 365, Excel 2024 or Excel on the web \(ExcelApi 1\.15\)/);
  });
});
