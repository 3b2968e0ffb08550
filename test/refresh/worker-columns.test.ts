/**
 * Packed columns, the form in which source data crosses to the workers: what goes in comes out
 * (awkward values on purpose), text is stored once per distinct value, the pane gets its turns
 * while a big pack runs, and a transferred copy leaves the remembered pack usable. Expected
 * columns are written out by hand or built with plain loops over the rows.
 */
import { describe, expect, it } from 'vitest';
import { copyForTransfer, firstPackedRows, packColumns, packedRowAt, packedRowsOf, packRows, RowsPacker, unpackColumns } from '../../src/refresh/worker-columns';

/** Rows → columns with a plain loop, blanks for missing cells, as tableFromExcelValues reads them. */
function byHand(rows: unknown[][], width: number): unknown[][] {
  const out: unknown[][] = [];
  for (let c = 0; c < width; c++) {
    out.push([]);
    for (const row of rows) out[c]!.push(c < row.length && row[c] !== null && row[c] !== undefined ? row[c] : '');
  }
  return out;
}

const AWKWARD: unknown[][] = [
  ['Zürich', -0, true, 1],
  ['東京', Infinity, false, 'N/A'],
  ['', -Infinity, 'TRUE', 2],
  [null, NaN, undefined, 3],
  ['Zürich', 1e-310, '=1+1', false],
  ['__proto__', Number.MAX_VALUE, '', '#N/A'],
  ['emoji 👩‍💻', 0],
];

describe('packing source data for a worker', () => {
  it('gives back every cell as it was: -0, infinities, NaN, non-ASCII, blanks, logicals, error text', async () => {
    const packed = await packRows(AWKWARD, 4);
    const back = unpackColumns(packed);
    const expected = byHand(AWKWARD, 4);
    expect(back).toEqual(expected);
    // toEqual treats -0 and 0 alike; Object.is does not.
    expect(Object.is(back[1]![0], -0)).toBe(true);
    expect(Number.isNaN(back[1]![3])).toBe(true);
    expect(back[0]![6]).toBe('emoji 👩‍💻');
  });

  it('keeps an all-number column as numbers only, and text once per distinct value', async () => {
    const rows = [['North', 1.5], ['South', 2], ['North', -3], ['North', 0]];
    const { columns } = await packRows(rows, 2);
    expect(columns[1]).toEqual({ length: 4, numbers: new Float64Array([1.5, 2, -3, 0]) });
    expect(columns[0]!.text).toBe('NorthSouth');
    expect([...columns[0]!.ends!]).toEqual([5, 10]);
    expect([...columns[0]!.codes!]).toEqual([0, 1, 0, 0]);
    expect(columns[0]!.numbers).toBeUndefined();
  });

  it('a column that turns to text half way keeps the numbers above it', async () => {
    const rows = [[1], [2], ['x'], [4], [true]];
    expect(unpackColumns(await packRows(rows, 1))).toEqual([[1, 2, 'x', 4, true]]);
  });

  it('refuses a row longer than the header as tableFromExcelValues does', async () => {
    await expect(packRows([['a'], ['b', 'c']], 1)).rejects.toThrow('Row 2 has 2 cells but the header has 1');
  });

  it('an empty source packs to empty columns', async () => {
    const packed = await packRows([], 3);
    expect(packed.rowCount).toBe(0);
    expect(unpackColumns(packed)).toEqual([[], [], []]);
  });

  it('data already in columns packs the same as the rows it came from', async () => {
    const columns = byHand(AWKWARD, 4);
    const fromColumns = await packColumns(columns, AWKWARD.length);
    expect(fromColumns).toEqual(await packRows(AWKWARD, 4));
  });

  it('yields between slices of a big pack, and stops when cancelled', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`C${i % 97}`, i, i % 3 === 0]);
    let yields = 0;
    const packed = await packRows(rows, 3, { sliceMs: 0, yieldNow: async () => { yields++; } });
    // A zero-length slice ends at the first look at the clock, every 2,048 rows.
    expect(yields).toBe(Math.ceil(20_000 / 2048) - 1);
    const back = unpackColumns(packed);
    for (let r = 0; r < rows.length; r += 997) expect([back[0]![r], back[1]![r], back[2]![r]]).toEqual(rows[r]);
    expect(packed.columns[0]!.ends!.length).toBe(97);

    const controller = new AbortController();
    const cut = packColumns(byHand(rows, 3), rows.length, { sliceMs: 0, signal: controller.signal, yieldNow: async () => controller.abort() });
    await expect(cut).rejects.toThrow();
  });

  it('a transferred copy leaves the remembered pack whole for the next run', async () => {
    const rows = [['a', 1], ['b', 2]];
    const first = await packedRowsOf(rows, 2);
    expect(await packedRowsOf(rows, 2)).toBe(first);
    const { packed: copy, transfer } = await copyForTransfer(first.packed);
    expect(transfer.length).toBe(4); // kinds, codes, ends of the text column; numbers of the other
    const moved = structuredClone(copy, { transfer });
    expect(copy.columns[1]!.numbers!.length).toBe(0); // detached by the move
    expect(unpackColumns(moved)).toEqual([['a', 'b'], [1, 2]]);
    expect(unpackColumns(first.packed)).toEqual([['a', 'b'], [1, 2]]);
    // Another read (another array) is another pack.
    const other = await packedRowsOf(rows.slice(), 2);
    expect(other.key).not.toBe(first.key);
  });

  it('rows packed block by block, as a sheet read brings them, equal the rows packed at once', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [i % 7 === 0 ? `Región ${i % 3}` : i * 0.5, i % 2 === 0, i === 4999 ? -0 : i]);
    const packer = new RowsPacker(3, rows.length);
    // Uneven blocks, the last one running past the end (ignored, as a totals row is).
    for (const [from, to] of [[0, 1], [1, 2048], [2048, 4999], [4999, 5000]] as const) await packer.put(rows.slice(from, to), from);
    await packer.put([['past the end', 1, 2]], 5000);
    const back = unpackColumns(packer.finish());
    expect(back).toEqual(byHand(rows, 3));
    expect(Object.is(back[2]![4999], -0)).toBe(true);
    await expect(new RowsPacker(2, 3).put([[1, 2], [1, 2, 3]], 1)).rejects.toThrow('Row 3 has 3 cells but the header has 2');
  });

  it('decodes single rows without unpacking the columns', async () => {
    const packed = await packRows(AWKWARD, 4);
    const rows = byHand(AWKWARD, 4);
    const rowOf = (r: number) => rows.map((column) => column[r]);
    for (const r of [0, 3, 6]) expect(packedRowAt(packed, r)).toEqual(rowOf(r));
    expect(firstPackedRows(packed, 2)).toEqual([rowOf(0), rowOf(1)]);
    expect(firstPackedRows(packed, 99)).toHaveLength(AWKWARD.length);
  });
});
