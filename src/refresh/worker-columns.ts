/**
 * Source data as it crosses to a worker: one packed column per field, its cells in typed arrays
 * whose buffers are transferred (moved, not copied) by postMessage. Cloning a million rows as
 * arrays of values costs the pane seconds in one task (the structured clone visits every cell);
 * packing costs a fraction of that, in slices the pane yields between, and the move is free.
 *
 * A column holds:
 * - `numbers` (Float64Array): the cells that are numbers (-0, infinities and NaN kept bit for bit);
 * - `codes` (Int32Array) into a dictionary of the distinct texts, stored as one string (`text`)
 *   with the end of each entry in `ends`, so a million-row text column is two buffers and one
 *   string, not a million strings to clone;
 * - `kinds` (Uint8Array): what each cell is, left out when every cell is a number.
 * A missing cell (null, undefined, or past the end of a short row) is "" (blank), as
 * tableFromExcelValues and the pivot source read treat it. Pure: no DOM, no Worker.
 */

/** What a cell is, in `kinds`. 0 is a number, so a column that turns mixed late needs no back-fill. */
const NUMBER = 0;
const TEXT = 1;
const FALSE = 2;
const TRUE = 3;

/** One column, packed. Plain data with typed arrays: structured-clone safe. */
export interface PackedColumn {
  length: number;
  /** Per cell: 0 number, 1 text, 2 FALSE, 3 TRUE. Absent when every cell is a number. */
  kinds?: Uint8Array;
  /** The value of each number cell (other cells hold 0). Absent when no cell is a number. */
  numbers?: Float64Array;
  /** The dictionary entry of each text cell. Absent when no cell is text. */
  codes?: Int32Array;
  /** The dictionary's entries, joined. */
  text?: string;
  /** `ends[i]`: where entry i ends in `text` (it starts where entry i - 1 ends). */
  ends?: Int32Array;
}

/** Columns of one source, all of `rowCount` cells. */
export interface PackedColumns {
  rowCount: number;
  columns: PackedColumn[];
}

/** What a packed cell can be. */
export type PackedCell = number | string | boolean;

