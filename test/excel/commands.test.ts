import { describe, expect, it } from 'vitest';
import type { ExcelRun } from '../../src/excel/api';
import { refreshAllCommand } from '../../src/commands/commands';
import { createSimulator } from '../../src/simulator';
import { SALES_ROWS, cellsAt, sheet, table, workbook } from './workbooks';

function completion(): { event: { completed(): void }; count: () => number } {
  let n = 0;
  return { event: { completed: () => { n++; } }, count: () => n };
}

describe('ribbon Refresh all', () => {
  it('refreshes pivots and completes the event', async () => {
    const sim = createSimulator(workbook({
      sheets: [sheet('Data', cellsAt(SALES_ROWS)), sheet('Summary')],
      tables: [table('Sales', 'Data', 'A1:E13')],
      pivots: [{
        name: 'P', sheet: 'Summary', anchor: 'A3', source: { kind: 'table', table: 'Sales' },
        rows: [{ name: 'Region' }], columns: [], filters: [],
        data: [{ field: 'Units', name: 'Sum of Units', summarizeBy: 'Sum' }],
        layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true,
      }],
    }));
    const { event, count } = completion();
    await refreshAllCommand(sim.run)(event);
    expect(count()).toBe(1);
    expect(sim.lastRunStats().syncs).toBe(1);
  });

  it('completes the event even when Excel fails', async () => {
    const failing: ExcelRun = () => Promise.reject(Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' }));
    const { event, count } = completion();
    const quiet = console.error;
    console.error = () => {};
    try {
      await refreshAllCommand(failing)(event);
    } finally {
      console.error = quiet;
    }
    expect(count()).toBe(1);
  });
});
