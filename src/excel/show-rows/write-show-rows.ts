import type { CellValue, ExcelRun } from '../api';
import { PAYLOAD_BUDGET_BYTES, estimateJsonBytes } from '../payload';
import { columnName } from '../pivot/read-pivot';
import { type ShowRowsContent, HEADER_ROWS, capWords, columnReference, toCell } from './rows-layout';
import { ShowRowsError } from './show-rows-error';

export interface ShowRowsOptions {
  /** Request bytes one sync may carry (default under Excel on the web's 5 MB). */
  budgetBytes?: number;
  signal?: AbortSignal;
}

export interface ShowRowsResult {
  sheet: string;
  table: string;
  /** A1 address of the table on its sheet, header included. */
  tableAddress: string;
  /** A1 address of the formula cell, when Excel has a function for the measure. */
  formulaAddress?: string;
  /** The formula written there. */
  formula?: string;
  rowsWritten: number;
  total: number;
  syncs: number;
  chunks: number;
}

const STYLE = 'TableStyleLight9';

/**
 * Write drilled rows to a new sheet as an Excel table: a title, the filters in words and the cap
 * above it, and below it a formula row that recomputes the number with Excel's own function over
 * the table's column (a structured reference), beside the number PivotDeck showed. Text is written
 * under the Text format first, so data that starts with =, +, - or @ stays data. Body rows go in
 * chunks under the 5 MB request limit. A new sheet is used every time (never a user's cells); if
 * Excel fails halfway, the new sheet is removed.
 *
 * @example
 * const rows = selectRows(drill.rows, resolve, 10_000);
 * await writeShowRows(host.run, { title: 'Rows behind Median of Revenue', words: drill.words, ...rows,
 *   recompute: drill.excel, shown: 412.5 });
 */
export async function writeShowRows(run: ExcelRun, content: ShowRowsContent, options: ShowRowsOptions = {}): Promise<ShowRowsResult> {
  const width = content.columns.length;
  if (width === 0) throw new ShowRowsError('The source has no columns to show. Check that the source table still has its header row.');
  let syncs = 0;
  const names = await run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name');
    const tables = ctx.workbook.tables.load('items/name');
    await ctx.sync();
    syncs++;
    return { sheets: sheets.items.map((s) => s.name.toLowerCase()), tables: tables.items.map((t) => t.name.toLowerCase()) };
  });
  let n = 1;
  while (names.sheets.includes(`rows ${n}`) || names.tables.includes(`showrows_${n}`)) n++;
  const sheetName = `Rows ${n}`;
  const tableName = `ShowRows_${n}`;

  // Cells, entirely in memory.
  const header: CellValue[] = content.columns.map(String);
  const body: CellValue[][] = [];
  const formats: string[][] = [];
  for (const row of content.rows) {
    const values: CellValue[] = new Array(width);
    const f: string[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = toCell(row[c], content.numberFormats?.[c] ?? 'General');
      values[c] = cell.value;
      f[c] = cell.format;
    }
    body.push(values);
    formats.push(f);
  }
  const bodyRows = Math.max(1, body.length); // an Excel table always has a body row
  if (!body.length) {
    body.push(new Array<CellValue>(width).fill(''));
    formats.push(new Array<string>(width).fill('General'));
  }
  const top = HEADER_ROWS.table;
  const formulaRow = top + 1 + bodyRows + 1;
  const formula = content.recompute.kind === 'function' ? content.recompute.formula((field) => columnReference(tableName, field)) : undefined;
  const shown = toCell(content.shown);

  // Chunks: values and formats of consecutive rows under the budget.
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const chunks: Array<{ start: number; rows: number }> = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < body.length; r++) {
    const rowBytes = estimateJsonBytes([body[r]]) + estimateJsonBytes([formats[r]]);
    if (r > start && bytes + rowBytes > budget) {
      chunks.push({ start, rows: r - start });
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  chunks.push({ start, rows: body.length - start });

  let created = false;
  try {
    await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add(sheetName);
      created = true;
      const text = (row: number, value: string) => {
        const cell = sheet.getRangeByIndexes(row, 0, 1, 1);
        cell.numberFormat = [['@']];
        cell.values = [[value]];
      };
      text(HEADER_ROWS.title, content.title);
      text(HEADER_ROWS.words, content.words);
      text(HEADER_ROWS.cap, capWords(content.rows.length, content.total));
      if (content.note) text(HEADER_ROWS.note, content.note);
      sheet.getRangeByIndexes(HEADER_ROWS.title, 0, 1, 1).format.font.bold = true;
      const head = sheet.getRangeByIndexes(top, 0, 1, width);
      head.numberFormat = [header.map(() => '@')]; // headers stay text ("2024" too)
      head.values = [header];
      for (let i = 0; i < chunks.length; i++) {
        if (options.signal?.aborted) throw new ShowRowsError('Show rows was cancelled.');
        const { start: s, rows } = chunks[i];
        const range = sheet.getRangeByIndexes(top + 1 + s, 0, rows, width);
        range.numberFormat = formats.slice(s, s + rows); // formats before values: "@" must be there when text arrives
        range.values = body.slice(s, s + rows);
        await ctx.sync();
        syncs++;
      }
      const table = ctx.workbook.tables.add(sheet.getRangeByIndexes(top, 0, 1 + bodyRows, width), true);
      table.name = tableName;
      table.style = STYLE;
      if (formula !== undefined && content.recompute.kind === 'function') {
        text(formulaRow, `Excel's ${content.recompute.functionName} over these rows:`);
        sheet.getRangeByIndexes(formulaRow, 1, 1, 1).formulas = [[formula]];
        text(formulaRow + 1, 'PivotDeck showed:');
      } else if (content.recompute.kind === 'none') {
        text(formulaRow, content.recompute.reason);
        text(formulaRow + 1, 'PivotDeck showed:');
      }
      const shownCell = sheet.getRangeByIndexes(formulaRow + 1, 1, 1, 1);
      shownCell.numberFormat = [[shown.format]];
      shownCell.values = [[shown.value]];
      sheet.activate();
      await ctx.sync();
      syncs++;
    });
  } catch (error) {
    if (created) {
      try {
        await run(async (ctx) => {
          const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetName).load('name');
          await ctx.sync();
          if (!sheet.isNullObject) sheet.delete();
          await ctx.sync();
        });
      } catch {
        // The sheet could not be removed either; the message below says where it is.
      }
    }
    if (error instanceof ShowRowsError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new ShowRowsError(`Excel could not write the rows (${why}). Nothing else in the workbook was changed. Try Show rows again; if it keeps failing, delete the sheet "${sheetName}" if it is still there.`, { cause: error });
  }
  const last = columnName(width - 1);
  return {
    sheet: sheetName,
    table: tableName,
    tableAddress: `A${top + 1}:${last}${top + 1 + bodyRows}`,
    formulaAddress: formula !== undefined ? `B${formulaRow + 1}` : undefined,
    formula,
    rowsWritten: content.rows.length,
    total: content.total,
    syncs,
    chunks: chunks.length,
  };
}
