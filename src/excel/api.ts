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
}

export interface XWorksheet extends XLoadable<XWorksheet> {
  readonly id: string;
  name: string;
  position: number;
  readonly isNullObject: boolean;
  readonly tables: XTableCollection;
  readonly pivotTables: XPivotTableCollection;
  readonly names: XNamedItemCollection;
  activate(): void;
  delete(): void;
  getCell(row: number, column: number): XRange;
  getRange(address?: string): XRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange;
  getUsedRange(valuesOnly?: boolean): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
}

export interface XRangeFormat {
  columnWidth: Excel.RangeFormat['columnWidth'];
  horizontalAlignment: Excel.RangeFormat['horizontalAlignment'];
  readonly font: XRangeFont;
  readonly fill: XRangeFill;
  autofitColumns(): void;
}
export interface XRangeFont {
  bold: Excel.RangeFont['bold'];
  color: Excel.RangeFont['color'];
  italic: Excel.RangeFont['italic'];
  size: Excel.RangeFont['size'];
}
export interface XRangeFill {
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
  getRange(): XRange;
  getHeaderRowRange(): XRange;
  getDataBodyRange(): XRange;
  getTotalRowRange(): XRange;
}

export interface XTableColumnCollection extends XLoadable<XTableColumnCollection> {
  readonly items: XTableColumn[];
}
export interface XTableColumn extends XLoadable<XTableColumn> {
  readonly id: number;
  name: string;
  readonly index: number;
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

/** How src/excel runs a batch: `Excel.run` in production, the simulator's `run` elsewhere. */
export type ExcelRun = <T>(batch: (context: XRequestContext) => Promise<T>) => Promise<T>;

// ---- compile-time proof that real Office.js satisfies this subset (never executed) ----
type Assignable<From, To> = [From] extends [To] ? true : never;
const realContextFits: Assignable<Excel.RequestContext, XRequestContext> = true;
void realContextFits;
