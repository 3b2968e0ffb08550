/**
 * Plain-data description of a simulated workbook. The simulator (src/simulator/*.ts) is built
 * from one of these; the sample workbook generator and the .xlsx loader produce them; the pivot
 * renderer (src/simulator/pivot/render.ts) turns a PivotModel plus its source rows into cells.
 *
 * Everything here is serialisable (no functions, no class instances) so a workbook can be
 * "saved and reopened" in tests by a JSON round trip.
 */
import type { CellValue } from '../excel/api';

/** One stored cell. `value` is what Excel returns in `range.values` ("" for empty). */
export interface CellModel {
  value: CellValue;
  /** Excel number format code, "General" when absent. Dates are serials with a date format. */
  numberFormat?: string;
  /** A formula as typed, e.g. "=SUM(A1:A3)"; `value` then holds its cached result. */
  formula?: string;
  /** Cell formatting the simulator keeps (bold, fill and font colour show in the workbench grid). */
  style?: CellStyleModel;
}

/** Colours are "#RRGGBB" as Office.js returns them. */
export interface CellStyleModel {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fill?: string;
  fontColor?: string;
  horizontalAlignment?: string;
  /** Excel's IndentLevel (Range.format.indentLevel); pivots indent compact row labels by depth. */
  indent?: number;
  /** Font family, e.g. "Segoe UI"; absent = Calibri. */
  fontName?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borderTop?: BorderModel;
  borderBottom?: BorderModel;
  borderLeft?: BorderModel;
  borderRight?: BorderModel;
}

/** One cell edge as Excel.RangeBorder describes it. */
export interface BorderModel {
  style: string;
  color: string;
  weight: string;
}

/** A native chart (Excel.Chart). Series reference cells, so a chart follows the cells it shows. */
export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  /** Points from the sheet's top-left corner. */
  top: number;
  left: number;
  width: number;
  height: number;
  title: { text: string; visible: boolean; overlay: boolean };
  legend: { visible: boolean; position: string; overlay: boolean };
  series: ChartSeriesModel[];
  axes: ChartAxesModel;
}

export interface ChartSeriesModel {
  /** Literal name, used when `nameRef` is absent. */
  name: string;
  /** Sheet-qualified absolute address of the cell holding the name, e.g. "Dash!$B$1". */
  nameRef?: string;
  /** Sheet-qualified address of the values, e.g. "Dash!$B$2:$B$13". */
  valuesRef?: string;
  /** Sheet-qualified address of the category labels (absent: 1, 2, 3 ...). */
  categoriesRef?: string;
  chartType: string;
  axisGroup: 'Primary' | 'Secondary';
  hasDataLabels?: boolean;
  /** Solid fill set through series.format.fill.setSolidColor, "#RRGGBB". */
  fillColor?: string;
  lineColor?: string;
  /** Solid fills of single points (a pie's slices) by 0-based point index, "#RRGGBB". */
  pointColors?: Record<string, string>;
}

export interface ChartAxisModel {
  title: { text: string; visible: boolean };
  numberFormat: string;
  visible: boolean;
  minimum?: number;
  maximum?: number;
}

export interface ChartAxesModel {
  category: ChartAxisModel;
  value: ChartAxisModel;
  secondaryValue: ChartAxisModel;
}

/** A conditional format (Excel.ConditionalFormat) of type CellValue or Custom. */
export interface ConditionalFormatModel {
  id: string;
  /** Sheet-local areas it applies to, e.g. ["B5:B9"]; the first area's top-left anchors relative references. */
  ranges: string[];
  type: 'CellValue' | 'Custom';
  /** CellValue: formula1 (formula2 for Between/NotBetween) compared with the cell's value. */
  cellValue?: { formula1: string; formula2?: string; operator: string };
  /** Custom: a formula true/false for the anchor cell, shifted for the others (e.g. "=B5<0"). */
  formula?: string;
  format: ConditionalFormatStyleModel;
  stopIfTrue: boolean;
}

export interface ConditionalFormatStyleModel {
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  numberFormat?: string;
}

/** A data validation rule (Excel.DataValidation) on some areas of a sheet. */
export interface DataValidationModel {
  /** Sheet-local areas, e.g. ["C2"]. */
  ranges: string[];
  type: 'List' | 'WholeNumber' | 'Decimal' | 'Custom';
  /** List: comma-separated items or a reference formula ("=$H$2:$H$8"). */
  list?: { inCellDropDown: boolean; source: string };
  /** WholeNumber / Decimal: Excel.BasicDataValidation. */
  basic?: { formula1: string | number; formula2?: string | number; operator: string };
  /** Custom: Excel.CustomDataValidation. */
  custom?: { formula: string };
  ignoreBlanks: boolean;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
}

export interface SheetModel {
  name: string;
  /** Sparse cells keyed by zero-based "row,col". */
  cells: Record<string, CellModel>;
  /** Merged areas as A1 addresses without sheet, e.g. "A1:C1". */
  merges?: string[];
  visible?: boolean;
  /** Column widths in points keyed by zero-based column number; absent = Excel's default. */
  columnWidths?: Record<string, number>;
  /** Row heights in points keyed by zero-based row number; absent = Excel's default (15). */
  rowHeights?: Record<string, number>;
  charts?: ChartModel[];
  /** In priority order (first = highest). */
  conditionalFormats?: ConditionalFormatModel[];
  dataValidations?: DataValidationModel[];
  /** Worksheet.showGridlines; absent = true. */
  showGridlines?: boolean;
  /** Worksheet.tabColor "#RRGGBB"; absent = automatic. */
  tabColor?: string;
  /** Frozen top rows / left columns. */
  freeze?: { rows: number; columns: number };
}

