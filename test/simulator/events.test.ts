import { describe, expect, test } from 'vitest';
import type { XWorksheetChangedEventArgs } from '../../src/excel/api';
import { createSimulator } from '../../src/simulator/index';
import { workbook } from './helpers';

describe('worksheet.onChanged', () => {
  test('fires for user edits (triggerSource Unknown) and API writes (ThisLocalAddin), both source Local', async () => {
    const sim = createSimulator(workbook({ Dash: [['Region', 'All']], Other: [['x']] }));
    const seen: XWorksheetChangedEventArgs[] = [];
    let sheetId = '';
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dash');
      sheet.onChanged.add(async (args) => { seen.push(args); });
      sheet.load('id');
      await ctx.sync();
      sheetId = sheet.id;
    });
    sim.setCellAsUser('Dash', 'B1', 'West');
    await sim.eventsDelivered();
    expect(seen).toEqual([{
      type: 'WorksheetChanged', address: 'B1', worksheetId: sheetId, changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown',
      details: { valueBefore: 'All', valueAfter: 'West', valueTypeBefore: 'String', valueTypeAfter: 'String' },
    }]);

    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('C1:D2').values = [[1, 2], [3, 4]];
      ctx.workbook.worksheets.getItem('Other').getRange('A1').values = [['not watched']];
      await ctx.sync();
    });
    await sim.eventsDelivered();
    expect(seen.slice(1).map((e) => [e.address, e.triggerSource, e.source, e.details])).toEqual([['C1:D2', 'ThisLocalAddin', 'Local', undefined]]);
  });

  test('events arrive after the sync, not during it; remove() stops them after its sync', async () => {
    const sim = createSimulator(workbook({ Dash: [['a']] }));
    const seen: string[] = [];
    const result = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Dash').onChanged.add(async (args) => { seen.push(args.address); });
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Dash').getRange('A1').values = [['b']];
      await ctx.sync();
      expect(seen).toEqual([]);
      return r;
    });
    await sim.eventsDelivered();
    expect(seen).toEqual(['A1']);
    result.remove();
    await result.context.sync();
    sim.setCellAsUser('Dash', 'A2', 'c');
    await sim.eventsDelivered();
    expect(seen).toEqual(['A1']);
  });

  test('a handler that writes back sees its own write once, marked ThisLocalAddin, and can ignore it', async () => {
    const sim = createSimulator(workbook({ Dash: [['Region', 'All', '']] }));
    const triggers: string[] = [];
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').onChanged.add(async (args) => {
        triggers.push(args.triggerSource);
        if (args.triggerSource === 'ThisLocalAddin') return;
        await sim.run(async (c) => {
          c.workbook.worksheets.getItem('Dash').getRange('C1').values = [[`Filtered: ${String(args.details?.valueAfter)}`]];
          await c.sync();
        });
      });
      await ctx.sync();
    });
    sim.setCellAsUser('Dash', 'B1', 'East');
    await sim.eventsDelivered();
    expect(triggers).toEqual(['Unknown', 'ThisLocalAddin']);
    expect(sim.view.cell('Dash', 0, 2).value).toBe('Filtered: East');
  });
});
