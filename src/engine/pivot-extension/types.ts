/**
 * Plain data that describes one PivotTable as Excel shows it, and the result of extending it.
 *
 * Why plain data: src/excel/pivot/read-pivot.ts fills a `PivotSnapshot` in a few syncs, and
 * everything after that (row-label parsing, filtering, measures, reconciliation) is pure code
 * in this folder that tests can drive without Excel and a worker can run off the UI thread.
 */
import type { CellValue } from '../values/classify';

/** A cell value exactly as `Range.values` returns it. */
export type XlValue = Exclude<CellValue, null | undefined>;

/** Excel's PivotTable summary functions (Excel.AggregationFunction minus Automatic/Unknown). */
export type PivotFunction =
  | 'Sum' | 'Count' | 'Average' | 'Max' | 'Min' | 'Product' | 'CountNumbers'
  | 'StandardDeviation' | 'StandardDeviationP' | 'Variance' | 'VarianceP';

/** Excel's order of custom subtotal functions (Field Settings list, and the row order Excel renders). */
export const SUBTOTAL_ORDER: readonly PivotFunction[] = [
  'Sum', 'Count', 'Average', 'Max', 'Min', 'Product', 'CountNumbers',
  'StandardDeviation', 'StandardDeviationP', 'Variance', 'VarianceP',
];

export interface PivotItemSnapshot {
  /** Item caption, e.g. "North", "2005", "(blank)". */
  name: string;
  visible: boolean;
}

/** A row, column or filter field of the pivot. */
export interface PivotFieldSnapshot {
  /** Hierarchy name = source column name (unless grouped or calculated). */
  name: string;
  items: PivotItemSnapshot[];
  /**
   * Subtotal functions: ['Automatic'] for the default, [] for none, or custom functions in
   * SUBTOTAL_ORDER (Excel renders one subtotal row per function, in that order).
   */
  subtotals: Array<'Automatic' | PivotFunction>;
}

export interface PivotDataFieldSnapshot {
  /** Caption, e.g. "Sum of Revenue". */
  name: string;
  /** Source column. */
  field: string;
  summarizeBy: PivotFunction;
  numberFormat: string;
  /** Excel "Show Values As" calculation; 'None' when the plain summary is shown. */
  showAs: string;
}

/** A rectangle of the sheet with its values; `row`/`column` are zero-based sheet indexes. */
export interface SheetBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
  values: XlValue[][];
}

export type PivotLayoutType = 'Compact' | 'Outline' | 'Tabular';
export type SubtotalLocation = 'AtTop' | 'AtBottom' | 'Off';

export interface PivotSnapshot {
  name: string;
  sheet: string;
  layoutType: PivotLayoutType;
  subtotalLocation: SubtotalLocation;
  /** Office.js `showRowGrandTotals`: the Grand Total column at the right (totals of each row). */
  showRowGrandTotals: boolean;
  /** Office.js `showColumnGrandTotals`: the Grand Total row at the bottom (totals of each column). */
  showColumnGrandTotals: boolean;
  rows: PivotFieldSnapshot[];
  columns: PivotFieldSnapshot[];
  filters: PivotFieldSnapshot[];
  data: PivotDataFieldSnapshot[];
  /** True when the Σ Values pseudo-field sits on rows (several value fields shown as rows). */
  valuesOnRows: boolean;
  /** `getDataSourceType()` ("LocalTable", "LocalRange", ...) and `getDataSourceString()`. */
  source: { type: string; text: string };
  /** Whole pivot body (`layout.getRange()`), without values. */
  range: Omit<SheetBlock, 'values'>;
  rowLabels: SheetBlock;
  dataBody: SheetBlock;
}

/** The pivot's source data, column-major, as read from the sheet. */
export interface SourceTable {
  headers: string[];
  /** `columns[c][r]`: value of data row r (header excluded) in column c. */
  columns: XlValue[][];
  /** Number format of each column's first data row ("General" when unknown). */
  formats: string[];
  rowCount: number;
}

/** What one pivot row is. `path` holds item keys (see itemKey), outermost first. */
export type RowRole =
  | { kind: 'item'; path: string[] }
  /** A subtotal row (at top on the parent's row, or a "X Total"/custom row at the bottom). */
  | { kind: 'subtotal'; path: string[]; fn: 'Automatic' | PivotFunction; index: number }
  | { kind: 'grand'; path: [] }
  /** A parent item row that shows no numbers (subtotals at bottom or off). */
  | { kind: 'header'; path: string[] }
  | { kind: 'blank' };

/** Why PivotDeck refuses to compute, with words a user can act on. */
export class ExtensionError extends Error {
  constructor(readonly code: ExtensionErrorCode, message: string) {
    super(message);
    this.name = 'ExtensionError';
  }
}

export type ExtensionErrorCode =
  | 'unsupported'
  | 'layout'
  | 'stale'
  | 'measure'
  | 'foreign-content'
  | 'cancelled';
