import type { XChartType, XRequestContext } from '../api';
import { parseBlock } from '../a1';
import type { FormatSnapshot } from './format-backup';
import type { WriteDashboardOptions } from './write-dashboard-plan';

/** "A1:B2" → "$A$1:$B$2". */
function absolute(address: string): string {
  return address.split(':').map((part) => part.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')).join(':');
}

/** What a dashboard sheet held before a write, read in the write's first sync. */
export interface DashboardBefore {
  /**
   * Cells PivotDeck was about to change: formulas (constants as they are), number formats and,
   * when they could be read (format-backup.ts), per-cell formats and the merged areas.
   */
  cells: Array<{ address: string; formulas: unknown[][]; numberFormat: unknown[][] } & FormatSnapshot>;
  /** Every chart on the sheet then, with what a write changes. */
  charts: Array<{ name: string; type: XChartType; top: number; left: number; width: number; height: number; title: string; series: number }>;
}

/**
 * Puts a dashboard sheet back as it was before a write that Excel stopped halfway (Excel does not
 * roll a failed batch back): the cells' contents and number formats, their fills, fonts,
 * alignment and merged areas when the write could read them first (ExcelApi 1.9 and 1.13; on an
 * older Excel those come back with the next refresh), the tracking names, the charts' type,
 * title, place and series (pointed at the old rows again), and no chart the failed write added.
 * Two syncs (the first reads the sheet's names and charts).
 *
 * @example await run((ctx) => restoreDashboard(ctx, 'Sales overview', options, before));
 */
export async function restoreDashboard(context: XRequestContext, sheetName: string, options: WriteDashboardOptions, before: DashboardBefore): Promise<void> {
  const wb = context.workbook;
  const sheet = wb.worksheets.getItem(sheetName);
  const names = wb.names.load('items/name');
  const charts = sheet.charts.load('items/name, items/series/items/name');
  await context.sync();
  for (const c of before.cells) {
    const range = sheet.getRange(c.address);
    range.unmerge();
    range.conditionalFormats.clearAll();
    range.dataValidation.clear();
    range.clear('Contents');
    // Number formats first: text written as "@" stays text when its formula-like content returns.
    range.numberFormat = c.numberFormat as string[][];
    range.formulas = c.formulas as string[][];
  }
  // Merges after every block's contents (a merge keeps only its top-left value, and the others
  // were empty before), then each cell's fill, font and alignment as they were.
  for (const c of before.cells) for (const m of c.merges ?? []) sheet.getRange(m).merge(false);
  for (const c of before.cells) if (c.formats) sheet.getRange(c.address).setCellProperties(c.formats);
  // The names this dashboard tracks, exactly as before.
  for (const n of names.items) if (n.name.startsWith(options.prefix) && !options.names.has(n.name)) n.delete();
  const present = new Set(names.items.map((n) => n.name));
  for (const [name, address] of options.names) {
    if (present.has(name)) wb.names.getItem(name).formula = `='${sheetName.replace(/'/g, "''")}'!${absolute(address)}`;
    else wb.names.add(name, sheet.getRange(address), 'PivotDeck dashboard block. PivotDeck rewrites these cells on refresh.');
  }
  const old = new Map(before.charts.map((c) => [c.name, c]));
  for (const c of charts.items) {
    const was = old.get(c.name);
    if (!was) {
      // Added by the failed write.
      if (c.name.startsWith(options.prefix)) c.delete();
      continue;
    }
    if (!c.name.startsWith(options.prefix)) continue;
    c.chartType = was.type;
    c.title.text = was.title;
    c.top = was.top;
    c.left = was.left;
    c.width = was.width;
    c.height = was.height;
    // Its data block as it was (tracked as "<chart>_data", a title row above the header row).
    const data = options.names.get(`${c.name}_data`);
    const block = data ? parseBlock(data) : undefined;
    if (!block || block.rows < 2) continue;
    if (c.series.items.length !== was.series) {
      // The failed write re-made the series (their count changed): lay them out from the old block again.
      c.setData(sheet.getRangeByIndexes(block.row + 1, block.column, block.rows - 1, block.columns), 'Columns');
      continue;
    }
    const rows = Math.max(1, block.rows - 2);
    const n = Math.min(was.series, block.columns - 1);
    const categories = sheet.getRangeByIndexes(block.row + 2, block.column, rows, 1);
    for (let i = 0; i < n; i++) {
      const s = c.series.getItemAt(i);
      s.setValues(sheet.getRangeByIndexes(block.row + 2, block.column + 1 + i, rows, 1));
      s.setXAxisValues(categories);
    }
  }
  await context.sync();
}
