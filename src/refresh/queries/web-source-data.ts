import { pullSource } from '../../connectors/pull-source';
import type { PullContext, PullOk, SourceDefinition } from '../../connectors/types';
import type { CellValue } from '../../excel/api';
import type { PivotDeckDocument } from '../../model';
import { packedColumnOf, yieldToPane, type PackedColumn } from '../worker-columns';
import { lazyRows, type PullSource, type SourceData } from './source-data';

/** Excel's sheet limit: 1,048,576 rows, the header included. */
export const SHEET_ROW_LIMIT = 1_048_576;

/**
 * Sources whose data stays out of the sheet: queries pull them directly ("don't land raw
 * rows"), which is the only way to use data with more rows than a sheet holds.
 *
 * @example keptOutOfSheet({ id: 'big', label: 'Big', kind: 'csv', keepOutOfSheet: true }) // true
 */
export function keptOutOfSheet(def: Pick<SourceDefinition, 'keepOutOfSheet'>): boolean {
  return def.keepOutOfSheet === true;
}

/**
 * Whether pulled data fits in an Excel table, and if not, what to tell the user.
 *
 * @example tooBigToLand(2_000_000) // 'This data has 2,000,000 rows, more than …'
 */
export function tooBigToLand(rows: number): string | undefined {
  if (rows + 1 <= SHEET_ROW_LIMIT) return undefined;
  return `This data has ${rows.toLocaleString('en-US')} rows, more than an Excel sheet holds (${(SHEET_ROW_LIMIT - 1).toLocaleString('en-US')} below the header). Keep it out of the sheet and build queries on it: a query's summary fits easily.`;
}

/**
 * A pull as a query source: the header and rows of Excel values (numbers, dates as serials,
 * booleans, text; a blank is ""), the shape workbook tables are read in. No row limit.
 *
 * A pull whose every column arrived packed (a CSV the worker parsed, see rememberPackedColumn)
 * keeps them as `packed` and builds no rows: queries send the packed columns to their worker, and
 * `rows` is made only if something reads it (in one go). Otherwise rows are built in slices the
 * pane yields between (a million rows in one go froze the pane for seconds).
 *
 * @example (await pulledToSourceData(pull)).rows[0] // [1, 45332, 1.25, false]
 */
export async function pulledToSourceData(pull: PullOk, options: { yieldNow?: () => Promise<void> } = {}): Promise<SourceData> {
  const header = pull.columns.map((c) => c.name);
  // The table's own columns, read in place: table.array() copies a column in one go (six million
  // cells in one pane task for a million-row CSV). A pull's table is never filtered or ordered.
  const { table } = pull;
  const inPlace = !table.isFiltered() && !table.isOrdered();
  const columns = header.map((name) => (inPlace ? table.column(name) : table.array(name)) as ArrayLike<unknown>);
  const packed = inPlace ? columns.map(packedColumnOf) : [];
  if (header.length > 0 && packed.length === header.length && packed.every((c): c is PackedColumn => c !== undefined && c.length === pull.rowCount)) {
    return lazyRows({ header, packed: { rowCount: pull.rowCount, columns: packed }, syncs: 0, bytes: pull.bytes }, () => {
      const rows: CellValue[][] = new Array(pull.rowCount);
      for (let r = 0; r < pull.rowCount; r++) rows[r] = rowAt(columns, r);
      return rows;
    });
  }
  const rows: CellValue[][] = new Array(pull.rowCount);
  let started = performance.now();
  for (let r = 0; r < pull.rowCount; r++) {
    rows[r] = rowAt(columns, r);
    if (r % 2048 === 2047 && performance.now() - started > 12) {
      await (options.yieldNow ?? yieldToPane)();
      started = performance.now();
    }
  }
  return { header, rows, syncs: 0, bytes: pull.bytes };
}

/** Row r of a pull's columns as Excel values: null, undefined and non-finite numbers are blank (""). */
function rowAt(columns: ReadonlyArray<ArrayLike<unknown>>, r: number): CellValue[] {
  const row: CellValue[] = new Array(columns.length);
  for (let c = 0; c < columns.length; c++) {
    const v = columns[c]![r];
    row[c] = v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : (v as CellValue);
  }
  return row;
}

export type WebPullContext = Pick<PullContext, 'fetch' | 'credentials' | 'policy' | 'origin' | 'sleep' | 'parseCsv'>;

/**
 * The last pull of each web source in one pane session, by source id, with the fingerprint of
 * what was pulled and the query source made from it. Shared by webPullSource and the source
 * coordinator (rememberPull), so a source saved from its preview is not downloaded again.
 */
export type PullMemory = Map<string, { def: string; pull: PullOk; data?: SourceData }>;

/** What a pull depends on: the address and the connector's options, not the state kept beside them. */
function fingerprintOf(def: SourceDefinition): string {
  return JSON.stringify([def.kind, def.url, def.options ?? {}]);
}

/**
 * Records `pull` as the last pull of `def` (see PullMemory). A pull without validators (no ETag
 * or Last-Modified) is not kept: the next read could not ask whether it is still current.
 * @example rememberPull(memory, def, preview);
 */
export function rememberPull(memory: PullMemory, def: SourceDefinition, pull: PullOk): void {
  if (!pull.etag && !pull.lastModified) return;
  const known = memory.get(def.id);
  if (known?.pull === pull) return;
  memory.set(def.id, { def: fingerprintOf(def), pull });
}

/**
 * The PullSource queries use for web sources: finds the source in the workbook's document and
 * pulls it. Within one pane session the last pull of each source is kept (`memory`); the next
 * read asks the server conditionally (ETag / Last-Modified) and a 304 reuses it without downloading.
 *
 * @example
 * const deps: QueryDeps = { run, pull: webPullSource(context, () => loadDocument()) };
 */
export function webPullSource(context: WebPullContext, document: () => Promise<PivotDeckDocument>, memory: PullMemory = new Map()): PullSource {
  return async (ref, options) => {
    const def = (await document()).sources.find((s) => s.id === ref.id);
    if (!def) throw new Error(`The source "${ref.id}" is no longer in this workbook. Choose another source for this query.`);
    const same = memory.get(def.id);
    const fingerprint = fingerprintOf(def);
    const previous = same && same.def === fingerprint ? same.pull : undefined;
    const result = await pullSource(def, {
      ...context,
      signal: options.signal,
      previous: previous && (previous.etag || previous.lastModified) ? { etag: previous.etag, lastModified: previous.lastModified } : undefined,
    });
    const pull = result.status === 'ok' ? result : previous;
    if (!pull) throw new Error(`The server said "${def.label}" did not change, but this pane has no copy of it; refresh it again.`);
    const entry = result.status === 'ok' || !same ? { def: fingerprint, pull } : same;
    entry.data ??= await pulledToSourceData(pull);
    memory.set(def.id, entry);
    return entry.data;
  };
}
