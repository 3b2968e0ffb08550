/**
 * The simulator is as strict as Excel about references: each test names the Excel behaviour it
 * models and where Excel documents it. Expected values are worked out by hand from the rows below.
 */
import { describe, expect, test } from 'vitest';
import type { CellValue, XRequestContext } from '../../src/excel/api';
import { createSimulator, type Simulator } from '../../src/simulator/index';
import { expectExcelError, workbook } from './helpers';

// Awkward on purpose: non-ASCII, a negative zero, a one-row group (Süd), ties (Nord 5 twice).
const orders: CellValue[][] = [
  ['Region', 'Amount', 'Units'],
  ['Nord', 5, 1],
  ['Süd', -0, 2],
  ['Nord', 5, 3],
  ['Ost', 12.5, 4],
];

async function setup(extra: (ctx: XRequestContext) => void = () => {}): Promise<Simulator> {
  const sim = createSimulator(workbook({ Data: orders, Report: [] }));
  await sim.run(async (ctx) => {
    ctx.workbook.tables.add('Data!A1:C5', true).name = 'Orders';
    extra(ctx);
    await ctx.sync();
  });
  return sim;
}

async function formulasOn(sim: Simulator, sheet: string, cells: Record<string, string>): Promise<void> {
  await sim.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const [address, f] of Object.entries(cells)) ws.getRange(address).formulas = [[f]];
    await ctx.sync();
  });
}

async function values(sim: Simulator, sheet: string, address: string): Promise<CellValue[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load('values');
    await ctx.sync();
    return r.values;
  });
}

async function formulas(sim: Simulator, sheet: string, address: string): Promise<unknown[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load('formulas');
    await ctx.sync();
    return r.formulas;
  });
}

describe('worksheet formulas are calculated (Excel automatic calculation)', () => {
  test('functions users put over data: SUM, SUMIFS, COUNTIFS, AVERAGE, VLOOKUP, XLOOKUP, INDEX/MATCH over structured references', async () => {
    const sim = await setup();
    await formulasOn(sim, 'Report', {
      A1: '=SUM(Orders[Amount])',
      A2: '=SUMIFS(Orders[Amount],Orders[Region],"Nord")',
      A3: '=COUNTIFS(Orders[Region],"Nord")',
      A4: '=AVERAGE(Orders[Units])',
      A5: '=VLOOKUP("Ost",Orders,2,FALSE)',
      A6: '=XLOOKUP("Süd",Orders[Region],Orders[Units])',
      A7: '=INDEX(Orders[Units],MATCH("Ost",Orders[Region],0))',
      A8: '=ROWS(Orders[#All])',
      A9: '=XLOOKUP("West",Orders[Region],Orders[Units],"none")',
      A10: '=SUM(Data!B2:B5)',
    });
    // 5 + 0 + 5 + 12.5 = 22.5; Nord 5 + 5 = 10, 2 rows; units (1+2+3+4)/4 = 2.5.
    expect(await values(sim, 'Report', 'A1:A10')).toEqual([[22.5], [10], [2], [2.5], [12.5], [2], [4], [5], ['none'], [22.5]]);
  });

  test('a function neither library implements keeps the result the file cached (no invented #NAME?)', async () => {
    const model = workbook({ Data: orders });
    model.sheets[0]!.cells['0,5'] = { value: 'Nord, Süd', formula: '=TEXTJOIN(", ",TRUE,A2:A3)' };
    const sim = createSimulator(model);
    await formulasOn(sim, 'Data', { G1: '=SUM(B2:B5)' });
    expect(await values(sim, 'Data', 'F1:G1')).toEqual([['Nord, Süd', 22.5]]);
  });

  test('a string written through Range.values that starts with "=" becomes a formula; a cell formatted as Text ("@") keeps it as text', async () => {
    // Excel parses values as typed input (Range.values: "If the value starts with '=', it is
    // interpreted as a formula"); the Text format stops that (Format cells > Text).
    const sim = await setup();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Report');
      ws.getRange('B1').values = [['=SUM(Orders[Units])']];
      ws.getRange('B2').numberFormat = [['@']];
      ws.getRange('B2').values = [['=SUM(Orders[Units])']];
      ws.getRange('B3').numberFormat = [['@']];
      ws.getRange('B3').values = [['=WEBSERVICE("http://127.0.0.1/x")']];
      await ctx.sync();
    });
    expect(await values(sim, 'Report', 'B1:B3')).toEqual([[10], ['=SUM(Orders[Units])'], ['=WEBSERVICE("http://127.0.0.1/x")']]);
    expect(await formulas(sim, 'Report', 'B1')).toEqual([['=SUM(Orders[Units])']]);
  });
});

