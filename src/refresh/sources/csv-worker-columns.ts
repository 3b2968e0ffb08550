/**
 * Typed CSV columns as they cross between the CSV worker and the pane, in worker-columns.ts's
 * packed format (buffers transferred, never a million values cloned):
 * - number and date columns: `numbers` only (a Float64Array, NaN for a blank cell);
 * - text columns: every cell TEXT in `kinds`, its dictionary entry in `codes` (a blank cell is "");
 * - true/false columns: TRUE or FALSE in `kinds`, a blank cell TEXT "".
 * The worker packs (no time limit there); the pane unpacks into the arrays with null for a blank
 * that Arquero's table and every reader of a pull expect, in slices it yields between.
 */
import type { ColumnData } from '../../connectors/parse/parse-delimited';
import type { ColumnSpec } from '../../connectors/types';
import { yieldToPane, type PackedColumn } from '../worker-columns';

// worker-columns.ts's cell kinds.
const TEXT = 1;
const FALSE = 2;
const TRUE = 3;

/**
 * One parsed column, packed for transfer (in the worker).
 * @example packTypedColumn({ name: 'City', type: 'text', blanks: 1 }, ['Zürich', null, 'Zürich']).text // 'Zürich'
 */
export function packTypedColumn(spec: ColumnSpec, data: ColumnData): PackedColumn {
  const length = data.length;
  if (data instanceof Float64Array) return { length, numbers: data };
  if (spec.type === 'number' || spec.type === 'date') {
    // Only when the parse was not asked for NaN blanks: never on the worker's path, kept for safety.
    return { length, numbers: Float64Array.from(data as ArrayLike<number | null>, (x) => (x === null ? NaN : x)) };
  }
  const kinds = new Uint8Array(length);
  if (spec.type === 'boolean') {
    const cells = data as (boolean | null)[];
    let blank = false;
    for (let r = 0; r < length; r++) {
      const b = cells[r];
      if (b === null || b === undefined) { kinds[r] = TEXT; blank = true; } else kinds[r] = b ? TRUE : FALSE;
    }
    // A blank is TEXT code 0, the dictionary's one entry "".
    return blank ? { length, kinds, codes: new Int32Array(length), text: '', ends: new Int32Array(1) } : { length, kinds };
  }
  kinds.fill(TEXT);
  const cells = data as (string | null)[];
  const codes = new Int32Array(length);
  const dictionary = new Map<string, number>();
  const texts: string[] = [];
  let last: string | undefined;
  let lastCode = 0;
  for (let r = 0; r < length; r++) {
    const text = cells[r] ?? '';
    // Runs of one value (sorted or grouped exports) skip the lookup.
    if (text !== last) {
      let code = dictionary.get(text);
      if (code === undefined) {
        code = texts.length;
        texts.push(text);
        dictionary.set(text, code);
      }
      last = text;
      lastCode = code;
    }
    codes[r] = lastCode;
  }
  const ends = new Int32Array(texts.length);
  let end = 0;
  texts.forEach((t, i) => { end += t.length; ends[i] = end; });
  return { length, kinds, codes, text: texts.join(''), ends };
}

/**
 * The buffers of packed columns, each once, for postMessage's transfer list.
 * @example worker.postMessage(reply, transferOf(columns));
 */
export function transferOf(columns: readonly PackedColumn[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const c of columns) for (const a of [c.kinds, c.numbers, c.codes, c.ends]) if (a) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}

export interface UnpackOptions {
  signal?: AbortSignal;
  /** Called between slices so the pane can paint and answer input. Default: yieldToPane. */
  yieldNow?: () => Promise<void>;
  /** Longest slice of work before yielding, in ms. Default 12 (well under a 50 ms long task). */
  sliceMs?: number;
}

const clock = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());
/** Cells between two looks at the clock. */
const CHECK_EVERY = 8192;

/**
 * A packed column back as the parse gives it in-thread (null for a blank; a number or date
 * column without blanks stays the Float64Array it arrived as), in slices the pane yields between.
 * @example const amounts = await unpackTypedColumn({ name: 'Amount', type: 'number', blanks: 1 }, packed); // [1.5, null, -0]
 */
export async function unpackTypedColumn(spec: ColumnSpec, packed: PackedColumn, options: UnpackOptions = {}): Promise<ColumnData> {
  const { length, kinds, numbers, codes, text = '', ends } = packed;
  if (numbers && !kinds) {
    if (spec.blanks === 0) return numbers;
    const out = new Array<number | null>(length);
    await sliced(length, options, (r) => { const x = numbers[r]!; out[r] = x === x ? x : null; });
    return out;
  }
  if (spec.type === 'boolean') {
    const out = new Array<boolean | null>(length);
    await sliced(length, options, (r) => { const k = kinds ? kinds[r] : TEXT; out[r] = k === TRUE ? true : k === FALSE ? false : null; });
    return out;
  }
  const entries: (string | null)[] = [];
  if (ends) for (let i = 0, start = 0; i < ends.length; i++) { const t = text.slice(start, ends[i]); entries.push(t === '' ? null : t); start = ends[i]!; }
  const out = new Array<string | null>(length);
  await sliced(length, options, (r) => { out[r] = codes ? entries[codes[r]!]! : null; });
  return out;
}

/**
 * The packed column a query worker reads (worker-columns.ts's format, where a blank is the text
 * ""), made from the CSV worker's packing of the same column without visiting a text cell: text
 * and true/false columns are already in that format; a number or date column gains `kinds` only
 * when it has a blank (NaN) or an infinite value, which a pull's rows read as "" (a blank's slot in
 * `numbers` keeps its NaN; `kinds` says it is text). Shares the buffers it is given.
 * @example queryColumnOf({ length: 2, numbers: Float64Array.of(1.5, NaN) }).kinds // Uint8Array [0, 1]
 */
export function queryColumnOf(packed: PackedColumn): PackedColumn {
  const { length, kinds, numbers } = packed;
  if (kinds || !numbers) return packed;
  let blank = -1;
  for (let r = 0; r < length; r++) {
    if (!Number.isFinite(numbers[r]!)) { blank = r; break; }
  }
  if (blank < 0) return { length, numbers };
  const marks = new Uint8Array(length);
  for (let r = blank; r < length; r++) if (!Number.isFinite(numbers[r]!)) marks[r] = TEXT;
  // Code 0 of a one-entry dictionary, "".
  return { length, kinds: marks, numbers, codes: new Int32Array(length), text: '', ends: new Int32Array(1) };
}

/** Runs `cell(r)` for every r, yielding to the pane once a slice's time is used. */
async function sliced(length: number, options: UnpackOptions, cell: (r: number) => void): Promise<void> {
  const sliceMs = options.sliceMs ?? 12;
  const yieldNow = options.yieldNow ?? yieldToPane;
  let started = clock();
  for (let at = 0; at < length;) {
    const to = Math.min(length, at + CHECK_EVERY);
    for (let r = at; r < to; r++) cell(r);
    at = to;
    if (at < length && clock() - started > sliceMs) {
      await yieldNow();
      options.signal?.throwIfAborted();
      started = clock();
    }
  }
}
