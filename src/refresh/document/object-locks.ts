/**
 * One piece of work at a time per object (a query, a source, a dashboard, an extension), across
 * everyone who asks: the pane, the ribbon, schedules, parameter watchers. Work on different
 * objects runs side by side. Writes to the sheet that must agree with the document (a query's
 * output, a dashboard's sheet) happen inside the object's lock together with the document update
 * that records them, so an edit and a scheduled refresh of the same dashboard cannot interleave.
 *
 * Not re-entrant: work holding `query:q1` must not ask for `query:q1` again (it would wait for
 * itself).
 */
export class ObjectLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * Runs `work` once every earlier work on `key` has settled; resolves or rejects as `work` does.
   * @example await locks.exclusive('dashboard:d1', () => refreshAndRecord());
   */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const run = before.then(work, work);
    // The next caller waits for this one whether it succeeds or fails.
    const tail = run.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    void tail.then(() => { if (this.tails.get(key) === tail) this.tails.delete(key); });
    return run;
  }

  /** True while some work holds or waits for `key`. */
  held(key: string): boolean {
    return this.tails.has(key);
  }
}

/** Lock keys, one spelling for everyone. */
export const lockKey = {
  extension: (id: string) => `extension:${id}`,
  source: (id: string) => `source:${id}`,
  query: (id: string) => `query:${id}`,
  dashboard: (id: string) => `dashboard:${id}`,
};
