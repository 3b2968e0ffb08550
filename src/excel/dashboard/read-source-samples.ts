import type { CellValue, ExcelRun, XRange, XTable } from '../api';
import { localAddress, parseBlock } from '../a1';
import { runsOf, type SampledRows } from '../sampled-rows';

/** A workbook source whose sample is wanted: a table by name, or a sheet range (header first). */
export type SampledSource =
  | { key: string; kind: 'table'; name: string }
  | { key: string; kind: 'range'; sheet: string; address: string };

/** What a sample read found: where the source is, its data-row count, header and sampled rows. */
export interface SourceSample extends SampledRows {
  sheet: string;
  /** The whole table or range, header and totals included ("A1:F11"), as locateTable gives it. */
  address: string;
}

/**
 * Reads, for each source, where it is, its row count, its header and the data rows `pick` chooses
 * (e.g. 200 spread evenly), in at most three syncs for any number of sources (find them, locate the tables, read the
 * sampled cells). A table that is gone, or a range on a sheet that is gone, comes back undefined.
 * This is the cheap check behind "Out of date": it never reads a whole large table.
 *
 * @example const samples = await readSourceSamples(host.run, [{ key: 'table:Sales', kind: 'table', name: 'Sales' }], (n) => [0, n - 1]);
 */
export async function readSourceSamples(run: ExcelRun, sources: readonly SampledSource[], pick: (rows: number) => number[]): Promise<{ samples: Map<string, SourceSample | undefined>; syncs: number }> {
  const samples = new Map<string, SourceSample | undefined>();
  if (sources.length === 0) return { samples, syncs: 0 };
  return run(async (context) => {
    const wb = context.workbook;
    // 1. Which tables and sheets exist (null objects, so one that is gone is no error).
    const looked = sources.map((s) => (s.kind === 'table'
      ? { s, item: wb.tables.getItemOrNullObject(s.name).load('showTotals, showHeaders') }
      : { s, item: wb.worksheets.getItemOrNullObject(s.sheet).load('name') }));
    await context.sync();
    // 2. Where each table is now.
    const found = looked.map(({ s, item }) => {
      if (item.isNullObject) return { s, table: undefined, sheet: undefined, range: undefined };
      if (s.kind !== 'table') return { s, table: undefined, sheet: undefined, range: undefined, present: true };
      const table = wb.tables.getItem(s.name);
      return { s, table: item as XTable, sheet: table.worksheet.load('name'), range: table.getRange().load('address, rowCount') };
    });
    if (found.some((f) => f.table)) await context.sync();
    const reads: Array<{ key: string; sheet: string; address: string; rows: number; header: XRange; parts: Array<{ first: number; range: XRange }> }> = [];
    for (const f of found) {
      let sheetName: string;
      let address: string;
      let dataRows: number;
      if (f.table && f.sheet && f.range) {
        sheetName = f.sheet.name;
        address = localAddress(f.range.address);
        dataRows = Math.max(0, f.range.rowCount - (f.table.showHeaders ? 1 : 0) - (f.table.showTotals ? 1 : 0));
      } else {
        if (!('present' in f) || f.s.kind !== 'range') {
          samples.set(f.s.key, undefined);
          continue;
        }
        sheetName = f.s.sheet;
        address = f.s.address.toUpperCase();
        const block = parseBlock(address);
        dataRows = block ? Math.max(0, block.rows - 1) : 0;
      }
      const block = parseBlock(address);
      if (!block) {
        samples.set(f.s.key, undefined);
        continue;
      }
      const ws = wb.worksheets.getItem(sheetName);
      const header = ws.getRangeByIndexes(block.row, block.column, 1, block.columns).load('values');
      const parts = runsOf(pick(dataRows).filter((i) => i >= 0 && i < dataRows))
        .map(([first, count]) => ({ first, range: ws.getRangeByIndexes(block.row + 1 + first, block.column, count, block.columns).load('values') }));
      reads.push({ key: f.s.key, sheet: sheetName, address, rows: dataRows, header, parts });
    }
    if (reads.length) await context.sync();
    for (const r of reads) {
      const sampled = new Map<number, CellValue[]>();
      for (const p of r.parts) p.range.values.forEach((row, i) => sampled.set(p.first + i, row));
      samples.set(r.key, { sheet: r.sheet, address: r.address, rows: r.rows, header: r.header.values[0] ?? [], sampled });
    }
    return { samples, syncs: 1 + (found.some((f) => f.table) ? 1 : 0) + (reads.length ? 1 : 0) };
  });
}
