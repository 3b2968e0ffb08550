/**
 * Progress as the pane shows it, at most a few times a second: a million-row download reports
 * every network chunk (hundreds of them), and each report re-renders and lays out the pane.
 */

/** The parts of a progress report the throttle reads. */
interface ProgressLike {
  phase: string;
  bytes?: number;
  totalBytes?: number;
  rows?: number;
  totalRows?: number;
}

/** Shortest time between two reports of one phase, in ms: about six a second. */
export const PROGRESS_EVERY_MS = 150;

/**
 * Wraps `onProgress` so it is called for the first report of each phase, for a report that
 * completes its phase (all bytes or all rows) and otherwise at most once every `everyMs`.
 * Reports in between are dropped: each one says everything so far, so the next one shown is
 * never behind.
 *
 * @example
 * const show = throttleProgress((p) => setProgress(p));
 * await pullSource(def, { ...context, onProgress: show });
 */
export function throttleProgress<P extends ProgressLike>(
  onProgress: ((progress: P) => void) | undefined,
  everyMs = PROGRESS_EVERY_MS,
  now: () => number = () => (typeof performance === 'undefined' ? Date.now() : performance.now()),
): ((progress: P) => void) | undefined {
  if (!onProgress) return undefined;
  let phase: string | undefined;
  let shownAt = -Infinity;
  return (progress) => {
    const at = now();
    const complete = (progress.totalBytes !== undefined && progress.bytes === progress.totalBytes)
      || (progress.totalRows !== undefined && progress.rows === progress.totalRows);
    if (progress.phase === phase && !complete && at - shownAt < everyMs) return;
    phase = progress.phase;
    shownAt = at;
    onProgress(progress);
  };
}