export interface TableModel {
  name: string;
  sheet: string;
  /** Whole table including header (and totals row when showTotals), e.g. "A1:K20001". */
  address: string;
  showHeaders: boolean;
  showTotals: boolean;
  style?: string;
}

export interface NameModel {
  name: string;
  /** "=Sheet1!$A$1:$B$3" style reference, or a constant. */
  reference: string;
  /** Worksheet-scoped name when set. */
  scope?: string;
}

export type SummarizeBy =
  | 'Sum' | 'Count' | 'Average' | 'Max' | 'Min' | 'Product' | 'CountNumbers'
  | 'StandardDeviation' | 'StandardDeviationP' | 'Variance' | 'VarianceP';

export type PivotLayoutType = 'Compact' | 'Outline' | 'Tabular';
export type SubtotalLocation = 'AtTop' | 'AtBottom' | 'Off';

export type PivotSourceModel =
  | { kind: 'table'; table: string }
  /** A range on a sheet, address without sheet, e.g. "A1:D13". */
  | { kind: 'range'; sheet: string; address: string }
  /** Data Model / OLAP / external: the simulator exposes it but PivotDeck must refuse it. */
  | { kind: 'external'; description: string }
  /**
   * The source table, sheet or cells were deleted: Excel keeps the pivot (and its cache) but its
   * source reference is #REF! and a refresh fails with "Reference isn't valid." for good.
   */
  | { kind: 'invalid'; was: string };

export interface PivotFieldModel {
  /** Source column name (the hierarchy name). */
  name: string;
  /**
   * The field's caption when the user renamed it (xlsx `pivotField@name`, Excel's "Custom Name"
   * in Field Settings); Excel shows it in the outline/tabular headers and the filter area.
   */
  caption?: string;
  /** Item captions hidden by a filter (manual item filter / page field selection). */
  hiddenItems?: string[];
  /**
   * Order of items as stored (xlsx items order). When absent the renderer sorts ascending as
   * Excel does for a new pivot: numbers before text, text case-insensitive, "(blank)" last.
   */
  itemOrder?: string[];
  /** Subtotal functions for this field; default ['Automatic'] (= the data field's own function). */
  subtotals?: Array<'Automatic' | SummarizeBy>;
  /** Per-field layout flags as in the xlsx `compact` / `outline` attributes. */
  compact?: boolean;
  outline?: boolean;
  /** Tabular "Repeat item labels". */
  repeatLabels?: boolean;
}

export interface PivotDataFieldModel {
  /** Source column. */
  field: string;
  /** Caption, e.g. "Sum of Revenue". */
  name: string;
  summarizeBy: SummarizeBy;
  numberFormat?: string;
  /** Excel "Show Values As" (e.g. 'PercentOfGrandTotal'); 'None' by default. */
  showAs?: string;
}

export interface PivotModel {
  name: string;
  /** Sheet that holds the pivot. */
  sheet: string;
  /** Top-left cell of the pivot body (not the filter area), e.g. "A3". */
  anchor: string;
  source: PivotSourceModel;
  rows: PivotFieldModel[];
  columns: PivotFieldModel[];
  /** Page (report filter) fields; rendered above the anchor: one row each, then a blank row. */
  filters: PivotFieldModel[];
  data: PivotDataFieldModel[];
  /** Where multiple data fields go: the "Values" pseudo-field on columns (default) or rows. */
  valuesOn?: 'columns' | 'rows';
  layout: PivotLayoutType;
  subtotalLocation: SubtotalLocation;
  showRowGrandTotals: boolean;
  showColumnGrandTotals: boolean;
  /** Compact-layout caption of the row label header (default "Row Labels"). */
  rowHeaderCaption?: string;
  colHeaderCaption?: string;
  /** Things the simulator keeps but PivotDeck cannot reproduce (calculated fields, grouping). */
  unsupported?: string[];
  /**
   * Cells exactly as a file stored them (xlsx loader). When present the simulator shows these
   * instead of re-rendering, and `refresh()` re-renders from the source.
   */
  rendered?: PivotRenderModel;
}

/** What the renderer produces, and what a loaded file provides. Addresses are sheet-relative. */
export interface PivotRenderModel {
  /** Whole pivot body, e.g. "A3:D12" (excludes the filter area). */
  range: string;
  /** Filter (page field) area, or undefined when there are no page fields. */
  filterRange?: string;
  /** Row label area (row headers, below the header rows). */
  rowLabelRange: string;
  /** Column label area (above the data body). */
  columnLabelRange: string;
  /** Data body (numbers, including subtotal and grand total rows/columns). */
  dataBodyRange: string;
  /** Cells of `range` then of `filterRange`, row-major, "" for empty. */
  values: CellValue[][];
  /** Number formats aligned with values (same shape). */
  numberFormats: string[][];
  filterValues?: CellValue[][];
  /**
   * Formatting of `values`' cells as the pivot's style draws them (bold headers, subtotals and
   * grand totals, header fill, compact indents); same shape as `values`, undefined = plain.
   * Absent for models saved before styles existed: the pivot then shows unformatted.
   */
  styles?: (CellStyleModel | undefined)[][];
}

export interface WorkbookModel {
  name?: string;
  sheets: SheetModel[];
  tables: TableModel[];
  pivots: PivotModel[];
  names: NameModel[];
  /** Workbook settings (Excel.SettingCollection), values JSON-serialisable. */
  settings: Record<string, unknown>;
  /** Index into sheets of the active sheet. */
  activeSheet?: number;
  /** Parts of a loaded file the simulator ignored (charts, slicers ...), for the notice. */
  ignored?: string[];
}
