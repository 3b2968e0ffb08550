/**
 * The second guard of PreviewReads (see there): of the reads a caller holds, those whose source
 * still matches the sheet, by stamp.
 */
import type { SourceDefinition } from '../../connectors/types';
import type { ExcelRun } from '../../excel/api';
import type { SourceRef } from '../../engine/spec';
import type { SourceStamp } from '../../model';
import { currentStamps } from '../dashboards/freshness';
import { compareStamps, stampOf } from '../dashboards/source-stamps';
import type { SourceData } from './source-data';

/**
 * The held reads (by sourceRefKey) whose source is still as read: each one's stamp against a
 * sample of the sheet now, in one sync for all. Web and warehouse sources are left out (a pull
 * is reused through the pull memory, a warehouse is not read).
 *
 * @example const cache = await unchangedReads(run, new Map([['table:Sales', data]]), sourcesOf(spec), doc.sources);
 */
export async function unchangedReads(
  run: ExcelRun,
  held: ReadonlyMap<string, Promise<SourceData>>,
  refs: ReadonlyMap<string, SourceRef>,
  sources: readonly SourceDefinition[],
): Promise<{ reads: Map<string, Promise<SourceData>>; syncs: number }> {
  const kept: Array<{ stamp: SourceStamp; data: SourceData }> = [];
  for (const [key, ref] of refs) {
    const read = held.get(key);
    if (!read || ref.kind === 'source') continue;
    // A preview read still under way is joined: finishing it is quicker than a second read.
    const data = await read.catch(() => undefined);
    if (data) kept.push({ stamp: stampOf(ref, data, sources), data });
  }
  const reads = new Map<string, Promise<SourceData>>();
  if (!kept.length) return { reads, syncs: 0 };
  const now = await currentStamps(run, { sources: [...sources] }, kept.map((k) => k.stamp));
  for (const { stamp, data } of kept) {
    const same = compareStamps([stamp], new Map([[stamp.key, now.stamps.get(stamp.key)]])).state === 'current';
    if (same) reads.set(stamp.key, Promise.resolve(data));
  }
  return { reads, syncs: now.syncs };
}
