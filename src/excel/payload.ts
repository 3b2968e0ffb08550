/**
 * Payload arithmetic for reads. Excel on the web rejects a sync whose request or response is
 * larger than 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), so
 * big reads are planned in blocks whose estimated response stays under a budget.
 */
import type { CellValue } from './api';

/** Excel on the web's per-sync limit, 5 MB, read as 5 × 2^20 bytes (as the simulator does). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * What a planned sync may fill: below both readings of "5 MB" (5,000,000 and 5,242,880), leaving
 * about 6% of the limit for the response envelope and the estimate's error (values are estimated
 * from rows already read; later rows can be wider, and then the read retries smaller).
 */
export const PAYLOAD_BUDGET_BYTES = 4_900_000;

/**
 * Bytes a 2-D array of cell values takes as JSON (UTF-8), which is how Excel ships `values`
 * and `numberFormat`. Walks the cells instead of calling JSON.stringify so a multi-megabyte
 * block is not copied into one more string.
 *
 * @example estimateJsonBytes([[1, 'ab'], [true, '']]) // 24 === JSON.stringify(...).length
 */
export function estimateJsonBytes(rows: ReadonlyArray<ReadonlyArray<CellValue>>): number {
  let bytes = 2; // outer brackets
  for (const row of rows) {
    bytes += 2 + Math.max(0, row.length - 1); // brackets and commas between cells
    for (const cell of row) bytes += cellBytes(cell);
  }
  return bytes + Math.max(0, rows.length - 1); // commas between rows
}

/** Rows `sampledJsonBytes` walks at most; a taller block is estimated from this many of its rows. */
export const SAMPLED_ROWS = 2_000;

/**
 * `estimateJsonBytes` of a tall block from SAMPLED_ROWS rows spread evenly through it, scaled to
 * its height: walking every cell of a million-row read took 2–4 s of the pane thread, in tasks of
 * 250–450 ms (issue 18's pane bench), to plan syncs that only need bytes per cell. Exact up to
 * SAMPLED_ROWS rows and for rows of equal width. Rows between the sampled ones may be wider: the
 * read's 10% growth margin and its retry with fewer cells when Excel refuses a sync cover that.
 *
 * @example sampledJsonBytes(Array(10_000).fill([1, 'ab'])) === estimateJsonBytes(Array(10_000).fill([1, 'ab']))
 */
export function sampledJsonBytes(rows: ReadonlyArray<ReadonlyArray<CellValue>>, sampleRows = SAMPLED_ROWS): number {
  const n = rows.length;
  const k = Math.max(1, Math.floor(sampleRows));
  if (n <= k) return estimateJsonBytes(rows);
  const picked: Array<ReadonlyArray<CellValue>> = new Array(k);
  for (let i = 0; i < k; i++) picked[i] = rows[Math.floor((i * n) / k)]!;
  const rowBytes = estimateJsonBytes(picked) - 2 - (k - 1); // without the outer brackets and row commas
  return 2 + (n - 1) + Math.round((rowBytes * n) / k);
}

function cellBytes(cell: CellValue): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell).length : 4; // NaN → null
  if (typeof cell === 'boolean') return cell ? 4 : 5;
  let bytes = 2;
  for (let i = 0; i < cell.length; i++) {
    const code = cell.charCodeAt(i);
    if (code === 34 || code === 92) bytes += 2; // \" and \\
    else if (code < 32) bytes += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) { bytes += 4; i++; } // surrogate pair → 4 UTF-8 bytes
    else bytes += 3;
  }
  return bytes;
}