describe('references into deleted things become #REF! for good', () => {
  test('Table.delete: structured references, the table name and names over it break; a new table with the same name does not heal them', async () => {
    // Excel rewrites formulas that refer to a deleted table to #REF! ("Overview of Excel tables" /
    // "Using structured references with Excel tables": references name the table).
    const sim = await setup();
    await formulasOn(sim, 'Report', { A1: '=SUM(Orders[Amount])', A2: '=VLOOKUP("Ost",Orders,2,FALSE)', A3: '=SUM(Data!B2:B5)' });
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Orders').delete();
      await ctx.sync();
    });
    expect(await formulas(sim, 'Report', 'A1:A2')).toEqual([['=SUM(#REF!)'], ['=VLOOKUP("Ost",#REF!,2,FALSE)']]);
    // A1 references keep pointing at the (now empty) cells: clearing does not break them.
    expect(await values(sim, 'Report', 'A1:A3')).toEqual([['#REF!'], ['#REF!'], [0]]);
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('A1:C5').values = orders;
      ctx.workbook.tables.add('Data!A1:C5', true).name = 'Orders';
      await ctx.sync();
    });
    expect(await values(sim, 'Report', 'A1:A3')).toEqual([['#REF!'], ['#REF!'], [22.5]]);
  });

  test('clearing cells does not break references (Range.clear keeps the cells)', async () => {
    const sim = await setup();
    await formulasOn(sim, 'Report', { A1: '=SUM(Orders[Amount])', A2: '=Data!B5' });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('B2:B5').clear('Contents');
      await ctx.sync();
    });
    expect(await values(sim, 'Report', 'A1:A2')).toEqual([[0], [0]]);
    expect(await formulas(sim, 'Report', 'A1:A2')).toEqual([['=SUM(Orders[Amount])'], ['=Data!B5']]);
  });

  test('Worksheet.delete: A1 references, defined names and chart series on it become #REF!; a new sheet with the same name does not heal them', async () => {
    // "#REF! error": deleting a sheet a formula refers to shows #REF!.
    const sim = await setup((ctx) => {
      ctx.workbook.names.add('Amounts', '=Data!$B$2:$B$5');
      ctx.workbook.worksheets.getItem('Report').charts.add('ColumnClustered', ctx.workbook.worksheets.getItem('Data').getRange('A1:B5'), 'Columns');
    });
    await formulasOn(sim, 'Report', { A1: '=SUM(Data!B2:B5)', A2: '=SUM(Amounts)', A3: '=SUM(Orders[Units])' });
    expect(await values(sim, 'Report', 'A1:A3')).toEqual([[22.5], [22.5], [10]]);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').delete();
      ctx.workbook.worksheets.add('Data').getRange('A1:C5').values = orders;
      await ctx.sync();
    });
    expect(await values(sim, 'Report', 'A1:A3')).toEqual([['#REF!'], ['#REF!'], ['#REF!']]);
    const model = sim.toModel();
    expect(model.names.find((n) => n.name === 'Amounts')?.reference).toBe('=#REF!');
    expect(model.sheets.find((s) => s.name === 'Report')?.charts?.[0]?.series[0]?.valuesRef).toBe('#REF!');
  });

  test('deleting rows: references below shift up, references to deleted cells become #REF!, ranges that lose part of their cells shrink', async () => {
    // "Insert or delete rows and columns": Excel adjusts references; a formula whose cell was
    // deleted shows #REF!.
    const sim = await setup();
    await formulasOn(sim, 'Report', { A1: '=Data!B5', A2: '=Data!B3', A3: '=SUM(Data!B2:B5)', A4: '=SUM(Orders[Amount])' });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('3:3').delete('Up');
      await ctx.sync();
    });
    expect(await formulas(sim, 'Report', 'A1:A4')).toEqual([['=Data!B4'], ['=#REF!'], ['=SUM(Data!B2:B4)'], ['=SUM(Orders[Amount])']]);
    // The deleted row was Süd (-0): 5 + 5 + 12.5.
    expect(await values(sim, 'Report', 'A1:A4')).toEqual([[12.5], ['#REF!'], [22.5], [22.5]]);
  });

  test('rows inserted inside a table grow it and shift A1 references below; a calculated column fills the new row', async () => {
    const sim = await setup();
    await formulasOn(sim, 'Data', { D1: 'Double', D2: '=[@Units]*2', D3: '=[@Units]*2', D4: '=[@Units]*2', D5: '=[@Units]*2' });
    await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('Orders');
      t.resize('Data!A1:D5');
      await ctx.sync();
    });
    await formulasOn(sim, 'Report', { A1: '=Data!C5', A2: '=SUM(Data!C2:C5)', A3: '=SUM(Orders[Double])' });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('A3:D3').insert('Down');
      ws.getRange('A3:C3').values = [['West', 1, 10]];
      await ctx.sync();
    });
    expect(await formulas(sim, 'Report', 'A1:A2')).toEqual([['=Data!C6'], ['=SUM(Data!C2:C6)']]);
    expect(await formulas(sim, 'Data', 'D3')).toEqual([['=[@Units]*2']]);
    // Units 1 + 10 + 2 + 3 + 4 = 20; doubled 40.
    expect(await values(sim, 'Report', 'A1:A3')).toEqual([[4], [20], [40]]);
  });
});

