import { describe, expect, test } from 'vitest';
import type { XRequestContext } from '../../src/excel/api';
import { createSimulator } from '../../src/simulator/index';
import type { PivotModel, WorkbookModel } from '../../src/simulator/model';
import { catchSync, expectExcelError, workbook } from './helpers';

const rows = [
  ['Region', 'Product', 'Units', 'Price'],
  ['East', 'Pens', 3, 1.5],
  ['West', 'Pads', 5, 2],
  ['East', 'Pads', 2, 2],
  ['West', 'Pens', 4, 1.5],
  ['East', 'Pens', 1, 1.5],
];

function salesBook(): WorkbookModel {
  return workbook(
    { Data: rows, Report: [] },
    { tables: [{ name: 'Sales', sheet: 'Data', address: 'A1:D6', showHeaders: true, showTotals: false }] },
  );
}

/** Creates "P" over the Sales table at Report!A3 with Region on rows and Sum of Units. */
async function regionPivot(ctx: XRequestContext) {
  const pivot = ctx.workbook.pivotTables.add('P', 'Sales', 'Report!A3');
  pivot.rowHierarchies.add(pivot.hierarchies.getItem('Region'));
  pivot.dataHierarchies.add(pivot.hierarchies.getItem('Units'));
  await ctx.sync();
  return pivot;
}

async function pivotCells(sim: ReturnType<typeof createSimulator>) {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.pivotTables.getItem('P').layout.getRange().load('address, values');
    await ctx.sync();
    return { address: r.address, values: r.values };
  });
}

