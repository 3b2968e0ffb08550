import { describe, expect, it } from 'vitest';
import { SOURCE_NEEDS_1_15, listPivots } from '../../src/excel/list-pivots';
import type { PivotModel } from '../../src/simulator/model';
import { createSimulator } from '../../src/simulator';
import { SALES_ROWS, cellsAt, sheet, table, workbook } from './workbooks';

function pivot(name: string, extra: Partial<PivotModel>): PivotModel {
  return {
    name,
    sheet: 'Summary',
    anchor: 'A3',
    source: { kind: 'table', table: 'Sales' },
    rows: [],
    columns: [],
    filters: [],
    data: [],
    layout: 'Compact',
    subtotalLocation: 'AtTop',
    showRowGrandTotals: true,
    showColumnGrandTotals: true,
    ...extra,
  };
}

function model() {
  return workbook({
    sheets: [sheet('Data', cellsAt(SALES_ROWS)), sheet('Summary'), sheet('Other')],
    tables: [table('Sales', 'Data', 'A1:E13')],
    pivots: [
      pivot('ByRegion', {
        anchor: 'A3',
        rows: [{ name: 'Region' }, { name: 'Category' }],
        filters: [{ name: 'Channel' }],
        data: [
          { field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' },
          { field: 'Units', name: 'Count of Units', summarizeBy: 'Count' },
        ],
      }),
      pivot('OnRange', {
        sheet: 'Other',
        anchor: 'B2',
        layout: 'Tabular',
        source: { kind: 'range', sheet: 'Data', address: 'A1:E13' },
        rows: [{ name: 'Category' }],
        columns: [{ name: 'Region' }],
        data: [{ field: 'Revenue', name: 'Average of Revenue', summarizeBy: 'Average' }],
      }),
    ],
  });
}

describe('listPivots', () => {
  it('describes every pivot with fields, value fields and source in two syncs', async () => {
    const sim = createSimulator(model());
    const pivots = await listPivots(sim.run, { canReadDataSource: true });

    expect(pivots).toHaveLength(2);
    expect(pivots[0]).toEqual({
      name: 'ByRegion',
      sheet: 'Summary',
      source: { kind: 'known', text: 'Sales', type: 'LocalTable' },
      rows: ['Region', 'Category'],
      columns: [],
      filters: ['Channel'],
      values: [
        { name: 'Sum of Revenue', sourceField: 'Revenue', summarizeBy: 'Sum' },
        { name: 'Count of Units', sourceField: 'Units', summarizeBy: 'Count' },
      ],
      layout: 'Compact',
    });
    expect(pivots[1]).toMatchObject({
      name: 'OnRange',
      sheet: 'Other',
      // Excel's form for a range source: sheet-qualified absolute address.
      source: { kind: 'known', text: 'Data!$A$1:$E$13', type: 'LocalRange' },
      rows: ['Category'],
      columns: ['Region'],
      values: [{ name: 'Average of Revenue', sourceField: 'Revenue', summarizeBy: 'Average' }],
      layout: 'Tabular',
    });
    expect(sim.lastRunStats().syncs).toBe(2);
  });

  it('degrades the source on hosts without ExcelApi 1.15, in one sync', async () => {
    const sim = createSimulator(model());
    const pivots = await listPivots(sim.run, { canReadDataSource: false });
    expect(pivots.map((p) => p.source)).toEqual([
      { kind: 'unavailable', reason: SOURCE_NEEDS_1_15 },
      { kind: 'unavailable', reason: SOURCE_NEEDS_1_15 },
    ]);
    expect(pivots[0].rows).toEqual(['Region', 'Category']);
    expect(sim.lastRunStats().syncs).toBe(1);
  });

  it('answers a workbook without pivots in one sync', async () => {
    const sim = createSimulator(workbook({ sheets: [sheet('Sheet1')] }));
    expect(await listPivots(sim.run, { canReadDataSource: true })).toEqual([]);
    expect(sim.lastRunStats().syncs).toBe(1);
  });
});
