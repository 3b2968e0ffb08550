import { describe, expect, test } from 'vitest';
import { createSimulator } from '../../src/simulator/index';
import type { WorkbookModel } from '../../src/simulator/model';
import { expectExcelError, workbook } from './helpers';

const reopen = (model: WorkbookModel) => createSimulator(JSON.parse(JSON.stringify(model)) as WorkbookModel);

const monthly = [
  ['Month', 'Revenue', 'Margin %'],
  ['Jan', 120, 0.25],
  ['Feb', 95.5, 0.3],
  ['Mar', 130, 0.2],
  ['Apr', 80, 0.35],
];

describe('charts', () => {
  test('add lays out series by columns with names from the header row and categories from the first column', async () => {
    const sim = createSimulator(workbook({ Dash: monthly }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C5'), 'Auto');
      chart.name = 'Trend';
      const series = chart.series.load('items/name, items/chartType, items/axisGroup, count');
      chart.load('name, chartType, width, height');
      const values = chart.series.getItemAt(0).getDimensionValues('Values');
      const cats = chart.series.getItemAt(0).getDimensionValues('Categories');
      const margin = chart.series.getItemAt(1).getDimensionValues('Values');
      await ctx.sync();
      expect(chart.name).toBe('Trend');
      expect(chart.chartType).toBe('ColumnClustered');
      expect([chart.width, chart.height]).toEqual([360, 216]);
      expect(series.count).toBe(2);
      expect(series.items.map((s) => [s.name, s.chartType, s.axisGroup])).toEqual([
        ['Revenue', 'ColumnClustered', 'Primary'],
        ['Margin %', 'ColumnClustered', 'Primary'],
      ]);
      // The values read back are the cells written: column B rows 2..5, column C rows 2..5.
      expect(values.value).toEqual(['120', '95.5', '130', '80']);
      expect(margin.value).toEqual(['0.25', '0.3', '0.2', '0.35']);
      expect(cats.value).toEqual(['Jan', 'Feb', 'Mar', 'Apr']);
    });
  });

  test('a one-series chart is titled with its series name and has no legend, as Excel does', async () => {
    const sim = createSimulator(workbook({ Dash: monthly }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      const chart = sheet.charts.add('Line', sheet.getRange('A1:B5'));
      chart.title.load('text');
      chart.legend.load('visible');
      await ctx.sync();
      expect(chart.title.text).toBe('Revenue');
      expect(chart.legend.visible).toBe(false);
    });
  });

  test('series follow their cells: writing B2 changes the chart values', async () => {
    const sim = createSimulator(workbook({ Dash: monthly }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      sheet.charts.add('Line', sheet.getRange('A1:B5'));
      sheet.getRange('B2').values = [[200]];
      await ctx.sync();
    });
    expect(sim.view.charts('Dash')[0].series[0].values).toEqual([200, 95.5, 130, 80]);
  });

  test('seriesBy Rows puts each row in a series', async () => {
    const sim = createSimulator(workbook({ Dash: [['', 'Q1', 'Q2', 'Q3'], ['East', 1, 2, 3], ['West', 4, 5, 6]] }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      sheet.charts.add('BarClustered', sheet.getRange('A1:D3'), 'Rows');
      await ctx.sync();
    });
    const [chart] = sim.view.charts('Dash');
    expect(chart.series.map((s) => [s.name, s.values, s.categories])).toEqual([
      ['East', [1, 2, 3], ['Q1', 'Q2', 'Q3']],
      ['West', [4, 5, 6], ['Q1', 'Q2', 'Q3']],
    ]);
  });

  test('combo: one series as a line on the secondary axis; title, legend, axis titles; position from cells', async () => {
    const sim = createSimulator(workbook({ Dash: monthly }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      sheet.getRange('A:A').format.columnWidth = 60;
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C5'));
      const margin = chart.series.getItemAt(1);
      margin.chartType = 'Line';
      margin.axisGroup = 'Secondary';
      chart.title.text = 'Revenue and margin';
      chart.legend.position = 'Right';
      chart.axes.getItem('Value', 'Secondary').numberFormat = '0%';
      chart.axes.valueAxis.title.text = 'Revenue';
      chart.axes.valueAxis.title.visible = true;
      chart.setPosition('B7', 'E20');
      chart.load('top, left, width, height');
      chart.title.load('text, visible');
      await ctx.sync();
      // B7: left = width of A (60); top = 6 rows × 15. E20 ends after column E and row 20.
      expect(chart.left).toBe(60);
      expect(chart.top).toBe(90);
      expect(chart.width).toBe(4 * 48);
      expect(chart.height).toBe(14 * 15);
      expect(chart.title.text).toBe('Revenue and margin');
    });
    const [view] = sim.view.charts('Dash');
    expect(view.series.map((s) => [s.chartType, s.axisGroup])).toEqual([['ColumnClustered', 'Primary'], ['Line', 'Secondary']]);
    expect(view.axes.secondaryValue.numberFormat).toBe('0%');
    expect(view.axes.value.title).toBe('Revenue');
    expect(view.legend.position).toBe('Right');
    expect(view.from).toEqual({ column: 1, columnOffset: 0, row: 6, rowOffset: 0 });
    expect(view.to).toEqual({ column: 5, columnOffset: 0, row: 20, rowOffset: 0 });
  });

  test('pie series cannot go to a secondary axis; unknown chart types are InvalidArgument', async () => {
    const sim = createSimulator(workbook({ Dash: monthly }));
    await expectExcelError(sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      const chart = sheet.charts.add('Pie', sheet.getRange('A1:B5'));
      chart.series.getItemAt(0).axisGroup = 'Secondary';
      await ctx.sync();
    }), 'InvalidArgument');
    // A pie has no value axis to format.
    await expectExcelError(sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      sheet.charts.add('Pie', sheet.getRange('A1:B5')).axes.valueAxis.numberFormat = '0%';
      await ctx.sync();
    }), 'InvalidArgument');
    await expectExcelError(sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      sheet.charts.add('Sparkly' as 'Pie', sheet.getRange('A1:B5'));
      await ctx.sync();
    }), 'InvalidArgument');
  });

  test('getItem throws ItemNotFound, getItemOrNullObject is null, delete removes; one sync per batch', async () => {
    const sim = createSimulator(workbook({ Dash: monthly }));
    await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').charts.getItem('Nope').load('name');
      await ctx.sync();
    }), 'ItemNotFound');
    sim.resetStats();
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      const chart = sheet.charts.add('Area', sheet.getRange('A1:B5'));
      chart.name = 'Area1';
      const missing = sheet.charts.getItemOrNullObject('Nope');
      const count = sheet.charts.getCount();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(count.value).toBe(1);
      sheet.charts.getItem('Area1').delete();
      const after = sheet.charts.load('count');
      await ctx.sync();
      expect(after.count).toBe(0);
    });
    expect(sim.lastRunStats().syncs).toBe(2);
  });

  test('reading a chart property before load throws PropertyNotLoaded', async () => {
    const sim = createSimulator(workbook({ Dash: monthly }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      const chart = sheet.charts.add('Line', sheet.getRange('A1:B5'));
      await ctx.sync();
      expect(() => chart.chartType).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
    });
  });

  test('charts survive save and reopen, still bound to their cells; a renamed sheet keeps them bound', async () => {
    const sim2 = createSimulator(workbook({ Dash: monthly }));
    await sim2.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      const chart = sheet.charts.add('Doughnut', sheet.getRange('A1:B5'));
      chart.title.text = 'Split';
      await ctx.sync();
      sheet.name = 'Overview';
      await ctx.sync();
    });
    const again = reopen(sim2.toModel());
    const [view] = again.view.charts('Overview');
    expect(view.chartType).toBe('Doughnut');
    expect(view.title.text).toBe('Split');
    expect(view.series[0].values).toEqual([120, 95.5, 130, 80]);
    await again.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Overview').getRange('B3').values = [[1]];
      await ctx.sync();
    });
    expect(again.view.charts('Overview')[0].series[0].values).toEqual([120, 1, 130, 80]);
  });
});
