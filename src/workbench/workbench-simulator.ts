/**
 * The part of the Excel simulator the workbench page uses, stated structurally so the page
 * depends on a small surface (and tests can see at a glance what the page reads).
 * `createSimulator` in src/simulator returns an object assignable to this.
 */
import type { ExcelRun } from '../excel/api';
import type { WorkbookModel } from '../simulator/model';

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
}

export type SimulatorFactory = (model: WorkbookModel) => WorkbenchSimulator;
