/**
 * The renderer against PivotTables saved by Microsoft Excel. Every expected grid below was
 * transcribed by hand from the cells Excel stored in the workbooks listed in
 * ../shared/fixtures/excel-pivots/README.md (xl/worksheets/sheetN.xml), and every expected range
 * from the pivot's <location ref firstDataRow firstDataCol> (xl/pivotTables/pivotTableN.xml),
 * using MS-XLSB 2.2.5.3.8.1. Localised captions (a Russian Excel saved the closedxml file) are
 * given in en-US. Tests never read ../shared: the small source tables are copied here.
 */
import { describe, expect, it } from 'vitest';
import { renderPivot, type PivotModelWithClassic } from '../../src/simulator/pivot/render';
import { dataField, expectGrid, field, pivot, table } from './pivot-render-helpers';

// apache/poi test-data/spreadsheet/WithChartSheet.xlsx, Sheet1!A1:D13.
const poiSales = table(['Year', 'Category', 'Cost', 'Revenue'], [
  [2005, 'Books', 889017, 1140362.5],
  [2005, 'Electronics', 13114909, 15883893],
  [2005, 'mMovies', 768187, 823227.875],
  [2005, 'MMusic', 583350, 626592.1875],
  [2006, 'Books', 1025796, 1320585.375],
  [2006, 'Electronics', 15910763, 19299870],
  [2006, 'mMovies', 961323, 1032390.813],
  [2006, 'MMusic', 695300, 748966],
  [2007, 'Books', 1218726, 1563287.125],
  [2007, 'Electronics', 19524378, 23654030],
  [2007, 'mMovies', 1241525, 1333126.375],
  [2007, 'MMusic', 875455, 940136.1875],
]);

// ClosedXML LoadPivotTables.xlsx, PastrySalesData!A1:E16.
const pastry = table(['Group', 'Name', 'NumberOfOrders', 'Quality', 'Month'], [
  ['Sweet', 'Croissant', 150, 60.2, 'Apr'],
  ['Sweet', 'Croissant', 250, 50.42, 'May'],
  ['Sweet', 'Croissant', 134, 22.12, 'June'],
  ['Sweet', 'Doughnut', 250, 89.99, 'Apr'],
  ['Sweet', 'Doughnut', 225, 70, 'May'],
  ['Sweet', 'Doughnut', 210, 75.33, 'June'],
  ['Sweet', 'Bearclaw', 134, 10.24, 'Apr'],
  ['Sweet', 'Bearclaw', 184, 33.33, 'May'],
  ['Sweet', 'Bearclaw', 124, 25, 'June'],
  ['Sweet', 'Danish', 394, -20.24, 'Apr'],
  ['Sweet', 'Danish', 190, 60, 'May'],
  ['Sweet', 'Danish', 221, 24.76, 'June'],
  ['Nourishing', 'Scone', 135, 0, 'Apr'],
  ['Nourishing', 'Scone', 122, 5.19, 'May'],
  ['Nourishing', 'Scone', 243, 44.2, 'June'],
]);

// SheetJS test_files pivot_table_test.xlsm, Data!A1:C9.
const sports = table(['Sport', 'Quarter', 'Sales'], [
  ['Golf', 'Qtr3', 1500],
  ['Golf', 'Qtr4', 2000],
  ['Tennis', 'Qtr3', 600],
  ['Tennis', 'Qtr4', 1500],
  ['Tennis', 'Qtr1', 4070],
  ['Tennis', 'Qtr2', 5000],
  ['Golf', 'Qtr1', 6969],
  ['Golf', 'Qtr2', 6430],
]);

const costRevenue = [dataField('Cost'), dataField('Revenue')];