describe('table columns', () => {
  test('TableColumn.delete turns references to that column into #REF! for good; TableColumnCollection.add inserts a column and moves cells right', async () => {
    // "Using structured references with Excel tables": a reference names the column; deleting the
    // column leaves #REF! in the formula text, so re-adding a column of that name does not heal it.
    const sim = await setup();
    await formulasOn(sim, 'Report', { A1: '=SUM(Orders[Units])', A2: '=SUM(Orders[Amount])', A3: '=Data!C3', A4: '=Data!D2' });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('D2').values = [['beside']];
      const t = ctx.workbook.tables.getItem('Orders');
      t.columns.add(1, undefined, 'Note');
      await ctx.sync();
    });
    // The new column B pushed Amount and Units right, and the cell beside the table too.
    expect(await formulas(sim, 'Report', 'A3:A4')).toEqual([['=Data!D3'], ['=Data!E2']]);
    expect(await values(sim, 'Data', 'A1:E1')).toEqual([['Region', 'Note', 'Amount', 'Units', '']]);
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Orders').columns.getItem('Units').delete();
      await ctx.sync();
    });
    expect(await formulas(sim, 'Report', 'A1:A3')).toEqual([['=SUM(#REF!)'], ['=SUM(Orders[Amount])'], ['=#REF!']]);
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Orders').columns.add(null, undefined, 'Units');
      await ctx.sync();
    });
    expect(await values(sim, 'Report', 'A1:A2')).toEqual([['#REF!'], [22.5]]);
  });

  test('NamedItem.formula (ExcelApi 1.7) moves a name without deleting it; a name can be a structured reference that follows its table', async () => {
    const sim = await setup((ctx) => {
      ctx.workbook.names.add('Box', '=Data!$A$1:$A$2');
      ctx.workbook.names.add('All', '=Orders[#All]');
    });
    await formulasOn(sim, 'Report', { A1: '=ROWS(Box)', A2: '=ROWS(All)' });
    await sim.run(async (ctx) => {
      ctx.workbook.names.getItem('Box').formula = '=Data!$A$1:$A$5';
      ctx.workbook.worksheets.getItem('Data').getRange('A6:C6').values = [['West', 1, 1]];
      ctx.workbook.tables.getItem('Orders').resize('Data!A1:C6');
      await ctx.sync();
    });
    expect(await values(sim, 'Report', 'A1:A2')).toEqual([[5], [6]]);
  });
});

describe('Table.resize (ExcelApi 1.13)', () => {
  test('structured references stay valid and cover the new size; name, style and calculated columns stay', async () => {
    // Excel.Table.resize: "The new range must overlap with the original table range and the
    // headers (or the top of the table) must be in the same row."
    // https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
    const sim = await setup((ctx) => { ctx.workbook.tables.getItem('Orders').style = 'TableStyleLight1'; });
    await formulasOn(sim, 'Data', { D1: 'Half', D2: '=[@Amount]/2', D3: '=[@Amount]/2', D4: '=[@Amount]/2', D5: '=[@Amount]/2' });
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Orders').resize('Data!A1:D5');
      await ctx.sync();
    });
    await formulasOn(sim, 'Report', { A1: '=SUM(Orders[Amount])', A2: '=COUNTIFS(Orders[Region],"Nord")', A3: '=SUM(Orders[Half])' });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('A6:C7').values = [['Nord', 100, 1], ['Nord', 1, 1]];
      ctx.workbook.tables.getItem('Orders').resize('Data!A1:D7');
      await ctx.sync();
    });
    expect(await values(sim, 'Report', 'A1:A3')).toEqual([[123.5], [4], [61.75]]);
    expect(await formulas(sim, 'Data', 'D6:D7')).toEqual([['=[@Amount]/2'], ['=[@Amount]/2']]);
    const t = sim.toModel().tables[0]!;
    expect(t).toMatchObject({ name: 'Orders', address: 'A1:D7', style: 'TableStyleLight1' });
    // Shrinking to one row: references cover just that row.
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Orders').resize('Data!A1:D2');
      ctx.workbook.worksheets.getItem('Data').getRange('A3:D7').clear();
      await ctx.sync();
    });
    expect(await values(sim, 'Report', 'A1:A3')).toEqual([[5], [1], [2.5]]);
  });

  test('errors as Excel: header row moved, no overlap, overlapping another table; unsupported before 1.13', async () => {
    const sim = await setup((ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('F1:G2').values = [['x', 'y'], [1, 2]];
      ctx.workbook.tables.add('Data!F1:G2', true).name = 'Other';
    });
    const resize = (address: string) => sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Orders').resize(address);
      await ctx.sync();
    });
    await expectExcelError(resize('Data!A2:C6'), 'InvalidArgument');
    await expectExcelError(resize('Data!H1:I3'), 'InvalidArgument');
    await expectExcelError(resize('Data!A1:F5'), 'InvalidOperation');
    const old = createSimulator(workbook({ Data: orders }), { supportedApiVersion: '1.8' });
    await old.run(async (ctx) => {
      ctx.workbook.tables.add('Data!A1:C5', true);
      await ctx.sync();
    });
    await expectExcelError(old.run(async (ctx) => {
      ctx.workbook.tables.getItem('Table1').resize('Data!A1:C6');
      await ctx.sync();
    }), 'ApiNotFound');
  });
});

