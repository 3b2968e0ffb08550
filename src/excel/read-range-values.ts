import { parseBlock } from './a1';
import type { CellValue, ExcelRun, XRange, XRequestContext, XWorksheet } from './api';
import { isPayloadTooLarge } from './errors';
import { PAYLOAD_BUDGET_BYTES, estimateJsonBytes } from './payload';

/** Progress of a chunked read, reported after every sync. */
export interface ReadProgress {
  rowsRead: number;
  totalRows: number;
  syncs: number;
  /** Estimated response bytes received so far. */
  bytes: number;
}

export interface ReadRangeOptions {
  /**
   * Most cells in one range request. Excel fails reads of more than 5,000,000 cells per range and
   * slows down well before that; several blocks of this size may share one sync. Default 1,000,000.
   */
  maxCellsPerRequest?: number;
  /** Response bytes one sync may be planned to carry. Default PAYLOAD_BUDGET_BYTES (90% of 5 MB). */
  maxBytesPerSync?: number;
  /** Also read `numberFormat` (dates are serial numbers; the format says they are dates). */
  numberFormat?: boolean;
  onProgress?: (progress: ReadProgress) => void;
  /** Checked between syncs; an aborted read rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface RangeValues {
  /** Sheet-qualified address as Excel reports it. */
  address: string;
  rowCount: number;
  columnCount: number;
  values: CellValue[][];
  /** Present when `numberFormat: true` was asked for. */
  numberFormat?: string[][];
  syncs: number;
  bytes: number;
}

/** Cells read in the first sync to measure how heavy a cell is, when the address can be parsed. */
export const SAMPLE_CELLS = 10_000;
const DEFAULT_MAX_CELLS = 1_000_000;
/** How many times a block that still overflowed is halved before giving up. */
const MAX_SHRINKS = 8;

interface Block { offset: number; rows: number; range: XRange }

/**
 * Reads a range of any size in row blocks so no sync's response exceeds Excel's 5 MB limit.
 *
 * The estimate: the first sync reads the range's size together with a sample of about
 * SAMPLE_CELLS cells from its top. Bytes per cell is then the largest JSON size per cell seen in
 * any block read so far (values plus number formats when asked). Each later sync carries as
 * many whole-row blocks as fit in `maxBytesPerSync` at that rate, each block at most
 * `maxCellsPerRequest` cells. If Excel still rejects a sync as too large (rows further down are
 * wider than the sample), the estimate is doubled and the same rows are asked again, so a read
 * takes about ceil(total bytes / budget) + 1 syncs.
 *
 * @example
 * const { values } = await readRangeValues(host.run, 'Data', 'A1:K200001', {
 *   onProgress: (p) => setProgress(p.rowsRead / p.totalRows),
 * });
 */
export async function readRangeValues(
  run: ExcelRun,
  sheetName: string,
  address: string,
  options: ReadRangeOptions = {},
): Promise<RangeValues> {
  const maxCells = Math.max(1, options.maxCellsPerRequest ?? DEFAULT_MAX_CELLS);
  const budget = Math.max(1, options.maxBytesPerSync ?? PAYLOAD_BUDGET_BYTES);
  const props = options.numberFormat ? 'values, numberFormat' : 'values';

  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const whole = sheet.getRange(address).load('address, rowIndex, columnIndex, rowCount, columnCount');
    const guess = parseBlock(address);
    const sampleRows = guess ? Math.min(guess.rows, Math.max(1, Math.floor(SAMPLE_CELLS / guess.columns))) : 0;
    let sample = guess ? sheet.getRangeByIndexes(guess.row, guess.column, sampleRows, guess.columns).load(props) : undefined;
    let syncs = 1;
    try {
      await context.sync();
    } catch (error) {
      // The sample alone was too big (very long texts): measure with a smaller block later.
      if (!sample || !isPayloadTooLarge(error)) throw error;
      sample = undefined;
      whole.load('address, rowIndex, columnIndex, rowCount, columnCount');
      syncs++;
      await context.sync();
    }

    const state = new ReadState(whole, options);
    state.syncs = syncs;
    if (sample && guess && guess.rows === whole.rowCount && guess.columns === whole.columnCount) {
      state.take(0, sample);
    }
    state.report();
    await readRest(context, sheet, state, { maxCells, budget, props });
    return state.result();
  });
}

