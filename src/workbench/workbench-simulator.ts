/**
 * The part of the Excel simulator the workbench page uses, stated structurally so the page
 * depends on a small surface (and tests can see at a glance what the page reads).
 * `createSimulator` in src/simulator returns an object assignable to this.
 */
import type { ExcelRun } from '../excel/api';
import type { WorkbookModel } from '../simulator/model';
import type { ChartView, ValidationView } from '../simulator/view';

/** One cell edge: Excel.RangeBorder's style, colour and weight. */
export interface GridBorder {
  style: string;
  color: string;
  weight: string;
}

/** What the grid draws for one cell. */
export interface GridCell {
  value: unknown;
  /** The value as Excel would display it under its number format. */
  text: string;
  numberFormat?: string;
  formula?: string;
  bold?: boolean;
  /** CSS colour of the cell fill, from the workbook. */
  fill?: string;
  /** CSS colour of the text, from the workbook. */
  fontColor?: string;
  /** Indent level (Excel's IndentLevel): drawn as left padding, as Excel indents pivot row labels. */
  indent?: number;
  italic?: boolean;
  /** Font size in points; absent = 11. */
  size?: number;
  fontName?: string;
  /** Excel's HorizontalAlignment when not General ("Center", "Right", ...). */
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borderTop?: GridBorder;
  borderBottom?: GridBorder;
  borderLeft?: GridBorder;
  borderRight?: GridBorder;
  /** A conditional format changed its look. */
  conditional?: boolean;
}

export interface WorkbenchView {
  sheetNames(): string[];
  activeSheet(): string;
  usedSize(sheet: string): { rows: number; columns: number };
  cell(sheet: string, row: number, col: number): GridCell;
  /** Stored column width in points, undefined for the sheet's default. */
  columnWidth(sheet: string, col: number): number | undefined;
  /** Tables and rendered PivotTables, addresses sheet-local ("A1:K20001"). */
  tables(): Array<{ name: string; sheet: string; address: string }>;
  pivots(): Array<{ name: string; sheet: string; address: string }>;
  /** The selection and its active cell ("B5"; older simulators may omit it: then its top-left). */
  selection(): { sheet: string; address: string; activeCell?: string } | null | undefined;
  /** Row height in points when set (optional members: simulators without them draw plain grids). */
  rowHeight?(sheet: string, row: number): number | undefined;
  /** Every set row height (row index → points). */
  rowHeights?(sheet: string): Map<number, number>;
  /** Merged areas ("A1:D1"). */
  merges?(sheet: string): string[];
  /** Native charts with their live series values and anchors. */
  charts?(sheet: string): ChartView[];
  /** The validation of a cell (list items for a dropdown). */
  validation?(sheet: string, row: number, column: number): ValidationView | undefined;
  sheetOptions?(sheet: string): { showGridlines: boolean; tabColor: string; freeze: { rows: number; columns: number } };
}

export interface WorkbenchSimulator {
  run: ExcelRun;
  stats(): unknown;
  lastRunStats(): unknown;
  resetStats(): void;
  toModel(): WorkbookModel;
  subscribe(listener: () => void): () => void;
  view: WorkbenchView;
  /** Selects `address`; `activeCell` inside it stays the active cell (shift-click keeps its anchor). */
  select(sheet: string, address: string, activeCell?: string): void;
  activate(sheet: string): void;
  isSetSupported(set: 'ExcelApi', version: string): boolean;
  /** Types a value into one cell as the user (validation applies; onChanged fires). */
  setCellAsUser?(sheet: string, address: string, value: string | number | boolean): { ok: true } | { ok: false; title: string; message: string };
  /** Resolves once onChanged handlers called so far have settled. */
  eventsDelivered?(): Promise<void>;
}

export type SimulatorFactory = (model: WorkbookModel) => WorkbenchSimulator;
