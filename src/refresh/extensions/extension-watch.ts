import { watchWorkbook } from '../../excel/watch-workbook';
import type { ExtensionCoordinator } from '../extension-coordinator';

export interface ExtensionWatchOptions {
  /** Quiet time after the last event before checking (typing fires one event per cell). */
  delayMs?: number;
  /** Told after each round of checks (the pane re-reads the document anyway; tests wait on it). */
  onChecked?: () => void;
  onError?: (error: unknown) => void;
}

/**
 * Keeps extensions honest while the pane is open: checks them all now, then again shortly after
 * a sheet is activated or cells change anywhere (not PivotDeck's own writes). Out-of-date blocks
 * are marked on the sheet and in the document (or refreshed, where the user asked for that).
 * Returns `stop`.
 *
 * @example const stop = await watchExtensions(services.extensions); // … await stop();
 */
export async function watchExtensions(coordinator: ExtensionCoordinator, options: ExtensionWatchOptions = {}): Promise<() => Promise<void>> {
  const delay = options.delayMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const round = () => {
    timer = undefined;
    if (stopped) return;
    coordinator.checkAll().then(() => options.onChecked?.(), (error: unknown) => options.onError?.(error));
  };
  const stopEvents = await watchWorkbook(coordinator.deps.run, () => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(round, delay);
  });
  round();
  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    await stopEvents();
  };
}
