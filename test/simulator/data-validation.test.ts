import { describe, expect, test } from 'vitest';
import { createSimulator } from '../../src/simulator/index';
import type { WorkbookModel } from '../../src/simulator/model';
import { expectExcelError, workbook } from './helpers';

const reopen = (model: WorkbookModel) => createSimulator(JSON.parse(JSON.stringify(model)) as WorkbookModel);

const params = [
  ['Region', 'All', '', '', '', '', '', 'Regions'],
  ['Year', 2024, '', '', '', '', '', 'All'],
  ['', '', '', '', '', '', '', 'West'],
  ['', '', '', '', '', '', '', 'East'],
];

describe('data validation', () => {
  test('a typed list: rule reads back, a user edit outside the list is refused, an API write is not', async () => {
    const sim = createSimulator(workbook({ Dash: params }));
    await sim.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Dash').getRange('B1');
      cell.dataValidation.rule = { list: { inCellDropDown: true, source: 'All,West,East' } };
      const dv = cell.dataValidation.load('rule, type, valid');
      await ctx.sync();
      expect(dv.type).toBe('List');
      expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: 'All,West,East' } });
      expect(dv.valid).toBe(true);
    });
    expect(sim.view.validation('Dash', 0, 1)).toEqual({ type: 'List', items: ['All', 'West', 'East'], inCellDropDown: true });

    const refused = sim.setCellAsUser('Dash', 'B1', 'North');
    expect(refused.ok).toBe(false);
    expect(sim.view.cell('Dash', 0, 1).value).toBe('All');
    // Excel's list check ignores case.
    expect(sim.setCellAsUser('Dash', 'B1', 'west')).toEqual({ ok: true });
    expect(sim.view.cell('Dash', 0, 1).value).toBe('west');

    // The API bypasses validation (Excel validates typing only); `valid` then says false.
    await sim.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Dash').getRange('B1');
      cell.values = [['North']];
      const dv = cell.dataValidation.load('valid');
      await ctx.sync();
      expect(dv.valid).toBe(false);
    });
    expect(sim.view.cell('Dash', 0, 1).value).toBe('North');
  });

  test('a list from cells: items follow the cells; the source must be one row or column', async () => {
    const sim = createSimulator(workbook({ Dash: params }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      sheet.getRange('B1').dataValidation.rule = { list: { inCellDropDown: true, source: '=$H$2:$H$4' } };
      await ctx.sync();
      sheet.getRange('H4').values = [['North']];
      await ctx.sync();
    });
    expect(sim.view.validation('Dash', 0, 1)?.items).toEqual(['All', 'West', 'North']);
    await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('B2').dataValidation.rule = { list: { inCellDropDown: true, source: '=$G$1:$H$4' } };
      await ctx.sync();
    }), 'InvalidArgument');
    await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('B2').dataValidation.rule = { list: { inCellDropDown: true, source: '' } };
      await ctx.sync();
    }), 'InvalidArgument');
    await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('B2').dataValidation.rule = {
        list: { inCellDropDown: true, source: 'a,b' },
        wholeNumber: { formula1: 1, operator: 'GreaterThan' },
      };
      await ctx.sync();
    }), 'InvalidArgument');
  });

  test('whole numbers between bounds; clear() removes the rule; errorAlert text reaches the user', async () => {
    const sim = createSimulator(workbook({ Dash: params }));
    await sim.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Dash').getRange('B2').dataValidation;
      dv.rule = { wholeNumber: { formula1: 2020, formula2: 2030, operator: 'Between' } };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Year', message: 'Pick a year from 2020 to 2030.' };
      await ctx.sync();
    });
    expect(sim.setCellAsUser('Dash', 'B2', 2019)).toEqual({ ok: false, title: 'Year', message: 'Pick a year from 2020 to 2030.' });
    expect(sim.setCellAsUser('Dash', 'B2', 2025.5)).toMatchObject({ ok: false });
    expect(sim.setCellAsUser('Dash', 'B2', '2026')).toEqual({ ok: true });
    expect(sim.view.cell('Dash', 1, 1).value).toBe(2026);
    await sim.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Dash').getRange('B2').dataValidation;
      dv.clear();
      dv.load('type');
      await ctx.sync();
      expect(dv.type).toBe('None');
    });
    expect(sim.setCellAsUser('Dash', 'B2', 1900)).toEqual({ ok: true });
  });

  test('validations survive save and reopen', async () => {
    const sim = createSimulator(workbook({ Dash: params }));
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('B1').dataValidation.rule = { list: { inCellDropDown: true, source: '=$H$2:$H$4' } };
      await ctx.sync();
    });
    const again = reopen(sim.toModel());
    expect(again.view.validation('Dash', 0, 1)?.items).toEqual(['All', 'West', 'East']);
    expect(again.setCellAsUser('Dash', 'B1', 'South').ok).toBe(false);
  });
});
