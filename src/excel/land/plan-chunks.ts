import type { CellValue } from '../api';
import { estimateJsonBytes } from '../payload';

/** A run of body rows written in one sync. */
export interface RowChunk {
  start: number;
  rows: number;
  /** Estimated request bytes of the chunk's values. */
  bytes: number;
}

/**
 * Splits rows into consecutive chunks whose values stay under `budgetBytes` of JSON each, so
 * each sync stays under Excel on the web's 5 MB request limit. Greedy by measured row size (not
 * an average), so a few very wide rows cannot push one chunk over. A single row larger than the
 * budget gets a chunk of its own (Excel will refuse it; that is reported, not hidden).
 *
 * @example planChunks([[1], [2], [3]], 9) // [{ start: 0, rows: 2, bytes: 9 }, { start: 2, rows: 1, bytes: 5 }] ('[[1],[2]]' is 9 bytes)
 */
export function planChunks(rows: ReadonlyArray<ReadonlyArray<CellValue>>, budgetBytes: number): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 2; // [ ]
  for (let r = 0; r < rows.length; r++) {
    const rowBytes = estimateJsonBytes([rows[r]!]) - 2 + 1; // without the outer [ ], plus a comma
    if (r > start && bytes + rowBytes - 1 > budgetBytes) {
      chunks.push({ start, rows: r - start, bytes: bytes - 1 });
      start = r;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  if (rows.length > start) chunks.push({ start, rows: rows.length - start, bytes: bytes - 1 });
  return chunks;
}
