/**
 * The workbench draws what a dashboard writes through the Excel API: native charts as SVG over
 * their cells (column, bar, line, area, pie, doughnut, a combo with a secondary axis), merged and
 * formatted header cells, conditional-format colours, and a list-validation dropdown whose pick is
 * a user edit (worksheet.onChanged with source 'Local', triggerSource 'Unknown').
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'];
const REVENUE = [120, 135, 128, 150, 162, 171];
const MARGIN = [0.21, 0.24, 0.19, 0.26, 0.27, 0.25];
const REGIONS = ['West', 'East', 'North', 'South'];
const SPLIT = [410, 320, 180, 96];

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1600, height: 1000 } });
  page = await h.open('workbench.html');
  await page.getByRole('grid', { name: 'Sheet Sales' }).waitFor();
  // Build a small dashboard sheet through the Excel API, as the dashboard code does.
  await page.evaluate(async ({ months, revenue, margin, regions, split }) => {
    const api = window.__pivotdeck!;
    await api.sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add('Dash');
      sheet.showGridlines = false;
      sheet.tabColor = '#0F6CBD';
      sheet.freezePanes.freezeRows(3);
      sheet.getRange('A:A').format.columnWidth = 12;
      sheet.getRange('B:M').format.columnWidth = 60;
      const title = sheet.getRange('B2:G2');
      title.values = [['Sales overview', '', '', '', '', '']];
      title.merge();
      title.format.font.size = 18;
      title.format.font.bold = true;
      title.format.font.color = '#242424';
      title.format.rowHeight = 30;
      title.format.verticalAlignment = 'Center';
      sheet.getRange('B3:D3').values = [['Region', 'All', '']];
      sheet.getRange('B3').format.font.color = '#616161';
      sheet.getRange('C3').format.fill.color = '#EBF3FC';
      sheet.getRange('C3').dataValidation.rule = { list: { inCellDropDown: true, source: 'All,West,East,North,South' } };
      // KPI cards: label, value, delta with a red/green conditional format.
      const kpis = [['Revenue', 866, 0.12], ['Orders', 1204, -0.04], ['Margin', 0.24, 0.01]];
      kpis.forEach(([label, value, delta], i) => {
        const col = 1 + i * 2;
        const card = sheet.getRangeByIndexes(4, col, 3, 2);
        card.format.fill.color = '#F5F5F5';
        card.format.borders.getItem('EdgeTop').style = 'Continuous';
        card.format.borders.getItem('EdgeTop').color = '#0F6CBD';
        card.format.borders.getItem('EdgeTop').weight = 'Medium';
        const labelCell = sheet.getRangeByIndexes(4, col, 1, 2);
        labelCell.merge();
        labelCell.values = [[label, '']];
        labelCell.format.font.color = '#616161';
        const valueCell = sheet.getRangeByIndexes(5, col, 1, 2);
        valueCell.merge();
        valueCell.values = [[value, '']];
        valueCell.numberFormat = [[i === 2 ? '0%' : '#,##0', '#,##0']];
        valueCell.format.font.size = 20;
        valueCell.format.font.bold = true;
        valueCell.format.rowHeight = 32;
        valueCell.format.horizontalAlignment = 'Left';
        const deltaCell = sheet.getRangeByIndexes(6, col, 1, 2);
        deltaCell.merge();
        deltaCell.values = [[delta, '']];
        deltaCell.numberFormat = [['+0%;-0%;0%', '@']];
        deltaCell.format.horizontalAlignment = 'Left';
        const down = deltaCell.conditionalFormats.add('CellValue');
        down.cellValue.rule = { formula1: '0', operator: 'LessThan' };
        down.cellValue.format.font.color = '#C50F1F';
        const up = deltaCell.conditionalFormats.add('CellValue');
        up.cellValue.rule = { formula1: '0', operator: 'GreaterThan' };
        up.cellValue.format.font.color = '#107C10';
      });
      // Chart data, far to the right, as a dashboard keeps its ranges out of sight.
      sheet.getRange('O1:Q7').values = [['Month', 'Revenue', 'Margin'], ...months.map((m, i) => [m, revenue[i], margin[i]])];
      sheet.getRange('S1:T5').values = [['Region', 'Revenue'], ...regions.map((r, i) => [r, split[i]])];
      const at = (type: string, data: string, title: string, from: string, to: string) => {
        const chart = sheet.charts.add(type as 'Line', sheet.getRange(data));
        chart.title.text = title;
        chart.setPosition(from, to);
        return chart;
      };
      const combo = at('ColumnClustered', 'O1:Q7', 'Revenue and margin by month', 'B9', 'G24');
      const marginSeries = combo.series.getItemAt(1);
      marginSeries.chartType = 'Line';
      marginSeries.axisGroup = 'Secondary';
      combo.axes.getItem('Value', 'Secondary').numberFormat = '0%';
      combo.legend.position = 'Bottom';
      const bars = at('BarClustered', 'S1:T5', 'Revenue by region', 'H9', 'L24');
      bars.legend.visible = false;
      at('Line', 'O1:P7', 'Revenue trend', 'B26', 'E40');
      at('Area', 'O1:P7', 'Revenue (area)', 'F26', 'I40');
      at('Pie', 'S1:T5', 'Share by region', 'J26', 'L40').legend.position = 'Right';
      at('Doughnut', 'S1:T5', 'Share (doughnut)', 'H2', 'L7').legend.position = 'Right';
      sheet.activate();
      await ctx.sync();
    });
    // Listen like the dashboard does.
    const w = window as unknown as { __events: unknown[] };
    w.__events = [];
    await api.sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').onChanged.add(async (args) => { w.__events.push(args); });
      await ctx.sync();
    });
  }, { months: MONTHS, revenue: REVENUE, margin: MARGIN, regions: REGIONS, split: SPLIT });
  await page.getByRole('grid', { name: 'Sheet Dash' }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('dashboard rendering in the workbench', () => {
  it('draws six charts at their cells with their live series', async () => {
    await expect.poll(() => page.getByTestId('chart').count()).toBe(6);
    const charts = await page.evaluate(() => window.__pivotdeck!.charts('Dash'));
    const combo = charts.find((c) => c.title === 'Revenue and margin by month')!;
    expect(combo.type).toBe('ColumnClustered');
    expect(combo.position.from).toBe('B9');
    expect(combo.position.to).toBe('H25');
    expect(combo.series.map((s) => [s.name, s.type, s.axisGroup, s.values, s.categories])).toEqual([
      ['Revenue', 'ColumnClustered', 'Primary', REVENUE, MONTHS],
      ['Margin', 'Line', 'Secondary', MARGIN, MONTHS],
    ]);
    const pie = charts.find((c) => c.type === 'Pie')!;
    expect(pie.series[0].values).toEqual(SPLIT);
    expect(pie.legend).toBe('Right');
    // The drawn chart sits where its anchor cell is drawn.
    const box = await page.locator('[data-chart-name="Chart 1"]').boundingBox();
    const cell = await page.locator('[data-testid="sheet-grid"] [data-row="8"][data-col="1"]').boundingBox();
    expect(Math.abs(box!.x - cell!.x)).toBeLessThan(2);
    expect(Math.abs(box!.y - cell!.y)).toBeLessThan(2);
    await screenshot(page, 'workbench-dashboard-charts');
  });

  it('shows conditional-format colours, merged formatted cells', async () => {
    const display = await page.evaluate(() => ({
      up: window.__pivotdeck!.cellDisplay('Dash', 'B7'),
      down: window.__pivotdeck!.cellDisplay('Dash', 'D7'),
      value: window.__pivotdeck!.cellDisplay('Dash', 'B6'),
    }));
    expect(display.up).toMatchObject({ text: '+12%', fontColor: '#107C10', conditional: true });
    expect(display.down).toMatchObject({ text: '-4%', fontColor: '#C50F1F' });
    expect(display.value).toMatchObject({ text: '866', size: 20, bold: true });
    const title = page.locator('[data-testid="sheet-grid"] [data-row="1"][data-col="1"]');
    const width = await title.evaluate((el) => el.getBoundingClientRect().width);
    // B2:G2 merged: six 60-point columns = 6 × 80 px.
    expect(Math.round(width)).toBe(480);
    expect(await title.evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px');
    const red = await page.locator('[data-testid="sheet-grid"] [data-row="6"][data-col="3"]').evaluate((el) => getComputedStyle(el).color);
    expect(red).toBe('rgb(197, 15, 31)');
  });

  it('a list-validation cell offers a dropdown; picking a value is a user edit that fires onChanged', async () => {
    await page.locator('[data-testid="sheet-grid"] [data-row="2"][data-col="2"]').click();
    await page.getByTestId('cell-dropdown').click();
    const list = page.getByRole('listbox', { name: 'Choices' });
    await expect.poll(() => list.getByRole('option').allTextContents()).toEqual(['All', 'West', 'East', 'North', 'South']);
    await screenshot(page, 'workbench-dashboard-dropdown');
    await list.getByRole('option', { name: 'West' }).click();
    expect(await page.evaluate(() => window.__pivotdeck!.cellDisplay('Dash', 'C3').text)).toBe('West');
    await page.evaluate(() => window.__pivotdeck!.eventsDelivered());
    const events = await page.evaluate(() => (window as unknown as { __events: Array<Record<string, unknown>> }).__events);
    expect(events.map((e) => [e.address, e.source, e.triggerSource])).toEqual([['C3', 'Local', 'Unknown']]);
    // Alt+Down opens the list from the keyboard, Escape closes it.
    await page.getByRole('grid', { name: 'Sheet Dash' }).press('Alt+ArrowDown');
    await expect.poll(() => list.isVisible()).toBe(true);
    await list.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
    // A value outside the list, typed as the user, is refused with Excel's message.
    const refused = await page.evaluate(() => window.__pivotdeck!.setCellAsUser('Dash', 'C3', 'Mars'));
    expect(refused.ok).toBe(false);
    expect(await axeViolations(page, '[data-testid="sheet-grid"]')).toEqual([]);
  });

  it('frozen rows stay in place while the sheet scrolls under them', async () => {
    const title = page.locator('[data-testid="sheet-grid"] [data-row="1"][data-col="1"]');
    const before = await title.boundingBox();
    await page.getByTestId('sheet-grid').evaluate((el) => { el.scrollTop = 300; });
    await expect.poll(async () => (await page.locator('[data-testid="sheet-grid"] [data-row="30"][data-col="1"]').boundingBox())?.y ?? 0).toBeLessThan(700);
    const after = await title.boundingBox();
    expect(Math.abs(after!.y - before!.y)).toBeLessThan(1);
    await screenshot(page, 'workbench-dashboard-frozen-scrolled');
    await page.getByTestId('sheet-grid').evaluate((el) => { el.scrollTop = 0; });
  });

  it('save and reopen keeps charts, conditional formats and validations', async () => {
    const after = await page.evaluate(async () => {
      const api = window.__pivotdeck!;
      api.saveAndReopen();
      api.sim.activate('Dash');
      return {
        charts: api.charts('Dash').map((c) => [c.type, c.title, c.series.length]),
        delta: api.cellDisplay('Dash', 'D7').fontColor,
        items: api.validation('Dash', 'C3')?.items,
      };
    });
    expect(after.charts).toEqual([
      ['ColumnClustered', 'Revenue and margin by month', 2],
      ['BarClustered', 'Revenue by region', 1],
      ['Line', 'Revenue trend', 1],
      ['Area', 'Revenue (area)', 1],
      ['Pie', 'Share by region', 1],
      ['Doughnut', 'Share (doughnut)', 1],
    ]);
    expect(after.delta).toBe('#C50F1F');
    expect(after.items).toEqual(['All', 'West', 'East', 'North', 'South']);
    await expect.poll(() => page.getByTestId('chart').count()).toBe(6);
    await screenshot(page, 'workbench-dashboard-reopened');
  });
});
