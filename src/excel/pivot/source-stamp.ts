import { ExtensionError, type PivotSnapshot } from '../../engine/pivot-extension';
import type { ExcelRun } from '../api';
import { explainExcelError } from '../errors';
import { fingerprint } from './fingerprint';
import { sourceRanges } from './source-ranges';

/** The source's data row count and a cheap fingerprint of it. */
export interface SourceStamp {
  rows: number;
  fingerprint: string;
}

/** How many rows the fingerprint samples: the first, the last and evenly spaced ones between. */
export const SAMPLED_ROWS = 64;

/**
 * Reads a pivot's source cheaply (2 syncs, at most {@link SAMPLED_ROWS} rows whatever its size):
 * its data row count and a fingerprint of its header and of sampled rows. A row added or removed,
 * a renamed column or a changed sampled cell changes it; a change to an unsampled cell may not,
 * and shows instead in the pivot's own value cells once the pivot is refreshed.
 *
 * @example const { rows, fingerprint } = await readSourceStamp(host.run, snapshot);
 */
export async function readSourceStamp(run: ExcelRun, snapshot: Pick<PivotSnapshot, 'name' | 'source'>): Promise<SourceStamp> {
  const { type, text } = snapshot.source;
  return run(async (context) => {
    const { body, header } = sourceRanges(context, type, text);
    body.load('rowCount');
    header.load('values');
    try {
      await context.sync();
    } catch (error) {
      throw new ExtensionError('unsupported', explainExcelError(error, `find the source "${text}" of the PivotTable "${snapshot.name}"`));
    }
    const indexes = sampleIndexes(body.rowCount);
    const rows = indexes.map((i) => body.getRow(i).load('values'));
    if (rows.length > 0) await context.sync();
    return {
      rows: body.rowCount,
      fingerprint: fingerprint([header.values, indexes, rows.map((r) => r.values[0])]),
    };
  });
}

/** Row indexes sampled from `count` rows: all of them up to SAMPLED_ROWS, else evenly spaced with both ends. */
export function sampleIndexes(count: number): number[] {
  if (count <= SAMPLED_ROWS) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (SAMPLED_ROWS - 1);
  return Array.from({ length: SAMPLED_ROWS }, (_, i) => Math.round(i * step));
}
