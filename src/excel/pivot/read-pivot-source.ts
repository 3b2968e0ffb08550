import { detectUnsupported, ExtensionError, type PivotSnapshot, type SourceTable, type XlValue } from '../../engine/pivot-extension';
import type { ExcelRun } from '../api';
import { explainExcelError } from '../errors';
import type { ReadProgress } from '../read-range-values';
import { sampleOfRows, type SampledRows } from '../sampled-rows';
import { readSourceRows } from './read-source-rows';
import { sourceRanges } from './source-ranges';

export interface ReadSourceOptions {
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
  /** Data-row indexes to hand back as read (for the source's stamp, at no extra sync). */
  sample?: (rows: number) => number[];
}

export interface SourceRead {
  source: SourceTable;
  /** Syncs and estimated response bytes spent reading the data rows. */
  syncs: number;
  bytes: number;
  /** With `options.sample`: the header and those rows as Excel gave them (before any conversion). */
  sample?: SampledRows;
}

/**
 * Reads the pivot's source (a table or a range of this workbook) with readSourceRows: the first
 * sync brings geometry, header, formats and the first rows; then ≤ 5 MB syncs (progress after
 * each; cancellable between syncs). Column-major result for the engine.
 * Refuses Data Model / external sources before reading anything.
 *
 * @example const { source } = await readPivotSource(host.run, snapshot, { onProgress, signal });
 */
export async function readPivotSource(run: ExcelRun, snapshot: PivotSnapshot, options: ReadSourceOptions = {}): Promise<SourceRead> {
  const early = detectUnsupported(snapshot);
  if (early.length > 0) throw new ExtensionError('unsupported', early.join('\n'));
  const read = await readSourceRows(run, snapshot.source.type, snapshot.source.text, options);
  const reasons = detectUnsupported(snapshot, read.headers);
  if (reasons.length > 0) throw new ExtensionError('unsupported', reasons.join('\n'));
  const sample = options.sample && sampleOfRows(read.header, read.rows, options.sample);
  const rows = read.rows as XlValue[][];
  const columns: XlValue[][] = read.headers.map(() => new Array<XlValue>(rows.length));
  let started = performance.now();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < columns.length; c++) columns[c][r] = row[c] ?? '';
    // A million rows take the pane's thread for a long moment: let it paint and answer input.
    if (r % 4096 === 4095 && performance.now() - started > 12) {
      options.signal?.throwIfAborted();
      await new Promise((resolve) => { setTimeout(resolve, 0); });
      started = performance.now();
    }
  }
  return { source: { headers: read.headers, columns, formats: read.formats, rowCount: rows.length }, syncs: read.syncs, bytes: read.bytes, ...(sample ? { sample } : {}) };
}

/** Where the source's data rows are, its header captions and first-row number formats. */
export interface SourceShape {
  sheet: string;
  block: { row: number; column: number; rows: number; columns: number };
  headers: string[];
  formats: string[];
}

/**
 * One sync: the source's geometry, header row and first data row's number formats (for the
 * pane's field pickers and for the measures' number formats).
 *
 * @example const { headers } = await readSourceShape(host.run, snapshot);
 */
export async function readSourceShape(run: ExcelRun, snapshot: PivotSnapshot): Promise<SourceShape> {
  const { type, text } = snapshot.source;
  return run(async (context) => {
    const { body: whole, header } = sourceRanges(context, type, text);
    const firstRow = whole.getRow(0);
    whole.load('address, rowIndex, columnIndex, rowCount, columnCount, worksheet/name');
    header.load('values');
    firstRow.load('numberFormat');
    try {
      await context.sync();
    } catch (error) {
      throw new ExtensionError('unsupported', explainExcelError(error, `find the source "${text}" of the PivotTable "${snapshot.name}"`));
    }
    return {
      sheet: whole.worksheet.name,
      block: { row: whole.rowIndex, column: whole.columnIndex, rows: whole.rowCount, columns: whole.columnCount },
      headers: (header.values[0] ?? []).map((h) => String(h)),
      formats: ((firstRow.numberFormat as string[][])[0] ?? []).map((f) => String(f || 'General')),
    };
  });
}