export interface PackOptions {
  /** Called between slices so the pane can paint and answer input. Default: yieldToPane. */
  yieldNow?: () => Promise<void>;
  /** Longest slice of work before yielding, in ms. Default 12 (well under a 50 ms long task). */
  sliceMs?: number;
  /** Checked between slices; an aborted pack rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Lets the pane's event loop run: `scheduler.yield()` where the browser has it (the pane's task
 * resumes ahead of other queued work), else a macrotask.
 * @example await yieldToPane();
 */
export function yieldToPane(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const clock = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Fills one packed column cell by cell; buffers are made when a cell first needs them. */
class ColumnPacker {
  kinds: Uint8Array | undefined;
  numbers: Float64Array | undefined;
  codes: Int32Array | undefined;
  readonly dictionary = new Map<string, number>();
  readonly texts: string[] = [];

  constructor(readonly length: number) {}

  /** The last text and its code: runs of one value (sorted or grouped data) skip the lookup. */
  private lastText: string | undefined;
  private lastCode = 0;

  put(r: number, value: unknown): void {
    if (typeof value === 'number') {
      (this.numbers ??= new Float64Array(this.length))[r] = value;
      return;
    }
    const kinds = (this.kinds ??= new Uint8Array(this.length));
    if (typeof value === 'boolean') {
      kinds[r] = value ? TRUE : FALSE;
      return;
    }
    // Cells are numbers, text or logicals; a missing one is blank ("").
    const text = value === null || value === undefined ? '' : String(value);
    let code: number | undefined;
    if (text === this.lastText) code = this.lastCode;
    else {
      code = this.dictionary.get(text);
      if (code === undefined) {
        code = this.texts.length;
        this.texts.push(text);
        this.dictionary.set(text, code);
      }
      this.lastText = text;
      this.lastCode = code;
    }
    kinds[r] = TEXT;
    (this.codes ??= new Int32Array(this.length))[r] = code;
  }

  /** Cells from..to-1 of one column of `rows` (rows already checked for width), each at its index + `shift`. */
  putRows(rows: ReadonlyArray<ReadonlyArray<unknown>>, c: number, from: number, to: number, shift: number): void {
    let numbers = this.numbers;
    for (let r = from; r < to; r++) {
      const row = rows[r]!;
      const value = c < row.length ? row[c] : '';
      // The common case, a number in a column whose buffer exists, without a call.
      if (numbers !== undefined && typeof value === 'number') numbers[r + shift] = value;
      else {
        this.put(r + shift, value);
        numbers = this.numbers;
      }
    }
  }

  finish(): PackedColumn {
    const out: PackedColumn = { length: this.length };
    if (this.kinds) out.kinds = this.kinds;
    if (this.numbers) out.numbers = this.numbers;
    if (this.codes) {
      out.codes = this.codes;
      const ends = new Int32Array(this.texts.length);
      let end = 0;
      this.texts.forEach((t, i) => { end += t.length; ends[i] = end; });
      out.text = this.texts.join('');
      out.ends = ends;
    }
    return out;
  }
}

/** Runs `step(from)` (which returns where it stopped) in time slices, yielding between them. */
async function sliced(total: number, options: PackOptions, step: (from: number, until: () => boolean) => number): Promise<void> {
  const sliceMs = options.sliceMs ?? 12;
  const yieldNow = options.yieldNow ?? yieldToPane;
  for (let at = 0; at < total;) {
    options.signal?.throwIfAborted();
    const started = clock();
    at = step(at, () => clock() - started > sliceMs);
    if (at < total) await yieldNow();
  }
  options.signal?.throwIfAborted();
}

/** How many rows or cells between two looks at the clock. */
const CHECK_EVERY = 2048;

/**
 * Packs rows that arrive in blocks (a sheet read, one sync at a time) into `width` columns of
 * `rowCount` cells. Each block is packed as it comes, so its row arrays die young: holding a
 * million rows until the read ends made them old, and a major collection then had to mark
 * every one of them on the pane's thread. A row longer than `width` is refused with the
 * message tableFromExcelValues gives.
 * @example
 * const packer = new RowsPacker(2, 3);
 * await packer.put([['North', 1], ['South', 2]], 0);
 * await packer.put([['East', -0]], 2);
 * packer.finish().columns[1].numbers; // Float64Array [1, 2, -0]
 */
export class RowsPacker {
  private readonly packers: ColumnPacker[];

  constructor(readonly width: number, readonly rowCount: number) {
    this.packers = Array.from({ length: width }, () => new ColumnPacker(rowCount));
  }

  /** Packs `rows` as rows at..at + rows.length - 1 (rows past `rowCount` are left out), in slices. */
  async put(rows: ReadonlyArray<ReadonlyArray<unknown>>, at: number, options: PackOptions = {}): Promise<void> {
    const count = Math.max(0, Math.min(rows.length, this.rowCount - at));
    const { width, packers } = this;
    await sliced(count, options, (from, late) => {
      let r = from;
      while (r < count) {
        // A block of rows, one column at a time (each inner loop sees one kind of value).
        const to = Math.min(count, r + CHECK_EVERY);
        for (let i = r; i < to; i++) {
          const length = rows[i]!.length;
          if (length > width) throw new Error(`Row ${at + i + 1} has ${length} cells but the header has ${width}`);
        }
        for (let c = 0; c < width; c++) packers[c]!.putRows(rows, c, r, to, at);
        r = to;
        if (late()) break;
      }
      return r;
    });
  }

  finish(): PackedColumns {
    return { rowCount: this.rowCount, columns: this.packers.map((p) => p.finish()) };
  }
}

/**
 * Packs data rows (`rows[r][c]`, as Range.values gives them) into `width` columns, in slices.
 * A row longer than `width` is refused with the message tableFromExcelValues gives.
 *
 * @example
 * const packed = await packRows([['North', 10], ['South', -0]], 2);
 * packed.columns[1].numbers; // Float64Array [10, -0]
 */
export async function packRows(rows: ReadonlyArray<ReadonlyArray<unknown>>, width: number, options: PackOptions = {}): Promise<PackedColumns> {
  const packer = new RowsPacker(width, rows.length);
  await packer.put(rows, 0, options);
  return packer.finish();
}

/**
 * Packs data already in columns (`columns[c][r]`, all of `rowCount` cells), in slices.
 *
 * @example
 * const packed = await packColumns([['a', 'b', 'a']], 3);
 * packed.columns[0].text; // "ab"
 */
export async function packColumns(columns: ReadonlyArray<ReadonlyArray<unknown>>, rowCount: number, options: PackOptions = {}): Promise<PackedColumns> {
  const packers = columns.map(() => new ColumnPacker(rowCount));
  const total = columns.length * rowCount;
  await sliced(total, options, (from, late) => {
    let at = from;
    while (at < total) {
      const c = Math.floor(at / rowCount);
      const column = columns[c]!;
      const packer = packers[c]!;
      const end = Math.min(rowCount, at - c * rowCount + CHECK_EVERY);
      for (let r = at - c * rowCount; r < end; r++) packer.put(r, column[r]);
      at = c * rowCount + end;
      if (late()) break;
    }
    return at;
  });
  return { rowCount, columns: packers.map((p) => p.finish()) };
}

/**
 * Unpacks columns into plain arrays of cell values (in the worker, where the time does not
 * block the pane).
 * @example unpackColumns(await packRows([[1, 'a', true]], 3)); // [[1], ['a'], [true]]
 */
export function unpackColumns(packed: PackedColumns): PackedCell[][] {
  return packed.columns.map(unpackColumn);
}

function unpackColumn(column: PackedColumn): PackedCell[] {
  const { length, kinds, numbers, codes, text = '', ends } = column;
  const out = new Array<PackedCell>(length);
  if (!kinds) {
    for (let r = 0; r < length; r++) out[r] = numbers ? numbers[r]! : 0;
    return out;
  }
  const entries: string[] = [];
  if (ends) for (let i = 0, start = 0; i < ends.length; i++) { entries.push(text.slice(start, ends[i])); start = ends[i]!; }
  for (let r = 0; r < length; r++) {
    switch (kinds[r]) {
      case NUMBER: out[r] = numbers ? numbers[r]! : 0; break;
      case TEXT: out[r] = entries[codes ? codes[r]! : 0] ?? ''; break;
      case TRUE: out[r] = true; break;
      default: out[r] = false;
    }
  }
  return out;
}

/**
 * A copy of `packed` whose buffers are new, and the list of them to transfer: the original stays
 * usable (a source packed once serves every preview), the copy moves to the worker. Yields
 * between columns once a slice's time is used. `copy: false` lists the original buffers instead (a pack made for one run).
 * @example const { packed: copy, transfer } = await copyForTransfer(packed); worker.postMessage({ copy }, transfer);
 */
export async function copyForTransfer(packed: PackedColumns, options: PackOptions & { copy?: boolean } = {}): Promise<{ packed: PackedColumns; transfer: ArrayBuffer[] }> {
  const columns: PackedColumn[] = [];
  const transfer: ArrayBuffer[] = [];
  const yieldNow = options.yieldNow ?? yieldToPane;
  const sliceMs = options.sliceMs ?? 12;
  let started = clock();
  const pause = async () => {
    if (clock() - started <= sliceMs) return;
    await yieldNow();
    options.signal?.throwIfAborted();
    started = clock();
  };
  const fresh = async <T extends Uint8Array | Int32Array | Float64Array>(array: T): Promise<T> => {
    let copy = array;
    if (options.copy !== false) {
      // In pieces, so copying a million-row column is not one long task.
      copy = new (array.constructor as new (length: number) => T)(array.length);
      for (let at = 0; at < array.length; at += COPY_PIECE) {
        copy.set(array.subarray(at, at + COPY_PIECE), at);
        await pause();
      }
    }
    transfer.push(copy.buffer as ArrayBuffer);
    return copy;
  };
  for (const { length, kinds, numbers, codes, text, ends } of packed.columns) {
    options.signal?.throwIfAborted();
    const copy: PackedColumn = { length };
    if (kinds) copy.kinds = await fresh(kinds);
    if (numbers) copy.numbers = await fresh(numbers);
    if (codes) copy.codes = await fresh(codes);
    if (ends) copy.ends = await fresh(ends);
    if (text !== undefined) copy.text = text;
    columns.push(copy);
    await pause();
  }
  return { packed: { rowCount: packed.rowCount, columns }, transfer };
}

/** Elements copied between two looks at the clock. */
const COPY_PIECE = 1 << 17;

const packedRows = new WeakMap<object, { width: number; packed: Promise<KeyedColumns> }>();
let packs = 0;

/** Packed columns with a key naming this pack (a worker that kept it is sent the key alone). */
export interface KeyedColumns {
  key: string;
  packed: PackedColumns;
}

/**
 * `packRows(rows, width)`, remembered for as long as `rows` lives: the query builder's live
 * preview recomputes on every edit over the same source read, which is packed once. A pack is
 * not cancelled with the run that started it (the next run of the same source takes it over);
 * a failed one is forgotten.
 * @example const { key, packed } = await packedRowsOf(sales.rows, sales.header.length);
 */
export function packedRowsOf(rows: ReadonlyArray<ReadonlyArray<unknown>>, width: number): Promise<KeyedColumns> {
  const known = packedRows.get(rows);
  if (known && known.width === width) return known.packed;
  const key = `pack${++packs}`;
  const packed = packRows(rows, width).then((p) => ({ key, packed: p }));
  packedRows.set(rows, { width, packed });
  packed.catch(() => { if (packedRows.get(rows)?.packed === packed) packedRows.delete(rows); });
  return packed;
}

const keyedPacks = new WeakMap<PackedColumns, KeyedColumns>();

/**
 * Columns that arrived packed (a CSV the worker parsed) with a key naming them, the same for
 * as long as `packed` lives: a query worker that kept them is sent the key alone, as for
 * `packedRowsOf`. Nothing is packed or copied here.
 * @example const { key } = keyedColumnsOf(data.packed);
 */
export function keyedColumnsOf(packed: PackedColumns): KeyedColumns {
  let known = keyedPacks.get(packed);
  if (!known) {
    known = { key: `pack${++packs}`, packed };
    keyedPacks.set(packed, known);
  }
  return known;
}

/** Cell r of a packed column, as the cell it was packed from (a blank is ""). */
function packedCell(column: PackedColumn, r: number): PackedCell {
  const { kinds, numbers, codes, text = '', ends } = column;
  const kind = kinds ? kinds[r] : NUMBER;
  if (kind === NUMBER) return numbers ? numbers[r]! : 0;
  if (kind !== TEXT) return kind === TRUE;
  const code = codes ? codes[r]! : 0;
  return ends && code < ends.length ? text.slice(code === 0 ? 0 : ends[code - 1], ends[code]) : '';
}

/**
 * Row r of packed columns as cell values, decoding only its cells: what a stamp's spread sample
 * reads from a million-row source without unpacking it.
 * @example packedRowAt(await packRows([[1, 'a'], [2, 'b']], 2), 1) // [2, 'b']
 */
export function packedRowAt(packed: PackedColumns, r: number): PackedCell[] {
  return packed.columns.map((column) => packedCell(column, r));
}

/**
 * The first `count` rows of packed columns as cell values (a blank is ""), decoding only those
 * cells: what a field list reads from a million-row source without unpacking it.
 * @example firstPackedRows(await packRows([[1, 'a'], [2, 'b']], 2), 1) // [[1, 'a']]
 */
export function firstPackedRows(packed: PackedColumns, count: number): PackedCell[][] {
  const n = Math.max(0, Math.min(count, packed.rowCount));
  return Array.from({ length: n }, (_, r) => packedRowAt(packed, r));
}

const packedOfArray = new WeakMap<object, PackedColumn>();

/**
 * Remembers a column's packed form beside the array the pane unpacked it into (a CSV the worker
 * parsed arrives packed): a query on that column then sends the packed form to its worker, and
 * the column never becomes rows on the pane. Forgotten with the array.
 * @example rememberPackedColumn(table.column('Amount'), packed);
 */
export function rememberPackedColumn(column: object, packed: PackedColumn): void {
  packedOfArray.set(column, packed);
}

/**
 * The packed form remembered for a column's array, if any (see rememberPackedColumn).
 * @example packedColumnOf(table.column('Amount'))?.numbers
 */
export function packedColumnOf(column: unknown): PackedColumn | undefined {
  return typeof column === 'object' && column !== null ? packedOfArray.get(column) : undefined;
}
