import { describe, expect, test } from 'vitest';
import type { XConditionalFormat } from '../../src/excel/api';
import { createSimulator } from '../../src/simulator/index';
import type { WorkbookModel } from '../../src/simulator/model';
import { parseRuleFormula, ruleHolds } from '../../src/simulator/state/cell-formula';
import { expectExcelError, workbook } from './helpers';

const reopen = (model: WorkbookModel) => createSimulator(JSON.parse(JSON.stringify(model)) as WorkbookModel);

// A KPI block: B5:B8 are deltas; Thresholds!C2 holds the alert level.
const kpis = [
  [''], [''], [''], [''],
  ['Revenue', -3],
  ['Orders', 12],
  ['Margin', 0],
  ['Returns', 'n/a'],
];

describe('conditional formats', () => {
  test('CellValue LessThan 0 colours the negative cell red and leaves the others', async () => {
    const sim = createSimulator(workbook({ Dash: kpis, Thresholds: [['', '', ''], ['', '', 10]] }));
    await sim.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Dash').getRange('B5:B8');
      const cf = range.conditionalFormats.add('CellValue');
      cf.cellValue.format.font.color = '#C50F1F';
      cf.cellValue.rule = { formula1: '0', operator: 'LessThan' };
      const rule = cf.cellValue.load('rule');
      await ctx.sync();
      expect(rule.rule).toEqual({ formula1: '=0', operator: 'LessThan' });
    });
    expect(sim.view.cell('Dash', 4, 1).fontColor).toBe('#C50F1F');
    expect(sim.view.cell('Dash', 4, 1).conditional).toBe(true);
    expect(sim.view.cell('Dash', 5, 1).fontColor).toBeUndefined();
    expect(sim.view.cell('Dash', 6, 1).fontColor).toBeUndefined();
    // Excel ranks text above numbers: "n/a" is not less than 0.
    expect(sim.view.cell('Dash', 7, 1).fontColor).toBeUndefined();
  });

  test('Custom formulas are relative to the top-left cell and may read another sheet', async () => {
    const sim = createSimulator(workbook({ Dash: kpis, Thresholds: [['', '', ''], ['', '', 10]] }));
    await sim.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Dash').getRange('B5:B7');
      const red = range.conditionalFormats.add('Custom');
      red.custom.rule.formula = '=B5<0';
      red.custom.format.fill.color = '#FDE7E9';
      const amber = range.conditionalFormats.add('Custom');
      amber.custom.rule.formula = '=B5>=Thresholds!$C$2';
      amber.custom.format.fill.color = '#FFF4CE';
      await ctx.sync();
    });
    expect(sim.view.cell('Dash', 4, 1).fill).toBe('#FDE7E9'); // -3 < 0
    expect(sim.view.cell('Dash', 5, 1).fill).toBe('#FFF4CE'); // 12 >= 10
    expect(sim.view.cell('Dash', 6, 1).fill).toBeUndefined(); // 0: neither
    // The threshold moves: 12 is no longer above it.
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Thresholds').getRange('C2').values = [[20]];
      await ctx.sync();
    });
    expect(sim.view.cell('Dash', 5, 1).fill).toBeUndefined();
  });

  test('priority: the newest format comes first; the first true rule wins a property, stopIfTrue ends evaluation', async () => {
    const sim = createSimulator(workbook({ Dash: kpis }));
    await sim.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Dash').getRange('B5');
      const a = range.conditionalFormats.add('CellValue');
      a.cellValue.rule = { formula1: '=-10', formula2: '=0', operator: 'Between' };
      a.cellValue.format.font.color = '#0000FF';
      a.cellValue.format.font.bold = true;
      const b = range.conditionalFormats.add('CellValue');
      b.cellValue.rule = { formula1: '0', operator: 'LessThan' };
      b.cellValue.format.font.color = '#FF0000';
      const items = range.conditionalFormats.load('items/priority, items/type');
      await ctx.sync();
      expect(items.items.map((i) => i.priority)).toEqual([0, 1]);
    });
    // b (priority 0) sets the colour; a still adds bold, which b leaves unset.
    expect(sim.view.cell('Dash', 4, 1)).toMatchObject({ fontColor: '#FF0000', bold: true });
    await sim.run(async (ctx) => {
      const first = ctx.workbook.worksheets.getItem('Dash').getRange('B5').conditionalFormats.getItemAt(0);
      first.stopIfTrue = true;
      await ctx.sync();
    });
    expect(sim.view.cell('Dash', 4, 1).bold).toBeUndefined();
  });

  test('clearAll on part of a format keeps the rest; survives save/reopen', async () => {
    const sim = createSimulator(workbook({ Dash: kpis }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      const cf = sheet.getRange('B5:B7').conditionalFormats.add('CellValue');
      cf.cellValue.rule = { formula1: '=100', operator: 'LessThan' };
      cf.cellValue.format.fill.color = 'yellow';
      sheet.getRange('B6').conditionalFormats.clearAll();
      const count = sheet.getRange('B5:B7').conditionalFormats.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
    });
    const again = reopen(sim.toModel());
    expect(again.view.cell('Dash', 4, 1).fill).toBe('#FFFF00');
    expect(again.view.cell('Dash', 5, 1).fill).toBeUndefined();
    expect(again.view.cell('Dash', 6, 1).fill).toBe('#FFFF00');
  });

  test('bad rules fail like Excel: unknown operator, Between without formula2, unreadable formula, other types', async () => {
    const sim = createSimulator(workbook({ Dash: kpis }));
    const attempt = (apply: (cf: XConditionalFormat) => void, type: 'CellValue' | 'Custom' | 'DataBar' = 'CellValue') =>
      sim.run(async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem('Dash').getRange('B5').conditionalFormats.add(type);
        apply(cf);
        await ctx.sync();
      });
    await expectExcelError(attempt((cf) => { cf.cellValue.rule = { formula1: '0', operator: 'Bigger' as 'LessThan' }; }), 'InvalidArgument');
    await expectExcelError(attempt((cf) => { cf.cellValue.rule = { formula1: '0', operator: 'Between' }; }), 'InvalidArgument');
    await expectExcelError(attempt((cf) => { cf.custom.rule.formula = '=B5<<0'; }, 'Custom'), 'InvalidArgument');
    await expectExcelError(attempt(() => undefined, 'DataBar'), 'InvalidArgument');
    // A Custom format has no cellValue part.
    await expectExcelError(attempt((cf) => { cf.cellValue.load('rule'); }, 'Custom'), 'InvalidArgument');
  });

  test('the rule evaluator against a plain comparison loop', () => {
    const cells: Record<string, number | string> = { '0,0': -2, '1,0': 0, '2,0': 5, '3,0': '', '4,0': 'x' };
    const read = (_s: string | undefined, r: number, c: number) => cells[`${r},${c}`] ?? '';
    const node = parseRuleFormula('=AND(A1<>"",A1>=0,A1*2<20)');
    const got = [0, 1, 2, 3].map((r) => ruleHolds(node, read, r, 0));
    const expected = [-2, 0, 5, ''].map((v) => v !== '' && typeof v === 'number' && v >= 0 && v * 2 < 20);
    expect(got).toEqual(expected);
    // Text in arithmetic is #VALUE!: the rule is false there.
    expect(ruleHolds(node, read, 4, 0)).toBe(false);
    // A blank equals 0 in Excel comparisons.
    expect(ruleHolds(parseRuleFormula('=A1=0'), read, 3, 0)).toBe(true);
  });
});
