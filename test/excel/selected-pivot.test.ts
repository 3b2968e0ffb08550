import { describe, expect, it } from 'vitest';
import { getSelectedPivot } from '../../src/excel/selected-pivot';
import { refreshAllPivots } from '../../src/excel/refresh-pivots';
import { createSimulator } from '../../src/simulator';
import type { PivotModel } from '../../src/simulator/model';
import { SALES_ROWS, cellsAt, sheet, table, workbook } from './workbooks';

// Region rows, Sum of Revenue, compact layout at A3 on "Summary":
// A3 "Row Labels" | B3 "Sum of Revenue"; A4..A6 North/South/West; A7 "Grand Total" → A3:B7.
const byRegion: PivotModel = {
  name: 'ByRegion',
  sheet: 'Summary',
  anchor: 'A3',
  source: { kind: 'table', table: 'Sales' },
  rows: [{ name: 'Region' }],
  columns: [],
  filters: [],
  data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }],
  layout: 'Compact',
  subtotalLocation: 'AtTop',
  showRowGrandTotals: true,
  showColumnGrandTotals: true,
};

function simulator() {
  return createSimulator(workbook({
    sheets: [sheet('Data', cellsAt(SALES_ROWS)), sheet('Summary')],
    tables: [table('Sales', 'Data', 'A1:E13')],
    pivots: [byRegion],
  }));
}

async function select(sim: ReturnType<typeof simulator>, sheetName: string, address: string): Promise<void> {
  await sim.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheetName).getRange(address).select();
    await ctx.sync();
  });
}

describe('getSelectedPivot', () => {
  it('names the pivot under the active cell', async () => {
    const sim = simulator();
    await select(sim, 'Summary', 'B5');
    expect(await getSelectedPivot(sim.run)).toEqual({ sheet: 'Summary', name: 'ByRegion' });
    expect(sim.lastRunStats().syncs).toBe(2);
    await select(sim, 'Summary', 'A7');
    expect(await getSelectedPivot(sim.run)).toEqual({ sheet: 'Summary', name: 'ByRegion' });
  });

  it('is undefined beside the pivot and on another sheet', async () => {
    const sim = simulator();
    await select(sim, 'Summary', 'C5');
    expect(await getSelectedPivot(sim.run)).toBeUndefined();
    await select(sim, 'Summary', 'A8');
    expect(await getSelectedPivot(sim.run)).toBeUndefined();
    await select(sim, 'Data', 'A1');
    expect(await getSelectedPivot(sim.run)).toBeUndefined();
    // Nothing on the active sheet: no second round trip.
    expect(sim.lastRunStats().syncs).toBe(1);
  });

  it('tells namesakes on two sheets apart by their sheet', async () => {
    const sim = createSimulator(workbook({
      sheets: [sheet('Data', cellsAt(SALES_ROWS)), sheet('Summary'), sheet('Copy')],
      tables: [table('Sales', 'Data', 'A1:E13')],
      pivots: [byRegion, { ...byRegion, sheet: 'Copy', anchor: 'C10' }],
    }));
    await select(sim, 'Copy', 'D12');
    expect(await getSelectedPivot(sim.run)).toEqual({ sheet: 'Copy', name: 'ByRegion' });
    await select(sim, 'Summary', 'B5');
    expect(await getSelectedPivot(sim.run)).toEqual({ sheet: 'Summary', name: 'ByRegion' });
    await select(sim, 'Copy', 'B5');
    expect(await getSelectedPivot(sim.run)).toBeUndefined();
  });
});

describe('refreshAllPivots', () => {
  it('refreshes every pivot in one sync and picks up changed source data', async () => {
    const sim = simulator();
    await sim.run(async (ctx) => {
      // North/Bikes/Online revenue 100 → 1100: North's sum goes 370 → 1370.
      ctx.workbook.worksheets.getItem('Data').getRange('D2').values = [[1100]];
      await ctx.sync();
    });
    expect(await refreshAllPivots(sim.run)).toBe(1);
    expect(sim.lastRunStats().syncs).toBe(1);
    const north = await sim.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Summary').getRange('B4').load('values');
      await ctx.sync();
      return cell.values[0][0];
    });
    expect(north).toBe(1370);
  });
});
