/**
 * The subset of the Excel JavaScript API that PivotDeck uses, as interfaces.
 *
 * Why: production code in src/excel is written against these `X*` interfaces, and both the real
 * Excel (`Excel.RequestContext` from @types/office-js) and our simulator (src/simulator) satisfy
 * them. The compile-time checks at the bottom of this file prove that the real API is assignable
 * to this subset, so a signature here cannot drift from Office.js: property types are taken from
 * `Excel.*` directly and methods return subset types that the real classes structurally match.
 *
 * Add a member here when src/excel needs it, then implement it in the simulator.
 */

/** A cell value as Excel returns it: numbers, strings ("" for empty, "#N/A" for errors), booleans. */
export type CellValue = string | number | boolean;

/** Load overloads we use. Real Office.js also accepts option objects; we never need them. */
export interface XLoadable<Self> {
  load(propertyNames?: string | string[]): Self;
}

/** `OfficeExtension.ClientResult<T>`: the value is readable only after `context.sync()`. */
export interface XClientResult<T> {
  readonly value: T;
}

export interface XRequestContext {
  readonly workbook: XWorkbook;
  sync(): Promise<void>;
}

export interface XWorkbook extends XLoadable<XWorkbook> {
  readonly name: string;
  readonly worksheets: XWorksheetCollection;
  readonly tables: XTableCollection;
  readonly pivotTables: XPivotTableCollection;
  readonly names: XNamedItemCollection;
  readonly settings: XSettingCollection;
  getSelectedRange(): XRange;
  getActiveCell(): XRange;
}

export interface XWorksheetCollection extends XLoadable<XWorksheetCollection> {
  readonly items: XWorksheet[];
  add(name?: string): XWorksheet;
  getActiveWorksheet(): XWorksheet;
  getItem(key: string): XWorksheet;
  getItemOrNullObject(key: string): XWorksheet;
  /** ExcelApi 1.7. Fires after any worksheet of the workbook is activated (a tab click or `activate()`). */
  readonly onActivated: XEventHandlers<XWorksheetActivatedEventArgs>;
  /**
   * ExcelApi 1.9. Fires after cells of any worksheet change, with the same arguments as a
   * worksheet's own onChanged (PivotDeck's own writes included: check `triggerSource`).
   */
  readonly onChanged: XEventHandlers<XWorksheetChangedEventArgs>;
}

/** `Excel.WorksheetActivatedEventArgs`. */
export interface XWorksheetActivatedEventArgs {
  readonly type: 'WorksheetActivated';
  readonly worksheetId: string;
}

export interface XWorksheet extends XLoadable<XWorksheet> {
  readonly id: string;
  name: string;
  position: number;
  readonly isNullObject: boolean;
  readonly tables: XTableCollection;
  readonly pivotTables: XPivotTableCollection;
  readonly names: XNamedItemCollection;
  /** ExcelApi 1.1. Native charts drawn on this sheet. */
  readonly charts: XChartCollection;
  /** ExcelApi 1.7. */
  readonly freezePanes: XWorksheetFreezePanes;
  /** ExcelApi 1.8. */
  showGridlines: boolean;
  /** ExcelApi 1.7: "#RRGGBB", or "" for automatic. */
  tabColor: string;
  /**
   * ExcelApi 1.7. Fires after cells of this sheet change: user edits AND writes made through the
   * API (by this add-in or another) alike, with `source: 'Local'`. Handlers that write to the sheet
   * must guard against their own writes (e.g. ignore events for cells they just wrote, or check
   * `triggerSource === 'ThisLocalAddin'`, ExcelApi 1.14). Registration takes effect at the next sync.
   */
  readonly onChanged: XEventHandlers<XWorksheetChangedEventArgs>;
  activate(): void;
  delete(): void;
  getCell(row: number, column: number): XRange;
  getRange(address?: string): XRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange;
  getUsedRange(valuesOnly?: boolean): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
}

