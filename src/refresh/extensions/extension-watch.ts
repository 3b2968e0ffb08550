import type { ExtensionCoordinator } from '../extension-coordinator';
import { WorkbookEvents } from '../services/workbook-events';

export interface ExtensionWatchOptions {
  /** The composition root's dispatcher (services.events); a private one over the coordinator's Excel when absent. */
  events?: WorkbookEvents;
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
 * @example const stop = await watchExtensions(services.extensions, { events: services.events }); // … await stop();
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
  const soon = () => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(round, delay);
  };
  const events = options.events ?? new WorkbookEvents(coordinator.deps.run);
  const stopActivated = await events.onActivated(soon);
  // Marking a block out of date is PivotDeck's own write: it must not start another round.
  const stopChanged = await events.onChanged((e) => { if (!e.ownWrite) soon(); }).catch(async (error: unknown) => {
    await stopActivated();
    throw error;
  });
  round();
  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    await Promise.all([stopActivated(), stopChanged()]);
  };
}