describe('charts over tables', () => {
  test('a chart made from a table follows Table.resize: its series cover the new rows', async () => {
    // Excel keeps a chart built on a table in step with the table as rows are added or removed
    // ("Create a chart from start to finish": format the data as a table so the chart updates).
    const sim = await setup((ctx) => {
      ctx.workbook.worksheets.getItem('Report').charts.add('ColumnClustered', ctx.workbook.tables.getItem('Orders').getRange(), 'Columns');
    });
    const dims = () => sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Report').charts.getItemAt(0).series.getItemAt(0).getDimensionValues('Values');
      await ctx.sync();
      return s.value;
    });
    expect(await dims()).toEqual(['5', '0', '5', '12.5']);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A6:C6').values = [['West', 7, 1]];
      ctx.workbook.tables.getItem('Orders').resize('Data!A1:C6');
      await ctx.sync();
    });
    expect(await dims()).toEqual(['5', '0', '5', '12.5', '7']);
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Orders').resize('Data!A1:C2');
      await ctx.sync();
    });
    expect(await dims()).toEqual(['5']);
  });
});

describe('PivotTables and charts over deleted sources', () => {
  test("a PivotTable whose source table was deleted fails to refresh with Excel's error, also after a table of the same name comes back", async () => {
    const sim = await setup();
    await sim.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Report').pivotTables.add('ByRegion', ctx.workbook.tables.getItem('Orders'), 'Report!D3');
      p.rowHierarchies.add(p.hierarchies.getItem('Region'));
      p.dataHierarchies.add(p.hierarchies.getItem('Amount'));
      await ctx.sync();
    });
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Orders').delete();
      ctx.workbook.worksheets.getItem('Data').getRange('A1:C5').values = orders;
      ctx.workbook.tables.add('Data!A1:C5', true).name = 'Orders';
      await ctx.sync();
    });
    const error = await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.pivotTables.getItem('ByRegion').refresh();
      await ctx.sync();
    }), 'InvalidReference');
    expect(error.message).toBe("Reference isn't valid.");
  });

  test('a PivotTable over a range on a deleted sheet, or over deleted rows, fails to refresh the same way', async () => {
    for (const remove of ['sheet', 'rows'] as const) {
      const sim = await setup();
      await sim.run(async (ctx) => {
        const p = ctx.workbook.worksheets.getItem('Report').pivotTables.add('R', ctx.workbook.worksheets.getItem('Data').getRange('A1:C3'), 'Report!D3');
        p.rowHierarchies.add(p.hierarchies.getItem('Region'));
        p.dataHierarchies.add(p.hierarchies.getItem('Amount'));
        await ctx.sync();
      });
      await sim.run(async (ctx) => {
        if (remove === 'sheet') ctx.workbook.worksheets.getItem('Data').delete();
        else ctx.workbook.worksheets.getItem('Data').getRange('1:3').delete('Up');
        await ctx.sync();
      });
      const error = await expectExcelError(sim.run(async (ctx) => {
        ctx.workbook.pivotTables.getItem('R').refresh();
        await ctx.sync();
      }), 'InvalidReference');
      expect(error.message, remove).toBe("Reference isn't valid.");
    }
  });
});