export interface XRangeFormat extends XLoadable<XRangeFormat> {
  columnWidth: Excel.RangeFormat['columnWidth'];
  /** Points; setting it on a range sets every row of the range. */
  rowHeight: Excel.RangeFormat['rowHeight'];
  horizontalAlignment: Excel.RangeFormat['horizontalAlignment'];
  verticalAlignment: Excel.RangeFormat['verticalAlignment'];
  wrapText: Excel.RangeFormat['wrapText'];
  readonly font: XRangeFont;
  readonly fill: XRangeFill;
  readonly borders: XRangeBorderCollection;
  autofitColumns(): void;
}
export interface XRangeFont extends XLoadable<XRangeFont> {
  bold: Excel.RangeFont['bold'];
  color: Excel.RangeFont['color'];
  italic: Excel.RangeFont['italic'];
  /** Font family, e.g. "Calibri", "Segoe UI". */
  name: Excel.RangeFont['name'];
  size: Excel.RangeFont['size'];
}
export interface XRangeBorderCollection extends XLoadable<XRangeBorderCollection> {
  getItem(index: Excel.RangeBorder['sideIndex']): XRangeBorder;
}
export interface XRangeBorder extends XLoadable<XRangeBorder> {
  readonly sideIndex: Excel.RangeBorder['sideIndex'];
  color: Excel.RangeBorder['color'];
  style: Excel.RangeBorder['style'];
  weight: Excel.RangeBorder['weight'];
}
export interface XRangeFill extends XLoadable<XRangeFill> {
  color: Excel.RangeFill['color'];
  clear(): void;
}

