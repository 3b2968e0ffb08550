import { describe, expect, test } from 'vitest';
import { createSimulator } from '../../src/simulator/index';
import type { WorkbookModel } from '../../src/simulator/model';
import { expectExcelError, workbook } from './helpers';

const reopen = (model: WorkbookModel) => createSimulator(JSON.parse(JSON.stringify(model)) as WorkbookModel);

const salesRows = [
  ['Region', 'Product', 'Units'],
  ['East', 'Pens', 3],
  ['West', 'Pads', 5],
  ['East', 'Pads', 2],
];

describe('tables', () => {
  test('add from an address with headers; header, body, totals and column ranges', async () => {
    const sim = createSimulator(workbook({ Data: salesRows }));
    await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.add('Data!A1:C4', true);
      t.name = 'Sales';
      t.load('name, id, showHeaders, showTotals');
      const whole = t.getRange().load('address');
      const header = t.getHeaderRowRange().load('address, values');
      const body = t.getDataBodyRange().load('address, values');
      const columns = t.columns.load('items/name, items/index');
      await ctx.sync();
      expect(t.name).toBe('Sales');
      expect(whole.address).toBe('Data!A1:C4');
      expect(header.address).toBe('Data!A1:C1');
      expect(header.values).toEqual([['Region', 'Product', 'Units']]);
      expect(body.address).toBe('Data!A2:C4');
      expect(body.values[2]).toEqual(['East', 'Pads', 2]);
      expect(columns.items.map((c) => [c.name, c.index])).toEqual([['Region', 0], ['Product', 1], ['Units', 2]]);

      t.showTotals = true;
      const totals = t.getTotalRowRange().load('address');
      const grown = t.getRange().load('address');
      await ctx.sync();
      expect(totals.address).toBe('Data!A5:C5');
      expect(grown.address).toBe('Data!A1:C5');
    });
    expect(sim.view.tables()).toEqual([{ name: 'Sales', sheet: 'Data', address: 'A1:C5' }]);
  });

  test('without headers Excel inserts Column1..N above the data', async () => {
    const sim = createSimulator(workbook({ Data: [[1, 2], [3, 4]] }));
    const [address, values] = await sim.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Data').tables.add('A1:B2', false);
      const r = t.getRange().load('address, values');
      await ctx.sync();
      return [r.address, r.values];
    });
    expect(address).toBe('Data!A1:B3');
    expect(values).toEqual([['Column1', 'Column2'], [1, 2], [3, 4]]);
  });

  test('names are unique across the workbook; overlaps and missing tables fail', async () => {
    const sim = createSimulator(workbook({ Data: salesRows, Other: [['A'], [1]] }));
    await sim.run(async (ctx) => {
      ctx.workbook.tables.add('Data!A1:C4', true).name = 'Sales';
      await ctx.sync();
      ctx.workbook.tables.add('Other!A1:A2', true).name = 'Sales';
      await expectExcelError(ctx.sync(), 'InvalidArgument');
      ctx.workbook.tables.add('Data!B2:D6', true);
      await expectExcelError(ctx.sync(), 'MergedRangeConflict');
      const missing = ctx.workbook.tables.getItemOrNullObject('Nope');
      const count = ctx.workbook.tables.getCount();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(count.value).toBe(2); // Sales and the Other table (whose rename failed)
      ctx.workbook.tables.getItem('Sales').delete();
      await ctx.sync();
    });
    expect(sim.view.cell('Data', 1, 0).value).toBe('');
  });
});

describe('named items', () => {
  test('add, read, getRange, delete; ItemNotFound vs null object', async () => {
    const sim = createSimulator(workbook({ Data: salesRows }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Data');
      ctx.workbook.names.add('Units', sheet.getRange('C2:C4'), 'units column');
      ctx.workbook.names.add('Rate', '=0.25');
      const units = ctx.workbook.names.getItem('Units').load('name, type, value');
      const rate = ctx.workbook.names.getItem('Rate').load('type, value');
      const range = ctx.workbook.names.getItem('Units').getRange().load('values');
      const missing = ctx.workbook.names.getItemOrNullObject('Nope');
      await ctx.sync();
      expect([units.name, units.type, units.value]).toEqual(['Units', 'Range', 'Data!$C$2:$C$4']);
      expect([rate.type, rate.value]).toEqual(['Double', 0.25]);
      expect(range.values).toEqual([[3], [5], [2]]);
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.names.add('Units', '=1');
      await expectExcelError(ctx.sync(), 'ItemAlreadyExists');
      ctx.workbook.names.getItem('Units').delete();
      await ctx.sync();
      ctx.workbook.names.getItem('Units').load('name');
      await expectExcelError(ctx.sync(), 'ItemNotFound');
    });
    expect(sim.toModel().names).toEqual([{ name: 'Rate', reference: '=0.25' }]);
  });
});

