import type { CellValue, ExcelRun } from '../api';
import { columnLetters } from '../query-output/block-address';
import { readRangeValues } from '../read-range-values';

/** A history table as it is in the workbook now. */
export interface HistoryTableState {
  exists: boolean;
  /** Where the table is (absent when it does not exist). */
  sheet?: string;
  /** Zero-based sheet row and column of the header's first cell. */
  row?: number;
  column?: number;
  header: string[];
  /** Body rows, blank ones included (an Excel table keeps one blank row when its rows are deleted). */
  bodyRows: number;
  /** Body values of the columns asked for, top to bottom, by their index in `header`. */
  columns: Map<number, CellValue[]>;
  syncs: number;
}

export interface ReadHistoryOptions {
  /** Which columns to read, by header name (ignoring case); 'all' for every column. Default: the first. */
  columns?: readonly string[] | 'all';
  signal?: AbortSignal;
}

/**
 * Reads a history table: where it is, its header, and the body values of some columns, in blocks
 * under Excel's 5 MB response limit (readRangeValues). One sync finds the table; the body read
 * takes about one sync per 4.5 MB.
 *
 * @example const h = await readHistoryTable(host.run, 'PivotDeck_History_q_1'); h.columns.get(0) // the stamps
 */
export async function readHistoryTable(run: ExcelRun, tableName: string, options: ReadHistoryOptions = {}): Promise<HistoryTableState> {
  const found = await run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(tableName).load('name, showTotals, worksheet/name');
    await context.sync();
    if (table.isNullObject) return undefined;
    const range = table.getRange().load('rowIndex, columnIndex, rowCount, columnCount');
    const header = table.getHeaderRowRange().load('values');
    await context.sync();
    return {
      sheet: table.worksheet.name,
      row: range.rowIndex,
      column: range.columnIndex,
      header: (header.values[0] ?? []).map((v) => String(v)),
      bodyRows: range.rowCount - 1 - (table.showTotals ? 1 : 0),
    };
  });
  if (!found) return { exists: false, header: [], bodyRows: 0, columns: new Map(), syncs: 1 };
  const lower = found.header.map((h) => h.toLowerCase());
  const wanted = options.columns === 'all'
    ? found.header.map((_, i) => i)
    : (options.columns ?? [found.header[0] ?? '']).map((name) => lower.indexOf(name.toLowerCase())).filter((i) => i >= 0);
  const columns = new Map<number, CellValue[]>();
  let syncs = 2;
  if (wanted.length > 0 && found.bodyRows > 0) {
    const first = Math.min(...wanted);
    const last = Math.max(...wanted);
    const top = found.row + 2;
    const address = `${columnLetters(found.column + first)}${top}:${columnLetters(found.column + last)}${top + found.bodyRows - 1}`;
    const read = await readRangeValues(run, found.sheet, address, { signal: options.signal });
    syncs += read.syncs;
    for (const i of wanted) columns.set(i, read.values.map((r) => r[i - first] ?? ''));
  }
  return { exists: true, ...found, columns, syncs };
}
