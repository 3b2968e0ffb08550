import {
  detectUnsupported, ExtensionError, SUBTOTAL_ORDER,
  type PivotDataFieldSnapshot, type PivotFieldSnapshot, type PivotFunction, type PivotLayoutType, type PivotSnapshot,
  type SheetBlock, type SubtotalLocation, type XlValue,
} from '../../engine/pivot-extension';
import type { ExcelRun, XPivotField, XRange, XRowColumnPivotHierarchy, XFilterPivotHierarchy } from '../api';
import { columnName } from '../../engine/address';
import { explainExcelError, excelErrorCode, isPayloadTooLarge } from '../errors';
import { readRangeValues } from '../read-range-values';

export interface ReadPivotOptions {
  /** `host.isSetSupported('ExcelApi', '1.15')`: needed for `getDataSourceString/Type`. */
  canReadDataSource: boolean;
  /**
   * The worksheet the pivot sits on. PivotTable names are unique per sheet only, so two sheets
   * may each hold a "PivotTable1"; without the sheet the workbook-level lookup may find the other.
   */
  sheet?: string;
}

/** Said when the host lacks ExcelApi 1.15. */
export const NEEDS_EXCEL_365 =
  'PivotDeck needs Excel for Microsoft 365, Excel 2024 or Excel on the web (ExcelApi 1.15) to find a PivotTable\'s source data; volume-licensed Excel 2021 stops at ExcelApi 1.14. Update Excel, or open this workbook in Excel on the web.';

const FIELD_PROPS = ['name', 'fields/items/name', 'fields/items/subtotals', 'fields/items/items/items/name', 'fields/items/items/items/visible'];
const RANGE_PROPS = 'address, rowIndex, columnIndex, rowCount, columnCount';

/**
 * Reads everything PivotDeck needs to know about one PivotTable in one sync: layout flags,
 * row/column/filter fields with their items' visibility (item filters and page selections),
 * value fields (summarizeBy, number format, show-as), the data source, and the rendered row
 * labels and data body with their values. A second sync happens only if the rendered cells do
 * not fit in one 5 MB response, in which case they are read in chunks.
 *
 * @example
 * const snapshot = await readPivot(host.run, 'SalesPivot', { canReadDataSource: host.isSetSupported('ExcelApi', '1.15') });
 */
export async function readPivot(run: ExcelRun, pivotName: string, options: ReadPivotOptions): Promise<PivotSnapshot> {
  if (!options.canReadDataSource) throw new ExtensionError('unsupported', NEEDS_EXCEL_365);
  try {
    return await readOnce(run, pivotName, options.sheet, 'full');
  } catch (error) {
    if (!isPayloadTooLarge(error)) {
      // Excel may refuse the layout ranges of a pivot we cannot use anyway (OLAP, Data Model):
      // read the fields alone so the user hears why, not a bare Excel error.
      const meta = await readOnce(run, pivotName, options.sheet, 'fieldsOnly').catch(() => undefined);
      const reasons = meta ? detectUnsupported(meta) : [];
      if (reasons.length > 0) throw new ExtensionError('unsupported', reasons.join('\n'));
      throw translate(error, pivotName, options.sheet);
    }
  }
  // A pivot too big for one response: metadata first, then the cells in chunks.
  const meta = await readOnce(run, pivotName, options.sheet, 'noValues').catch((error: unknown) => { throw translate(error, pivotName, options.sheet); });
  const [labels, body] = await Promise.all([
    readRangeValues(run, meta.sheet, addressOf(meta.rowLabels)),
    readRangeValues(run, meta.sheet, addressOf(meta.dataBody)),
  ]);
  return { ...meta, rowLabels: { ...meta.rowLabels, values: labels.values as XlValue[][] }, dataBody: { ...meta.dataBody, values: body.values as XlValue[][] } };
}

function translate(error: unknown, pivotName: string, sheet: string | undefined): Error {
  if (error instanceof ExtensionError) return error;
  if (excelErrorCode(error) === 'ItemNotFound') {
    const where = sheet === undefined ? 'in this workbook' : `on the sheet "${sheet}"`;
    return new ExtensionError('unsupported', `There is no PivotTable named "${pivotName}" ${where} any more (renamed, moved or deleted?). Choose the PivotTable again.`);
  }
  return new Error(explainExcelError(error, `read the PivotTable "${pivotName}"`));
}

