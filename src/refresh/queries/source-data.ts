import type { CellValue, ExcelRun } from '../../excel/api';
import { locateTable } from '../../excel/query-output';
import { explainExcelError } from '../../excel/errors';
import { readRangeValues, type ReadProgress } from '../../excel/read-range-values';
import { sourceRefKey, type SourceRef } from '../../engine/spec';
import { firstPackedRows, packedRowAt, RowsPacker, unpackColumns, type PackedColumns } from '../worker-columns';

/**
 * A source as Excel gave it: the header row and the data rows. Plain arrays (structured-clone
 * safe), so a Web Worker can take them as they are.
 */
export interface SourceData {
  header: CellValue[];
  rows: CellValue[][];
  /** Round trips and response bytes the read took. */
  syncs: number;
  bytes: number;
  /**
   * Where a workbook table or range was read (the whole table, header and totals included, as
   * locateTable gives it): recorded so "out of date" can be told later (refresh/dashboards/source-stamps).
   */
  at?: { sheet: string; address: string };
  /**
   * The same rows already in the query worker's packed columns (a CSV the CSV worker parsed):
   * queries send these, and `rows` is then built only if something reads it (in one go). Read
   * the count and first rows through sourceRowCount and firstSourceRows, which never build it.
   */
  packed?: PackedColumns;
}

/**
 * How many data rows a source has, without building rows that arrived packed.
 * @example sourceRowCount({ header: ['A'], rows: [[1], [2]], syncs: 0, bytes: 0 }) // 2
 */
export function sourceRowCount(data: SourceData): number {
  return data.packed ? data.packed.rowCount : data.rows.length;
}

/**
 * A source's first `count` data rows, without building the rest of rows that arrived packed.
 * @example firstSourceRows(data, 20).length // 20 (or fewer)
 */
export function firstSourceRows(data: SourceData, count: number): CellValue[][] {
  return data.packed ? firstPackedRows(data.packed, count) : data.rows.slice(0, count);
}

/**
 * Data row i of a source, without building rows that arrived packed.
 * @example sourceRowAt(data, 0) // ['West', 120]
 */
export function sourceRowAt(data: SourceData, i: number): CellValue[] {
  if (!data.packed) return data.rows[i]!;
  // As `rows` has it: a number that is not finite (a pulled CSV's) is blank; Excel has none.
  return packedRowAt(data.packed, i).map((v) => (typeof v === 'number' && !Number.isFinite(v) ? '' : v));
}

/**
 * SourceData whose `rows` is built (by default from its packed columns) when first read, in one
 * go, then kept: queries send the packed columns to their worker and never read it.
 * @example lazyRows({ header: ['A'], packed, syncs: 1, bytes: 10 }).rows // [[1], [2]]
 */
export function lazyRows(data: Omit<SourceData, 'rows'> & { packed: PackedColumns }, build = () => rowsOfPacked(data.packed)): SourceData {
  let rows: CellValue[][] | undefined;
  return Object.defineProperty(data, 'rows', { enumerable: true, configurable: true, get: () => (rows ??= build()) }) as SourceData;
}

function rowsOfPacked(packed: PackedColumns): CellValue[][] {
  const columns = unpackColumns(packed);
  return Array.from({ length: packed.rowCount }, (_, r) => columns.map((column) => column[r]!));
}

/** Reads sources that are not in the workbook (cloud pulls); absent, such sources are refused. */
export type PullSource = (ref: Extract<SourceRef, { kind: 'source' }>, options: { signal?: AbortSignal }) => Promise<SourceData>;

export interface ReadSourceOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  pull?: PullSource;
}

/**
 * Reads a query's source from the workbook: an Excel table (one sync to find it, then its rows in
 * ≤ 5 MB syncs; a totals row is left out) or a sheet range whose first row is the header.
 *
 * @example const sales = await readSourceData(host.run, { kind: 'table', name: 'Sales' });
 */
export async function readSourceData(run: ExcelRun, ref: SourceRef, options: ReadSourceOptions = {}): Promise<SourceData> {
  if (ref.kind === 'source') {
    if (!options.pull) throw new Error(`The source "${ref.id}" is not in this workbook, and this pane cannot pull it. Refresh it from the Sources section first.`);
    return options.pull(ref, { signal: options.signal });
  }
  let sheet: string;
  let address: string;
  let dropLast = false;
  let syncs = 0;
  if (ref.kind === 'table') {
    try {
      const where = await locateTable(run, ref.name);
      if (!where.showHeaders) throw new Error(`The table "${ref.name}" has its header row turned off; turn it on (Table Design → Header Row) so PivotDeck can name the fields.`);
      sheet = where.sheet;
      address = where.address;
      dropLast = where.showTotals;
      syncs = 1;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('The table')) throw error;
      throw new Error(explainExcelError(error, `read the table "${ref.name}"`));
    }
  } else {
    sheet = ref.sheet;
    address = ref.address;
  }
  // Each sync's rows are packed into columns as they arrive (see RowsPacker): the first row is
  // the header, and a totals row is left out.
  let header: CellValue[] = [];
  let packer: RowsPacker | undefined;
  const onBlock = async (offset: number, values: CellValue[][], size: { rowCount: number; columnCount: number }) => {
    packer ??= new RowsPacker(size.columnCount, Math.max(0, size.rowCount - 1 - (dropLast ? 1 : 0)));
    if (offset === 0) header = values[0] ?? [];
    await packer.put(offset === 0 ? values.slice(1) : values, Math.max(0, offset - 1), { signal: options.signal });
  };
  let read;
  try {
    read = await readRangeValues(run, sheet, address, { signal: options.signal, onProgress: options.onProgress, onBlock, keepValues: false });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new Error(explainExcelError(error, `read ${sourceLabel(ref)}`));
  }
  const packed = (packer ?? new RowsPacker(0, 0)).finish();
  return lazyRows({ header, packed, syncs: syncs + read.syncs, bytes: read.bytes, at: { sheet, address } });
}

/**
 * How a source is named in messages.
 * @example sourceLabel({ kind: 'table', name: 'Sales' }) // 'the table "Sales"'
 */
export function sourceLabel(ref: SourceRef): string {
  switch (ref.kind) {
    case 'table':
      return `the table "${ref.name}"`;
    case 'range':
      return `${ref.sheet}!${ref.address}`;
    case 'source':
      return `the source "${ref.id}"`;
  }
}

/** Every source a spec reads (its source and its lookups), once each, by sourceRefKey. */
export function sourcesOf(spec: { source: SourceRef; lookups?: ReadonlyArray<{ source: SourceRef }> }): Map<string, SourceRef> {
  const out = new Map<string, SourceRef>();
  for (const ref of [spec.source, ...(spec.lookups ?? []).map((l) => l.source)]) out.set(sourceRefKey(ref), ref);
  return out;
}
