/**
 * Plain descriptions of what a workbook holds, as the task pane shows them. Produced by the
 * readers in this folder (listTables, listPivots, readTablePreview); no proxies, no Office types,
 * so React code and tests can hold them freely.
 */
import type { CellValue } from './api';

/** An Excel table (ListObject). */
export interface TableInfo {
  name: string;
  sheet: string;
  /** Sheet-qualified address of the whole table, e.g. "Sales!A1:K20001". */
  address: string;
  /** Data rows: the table's range without its header and totals rows. */
  rowCount: number;
  columnCount: number;
  /** Header captions in column order. */
  columns: string[];
  showHeaders: boolean;
  showTotals: boolean;
}

/** A value field of a PivotTable, e.g. "Sum of Revenue" summarised by Sum. */
export interface PivotValueField {
  /** Caption as the pivot shows it ("Sum of Revenue"). */
  name: string;
  /** Source column ("Revenue"), when Excel reports it. */
  sourceField?: string;
  summarizeBy: string;
}

/** Where a PivotTable's data comes from. */
export type PivotSourceInfo =
  /** ExcelApi 1.15 available: the table name or the sheet-qualified range. */
  | { kind: 'known'; text: string; type?: string }
  /** The host cannot tell us (ExcelApi 1.15 missing); `reason` says what is needed. */
  | { kind: 'unavailable'; reason: string }
  /** Excel raised an error (e.g. an OLAP/Data Model pivot). */
  | { kind: 'error'; reason: string };

export interface PivotInfo {
  name: string;
  sheet: string;
  source: PivotSourceInfo;
  rows: string[];
  columns: string[];
  filters: string[];
  values: PivotValueField[];
  /** Compact, Outline or Tabular when the layout could be read. */
  layout?: string;
}

/** First rows of a table with their number formats, for display. */
export interface TablePreview {
  table: string;
  sheet: string;
  headers: string[];
  rows: CellValue[][];
  /** Number formats aligned with `rows`. */
  numberFormats: string[][];
  /** Data rows in the whole table (the preview may show fewer). */
  totalRows: number;
}
