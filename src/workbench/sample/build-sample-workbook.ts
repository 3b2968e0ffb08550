/**
 * The workbook a newcomer sees first in the workbench: a "Sales" sheet holding the Excel table
 * "Sales" (20,000 orders × 11 columns) and a "Summary" sheet with the PivotTable "SalesPivot"
 * over it (Region > Category rows; Sum of Revenue and Count of Units).
 */
import type { CellModel, PivotModel, SheetModel, TableModel, WorkbookModel } from '../../simulator/model';
import { columnName } from '../../engine/address/a1';
import { generateSalesRows, SALES_COLUMNS, type SalesOptions, type SalesRow } from './sales-rows';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const CURRENCY_FORMAT = '$#,##0.00';
/** Whole-dollar format for the pivot's revenue totals, as a user would pick in Value Field Settings. */
export const PIVOT_REVENUE_FORMAT = '$#,##0';

/**
 * Builds the sample workbook. Deterministic: the same options give the same workbook.
 * @example
 * const wb = buildSampleWorkbook();
 * wb.tables[0].address; // "A1:K20001"
 * wb.pivots[0].name;    // "SalesPivot"
 */
export function buildSampleWorkbook(options: SalesOptions = {}): WorkbookModel {
  const rows = generateSalesRows(options);
  return sampleWorkbookOf(buildSalesSheet(rows), rows.length);
}

/**
 * The sample workbook with the Sales table sized for `rowCount` orders but only its header
 * written: a workbook model keeps a sheet's cells in one object, and past about 700,000 rows
 * (8 million cells) the browser cannot enumerate it. The rows then go in through the Excel API
 * (see fill-sales-rows.ts), as a user's paste would.
 * @example sampleWithEmptySales(1_000_000).tables[0].address; // "A1:K1000001"
 */
export function sampleWithEmptySales(rowCount: number): WorkbookModel {
  return sampleWorkbookOf(buildSalesSheet([]), rowCount);
}

function sampleWorkbookOf(salesSheet: SheetModel, rowCount: number): WorkbookModel {
  const table: TableModel = {
    name: 'Sales',
    sheet: 'Sales',
    address: `A1:${columnName(SALES_COLUMNS.length - 1)}${rowCount + 1}`,
    showHeaders: true,
    showTotals: false,
    // Excel's default style for Insert > Table.
    style: 'TableStyleMedium2',
  };
  return {
    name: 'PivotDeck sample.xlsx',
    sheets: [salesSheet, { name: 'Summary', cells: {} }],
    tables: [table],
    pivots: [buildSalesPivot()],
    names: [],
    settings: {},
    activeSheet: 0,
  };
}

/**
 * Excel's defaults for a PivotTable inserted with Insert > PivotTable: compact layout, subtotals
 * shown at the top of each group (the xlsx `subtotalTop` attribute defaults to true and Excel's
 * Design > Subtotals menu starts on "Show all Subtotals at Top of Group"), grand totals for rows
 * and columns, body anchored at A3 on a new sheet (rows 1-2 are left for report filters).
 */
function buildSalesPivot(): PivotModel {
  return {
    name: 'SalesPivot',
    sheet: 'Summary',
    anchor: 'A3',
    source: { kind: 'table', table: 'Sales' },
    rows: [{ name: 'Region' }, { name: 'Category' }],
    columns: [],
    filters: [],
    data: [
      { field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum', numberFormat: PIVOT_REVENUE_FORMAT },
      { field: 'Units', name: 'Count of Units', summarizeBy: 'Count' },
    ],
    valuesOn: 'columns',
    layout: 'Compact',
    subtotalLocation: 'AtTop',
    showRowGrandTotals: true,
    showColumnGrandTotals: true,
  };
}

function buildSalesSheet(rows: SalesRow[]): SheetModel {
  const cells: Record<string, CellModel> = {};
  SALES_COLUMNS.forEach((name, col) => { cells[`0,${col}`] = { value: name }; });
  // Keys are built from a per-row prefix: 220,000 template strings were a third of the build time.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const p = `${i + 1},`;
    cells[`${p}0`] = { value: r.date, numberFormat: DATE_FORMAT };
    cells[`${p}1`] = { value: r.region };
    cells[`${p}2`] = { value: r.country };
    // An unrecorded channel is an empty cell, which Excel reads back as "".
    if (r.channel !== '') cells[`${p}3`] = { value: r.channel };
    cells[`${p}4`] = { value: r.product };
    cells[`${p}5`] = { value: r.category };
    cells[`${p}6`] = { value: r.customer };
    cells[`${p}7`] = { value: r.units };
    cells[`${p}8`] = { value: r.unitPrice, numberFormat: CURRENCY_FORMAT };
    cells[`${p}9`] = { value: r.revenue, numberFormat: CURRENCY_FORMAT };
    cells[`${p}10`] = { value: r.cost, numberFormat: CURRENCY_FORMAT };
  }
  return { name: 'Sales', cells };
}
