import { ExtensionError, type PivotSnapshot } from '../../engine/pivot-extension';
import type { CellValue, ExcelRun } from '../api';
import { explainExcelError } from '../errors';
import { runsOf, type SampledRows } from '../sampled-rows';
import { sourceRanges } from './source-ranges';

/**
 * Reads a pivot's source cheaply (2 syncs, only the rows `pick` chooses whatever its size): its
 * data-row count, its header and the data rows at `pick(rows)`, as Excel gives them. The stamp
 * made from it (src/refresh/source-stamp.ts) is what an extension's check compares with the stamp
 * recorded when the block was written from a full read of the same cells.
 *
 * @example const sample = await readPivotSourceSample(host.run, snapshot, sampleIndexes);
 */
export async function readPivotSourceSample(
  run: ExcelRun,
  snapshot: Pick<PivotSnapshot, 'name' | 'source'>,
  pick: (rows: number) => number[],
): Promise<SampledRows> {
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
    const indexes = pick(body.rowCount).filter((i) => i >= 0 && i < body.rowCount);
    const parts = runsOf(indexes).map(([first, count]) => ({ first, range: body.getRow(first).getResizedRange(count - 1, 0).load('values') }));
    if (parts.length > 0) await context.sync();
    const sampled = new Map<number, CellValue[]>();
    for (const p of parts) p.range.values.forEach((row, i) => sampled.set(p.first + i, row));
    return { rows: body.rowCount, header: header.values[0] ?? [], sampled };
  });
}
