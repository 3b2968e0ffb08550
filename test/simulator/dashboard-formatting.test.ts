import { describe, expect, test } from 'vitest';
import { createSimulator } from '../../src/simulator/index';
import type { WorkbookModel } from '../../src/simulator/model';
import { expectExcelError, workbook } from './helpers';

const reopen = (model: WorkbookModel) => createSimulator(JSON.parse(JSON.stringify(model)) as WorkbookModel);

describe('formatting a dashboard sheet', () => {
  test('merge keeps the top-left value; fonts, alignment, row height, borders, gridlines, tab colour, freeze panes; all saved', async () => {
    const sim = createSimulator(workbook({ Dash: [['Sales overview', 'stray'], ['', '']] }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      const title = sheet.getRange('A1:D1');
      title.merge();
      title.format.font.size = 20;
      title.format.font.bold = true;
      title.format.font.name = 'Segoe UI';
      title.format.font.color = '#242424';
      title.format.horizontalAlignment = 'Center';
      title.format.verticalAlignment = 'Center';
      title.format.rowHeight = 32;
      title.format.fill.color = '#EBF3FC';
      sheet.getRange('A2:D2').format.borders.getItem('EdgeBottom').style = 'Continuous';
      sheet.getRange('A2:D2').format.borders.getItem('EdgeBottom').color = '#0F6CBD';
      sheet.showGridlines = false;
      sheet.tabColor = '#0F6CBD';
      sheet.freezePanes.freezeRows(2);
      const fmt = title.format.load('rowHeight, horizontalAlignment, verticalAlignment');
      const font = title.format.font.load('name, size, bold');
      const border = sheet.getRange('B2').format.borders.getItem('EdgeBottom').load('style, color, weight');
      const frozen = sheet.freezePanes.getLocationOrNullObject().load('address');
      sheet.load('showGridlines, tabColor');
      await ctx.sync();
      expect([fmt.rowHeight, fmt.horizontalAlignment, fmt.verticalAlignment]).toEqual([32, 'Center', 'Center']);
      expect([font.name, font.size, font.bold]).toEqual(['Segoe UI', 20, true]);
      expect([border.style, border.color, border.weight]).toEqual(['Continuous', '#0F6CBD', 'Thin']);
      expect(frozen.address).toBe('Dash!1:2');
      expect([sheet.showGridlines, sheet.tabColor]).toEqual([false, '#0F6CBD']);
    });
    expect(sim.view.cell('Dash', 0, 1).value).toBe('');
    const again = reopen(sim.toModel());
    expect(again.view.merges('Dash')).toEqual(['A1:D1']);
    expect(again.view.rowHeight('Dash', 0)).toBe(32);
    expect(again.view.cell('Dash', 0, 0)).toMatchObject({ value: 'Sales overview', size: 20, bold: true, fontName: 'Segoe UI', horizontalAlignment: 'Center' });
    expect(again.view.cell('Dash', 1, 2).borderBottom).toEqual({ style: 'Continuous', color: '#0F6CBD', weight: 'Thin' });
    expect(again.view.sheetOptions('Dash')).toEqual({ showGridlines: false, tabColor: '#0F6CBD', freeze: { rows: 2, columns: 0 } });
  });

  test('out-of-range sizes and unknown alignments are InvalidArgument', async () => {
    const sim = createSimulator(workbook({ Dash: [['x']] }));
    await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('A1').format.font.size = 500;
      await ctx.sync();
    }), 'InvalidArgument');
    await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('A1').format.horizontalAlignment = 'Middle' as 'Center';
      await ctx.sync();
    }), 'InvalidArgument');
  });
});
