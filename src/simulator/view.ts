/**
 * Synchronous, read-only view of the simulated workbook for the workbench grid. It reads the
 * state directly (no proxies, no payload accounting): the grid is not an add-in.
 */
import type { CellValue } from '../excel/api';
import { formatArea, parseArea } from './address';
import { formatValue } from './format';
import type { WorkbookState } from './state/workbook';

export interface CellView {
  value: CellValue;
  text: string;
  numberFormat: string;
  formula?: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
  /** Indent level (Excel's IndentLevel), e.g. a compact pivot's child row labels. */
  indent?: number;
}

export interface WorkbookView {
  sheetNames(): string[];
  activeSheet(): string;
  /** From A1 to the last used cell; { rows: 0, columns: 0 } for an empty sheet. */
  usedSize(sheet: string): { rows: number; columns: number };
  cell(sheet: string, row: number, column: number): CellView;
  columnWidth(sheet: string, column: number): number | undefined;
  tables(): Array<{ name: string; sheet: string; address: string }>;
  pivots(): Array<{ name: string; sheet: string; address: string }>;
  /** The selected area and, inside it, the active cell (e.g. "B5"), both sheet-local. */
  selection(): { sheet: string; address: string; activeCell: string };
}

const EMPTY: CellView = Object.freeze({ value: '', text: '', numberFormat: 'General' }) as CellView;

export function createView(state: () => WorkbookState): WorkbookView {
  const sheetOf = (name: string) => state().findSheet(name);
  return {
    sheetNames: () => state().sheets.map((s) => s.name),
    activeSheet: () => state().activeSheet.name,
    usedSize(name) {
      const used = sheetOf(name)?.usedArea(false);
      return used ? { rows: used.row + used.rows, columns: used.column + used.columns } : { rows: 0, columns: 0 };
    },
    cell(name, row, column) {
      const sheet = sheetOf(name);
      const r = sheet?.rows.get(row);
      if (!sheet || !r) return EMPTY;
      const value = r.v[column] ?? '';
      const numberFormat = r.nf?.[column] ?? 'General';
      const formula = r.fx?.[column];
      const style = r.st?.[column];
      if (value === '' && formula === undefined && style === undefined && numberFormat === 'General') return EMPTY;
      const view: CellView = { value, text: value === '' ? '' : formatValue(value, numberFormat), numberFormat };
      if (formula !== undefined) view.formula = formula;
      if (style?.bold) view.bold = true;
      if (style?.fill) view.fill = style.fill;
      if (style?.fontColor) view.fontColor = style.fontColor;
      if (style?.indent) view.indent = style.indent;
      return view;
    },
    columnWidth: (name, column) => sheetOf(name)?.columnWidths.get(column),
    tables: () => state().tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: formatArea(t.area) })),
    pivots: () =>
      state().pivots.map((p) => ({
        name: p.model.name,
        sheet: p.model.sheet,
        address: p.model.rendered?.range ?? formatArea(parseArea(p.model.anchor)),
      })),
    selection: () => {
      const s = state().selection;
      return { sheet: s.sheet.name, address: formatArea(s.area), activeCell: formatArea(state().activeCell().area) };
    },
  };
}
