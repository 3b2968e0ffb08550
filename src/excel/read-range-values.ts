import { parseBlock } from './a1';
import type { CellValue, ExcelRun, XRange, XRequestContext, XWorksheet } from './api';
import { isPayloadTooLarge } from './errors';
import { PAYLOAD_BUDGET_BYTES, sampledJsonBytes } from './payload';

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
  /**
   * Given each block's rows as they arrive (`offset` is the block's first row in the range),
   * before the next sync is asked for. With `keepValues: false` the result's `values` stays
   * empty and the rows are the callback's alone: a caller that packs them as they come keeps no
   * million row arrays alive until the read ends.
   */
  onBlock?: (offset: number, values: CellValue[][], size: { rowCount: number; columnCount: number }) => void | Promise<void>;
  /** Default true. False: `values` (and `numberFormat`) of the result are left empty. */
  keepValues?: boolean;
}

export interface RangeValues {
  /** Sheet-qualified address as Excel reports it. */
  address: string;
  rowCount: number;
  columnCount: number;
  /** Every row read; empty when `keepValues: false` was asked for. */
  values: CellValue[][];
  /** Present when `numberFormat: true` was asked for. */
  numberFormat?: string[][];
  syncs: number;
  bytes: number;
}

/**
 * Cells read in the first sync, together with the range's size, when the address can be parsed.
 * Big enough to carry real data (about 1 MB at a typical 10 bytes per cell, so the extra sync is
 * not wasted), small enough to fit the limit unless cells average over 49 bytes.
 */
export const SAMPLE_CELLS = 100_000;
/** The sample after the first one overflowed, and the first block when nothing was measured. */
export const SMALL_SAMPLE_CELLS = 5_000;
const DEFAULT_MAX_CELLS = 1_000_000;
/**
 * Rows further down are often a little heavier than those above (growing ids, longer numbers):
 * blocks are planned for 10% more bytes per cell than the heaviest block seen so far.
 */
const GROWTH_MARGIN = 1.1;
/** How many times a block that still overflowed is halved before giving up. */
const MAX_SHRINKS = 8;

interface Block { offset: number; rows: number; range: XRange }

/**
 * Reads a range of any size in row blocks so no sync's response exceeds Excel's 5 MB limit.
 *
 * The estimate: the first sync reads the range's size together with a sample of up to
 * SAMPLE_CELLS cells from its top. Bytes per cell is then the largest JSON size per cell seen in
 * any block read so far (values plus number formats when asked), plus a 10% margin for rows
 * that grow further down. Each later sync carries as
 * many whole-row blocks as fit in `maxBytesPerSync` at that rate, each block at most
 * `maxCellsPerRequest` cells. If Excel still rejects a sync as too large (rows further down are
 * wider than the sample), half as many cells are asked for again, so a read
 * takes about ceil(total bytes / (budget / 1.1)) + 1 syncs.
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
    const whole = sheet.getRange(address);
    const guess = parseBlock(address);
    let sample: XRange | undefined;
    let syncs = 0;
    // First sync: the range's size plus a sample from its top. If the sample is too big for one
    // response (unusually long texts), ask again with a smaller one, then with none.
    for (const cells of guess ? [SAMPLE_CELLS, SMALL_SAMPLE_CELLS, 0] : [0]) {
      whole.load('address, rowIndex, columnIndex, rowCount, columnCount');
      const rows = guess ? Math.min(guess.rows, Math.floor(Math.min(cells, maxCells) / guess.columns)) : 0;
      sample = guess && rows > 0 ? sheet.getRangeByIndexes(guess.row, guess.column, rows, guess.columns).load(props) : undefined;
      syncs++;
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- retries only after a payload error
        await context.sync();
        break;
      } catch (error) {
        if (!sample || !isPayloadTooLarge(error)) throw error;
      }
    }

    const state = new ReadState(whole, options);
    state.syncs = syncs;
    if (sample && guess && guess.rows === whole.rowCount && guess.columns === whole.columnCount) {
      await state.take(0, sample);
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
  /** Largest observed bytes per cell (with margin); undefined until a block has been read. */
  measured: number | undefined;
  /** Raised estimate after Excel refused a sync as too large; cleared by the next success. */
  penalty: number | undefined;

  /** Bytes per cell to plan with. */
  get bytesPerCell(): number | undefined {
    return this.penalty !== undefined ? Math.max(this.penalty, this.measured ?? 0) : this.measured;
  }

  constructor(readonly whole: XRange, readonly options: ReadRangeOptions) {}

  get rowCount(): number { return this.whole.rowCount; }
  get columnCount(): number { return this.whole.columnCount; }

  async take(offset: number, range: XRange): Promise<void> {
    const values = range.values;
    const formats = this.options.numberFormat ? (range.numberFormat as string[][]) : undefined;
    const blockBytes = sampledJsonBytes(values) + (formats ? sampledJsonBytes(formats) : 0);
    const perCell = blockBytes / Math.max(1, values.length * this.columnCount);
    this.measured = Math.max(this.measured ?? 0, perCell * GROWTH_MARGIN);
    this.bytes += blockBytes;
    if (this.options.keepValues !== false) {
      for (let i = 0; i < values.length; i++) {
        this.values[offset + i] = values[i];
        if (formats) this.formats[offset + i] = formats[i];
      }
    }
    this.next = Math.max(this.next, offset + values.length);
    await this.options.onBlock?.(offset, values, { rowCount: this.rowCount, columnCount: this.columnCount });
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
    return { rowsPerBlock: Math.min(cellsCap, Math.max(1, Math.floor(SMALL_SAMPLE_CELLS / columns))), blocksPerSync: 1 };
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
      // Rows here are heavier than measured: plan at most half as many cells as just failed
      // (Excel does not say by how much it was over) and ask again.
      const attempted = blocks.reduce((sum, block) => sum + block.rows, 0) * state.columnCount;
      state.penalty = Math.max(2 * (state.bytesPerCell ?? 0), plan.budget / Math.max(1, attempted / 2));
      continue;
    }
    shrinks = 0;
    state.penalty = undefined;
    for (const block of blocks) await state.take(block.offset, block.range);
    state.report();
  }
}
