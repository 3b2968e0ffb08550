import type { ExtendProgress } from '../../refresh';

/** What extending is doing, by phase. */
const PHASE: Record<string, string> = {
  pivot: 'Reading the PivotTable…',
  source: 'Reading the source data…',
  compute: 'Computing and checking against Excel…',
  write: 'Writing the new columns…',
};

/** Steps of the computation, shown while the worker reports them. */
const STEP: Record<string, string> = {
  filter: 'Applying the pivot\'s filters…',
  group: 'Matching the pivot\'s rows…',
  measures: 'Computing the measures…',
  reconcile: 'Checking against Excel\'s numbers…',
};

/**
 * One line saying where an extension's computation is, with the rows read so far.
 * @example progressWords({ phase: 'source', rowsRead: 5000, totalRows: 20000, bytes: 1.2e6 }) // 'Reading the source data… 5,000 of 20,000 rows, 1.2 MB'
 */
export function progressWords(progress: ExtendProgress): string {
  const words = (progress.step && STEP[progress.step]) || PHASE[progress.phase] || 'Working…';
  if (!progress.totalRows) return words;
  return `${words} ${(progress.rowsRead ?? 0).toLocaleString()} of ${progress.totalRows.toLocaleString()} rows, ${((progress.bytes ?? 0) / 1e6).toFixed(1)} MB`;
}