async function readOnce(run: ExcelRun, pivotName: string, sheet: string | undefined, mode: 'full' | 'noValues' | 'fieldsOnly'): Promise<PivotSnapshot> {
  const withValues = mode === 'full';
  return run(async (context) => {
    const pivots = sheet === undefined ? context.workbook.pivotTables : context.workbook.worksheets.getItem(sheet).pivotTables;
    const pivot = pivots.getItem(pivotName);
    // Without a sheet, find out in the same sync whether the name is ambiguous: Excel's
    // workbook-level getItem would then silently pick one of the namesakes.
    const all = sheet === undefined ? context.workbook.pivotTables.load('items/name, items/worksheet/name') : undefined;
    pivot.load([
      'name', 'worksheet/name',
      'layout/layoutType', 'layout/subtotalLocation', 'layout/showRowGrandTotals', 'layout/showColumnGrandTotals',
      ...FIELD_PROPS.map((p) => `rowHierarchies/items/${p}`),
      ...FIELD_PROPS.map((p) => `columnHierarchies/items/${p}`),
      ...FIELD_PROPS.map((p) => `filterHierarchies/items/${p}`),
      'dataHierarchies/items/name', 'dataHierarchies/items/summarizeBy', 'dataHierarchies/items/numberFormat',
      'dataHierarchies/items/showAs', 'dataHierarchies/items/field/name',
    ]);
    const sourceText = pivot.getDataSourceString();
    const sourceType = pivot.getDataSourceType();
    const cellProps = withValues ? `${RANGE_PROPS}, values` : RANGE_PROPS;
    const ranges = mode === 'fieldsOnly' ? undefined : {
      range: pivot.layout.getRange().load(RANGE_PROPS),
      rowLabels: pivot.layout.getRowLabelRange().load(cellProps),
      dataBody: pivot.layout.getDataBodyRange().load(cellProps),
    };
    await context.sync();
    const namesakes = all?.items.filter((p) => p.name.toLowerCase() === pivotName.toLowerCase()) ?? [];
    if (namesakes.length > 1) {
      throw new ExtensionError('unsupported', `PivotDeck cannot tell which PivotTable named "${pivotName}" this extension belongs to: there is one on each of the sheets ${namesakes.map((p) => `"${p.worksheet.name}"`).join(', ')}. Choose the PivotTable again and add the measures to it.`);
    }
    const none = { row: 0, column: 0, rows: 0, columns: 0 };

    const rows = pivot.rowHierarchies.items.map(fieldSnapshot);
    const columns = pivot.columnHierarchies.items.map(fieldSnapshot);
    const data = pivot.dataHierarchies.items.map((h): PivotDataFieldSnapshot => ({
      name: h.name,
      field: h.field.name,
      summarizeBy: h.summarizeBy as PivotFunction,
      numberFormat: h.numberFormat || 'General',
      showAs: h.showAs?.calculation ?? 'None',
    }));
    const isValues = (f: PivotFieldSnapshot) => /^(Σ\s*)?Values$/i.test(f.name) && !data.some((d) => d.field === f.name);
    const valuesOnRows = rows.some(isValues)
      // The simulator and older hosts do not list Σ Values; its shape gives it away.
      || (ranges !== undefined && data.length > 1 && columns.length === 0 && ranges.dataBody.columnCount < data.length);
    return {
      name: pivot.name,
      sheet: pivot.worksheet.name,
      layoutType: pivot.layout.layoutType as PivotLayoutType,
      subtotalLocation: pivot.layout.subtotalLocation as SubtotalLocation,
      showRowGrandTotals: pivot.layout.showRowGrandTotals,
      showColumnGrandTotals: pivot.layout.showColumnGrandTotals,
      rows: rows.filter((f) => !isValues(f)),
      columns: columns.filter((f) => !isValues(f)),
      filters: pivot.filterHierarchies.items.map(fieldSnapshot),
      data,
      valuesOnRows,
      source: { type: String(sourceType.value), text: sourceText.value },
      range: ranges ? geometry(ranges.range) : none,
      rowLabels: { ...(ranges ? geometry(ranges.rowLabels) : none), values: ranges && withValues ? (ranges.rowLabels.values as XlValue[][]) : [] },
      dataBody: { ...(ranges ? geometry(ranges.dataBody) : none), values: ranges && withValues ? (ranges.dataBody.values as XlValue[][]) : [] },
    };
  });
}

function geometry(range: XRange): Omit<SheetBlock, 'values'> {
  return { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
}

function fieldSnapshot(hierarchy: XRowColumnPivotHierarchy | XFilterPivotHierarchy): PivotFieldSnapshot {
  const field: XPivotField | undefined = hierarchy.fields.items[0];
  return {
    name: hierarchy.name,
    items: field ? field.items.items.map((item) => ({ name: item.name, visible: item.visible })) : [],
    subtotals: field ? subtotalList(field.subtotals) : ['Automatic'],
  };
}

const SUBTOTAL_FLAG: Record<PivotFunction, keyof Excel.Subtotals> = {
  Sum: 'sum', Count: 'count', Average: 'average', Max: 'max', Min: 'min', Product: 'product',
  CountNumbers: 'countNumbers', StandardDeviation: 'standardDeviation', StandardDeviationP: 'standardDeviationP',
  Variance: 'variance', VarianceP: 'varianceP',
};

/** Excel.Subtotals flags → ['Automatic'], [] or the custom functions in Excel's row order. */
export function subtotalList(flags: Excel.Subtotals | undefined): Array<'Automatic' | PivotFunction> {
  if (!flags) return ['Automatic'];
  if (flags.automatic) return ['Automatic'];
  return SUBTOTAL_ORDER.filter((fn) => flags[SUBTOTAL_FLAG[fn]]);
}

/** A1 address (no sheet) of a block, for the chunked reader. */
export function addressOf(block: Omit<SheetBlock, 'values'>): string {
  return `${columnName(block.column)}${block.row + 1}:${columnName(block.column + block.columns - 1)}${block.row + block.rows}`;
}

/** Column letters (the engine's A1 module), kept exported for this module's callers. */
export { columnName };
