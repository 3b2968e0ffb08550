import { readPivot } from '../../excel/pivot/read-pivot';
import { readPivotSourceSample } from '../../excel/pivot/source-stamp';
import type { PivotExtension } from '../../model';
import type { ExtendDeps } from '../extend-pivot';
import { legacySampleIndexes, legacyStampOfSample, sampleIndexes, stampOfSample } from '../source-stamp';
import { computedAgainst, hasSampleStamp, headline, staleReasons } from './freshness';

/** Whether an extension's numbers still belong to its pivot as it is now. */
export type Freshness =
  /** Nothing PivotDeck reads changed since the block was computed. */
  | { state: 'current' }
  /** The pivot (or only its source) changed: the block may be misaligned or wrong. */
  | { state: 'stale'; changed: 'pivot' | 'source'; headline: string; reasons: string[] }
  /** No record to compare with (saved by an older PivotDeck, or never written). */
  | { state: 'unknown'; message: string };

/** Said for an extension without a record of what it was computed against. */
export const NO_RECORD = 'PivotDeck cannot tell whether these numbers still match the PivotTable (they were written by an older PivotDeck). Refresh them to check.';

/**
 * Compares what an extension was computed against with its pivot and source as they are now:
 * one sync for the pivot (fields, items, value cells), two small ones for the source's stamp
 * (the one source stamp's sample; a record written before it existed is checked in its own,
 * older form, at the same cost). A pivot that cannot be read any more (deleted, renamed) counts
 * as changed.
 *
 * @example
 * const f = await checkExtension(deps, ext);
 * if (f.state === 'stale') show(f.headline); // 'Out of date — the PivotTable changed'
 */
export async function checkExtension(deps: ExtendDeps, ext: PivotExtension): Promise<Freshness> {
  const then = ext.computedAgainst;
  if (!then) return { state: 'unknown', message: NO_RECORD };
  let snapshot;
  try {
    snapshot = await readPivot(deps.run, ext.pivotName, { canReadDataSource: deps.canReadDataSource, sheet: ext.pivotSheet });
  } catch (error) {
    return { state: 'stale', changed: 'pivot', headline: headline({ pivot: ['gone'], source: [] }), reasons: [error instanceof Error ? error.message : String(error)] };
  }
  let stamp;
  try {
    // Compared in the form the record holds: a hash of other rows could only say "changed".
    stamp = hasSampleStamp(then)
      ? stampOfSample(await readPivotSourceSample(deps.run, snapshot, sampleIndexes))
      : legacyStampOfSample(await readPivotSourceSample(deps.run, snapshot, legacySampleIndexes));
  } catch (error) {
    return { state: 'stale', changed: 'source', headline: headline({ pivot: [], source: ['gone'] }), reasons: [error instanceof Error ? error.message : String(error)] };
  }
  const reasons = staleReasons(then, computedAgainst(snapshot, stamp));
  if (reasons.pivot.length === 0 && reasons.source.length === 0) return { state: 'current' };
  return { state: 'stale', changed: reasons.pivot.length > 0 ? 'pivot' : 'source', headline: headline(reasons), reasons: [...reasons.pivot, ...reasons.source] };
}
