import { describe, expect, test } from 'vitest';
import type { XRange } from '../../src/excel/api';
import { createSimulator } from '../../src/simulator/index';
import { catchSync, expectExcelError, workbook } from './helpers';

const book = () => workbook({ Data: [['Region', 'Units'], ['East', 3], ['West', 5]], Other: [] });

describe('load / sync proxy semantics', () => {
  test('reading a property before load + sync throws PropertyNotLoaded with Excel message', async () => {
    const sim = createSimulator(book());
    await sim.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Data').getRange('A1:B3');
      const notLoaded = catchSync(() => range.values);
      expect(notLoaded.code).toBe('PropertyNotLoaded');
      expect(notLoaded.name).toBe('RichApi.Error');
      expect(notLoaded.message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      expect((notLoaded.debugInfo as Record<string, unknown>).errorLocation).toBe('Range.values');
      range.load('values');
      // Loaded but not yet synced: still not available.
      expect(catchSync(() => range.values).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(range.values).toEqual([['Region', 'Units'], ['East', 3], ['West', 5]]);
      // Only what was loaded is available.
      expect(catchSync(() => range.address).code).toBe('PropertyNotLoaded');
    });
  });

  test('ClientResult.value before sync throws (office.js code ValueNotLoaded)', async () => {
    const sim = createSimulator(book());
    await sim.run(async (ctx) => {
      const count = ctx.workbook.tables.getCount();
      expect(catchSync(() => count.value).code).toBe('ValueNotLoaded');
      await ctx.sync();
      expect(count.value).toBe(0);
    });
  });

  test('a write queued before a load is visible to the load; operations run in order', async () => {
    const sim = createSimulator(book());
    const seen = await sim.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Data').getRange('C1');
      cell.values = [['first']];
      const before = ctx.workbook.worksheets.getItem('Data').getRange('C1').load('values');
      cell.values = [['second']];
      const after = ctx.workbook.worksheets.getItem('Data').getRange('C1').load('values');
      await ctx.sync();
      return [before.values[0][0], after.values[0][0]];
    });
    expect(seen).toEqual(['first', 'second']);
  });

  test('load paths through navigation properties and collections', async () => {
    const sim = createSimulator(book());
    await sim.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      const range = ctx.workbook.worksheets.getItem('Data').getRange('B2').load('address, worksheet/name, format/font/bold');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Data', 'Other']);
      expect(range.address).toBe('Data!B2');
      expect(range.worksheet.name).toBe('Data');
      expect(range.format.font.bold).toBe(false);
    });
  });

  test('getItem of a missing sheet throws ItemNotFound from sync; getItemOrNullObject gives a null object', async () => {
    const sim = createSimulator(book());
    await sim.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const present = ctx.workbook.worksheets.getItemOrNullObject('Data');
      expect(catchSync(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      ctx.workbook.worksheets.getItem('Nope').load('name');
      const e = await expectExcelError(ctx.sync(), 'ItemNotFound');
      expect(e.message).toBe("The requested resource doesn't exist.");
    });
    for (const getMissing of [
      (ctx: Parameters<Parameters<typeof sim.run>[0]>[0]) => ctx.workbook.tables.getItem('NoTable').load('name'),
      (ctx: Parameters<Parameters<typeof sim.run>[0]>[0]) => ctx.workbook.pivotTables.getItem('NoPivot').load('name'),
      (ctx: Parameters<Parameters<typeof sim.run>[0]>[0]) => ctx.workbook.names.getItem('NoName').load('name'),
      (ctx: Parameters<Parameters<typeof sim.run>[0]>[0]) => ctx.workbook.settings.getItem('NoKey').load('value'),
    ]) {
      await expectExcelError(sim.run(async (ctx) => { getMissing(ctx); await ctx.sync(); }), 'ItemNotFound');
    }
  });

  test('a failing operation rejects the sync; earlier operations stay, later ones do not run', async () => {
    const sim = createSimulator(book());
    await expectExcelError(
      sim.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Data');
        sheet.getRange('D1').values = [['before']];
        ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [['x']];
        sheet.getRange('D2').values = [['after']];
        await ctx.sync();
      }),
      'ItemNotFound',
    );
    expect(sim.view.cell('Data', 0, 3).value).toBe('before');
    expect(sim.view.cell('Data', 1, 3).value).toBe('');
  });

  test('values of the wrong shape throw InvalidArgument; [[x]] fills the whole range', async () => {
    const sim = createSimulator(book());
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Other');
      sheet.getRange('A1:B2').values = [[1, 2, 3], [4, 5, 6]];
      await expectExcelError(ctx.sync(), 'InvalidArgument');
      sheet.getRange('A1:B2').values = [[1, 2]];
      await expectExcelError(ctx.sync(), 'InvalidArgument');
      sheet.getRange('A1:B2').numberFormat = [['0.00'], ['0.00']];
      await expectExcelError(ctx.sync(), 'InvalidArgument');
      sheet.getRange('A1:B2').values = [[7]];
      sheet.getRange('A1:B2').numberFormat = [['0.00']];
      const back = sheet.getRange('A1:B2').load('values, numberFormat');
      await ctx.sync();
      expect(back.values).toEqual([[7, 7], [7, 7]]);
      expect(back.numberFormat).toEqual([['0.00', '0.00'], ['0.00', '0.00']]);
    });
    expect(sim.view.cell('Other', 1, 1).text).toBe('7.00');
  });

  test('an invalid address throws InvalidArgument from sync', async () => {
    const sim = createSimulator(book());
    await expectExcelError(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1:ZZZZ1').load('values');
        await ctx.sync();
      }),
      'InvalidArgument',
    );
  });

  test('values come back as Excel gives them; writes are parsed like typed input', async () => {
    const sim = createSimulator(book());
    const values = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Other').getRange('A1:F1');
      r.values = [['123', "'007", 'TRUE', '#N/A', '=A1*2', null as unknown as string]];
      const back = r.load('values, formulas');
      await ctx.sync();
      return { values: back.values, formulas: back.formulas };
    });
    // "=A1*2" became a formula and is calculated at once (Excel's automatic calculation): 123 × 2.
    expect(values.values).toEqual([[123, '007', true, '#N/A', 246, '']]);
    expect(values.formulas).toEqual([[123, '007', true, '#N/A', '=A1*2', '']]);
    expect(sim.view.cell('Other', 0, 4).formula).toBe('=A1*2');
  });

  test('range navigation: getCell, offsets, resize, row/column, intersection, used range', async () => {
    const sim = createSimulator(book());
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Data');
      const base = sheet.getRange('B2:C4');
      const got: XRange[] = [
        base.getCell(1, 1), base.getOffsetRange(1, -1), base.getResizedRange(1, 0), base.getRow(2),
        base.getColumn(0), base.getIntersectionOrNullObject('A1:B2'), sheet.getUsedRange(), sheet.getRangeByIndexes(0, 0, 2, 2),
      ];
      const none = base.getIntersectionOrNullObject('E5:F6');
      const emptyUsed = ctx.workbook.worksheets.getItem('Other').getUsedRangeOrNullObject();
      const emptyUsedA1 = ctx.workbook.worksheets.getItem('Other').getUsedRange().load('address');
      got.forEach((r) => r.load('address'));
      await ctx.sync();
      expect(got.map((r) => r.address)).toEqual([
        'Data!C3', 'Data!A3:B5', 'Data!B2:C5', 'Data!B4:C4', 'Data!B2:B4', 'Data!B2', 'Data!A1:B3', 'Data!A1:B2',
      ]);
      expect(none.isNullObject).toBe(true);
      expect(emptyUsed.isNullObject).toBe(true);
      expect(emptyUsedA1.address).toBe('Other!A1');
    });
  });

  test('selection drives getSelectedRange and getActiveCell', async () => {
    const sim = createSimulator(book());
    sim.select('Data', 'B2:C3');
    const [sel, active] = await sim.run(async (ctx) => {
      const s = ctx.workbook.getSelectedRange().load('address');
      const a = ctx.workbook.getActiveCell().load('address');
      await ctx.sync();
      return [s.address, a.address];
    });
    expect([sel, active]).toEqual(['Data!B2:C3', 'Data!B2']);
    expect(sim.view.activeSheet()).toBe('Data');
  });

  test('worksheets: add, rename, activate, delete', async () => {
    const sim = createSimulator(book());
    await sim.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add('Report');
      added.activate();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name, position');
      await ctx.sync();
      expect(active.name).toBe('Report');
      expect(active.position).toBe(2);
      ctx.workbook.worksheets.add('Report');
      await expectExcelError(ctx.sync(), 'ItemAlreadyExists');
      ctx.workbook.worksheets.getItem('Other').delete();
      ctx.workbook.worksheets.getItem('Data').name = 'Facts';
      await ctx.sync();
    });
    expect(sim.view.sheetNames()).toEqual(['Facts', 'Report']);
  });

  test('subscribe fires after a sync that changed the workbook, not after reads', async () => {
    const sim = createSimulator(book());
    let calls = 0;
    const off = sim.subscribe(() => calls++);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(calls).toBe(0);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['x']];
      await ctx.sync();
    });
    expect(calls).toBe(1);
    off();
  });

  test('run sends what is still queued when the batch ends, as Office does', async () => {
    const sim = createSimulator(book());
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Other').getRange('A1').values = [['late']];
    });
    expect(sim.view.cell('Other', 0, 0).value).toBe('late');
    expect(sim.lastRunStats().syncs).toBe(1);
  });

  test('used range grows with writes and shrinks with clears and empty writes', async () => {
    const sim = createSimulator(book());
    const used = async () => sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getUsedRange(true).load('address');
      await ctx.sync();
      return r.address;
    });
    expect(await used()).toBe('Data!A1:B3');
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('D5:E6').values = [[1, 2], [3, 4]];
      await ctx.sync();
    });
    expect(await used()).toBe('Data!A1:E6');
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('E5:E6').values = [[''], ['']];
      await ctx.sync();
    });
    expect(await used()).toBe('Data!A1:D6');
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('C4:D6').clear();
      await ctx.sync();
    });
    expect(await used()).toBe('Data!A1:B3');
  });
});
