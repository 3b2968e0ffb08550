/**
 * The query builder reads its chosen table once, for live previews. Inserting (or saving) the
 * query used to read the whole table again: a million rows, several seconds of syncs in Excel.
 * These two guards let the insert take the preview's read instead, and only when it is certain
 * to be what the sheet holds now:
 * 1. while the read is held, no cell of the workbook changed (Excel's `worksheets.onChanged`,
 *    ExcelApi 1.9), by anyone: the user, a co-author, or PivotDeck itself (a refreshed source or
 *    query table may be the very table read). Without that event (an older host, a refused
 *    handler) a read is never reused.
 * 2. at the insert, the read's stamp (address, row count, header and 200 spread rows) still
 *    matches the sheet's: one sync, which also covers a change the event did not report
 *    (unchanged-reads.ts, run by the QueryCoordinator).
 * Anything else reads the table again, as before.
 */
import type { Unsubscribe } from '../services/workbook-events';

/**
 * Counts the workbook's cell changes while the builder is open, so a read can tell whether
 * anything changed since it began.
 * @example
 * const reads = new PreviewReads(services.events);
 * const since = reads.mark(); // as the read begins
 * const data = readSourceData(run, { kind: 'table', name: 'Sales' });
 * const reuse = reads.unchangedSince(since) ? data : undefined;
 * await reads.close();
 */
export class PreviewReads {
  private changes = 0;
  private listening = false;
  private readonly stop: Promise<Unsubscribe | undefined>;

  constructor(events: { onChanged(listener: () => void): Promise<Unsubscribe> } | undefined) {
    this.stop = events
      ? events.onChanged(() => { this.changes += 1; }).then(
        (stop) => { this.listening = true; return stop; },
        () => undefined,
      )
      : Promise.resolve(undefined);
  }

  /** The change count now, for `unchangedSince`; undefined while changes are not being heard. */
  mark(): number | undefined {
    return this.listening ? this.changes : undefined;
  }

  /** True when changes were heard from `since` on and none came. */
  unchangedSince(since: number | undefined): boolean {
    return this.listening && since !== undefined && since === this.changes;
  }

  /** Stops hearing changes. */
  async close(): Promise<void> {
    await (await this.stop)?.();
  }
}