describe('PivotTables through the API', () => {
  test('add, hierarchies, default Sum caption, layout ranges, data source', async () => {
    const sim = createSimulator(salesBook());
    await sim.run(async (ctx) => {
      const pivot = await regionPivot(ctx);
      const layout = pivot.layout;
      const ranges = {
        range: layout.getRange().load('address, values'),
        rows: layout.getRowLabelRange().load('address'),
        columns: layout.getColumnLabelRange().load('address'),
        body: layout.getDataBodyRange().load('address, values'),
      };
      const hierarchies = pivot.hierarchies.load('items/name');
      const data = pivot.dataHierarchies.load('items/name, items/summarizeBy, items/field/name');
      const rowsOn = pivot.rowHierarchies.load('items/name');
      layout.load('layoutType, subtotalLocation, showRowGrandTotals, showColumnGrandTotals');
      const source = pivot.getDataSourceString();
      const type = pivot.getDataSourceType();
      await ctx.sync();
      expect(hierarchies.items.map((h) => h.name)).toEqual(['Region', 'Product', 'Units', 'Price']);
      expect(rowsOn.items.map((h) => h.name)).toEqual(['Region']);
      expect(data.items.map((d) => [d.name, d.summarizeBy, d.field.name])).toEqual([['Sum of Units', 'Sum', 'Units']]);
      expect([layout.layoutType, layout.subtotalLocation, layout.showRowGrandTotals, layout.showColumnGrandTotals]).toEqual(['Compact', 'AtTop', true, true]);
      expect(ranges.range.address).toBe('Report!A3:B6');
      // East = 3 + 2 + 1, West = 5 + 4.
      expect(ranges.range.values).toEqual([['Row Labels', 'Sum of Units'], ['East', 6], ['West', 9], ['Grand Total', 15]]);
      expect(ranges.rows.address).toBe('Report!A4:A6');
      expect(ranges.columns.address).toBe('Report!B3');
      expect(ranges.body.address).toBe('Report!B4:B6');
      expect([source.value, type.value]).toEqual(['Sales', 'LocalTable']);
    });
    expect(sim.view.pivots()).toEqual([{ name: 'P', sheet: 'Report', address: 'A3:B6' }]);
    expect(sim.view.cell('Report', 5, 1).value).toBe(15);
  });

  test('a range source reports its absolute address and LocalRange', async () => {
    const sim = createSimulator(workbook({ Data: rows, Report: [] }));
    const [source, type] = await sim.run(async (ctx) => {
      const pivot = ctx.workbook.pivotTables.add('R', ctx.workbook.worksheets.getItem('Data').getRange('A1:D6'), 'Report!A3');
      const s = pivot.getDataSourceString();
      const t = pivot.getDataSourceType();
      await ctx.sync();
      return [s.value, t.value];
    });
    expect([source, type]).toEqual(['Data!$A$1:$D$6', 'LocalRange']);
  });

  test('a non-numeric field defaults to Count; changing summarizeBy renames the generated caption', async () => {
    const sim = createSimulator(salesBook());
    await sim.run(async (ctx) => {
      const pivot = await regionPivot(ctx);
      const count = pivot.dataHierarchies.add(pivot.hierarchies.getItem('Product')).load('name, summarizeBy');
      const units = pivot.dataHierarchies.getItem('Sum of Units');
      units.summarizeBy = 'Count';
      units.load('name');
      await ctx.sync();
      expect([count.name, count.summarizeBy]).toEqual(['Count of Product', 'Count']);
      expect(units.name).toBe('Count of Units');
    });
    const cells = await pivotCells(sim);
    // Rows: East has 3 records, West 2; both value fields count records.
    expect(cells.values.slice(-3)).toEqual([['East', 3, 3], ['West', 2, 2], ['Grand Total', 5, 5]]);
  });

  test('the pivot keeps its numbers when the source changes, until refresh', async () => {
    const sim = createSimulator(salesBook());
    await sim.run(regionPivot);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('C2').values = [[30]];
      await ctx.sync();
    });
    expect((await pivotCells(sim)).values[1]).toEqual(['East', 6]);
    // A structural change re-lays out from the pivot cache, still without the new number.
    await sim.run(async (ctx) => {
      const p = ctx.workbook.pivotTables.getItem('P');
      p.layout.layoutType = 'Tabular';
      await ctx.sync();
    });
    expect((await pivotCells(sim)).values).toEqual([['Region', 'Sum of Units'], ['East', 6], ['West', 9], ['Grand Total', 15]]);
    await sim.run(async (ctx) => {
      ctx.workbook.pivotTables.getItem('P').refresh();
      await ctx.sync();
    });
    expect((await pivotCells(sim)).values[1]).toEqual(['East', 33]);
  });

  test('hiding an item filters it; grand totals follow the layout flags', async () => {
    const sim = createSimulator(salesBook());
    await sim.run(async (ctx) => {
      const pivot = await regionPivot(ctx);
      const items = pivot.rowHierarchies.getItem('Region').fields.getItem('Region').items.load('items/name, items/visible');
      await ctx.sync();
      expect(items.items.map((i) => [i.name, i.visible])).toEqual([['East', true], ['West', true]]);
      pivot.rowHierarchies.getItem('Region').fields.getItem('Region').items.getItem('West').visible = false;
      pivot.layout.showColumnGrandTotals = false;
      await ctx.sync();
    });
    expect(await pivotCells(sim)).toEqual({ address: 'Report!A3:B4', values: [['Row Labels', 'Sum of Units'], ['East', 6]] });
  });

  test('a filter field goes above the body; getFilterAxisRange returns it', async () => {
    const sim = createSimulator(salesBook());
    await sim.run(async (ctx) => {
      const pivot = await regionPivot(ctx);
      pivot.filterHierarchies.add(pivot.hierarchies.getItem('Product'));
      const filter = pivot.layout.getFilterAxisRange().load('address, values');
      await ctx.sync();
      expect(filter.address).toBe('Report!A1:B1');
      expect(filter.values).toEqual([['Product', '(All)']]);
    });
  });

  test('getDataSourceString/Type need ExcelApi 1.15 and throw ApiNotFound below it', async () => {
    const sim = createSimulator(salesBook(), { supportedApiVersion: '1.14' });
    await sim.run(async (ctx) => {
      const pivot = await regionPivot(ctx);
      const e = catchSync(() => pivot.getDataSourceString());
      expect(e.code).toBe('ApiNotFound');
      expect(e.message).toBe('The method or property PivotTable.getDataSourceString is part of the ExcelApi 1.15 requirement set, which is not available in your version of Excel.');
      expect(catchSync(() => pivot.getDataSourceType()).code).toBe('ApiNotFound');
    });
  });

  test('getItem vs getItemOrNullObject, delete, and writes into a pivot', async () => {
    const sim = createSimulator(salesBook());
    await sim.run(async (ctx) => {
      await regionPivot(ctx);
      const missing = ctx.workbook.pivotTables.getItemOrNullObject('Nope');
      const onSheet = ctx.workbook.worksheets.getItem('Report').pivotTables.load('items/name');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(onSheet.items.map((p) => p.name)).toEqual(['P']);
      ctx.workbook.worksheets.getItem('Report').getRange('B4').values = [[1]];
      await expectExcelError(ctx.sync(), 'PivotTableRangeConflict');
      ctx.workbook.pivotTables.getItem('P').delete();
      await ctx.sync();
    });
    expect(sim.view.pivots()).toEqual([]);
    expect(sim.view.usedSize('Report')).toEqual({ rows: 0, columns: 0 });
  });

  test('stale pivot cells survive save and reopen; stored cells show as is until refresh', async () => {
    const sim = createSimulator(salesBook());
    await sim.run(regionPivot);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('C2').values = [[30]];
      await ctx.sync();
    });
    const again = createSimulator(JSON.parse(JSON.stringify(sim.toModel())) as WorkbookModel);
    expect((await pivotCells(again)).values[1]).toEqual(['East', 6]);
    await again.run(async (ctx) => {
      ctx.workbook.pivotTables.refreshAll();
      await ctx.sync();
    });
    expect((await pivotCells(again)).values[1]).toEqual(['East', 33]);
  });

  test('a Data Model (external) pivot: type Unknown, stored cells shown, refresh refused', async () => {
    const external: PivotModel = {
      name: 'P',
      sheet: 'Report',
      anchor: 'A3',
      source: { kind: 'external', description: 'ThisWorkbookDataModel' },
      rows: [{ name: 'Region' }],
      columns: [],
      filters: [],
      data: [{ field: 'Units', name: 'Sum of Units', summarizeBy: 'Sum' }],
      layout: 'Compact',
      subtotalLocation: 'AtTop',
      showRowGrandTotals: true,
      showColumnGrandTotals: true,
      rendered: {
        range: 'A3:B5',
        rowLabelRange: 'A4:A5',
        columnLabelRange: 'B3',
        dataBodyRange: 'B4:B5',
        values: [['Row Labels', 'Sum of Units'], ['North', 7], ['Grand Total', 7]],
        numberFormats: [['General', 'General'], ['General', 'General'], ['General', 'General']],
      },
    };
    const sim = createSimulator(workbook({ Report: [] }, { pivots: [external] }));
    expect(sim.view.cell('Report', 3, 0).value).toBe('North');
    await sim.run(async (ctx) => {
      const p = ctx.workbook.pivotTables.getItem('P');
      const type = p.getDataSourceType();
      const rowsOn = p.rowHierarchies.load('items/name');
      await ctx.sync();
      expect(type.value).toBe('Unknown');
      expect(rowsOn.items.map((h) => h.name)).toEqual(['Region']);
      p.refresh();
      await expectExcelError(ctx.sync(), 'InvalidOperation');
    });
  });
});
