import { describe, expect, it } from 'vitest';
import type { ExcelRun } from '../../src/excel/api';
import type { PaneHost } from '../../src/excel/host-types';
import { SOURCE_NEEDS_1_15 } from '../../src/excel/list-pivots';
import { createSimulator } from '../../src/simulator';
import { loadLists } from '../../src/refresh/workbook';
import { SALES_ROWS, cellsAt, sheet, table, workbook } from '../excel/workbooks';

function model() {
  return workbook({
    sheets: [sheet('Data', cellsAt(SALES_ROWS)), sheet('Summary')],
    tables: [table('Sales', 'Data', 'A1:E13')],
    pivots: [{
      name: 'ByRegion', sheet: 'Summary', anchor: 'A3', source: { kind: 'table', table: 'Sales' },
      rows: [{ name: 'Region' }], columns: [], filters: [],
      data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }],
      layout: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true,
    }],
  });
}

function host(run: ExcelRun, api115: boolean): PaneHost {
  return { run, kind: 'workbench', isSetSupported: (_set, version) => !api115 ? Number(version.split('.')[1]) < 15 : true, isDarkTheme: () => false };
}

describe('loadLists', () => {
  it('loads tables and pivots, asking the host which API set it has', async () => {
    const sim = createSimulator(model());
    const lists = await loadLists(host(sim.run, false));
    expect(lists.tables).toMatchObject({ ok: true, data: [{ name: 'Sales', rowCount: 12, columnCount: 5 }] });
    expect(lists.pivots).toMatchObject({ ok: true, data: [{ name: 'ByRegion', source: { kind: 'unavailable', reason: SOURCE_NEEDS_1_15 } }] });
    // listTables (2) + listPivots without data source (1).
    expect(sim.stats().syncs).toBe(3);
  });

  it('keeps the tables when listing pivots fails, with advice', async () => {
    const sim = createSimulator(model());
    let calls = 0;
    const flaky: ExcelRun = (batch) =>
      ++calls === 2 ? Promise.reject(Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' })) : sim.run(batch);
    const lists = await loadLists(host(flaky, true));
    expect(lists.tables.ok).toBe(true);
    expect(lists.pivots).toEqual({
      ok: false,
      message: 'Could not list the PivotTables: Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.',
    });
  });
});