describe('renderPivot against Excel-saved fixtures', () => {
  it('poi 54436: compact, one row field, Sum, grand total row (Sheet1!A8:B11)', () => {
    const src = table(['Category', 'Question', 'Score'], [
      ['Category 1', 'Question 1', 1], ['Category 1', 'Question 2', 2],
      ['Category 2', 'Question 3', 3], ['Category 2', 'Question 4', 4], ['Category 2', 'Question 5', 5],
    ]);
    const out = renderPivot(pivot({ anchor: 'A8', rows: [field('Category')], data: [dataField('Score')] }), src);
    expectGrid(out.values, [
      ['Row Labels', 'Sum of Score'],
      ['Category 1', 3],
      ['Category 2', 12],
      ['Grand Total', 15],
    ]);
    // location ref="A8:B11" firstDataRow="1" firstDataCol="1"
    expect(out.range).toBe('A8:B11');
    expect(out.columnLabelRange).toBe('B8');
    expect(out.rowLabelRange).toBe('A9:A11');
    expect(out.dataBodyRange).toBe('B9:B11');
    expect(out.filterRange).toBeUndefined();
  });

  it('poi WithChartSheet Sheet2: tabular, Year + Values on columns, grand totals off (A3:G9)', () => {
    const out = renderPivot(pivot({
      layout: 'Tabular', rows: [field('Category')], columns: [field('Year')], data: costRevenue,
      showRowGrandTotals: false, showColumnGrandTotals: false,
    }), poiSales);
    expectGrid(out.values, [
      ['', 'Year', 'Values', '', '', '', ''],
      ['', 2005, '', 2006, '', 2007, ''],
      ['Category', 'Sum of Cost', 'Sum of Revenue', 'Sum of Cost', 'Sum of Revenue', 'Sum of Cost', 'Sum of Revenue'],
      ['Books', 889017, 1140362.5, 1025796, 1320585.375, 1218726, 1563287.125],
      ['Electronics', 13114909, 15883893, 15910763, 19299870, 19524378, 23654030],
      ['mMovies', 768187, 823227.875, 961323, 1032390.813, 1241525, 1333126.375],
      ['MMusic', 583350, 626592.1875, 695300, 748966, 875455, 940136.1875],
    ]);
    // location ref="A3:G9" firstDataRow="3" firstDataCol="1"
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A3:G9', 'B3:G5', 'A6:A9', 'B6:G9']);
  });

  it('poi WithChartSheet Sheet3: the same in compact form ("Column Labels", "Row Labels")', () => {
    const out = renderPivot(pivot({
      rows: [field('Category')], columns: [field('Year')], data: costRevenue,
      showRowGrandTotals: false, showColumnGrandTotals: false,
    }), poiSales);
    expectGrid(out.values, [
      ['', 'Column Labels', '', '', '', '', ''],
      ['', 2005, '', 2006, '', 2007, ''],
      ['Row Labels', 'Sum of Cost', 'Sum of Revenue', 'Sum of Cost', 'Sum of Revenue', 'Sum of Cost', 'Sum of Revenue'],
      ['Books', 889017, 1140362.5, 1025796, 1320585.375, 1218726, 1563287.125],
      ['Electronics', 13114909, 15883893, 15910763, 19299870, 19524378, 23654030],
      ['mMovies', 768187, 823227.875, 961323, 1032390.813, 1241525, 1333126.375],
      ['MMusic', 583350, 626592.1875, 695300, 748966, 875455, 940136.1875],
    ]);
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A3:G9', 'B3:G5', 'A6:A9', 'B6:G9']);
  });

  it('poi WithChartSheet Sheet4: compact, Category > Year, subtotals at top, Values caption (A3:C21)', () => {
    const out = renderPivot(pivot({ rows: [field('Category'), field('Year')], data: costRevenue }), poiSales);
    expectGrid(out.values, [
      ['', 'Values', ''],
      ['Row Labels', 'Sum of Cost', 'Sum of Revenue'],
      ['Books', 3133539, 4024235],
      [2005, 889017, 1140362.5],
      [2006, 1025796, 1320585.375],
      [2007, 1218726, 1563287.125],
      ['Electronics', 48550050, 58837793],
      [2005, 13114909, 15883893],
      [2006, 15910763, 19299870],
      [2007, 19524378, 23654030],
      ['mMovies', 2971035, 3188745.063],
      [2005, 768187, 823227.875],
      [2006, 961323, 1032390.813],
      [2007, 1241525, 1333126.375],
      ['MMusic', 2154105, 2315694.375],
      [2005, 583350, 626592.1875],
      [2006, 695300, 748966],
      [2007, 875455, 940136.1875],
      ['Grand Total', 56808729, 68366467.438],
    ]);
    // location ref="A3:C21" firstDataRow="2" firstDataCol="1"
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A3:C21', 'B3:C4', 'A5:A21', 'B5:C21']);
  });

  it('poi WithChartSheet Sheet5: tabular, Year + Values on rows, Category columns, both totals (A3:G12)', () => {
    const out = renderPivot(pivot({
      layout: 'Tabular', rows: [field('Year')], columns: [field('Category')], data: costRevenue, valuesOn: 'rows',
    }), poiSales);
    // Excel 2003 created this pivot, so its Values field is captioned "Data" (dataCaption="Data");
    // Excel 2007+ and our renderer say "Values".
    expectGrid(out.values, [
      ['', '', 'Category', '', '', '', ''],
      ['Year', 'Values', 'Books', 'Electronics', 'mMovies', 'MMusic', 'Grand Total'],
      [2005, 'Sum of Cost', 889017, 13114909, 768187, 583350, 15355463],
      ['', 'Sum of Revenue', 1140362.5, 15883893, 823227.875, 626592.1875, 18474075.5625],
      [2006, 'Sum of Cost', 1025796, 15910763, 961323, 695300, 18593182],
      ['', 'Sum of Revenue', 1320585.375, 19299870, 1032390.813, 748966, 22401812.188],
      [2007, 'Sum of Cost', 1218726, 19524378, 1241525, 875455, 22860084],
      ['', 'Sum of Revenue', 1563287.125, 23654030, 1333126.375, 940136.1875, 27490579.6875],
      ['Total Sum of Cost', '', 3133539, 48550050, 2971035, 2154105, 56808729],
      ['Total Sum of Revenue', '', 4024235, 58837793, 3188745.063, 2315694.375, 68366467.438],
    ]);
    // location ref="A3:G12" firstDataRow="2" firstDataCol="2"
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A3:G12', 'C3:G4', 'A5:B12', 'C5:G12']);
  });

  it('closedxml OrderedPivotTable: compact, Name ascending, Month descending (A1:E8)', () => {
    const out = renderPivot(pivot({
      anchor: 'A1',
      rows: [field('Name')],
      // sortType="descending" on Month: the file's items order is May, June, Apr.
      columns: [field('Month', { itemOrder: ['May', 'June', 'Apr'] })],
      data: [dataField('NumberOfOrders')],
    }), pastry);
    expectGrid(out.values, [
      ['Sum of NumberOfOrders', 'Column Labels', '', '', ''],
      ['Row Labels', 'May', 'June', 'Apr', 'Grand Total'],
      ['Bearclaw', 184, 124, 134, 442],
      ['Croissant', 250, 134, 150, 534],
      ['Danish', 190, 221, 394, 805],
      ['Doughnut', 225, 210, 250, 685],
      ['Scone', 122, 243, 135, 500],
      ['Grand Total', 971, 932, 1063, 2966],
    ]);
    // location ref="A1:E8" firstDataRow="2" firstDataCol="1"
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A1:E8', 'B1:E2', 'A3:A8', 'B3:E8']);
  });

  it('closedxml PivotTableSubtotals: custom subtotals Sum + Count + Average below each group (A1:E16)', () => {
    const out = renderPivot(pivot({
      anchor: 'A1',
      rows: [
        field('Group', { subtotals: ['Sum', 'Count', 'Average'] }),
        // Items in the file's order (the cache's first-appearance order).
        field('Name', { itemOrder: ['Croissant', 'Doughnut', 'Bearclaw', 'Danish', 'Scone'] }),
      ],
      columns: [field('Month')],
      data: [dataField('NumberOfOrders')],
    }), pastry);
    expectGrid(out.values, [
      ['Sum of NumberOfOrders', 'Column Labels', '', '', ''],
      ['Row Labels', 'Apr', 'June', 'May', 'Grand Total'],
      ['Nourishing', '', '', '', ''],
      ['Scone', 135, 243, 122, 500],
      ['Nourishing Sum', 135, 243, 122, 500],
      ['Nourishing Count', 1, 1, 1, 3],
      ['Nourishing Average', 135, 243, 122, 166.66666666666666],
      ['Sweet', '', '', '', ''],
      ['Croissant', 150, 134, 250, 534],
      ['Doughnut', 250, 210, 225, 685],
      ['Bearclaw', 134, 124, 184, 442],
      ['Danish', 394, 221, 190, 805],
      ['Sweet Sum', 928, 689, 849, 2466],
      ['Sweet Count', 4, 4, 4, 12],
      ['Sweet Average', 232, 172.25, 212.25, 205.5],
      ['Grand Total', 1063, 932, 971, 2966],
    ]);
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A1:E16', 'B1:E2', 'A3:A16', 'B3:E16']);
  });

  it('closedxml PivotTable1: compact, Name in file order, Month ascending by default (A1:E8)', () => {
    const out = renderPivot(pivot({
      anchor: 'A1',
      rows: [field('Name', { itemOrder: ['Croissant', 'Doughnut', 'Bearclaw', 'Danish', 'Scone'] })],
      columns: [field('Month')],
      data: [dataField('NumberOfOrders')],
    }), pastry);
    expectGrid(out.values, [
      ['Sum of NumberOfOrders', 'Column Labels', '', '', ''],
      ['Row Labels', 'Apr', 'June', 'May', 'Grand Total'],
      ['Croissant', 150, 134, 250, 534],
      ['Doughnut', 250, 210, 225, 685],
      ['Bearclaw', 134, 124, 184, 442],
      ['Danish', 394, 221, 190, 805],
      ['Scone', 135, 243, 122, 500],
      ['Grand Total', 1063, 932, 971, 2966],
    ]);
  });

  it('LibreOffice outline mode via ClosedXML: outline, two row fields, subtotals at top (F1:H8)', () => {
    const src = table(['field1', 'field2', 'field3'], [[1, 'a', 1], [1, 's', 2], [2, 'a', 2], [2, 's', 1]]);
    const out = renderPivot(pivot({
      anchor: 'F1', layout: 'Outline', rows: [field('field1'), field('field2')], data: [dataField('field3')],
    }), src);
    expectGrid(out.values, [
      ['field1', 'field2', 'Sum of field3'],
      [1, '', 3],
      ['', 'a', 1],
      ['', 's', 2],
      [2, '', 3],
      ['', 'a', 2],
      ['', 's', 1],
      ['Grand Total', '', 6],
    ]);
    // location ref="F1:H8" firstDataRow="1" firstDataCol="2"
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['F1:H8', 'H1', 'F2:G8', 'H2:H8']);
  });

  it('sheetjs PivotTable1: compact, Quarter columns in file order, no grand total column (A3:E7)', () => {
    const currency = '"$"#,##0_);[Red]\\("$"#,##0\\)';
    const out = renderPivot(pivot({
      rows: [field('Sport')],
      columns: [field('Quarter', { itemOrder: ['Qtr3', 'Qtr4', 'Qtr1', 'Qtr2'] })],
      data: [dataField('Sales', 'Sum', { numberFormat: currency })],
      // The file says colGrandTotals="0": OOXML's name for what Office.js calls row grand totals.
      showRowGrandTotals: false,
    }), sports);
    expectGrid(out.values, [
      ['Sum of Sales', 'Column Labels', '', '', ''],
      ['Row Labels', 'Qtr3', 'Qtr4', 'Qtr1', 'Qtr2'],
      ['Golf', 1500, 2000, 6969, 6430],
      ['Tennis', 600, 1500, 4070, 5000],
      ['Grand Total', 2100, 3500, 11039, 11430],
    ]);
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A3:E7', 'B3:E4', 'A5:A7', 'B5:E7']);
    expect(out.numberFormats[2]).toEqual(['General', currency, currency, currency, currency]);
    expect(out.numberFormats[1]).toEqual(['General', 'General', 'General', 'General', 'General']);
  });

  it('sheetjs PivotTable2: tabular, Quarter rows sorted ascending, Sport columns (A3:C9)', () => {
    const out = renderPivot(pivot({
      layout: 'Tabular', rows: [field('Quarter')], columns: [field('Sport')], data: [dataField('Sales')],
      showRowGrandTotals: false,
    }), sports);
    expectGrid(out.values, [
      ['Sum of Sales', 'Sport', ''],
      ['Quarter', 'Golf', 'Tennis'],
      ['Qtr1', 6969, 4070],
      ['Qtr2', 6430, 5000],
      ['Qtr3', 1500, 600],
      ['Qtr4', 2000, 1500],
      ['Grand Total', 16899, 11170],
    ]);
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A3:C9', 'B3:C4', 'A5:A9', 'B5:C9']);
  });

  it('sheetjs PivotTable3: classic outline, Sport > Quarter, no column fields: caption row and "Total" (A3:C15)', () => {
    const model: PivotModelWithClassic = {
      ...pivot({
        layout: 'Outline',
        rows: [field('Sport'), field('Quarter', { itemOrder: ['Qtr3', 'Qtr4', 'Qtr1', 'Qtr2'] })],
        data: [dataField('Sales')],
      }),
      classicLayout: true,
    };
    const out = renderPivot(model, sports);
    expectGrid(out.values, [
      ['Sum of Sales', '', ''],
      ['Sport', 'Quarter', 'Total'],
      ['Golf', '', 16899],
      ['', 'Qtr3', 1500],
      ['', 'Qtr4', 2000],
      ['', 'Qtr1', 6969],
      ['', 'Qtr2', 6430],
      ['Tennis', '', 11170],
      ['', 'Qtr3', 600],
      ['', 'Qtr4', 1500],
      ['', 'Qtr1', 4070],
      ['', 'Qtr2', 5000],
      ['Grand Total', '', 28069],
    ]);
    // location ref="A3:C15" firstDataRow="2" firstDataCol="2"
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A3:C15', 'C3:C4', 'A5:B15', 'C5:C15']);
  });

  it('poi WithChartSheet Sheet6: classic tabular, Year + Values on rows, no column fields (A3:C11)', () => {
    const model: PivotModelWithClassic = {
      ...pivot({ layout: 'Tabular', rows: [field('Year')], data: costRevenue, valuesOn: 'rows' }),
      classicLayout: true,
    };
    const out = renderPivot(model, poiSales);
    // "Data" in the file is this Excel 2003 pivot's caption of the Values field.
    expectGrid(out.values, [
      ['Year', 'Values', 'Total'],
      [2005, 'Sum of Cost', 15355463],
      ['', 'Sum of Revenue', 18474075.5625],
      [2006, 'Sum of Cost', 18593182],
      ['', 'Sum of Revenue', 22401812.188],
      [2007, 'Sum of Cost', 22860084],
      ['', 'Sum of Revenue', 27490579.6875],
      ['Total Sum of Cost', '', 56808729],
      ['Total Sum of Revenue', '', 68366467.438],
    ]);
    // location ref="A3:C11" firstDataRow="1" firstDataCol="2"
    expect([out.range, out.columnLabelRange, out.rowLabelRange, out.dataBodyRange])
      .toEqual(['A3:C11', 'C3', 'A4:B11', 'C4:C11']);
  });
});