export interface XRange extends XLoadable<XRange> {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly isNullObject: boolean;
  readonly worksheet: XWorksheet;
  readonly format: XRangeFormat;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: XConditionalFormatCollection;
  /** ExcelApi 1.8. */
  readonly dataValidation: XDataValidation;
  /** Displayed text of each cell under its number format. */
  readonly text: Excel.Range['text'];
  values: CellValue[][];
  numberFormat: Excel.Range['numberFormat'];
  formulas: Excel.Range['formulas'];
  clear(applyTo?: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents'): void;
  getCell(row: number, column: number): XRange;
  getOffsetRange(rowOffset: number, columnOffset: number): XRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XRange;
  getRow(row: number): XRange;
  getColumn(column: number): XRange;
  getIntersectionOrNullObject(anotherRange: XRange | string): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  select(): void;
  /** ExcelApi 1.2. `across` merges each row of the range separately. */
  merge(across?: boolean): void;
  /**
   * ExcelApi 1.1. Inserts cells here, moving the cells below down (or right). References follow;
   * rows inserted inside a table make it grow.
   */
  insert(shift: Excel.InsertShiftDirection | 'Down' | 'Right'): XRange;
  /** ExcelApi 1.1. Deletes the cells, moving the cells below up (or right ones left); references to them become #REF!. */
  delete(shift: Excel.DeleteShiftDirection | 'Up' | 'Left'): void;
  /** ExcelApi 1.2. */
  unmerge(): void;
  /**
   * ExcelApi 1.9. Per-cell formatting in one read: a 2D array with, for each cell, the properties
   * `load` asks for (a cell without a fill reads as colour "#FFFFFF", pattern "None").
   */
  getCellProperties(load: Excel.CellPropertiesLoadOptions): XClientResult<Excel.CellProperties[][]>;
  /** ExcelApi 1.9. Per-cell formatting in one write; the array has the range's rows and columns. */
  setCellProperties(values: Excel.SettableCellProperties[][]): void;
  /**
   * ExcelApi 1.13. The merged areas whose top-left cell is in this range (a merge starting
   * outside it is not found), or a null object when there are none.
   */
  getMergedAreasOrNullObject(): XRangeAreas;
}

/** ExcelApi 1.9: several rectangular ranges of one sheet. */
export interface XRangeAreas extends XLoadable<XRangeAreas> {
  readonly isNullObject: boolean;
  /** "Sheet1!A1:B2, Sheet1!D4:E5". */
  readonly address: string;
  readonly areaCount: number;
  readonly cellCount: number;
  /** Each rectangle as a Range (load `areas/items/address`). */
  readonly areas: XRangeCollection;
}

/** ExcelApi 1.9. */
export interface XRangeCollection extends XLoadable<XRangeCollection> {
  readonly items: XRange[];
}

export interface XTableCollection extends XLoadable<XTableCollection> {
  readonly items: XTable[];
  add(address: XRange | string, hasHeaders: boolean): XTable;
  getCount(): XClientResult<number>;
  getItem(key: string): XTable;
  getItemOrNullObject(key: string): XTable;
}

export interface XTable extends XLoadable<XTable> {
  readonly id: string;
  name: string;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  readonly isNullObject: boolean;
  readonly worksheet: XWorksheet;
  readonly columns: XTableColumnCollection;
  delete(): void;
  /**
   * ExcelApi 1.13. Gives the table a new extent: same header row, overlapping the old one. The
   * table object, its name, style and structured references stay; no cells move.
   */
  resize(newRange: XRange | string): void;
  getRange(): XRange;
  getHeaderRowRange(): XRange;
  getDataBodyRange(): XRange;
  getTotalRowRange(): XRange;
}

export interface XTableColumnCollection extends XLoadable<XTableColumnCollection> {
  readonly items: XTableColumn[];
  /**
   * ExcelApi 1.1 (`name` 1.4). Adds a column at `index` (null/undefined: at the right end); the
   * cells to its right in the table's rows move right. `values` (header and body) is optional.
   */
  add(index?: number | null, values?: Array<Array<boolean | string | number>> | boolean | string | number, name?: string): XTableColumn;
  getItem(key: number | string): XTableColumn;
  getItemOrNullObject(key: number | string): XTableColumn;
}
export interface XTableColumn extends XLoadable<XTableColumn> {
  readonly id: number;
  name: string;
  readonly index: number;
  readonly isNullObject: boolean;
  /** ExcelApi 1.1. Removes the column; structured references to it become #REF!. */
  delete(): void;
  getDataBodyRange(): XRange;
}

export interface XPivotTableCollection extends XLoadable<XPivotTableCollection> {
  readonly items: XPivotTable[];
  add(name: string, source: XRange | string | XTable, destination: XRange | string): XPivotTable;
  getItem(name: string): XPivotTable;
  getItemOrNullObject(name: string): XPivotTable;
  refreshAll(): void;
}

export interface XPivotTable extends XLoadable<XPivotTable> {
  readonly id: string;
  name: string;
  readonly isNullObject: boolean;
  readonly worksheet: XWorksheet;
  readonly layout: XPivotLayout;
  readonly rowHierarchies: XRowColumnPivotHierarchyCollection;
  readonly columnHierarchies: XRowColumnPivotHierarchyCollection;
  readonly dataHierarchies: XDataPivotHierarchyCollection;
  readonly filterHierarchies: XFilterPivotHierarchyCollection;
  readonly hierarchies: XPivotHierarchyCollection;
  delete(): void;
  refresh(): void;
  /** ExcelApi 1.15: "Sales" for a table source, "Data!$A$1:$K$20001" for a range. */
  getDataSourceString(): XClientResult<string>;
  /** ExcelApi 1.15. */
  getDataSourceType(): XClientResult<Excel.DataSourceType | 'Unknown' | 'LocalRange' | 'LocalTable'>;
}

export interface XPivotLayout extends XLoadable<XPivotLayout> {
  layoutType: Excel.PivotLayout['layoutType'];
  showColumnGrandTotals: boolean;
  showRowGrandTotals: boolean;
  subtotalLocation: Excel.PivotLayout['subtotalLocation'];
  showFieldHeaders: boolean;
  getRange(): XRange;
  getRowLabelRange(): XRange;
  getColumnLabelRange(): XRange;
  getDataBodyRange(): XRange;
  getFilterAxisRange(): XRange;
}

export interface XPivotHierarchyCollection extends XLoadable<XPivotHierarchyCollection> {
  readonly items: XPivotHierarchy[];
  getItem(name: string): XPivotHierarchy;
}
export interface XPivotHierarchy extends XLoadable<XPivotHierarchy> {
  readonly id: string;
  name: string;
  readonly fields: XPivotFieldCollection;
}

export interface XRowColumnPivotHierarchyCollection extends XLoadable<XRowColumnPivotHierarchyCollection> {
  readonly items: XRowColumnPivotHierarchy[];
  add(pivotHierarchy: XPivotHierarchy): XRowColumnPivotHierarchy;
  getItem(name: string): XRowColumnPivotHierarchy;
  getItemOrNullObject(name: string): XRowColumnPivotHierarchy;
  /** ExcelApi 1.8: takes the field off this axis (what unchecking it in the Fields pane does). */
  remove(rowColumnPivotHierarchy: XRowColumnPivotHierarchy): void;
}
export interface XRowColumnPivotHierarchy extends XLoadable<XRowColumnPivotHierarchy> {
  readonly id: string;
  name: string;
  position: number;
  readonly fields: XPivotFieldCollection;
}

export interface XFilterPivotHierarchyCollection extends XLoadable<XFilterPivotHierarchyCollection> {
  readonly items: XFilterPivotHierarchy[];
  add(pivotHierarchy: XPivotHierarchy): XFilterPivotHierarchy;
  getItem(name: string): XFilterPivotHierarchy;
  getItemOrNullObject(name: string): XFilterPivotHierarchy;
}
export interface XFilterPivotHierarchy extends XLoadable<XFilterPivotHierarchy> {
  readonly id: string;
  name: string;
  position: number;
  enableMultipleFilterItems: boolean;
  readonly fields: XPivotFieldCollection;
}

export interface XDataPivotHierarchyCollection extends XLoadable<XDataPivotHierarchyCollection> {
  readonly items: XDataPivotHierarchy[];
  add(pivotHierarchy: XPivotHierarchy): XDataPivotHierarchy;
  getItem(name: string): XDataPivotHierarchy;
  getItemOrNullObject(name: string): XDataPivotHierarchy;
}
export interface XDataPivotHierarchy extends XLoadable<XDataPivotHierarchy> {
  readonly id: string;
  name: string;
  numberFormat: string;
  position: number;
  showAs: Excel.ShowAsRule;
  summarizeBy: Excel.DataPivotHierarchy['summarizeBy'];
  readonly field: XPivotField;
}

export interface XPivotFieldCollection extends XLoadable<XPivotFieldCollection> {
  readonly items: XPivotField[];
  getItem(name: string): XPivotField;
}
export interface XPivotField extends XLoadable<XPivotField> {
  readonly id: string;
  name: string;
  showAllItems: boolean;
  subtotals: Excel.Subtotals;
  readonly items: XPivotItemCollection;
}
export interface XPivotItemCollection extends XLoadable<XPivotItemCollection> {
  readonly items: XPivotItem[];
  getItem(name: string): XPivotItem;
}
export interface XPivotItem extends XLoadable<XPivotItem> {
  readonly id: string;
  name: string;
  visible: boolean;
  isExpanded: boolean;
}

export interface XNamedItemCollection extends XLoadable<XNamedItemCollection> {
  readonly items: XNamedItem[];
  add(name: string, reference: XRange | string, comment?: string): XNamedItem;
  getItem(name: string): XNamedItem;
  getItemOrNullObject(name: string): XNamedItem;
}
export interface XNamedItem extends XLoadable<XNamedItem> {
  readonly name: string;
  /**
   * ExcelApi 1.7. The reference as a formula, e.g. "=Data!$A$1:$C$9" or "=Orders[#All]".
   * Setting it moves the name without deleting it (formulas using the name keep working).
   */
  formula: Excel.NamedItem['formula'];
  readonly type: Excel.NamedItem['type'];
  readonly value: unknown;
  readonly isNullObject: boolean;
  delete(): void;
  getRange(): XRange;
  getRangeOrNullObject(): XRange;
}

/** Workbook-scoped key/value storage (ExcelApi 1.4); PivotDeck keeps its document here. */
export interface XSettingCollection extends XLoadable<XSettingCollection> {
  readonly items: XSetting[];
  add(key: string, value: string | number | boolean | Date | unknown[] | object): XSetting;
  getItem(key: string): XSetting;
  getItemOrNullObject(key: string): XSetting;
}
export interface XSetting extends XLoadable<XSetting> {
  readonly key: string;
  value: unknown;
  readonly isNullObject: boolean;
  delete(): void;
}

// ---- events (ExcelApi 1.7) ----

/** `OfficeExtension.EventHandlers<T>`: `add` registers at the next sync. */
export interface XEventHandlers<T> {
  add(handler: (args: T) => Promise<unknown>): XEventHandlerResult;
}
/**
 * `OfficeExtension.EventHandlerResult<T>`: `remove()` unregisters at the next sync of the context
 * the handler was added in: `result.remove(); await result.context.sync();`.
 */
export interface XEventHandlerResult {
  readonly context: { sync(): Promise<void> };
  remove(): void;
}
/**
 * `Excel.WorksheetChangedEventArgs`, the members PivotDeck reads. `address` is sheet-local
 * ("B2", "A1:C3"); `details` only for a single-cell change.
 */
export interface XWorksheetChangedEventArgs {
  readonly address: string;
  readonly changeType: Excel.WorksheetChangedEventArgs['changeType'];
  readonly source: Excel.WorksheetChangedEventArgs['source'];
  readonly type: 'WorksheetChanged';
  readonly worksheetId: string;
  /** ExcelApi 1.14: 'ThisLocalAddin' when the change came from this add-in's own API call. */
  readonly triggerSource: Excel.WorksheetChangedEventArgs['triggerSource'];
  readonly details: XChangedEventDetail | undefined;
}
export interface XChangedEventDetail {
  readonly valueBefore: unknown;
  readonly valueAfter: unknown;
  readonly valueTypeBefore: Excel.ChangedEventDetail['valueTypeBefore'];
  readonly valueTypeAfter: Excel.ChangedEventDetail['valueTypeAfter'];
}

// ---- freeze panes (ExcelApi 1.7) ----

export interface XWorksheetFreezePanes {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  freezeAt(frozenRange: XRange | string): void;
  unfreeze(): void;
  getLocationOrNullObject(): XRange;
}

// ---- charts (ExcelApi 1.1; series chartType/axisGroup 1.7/1.8; getDimensionValues 1.12) ----

export type XChartType = Excel.Chart['chartType'];
export type XChartSeriesBy = Excel.ChartSeriesBy | 'Auto' | 'Columns' | 'Rows';

export interface XChartCollection extends XLoadable<XChartCollection> {
  readonly items: XChart[];
  readonly count: number;
  /**
   * Adds a chart over `sourceData`. With 'Auto' Excel puts series in columns when the data has
   * at least as many rows as columns; a first row/column of text becomes names/categories.
   */
  add(type: XChartType, sourceData: XRange, seriesBy?: XChartSeriesBy): XChart;
  getCount(): XClientResult<number>;
  getItem(name: string): XChart;
  getItemAt(index: number): XChart;
  getItemOrNullObject(name: string): XChart;
}

export interface XChart extends XLoadable<XChart> {
  readonly id: string;
  name: string;
  chartType: XChartType;
  /** Position and size in points from the sheet's top-left corner. */
  top: number;
  left: number;
  width: number;
  height: number;
  readonly isNullObject: boolean;
  readonly title: XChartTitle;
  readonly legend: XChartLegend;
  readonly series: XChartSeriesCollection;
  readonly axes: XChartAxes;
  readonly worksheet: XWorksheet;
  delete(): void;
  setData(sourceData: XRange, seriesBy?: XChartSeriesBy): void;
  /** Places the chart over startCell..endCell (endCell omitted: keeps its size). */
  setPosition(startCell: XRange | string, endCell?: XRange | string): void;
}

export interface XChartTitle extends XLoadable<XChartTitle> {
  text: string;
  visible: boolean;
  overlay: boolean;
}

export interface XChartLegend extends XLoadable<XChartLegend> {
  visible: boolean;
  position: Excel.ChartLegend['position'];
  overlay: boolean;
}

export interface XChartSeriesCollection extends XLoadable<XChartSeriesCollection> {
  readonly items: XChartSeries[];
  readonly count: number;
  add(name?: string, index?: number): XChartSeries;
  getCount(): XClientResult<number>;
  getItemAt(index: number): XChartSeries;
}

export interface XChartSeries extends XLoadable<XChartSeries> {
  name: string;
  chartType: XChartType;
  axisGroup: Excel.ChartSeries['axisGroup'];
  hasDataLabels: boolean;
  readonly format: XChartSeriesFormat;
  /** ExcelApi 1.1: the series' data points (a pie's slices), each with its own fill. */
  readonly points: XChartPointsCollection;
  delete(): void;
  setValues(sourceData: XRange): void;
  setXAxisValues(sourceData: XRange): void;
  /** Values as text, e.g. ["120", "95.5"]; 'Categories' gives the category labels. */
  getDimensionValues(dimension: Excel.ChartSeriesDimension | 'Categories' | 'Values' | 'XValues' | 'YValues' | 'BubbleSizes'): XClientResult<string[]>;
}
export interface XChartPointsCollection {
  /** The point at `index` (0-based); InvalidArgument at sync when the series has no such point. */
  getItemAt(index: number): XChartPoint;
}
export interface XChartPoint {
  readonly format: { readonly fill: XChartFill };
}
export interface XChartSeriesFormat extends XLoadable<XChartSeriesFormat> {
  readonly fill: XChartFill;
  readonly line: XChartLineFormat;
}
export interface XChartFill {
  clear(): void;
  setSolidColor(color: string): void;
}
export interface XChartLineFormat extends XLoadable<XChartLineFormat> {
  color: string;
}

export interface XChartAxes extends XLoadable<XChartAxes> {
  readonly categoryAxis: XChartAxis;
  readonly valueAxis: XChartAxis;
  getItem(type: Excel.ChartAxisType | 'Category' | 'Value' | 'Series', group?: Excel.ChartAxisGroup | 'Primary' | 'Secondary'): XChartAxis;
}
export interface XChartAxis extends XLoadable<XChartAxis> {
  readonly title: XChartAxisTitle;
  numberFormat: string;
  visible: boolean;
  /** `any` in Office.js (a number, or "" for automatic). */
  minimum: Excel.ChartAxis['minimum'];
  maximum: Excel.ChartAxis['maximum'];
}
export interface XChartAxisTitle extends XLoadable<XChartAxisTitle> {
  text: string;
  visible: boolean;
}

// ---- conditional formats (ExcelApi 1.6) ----

export interface XConditionalFormatCollection extends XLoadable<XConditionalFormatCollection> {
  readonly items: XConditionalFormat[];
  /** The simulator implements 'CellValue' and 'Custom'; other types fail with InvalidArgument. */
  add(type: Excel.ConditionalFormat['type']): XConditionalFormat;
  clearAll(): void;
  getCount(): XClientResult<number>;
  getItemAt(index: number): XConditionalFormat;
}

export interface XConditionalFormat extends XLoadable<XConditionalFormat> {
  readonly id: string;
  readonly type: Excel.ConditionalFormat['type'];
  priority: number;
  stopIfTrue: boolean;
  /** Throws InvalidArgument (at sync) when the format is not a CellValue format. */
  readonly cellValue: XCellValueConditionalFormat;
  /** Throws InvalidArgument (at sync) when the format is not a Custom format. */
  readonly custom: XCustomConditionalFormat;
  delete(): void;
  getRange(): XRange;
}

export interface XCellValueConditionalFormat extends XLoadable<XCellValueConditionalFormat> {
  readonly format: XConditionalRangeFormat;
  rule: Excel.ConditionalCellValueRule;
}

export interface XCustomConditionalFormat extends XLoadable<XCustomConditionalFormat> {
  readonly format: XConditionalRangeFormat;
  readonly rule: XConditionalFormatRule;
}

export interface XConditionalFormatRule extends XLoadable<XConditionalFormatRule> {
  /** Relative to the top-left cell of the format's range, e.g. "=B5<0" for a range starting at B5. */
  formula: string;
}

export interface XConditionalRangeFormat extends XLoadable<XConditionalRangeFormat> {
  readonly font: XConditionalRangeFont;
  readonly fill: XConditionalRangeFill;
  /** `any` in Office.js; a format code string. */
  numberFormat: Excel.ConditionalRangeFormat['numberFormat'];
}
export interface XConditionalRangeFont extends XLoadable<XConditionalRangeFont> {
  bold: boolean;
  color: string;
  italic: boolean;
  clear(): void;
}
export interface XConditionalRangeFill extends XLoadable<XConditionalRangeFill> {
  color: string;
  clear(): void;
}

// ---- data validation (ExcelApi 1.8) ----

export interface XListDataValidation {
  inCellDropDown: boolean;
  /** "All,West,East", "=$H$2:$H$8" / "=Lists!$A$2:$A$9", or a Range. */
  source: string | XRange;
}
/** `Excel.DataValidationRule`, the kinds PivotDeck uses (exactly one is set). */
export interface XDataValidationRule {
  list?: XListDataValidation;
  wholeNumber?: Excel.BasicDataValidation;
  decimal?: Excel.BasicDataValidation;
  custom?: Excel.CustomDataValidation;
}

export interface XDataValidation extends XLoadable<XDataValidation> {
  rule: XDataValidationRule;
  readonly type: Excel.DataValidation['type'];
  /** true when every cell satisfies the rule, false when none does, null when mixed. */
  readonly valid: boolean;
  ignoreBlanks: boolean;
  errorAlert: Excel.DataValidationErrorAlert;
  prompt: Excel.DataValidationPrompt;
  clear(): void;
}

/** How src/excel runs a batch: `Excel.run` in production, the simulator's `run` elsewhere. */
export type ExcelRun = <T>(batch: (context: XRequestContext) => Promise<T>) => Promise<T>;

// ---- compile-time proof that real Office.js satisfies this subset (never executed) ----
type Assignable<From, To> = [From] extends [To] ? true : never;
const realContextFits: Assignable<Excel.RequestContext, XRequestContext> = true;
void realContextFits;