interface Plan { maxCells: number; budget: number; props: string }

class ReadState {
  values: CellValue[][] = [];
  formats: string[][] = [];
  next = 0;
  syncs = 0;
  bytes = 0;
  /** Largest observed bytes per cell; undefined until a block has been read. */
  bytesPerCell: number | undefined;

  constructor(readonly whole: XRange, readonly options: ReadRangeOptions) {}

  get rowCount(): number { return this.whole.rowCount; }
  get columnCount(): number { return this.whole.columnCount; }

  take(offset: number, range: XRange): void {
    const values = range.values;
    const formats = this.options.numberFormat ? (range.numberFormat as string[][]) : undefined;
    const blockBytes = estimateJsonBytes(values) + (formats ? estimateJsonBytes(formats) : 0);
    const perCell = blockBytes / Math.max(1, values.length * this.columnCount);
    this.bytesPerCell = Math.max(this.bytesPerCell ?? 0, perCell);
    this.bytes += blockBytes;
    for (let i = 0; i < values.length; i++) {
      this.values[offset + i] = values[i];
      if (formats) this.formats[offset + i] = formats[i];
    }
    this.next = Math.max(this.next, offset + values.length);
  }

  report(): void {
    this.options.onProgress?.({ rowsRead: this.next, totalRows: this.rowCount, syncs: this.syncs, bytes: this.bytes });
  }

  result(): RangeValues {
    return {
      address: this.whole.address,
      rowCount: this.rowCount,
      columnCount: this.columnCount,
      values: this.values,
      numberFormat: this.options.numberFormat ? this.formats : undefined,
      syncs: this.syncs,
      bytes: this.bytes,
    };
  }
}

/** Rows per block and blocks per sync for the current estimate. */
function planBlocks(state: ReadState, plan: Plan): { rowsPerBlock: number; blocksPerSync: number } {
  const columns = state.columnCount;
  const cellsCap = Math.max(1, Math.floor(plan.maxCells / columns));
  if (state.bytesPerCell === undefined) {
    // Nothing measured yet (the address was a name or whole columns): read a sample alone.
    return { rowsPerBlock: Math.min(cellsCap, Math.max(1, Math.floor(SAMPLE_CELLS / columns))), blocksPerSync: 1 };
  }
  const bytesPerRow = Math.max(1, state.bytesPerCell * columns);
  const rowsPerSync = Math.max(1, Math.floor(plan.budget / bytesPerRow));
  const rowsPerBlock = Math.min(cellsCap, rowsPerSync);
  return { rowsPerBlock, blocksPerSync: Math.max(1, Math.floor(rowsPerSync / rowsPerBlock)) };
}

async function readRest(context: XRequestContext, sheet: XWorksheet, state: ReadState, plan: Plan): Promise<void> {
  const { whole } = state;
  let shrinks = 0;
  while (state.next < state.rowCount) {
    state.options.signal?.throwIfAborted();
    const { rowsPerBlock, blocksPerSync } = planBlocks(state, plan);
    const blocks: Block[] = [];
    for (let b = 0, offset = state.next; b < blocksPerSync && offset < state.rowCount; b++, offset += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, state.rowCount - offset);
      const range = sheet.getRangeByIndexes(whole.rowIndex + offset, whole.columnIndex, rows, state.columnCount).load(plan.props);
      blocks.push({ offset, rows, range });
    }
    try {
      state.syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch of blocks is the point of chunking
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || shrinks >= MAX_SHRINKS) throw error;
      shrinks++;
      // Rows here are heavier than measured: assume twice the weight and ask again.
      state.bytesPerCell = 2 * (state.bytesPerCell ?? (plan.budget / SAMPLE_CELLS));
      continue;
    }
    shrinks = 0;
    for (const block of blocks) state.take(block.offset, block.range);
    state.report();
  }
}