describe('settings and save/reopen', () => {
  test('settings round trip through toModel and a new simulator', async () => {
    const sim = createSimulator(workbook({ Data: salesRows }));
    const doc = { schemaVersion: 1, queries: [{ id: 'q1', measures: ['median'] }] };
    await sim.run(async (ctx) => {
      ctx.workbook.settings.add('pivotdeck', doc);
      ctx.workbook.settings.add('count', 3);
      ctx.workbook.settings.add('temp', true);
      await ctx.sync();
      ctx.workbook.settings.getItem('temp').delete();
      await ctx.sync();
    });
    const again = reopen(sim.toModel());
    await again.run(async (ctx) => {
      const items = ctx.workbook.settings.load('items/key, items/value');
      const one = ctx.workbook.settings.getItem('pivotdeck').load('value');
      const gone = ctx.workbook.settings.getItemOrNullObject('temp');
      await ctx.sync();
      expect(items.items.map((s) => [s.key, s.value])).toEqual([['pivotdeck', doc], ['count', 3]]);
      expect(one.value).toEqual(doc);
      expect(gone.isNullObject).toBe(true);
      one.value = { schemaVersion: 2 };
      await ctx.sync();
    });
    expect(again.toModel().settings).toEqual({ pivotdeck: { schemaVersion: 2 }, count: 3 });
  });

  test('cells, formats, formulas, styles, widths, tables and names survive a save and reopen', async () => {
    const sim = createSimulator(workbook({ Data: salesRows }));
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Data');
      ctx.workbook.tables.add('Data!A1:C4', true).name = 'Sales';
      sheet.getRange('E1').values = [[45306]];
      sheet.getRange('E1').numberFormat = [['yyyy-mm-dd']];
      sheet.getRange('E2').formulas = [['=SUM(C2:C4)']];
      sheet.getRange('A1:C1').format.font.bold = true;
      sheet.getRange('A1').format.fill.color = 'yellow';
      sheet.getRange('B:B').format.columnWidth = 80;
      ctx.workbook.names.add('Units', '=Data!$C$2:$C$4');
      await ctx.sync();
    });
    const again = reopen(sim.toModel());
    expect(again.view.cell('Data', 0, 4)).toEqual({ value: 45306, text: '2024-01-15', numberFormat: 'yyyy-mm-dd' });
    // The formula is calculated (3 + 5 + 2) and its result saved with it, as Excel caches it.
    expect(again.view.cell('Data', 1, 4)).toEqual({ value: 10, text: '10', numberFormat: 'General', formula: '=SUM(C2:C4)' });
    expect(again.view.cell('Data', 0, 0)).toMatchObject({ bold: true, fill: '#FFFF00' });
    expect(again.view.columnWidth('Data', 1)).toBe(80);
    expect(again.view.tables()).toEqual([{ name: 'Sales', sheet: 'Data', address: 'A1:C4' }]);
    const units = await again.run(async (ctx) => {
      const r = ctx.workbook.names.getItem('Units').getRange().load('values');
      await ctx.sync();
      return r.values;
    });
    expect(units).toEqual([[3], [5], [2]]);
  });
});

describe('capabilities', () => {
  test('isSetSupported compares requirement-set versions numerically', () => {
    const sim = createSimulator(workbook({ S: [] }), { supportedApiVersion: '1.9' });
    expect(sim.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(sim.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(sim.isSetSupported('ExcelApi', '1.15')).toBe(false);
    expect(createSimulator(workbook({ S: [] })).isSetSupported('ExcelApi', '1.17')).toBe(true);
  });
});

describe('table and defined names', () => {
  // Excel ("Names in formulas"): a letter of any script, _ or \ first, then letters, digits, _ and .;
  // never something read as a cell (A1, R1C1, R, C). German and Japanese users name tables in their language.
  test('letters of any script are accepted; cell-like names, symbols and a leading digit are refused', async () => {
    for (const good of ['Umsätze_2025', 'Ventes.été', '売上', '_x', 'Revenue\\EU']) {
      const sim = createSimulator(workbook({ Data: salesRows }));
      await sim.run(async (ctx) => {
        const t = ctx.workbook.tables.add('Data!A1:C4', true);
        t.name = good;
        ctx.workbook.names.add(`${good}_n`, 'Data!A1');
        t.load('name');
        await ctx.sync();
        expect(t.name).toBe(good);
      });
    }
    for (const bad of ['A1', 'R1C1', 'r', 'C', 'XFD9', '1st', 'a b', 'Umsatz€', '']) {
      const sim = createSimulator(workbook({ Data: salesRows }));
      await expectExcelError(sim.run(async (ctx) => {
        const t = ctx.workbook.tables.add('Data!A1:C4', true);
        t.name = bad;
        await ctx.sync();
      }), 'InvalidArgument');
    }
  });
});
