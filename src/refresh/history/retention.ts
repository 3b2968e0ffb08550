/**
 * Retention and the size guard of a history table (issue 17), pure: which oldest snapshots go,
 * and whether the new one may come in.
 */
import type { HistoryOptions } from '../../model';

/**
 * Most body rows a history table may hold: about half of Excel's 1,048,576 rows per sheet, so a
 * history can never run into the sheet's end, and reading it stays a few syncs.
 */
export const HISTORY_ROW_LIMIT = 500_000;

const DAY_MS = 86_400_000;

/** A run of body rows with the same stamp: one refresh's snapshot. */
export interface StoredSnapshot {
  at: string;
  /** First body row (0-based) and number of rows. */
  start: number;
  rows: number;
}

/**
 * The snapshots of a table from its stamp column, top to bottom. Blank stamps (the blank row an
 * Excel table keeps when all its rows were deleted) are not a snapshot.
 * @example snapshotsOf(['a', 'a', 'b']) // [{ at: 'a', start: 0, rows: 2 }, { at: 'b', start: 2, rows: 1 }]
 */
export function snapshotsOf(stamps: readonly unknown[]): StoredSnapshot[] {
  const out: StoredSnapshot[] = [];
  stamps.forEach((s, i) => {
    const at = typeof s === 'string' ? s : String(s ?? '');
    const last = out[out.length - 1];
    if (last && last.at === at && last.start + last.rows === i) last.rows++;
    else if (at !== '') out.push({ at, start: i, rows: 1 });
  });
  return out;
}

export interface RetentionPlan {
  /** Oldest body rows to delete after the new snapshot is in (whole snapshots only). */
  deleteOldest: number;
  /** Snapshots removed, and kept (the new one included). */
  removed: number;
  kept: number;
  /** The table's only body row is blank: the new snapshot writes over it. */
  overwriteBlankRow: boolean;
  /** Set when the new snapshot may not come in: why, in words; nothing is then changed. */
  refused?: string;
}

/**
 * Which oldest snapshots go when a new one of `incoming` rows comes in at `now`: those beyond the
 * newest `lastRefreshes` (the new one counting), and those older than `maxAgeDays`. Only a run of
 * snapshots from the top goes (rows are appended in time order, so these are the oldest); a row
 * whose stamp is not a time is never removed by age. Refused when the table would pass `limit`.
 *
 * @example planRetention(['t1', 't2', 't2'], { keep: true, lastRefreshes: 2 }, new Date(), 1).deleteOldest // 1
 */
export function planRetention(
  stamps: readonly unknown[], options: HistoryOptions, now: Date, incoming: number, limit = HISTORY_ROW_LIMIT,
): RetentionPlan {
  const snapshots = snapshotsOf(stamps);
  const blankOnly = stamps.length === 1 && snapshots.length === 0;
  const byCount = options.lastRefreshes !== undefined ? Math.max(0, snapshots.length + 1 - options.lastRefreshes) : 0;
  let byAge = 0;
  if (options.maxAgeDays !== undefined) {
    const oldest = now.getTime() - options.maxAgeDays * DAY_MS;
    while (byAge < snapshots.length) {
      const t = Date.parse(snapshots[byAge]!.at);
      if (!Number.isFinite(t) || t >= oldest) break;
      byAge++;
    }
  }
  const removed = Math.max(byCount, byAge);
  const gone = snapshots.slice(0, removed);
  // Rows above the first kept snapshot that are not a snapshot (blank rows) go with them.
  const deleteOldest = removed > 0 ? (snapshots[removed]?.start ?? stamps.length) : 0;
  const kept = snapshots.length - removed + 1;
  const rowsAfter = (blankOnly ? 0 : stamps.length) - deleteOldest + incoming;
  const plan: RetentionPlan = { deleteOldest, removed: gone.length, kept, overwriteBlankRow: blankOnly };
  if (rowsAfter > limit) {
    plan.refused = `The history would grow to ${rowsAfter.toLocaleString('en-US')} rows, over PivotDeck's limit of ${limit.toLocaleString('en-US')} (Excel holds about a million per sheet). This refresh was not added; the history is as it was. Keep fewer refreshes (or fewer days), or copy the history elsewhere and delete its oldest rows.`;
  }
  return plan;
}
