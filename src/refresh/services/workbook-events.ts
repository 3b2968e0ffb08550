/**
 * The pane's one dispatcher of Excel's sheet events, built once by the composition root
 * (createServices) and shared by everything that reacts to the workbook while the pane is open:
 * the extensions' out-of-date watch, the dashboards' and saved queries' freshness watch, and the
 * dashboard coordinator's parameter-cell and source watches. Each Excel event is registered once
 * (src/excel/watch-workbook.ts), however many listeners want it, and fanned out to them.
 */
import type { ExcelRun } from '../../excel/api';
import { addWorkbookHandler, type WorkbookEvent, type WorkbookEventSource } from '../../excel/watch-workbook';

export type { WorkbookEvent } from '../../excel/watch-workbook';
/** A worksheet was activated (a tab click, or the API). */
export type ActivatedEvent = Extract<WorkbookEvent, { kind: 'activated' }>;
/** Cells changed; `ownWrite` tells PivotDeck's own writes apart where Excel says so. */
export type ChangedEvent = Extract<WorkbookEvent, { kind: 'changed' }>;
/** Stops one listener; the Excel handler goes when its last listener stops. */
export type Unsubscribe = () => Promise<void>;

type Listener<E> = (event: E) => void | Promise<void>;

/** One Excel event: its listeners and, while it has any, its registration in Excel. */
interface Channel {
  source: WorkbookEventSource;
  listeners: Set<{ call: Listener<WorkbookEvent> }>;
  registration?: Promise<() => Promise<void>>;
  /** The removal of the previous registration, which a new one waits for. */
  removing?: Promise<void>;
}

export interface WorkbookEventsOptions {
  /** Told when a listener throws or rejects; the other listeners are called all the same. */
  onListenerError?: (error: unknown) => void;
}

/**
 * Registers each Excel sheet event once and fans it out. Listeners that throw do not stop the
 * others (each of PivotDeck's own catches its errors; this only keeps one from silencing the
 * rest). Subscribing resolves once Excel has the handler (at once when it already had it), and
 * rejects when Excel refuses it (a sheet that is gone); the last listener to leave removes it.
 *
 * @example
 * const events = new WorkbookEvents(host.run);
 * const stop = await events.onActivated(() => recheck());
 * const stopCells = await events.onSheetChanged('Dashboard', (e) => { if (!e.ownWrite) recompute(e.address); });
 * await stop(); await stopCells();
 */
export class WorkbookEvents {
  private readonly channels = new Map<string, Channel>();

  constructor(private readonly run: ExcelRun, private readonly options: WorkbookEventsOptions = {}) {}

  /** Hears every worksheet activation, and nothing else. */
  onActivated(listener: Listener<ActivatedEvent>): Promise<Unsubscribe> {
    return this.subscribe('activated', { kind: 'activated' }, (e) => (e.kind === 'activated' ? listener(e) : undefined));
  }

  /** Hears cell changes on every worksheet (ExcelApi 1.9), PivotDeck's own writes marked. */
  onChanged(listener: Listener<ChangedEvent>): Promise<Unsubscribe> {
    return this.subscribe('changed', { kind: 'changed' }, (e) => (e.kind === 'changed' ? listener(e) : undefined));
  }

  /** Hears cell changes on one worksheet, by name (as Excel does, without regard to case). */
  onSheetChanged(sheet: string, listener: Listener<ChangedEvent>): Promise<Unsubscribe> {
    return this.subscribe(`sheet:${sheet.toLowerCase()}`, { kind: 'sheetChanged', sheet }, (e) => (e.kind === 'changed' ? listener(e) : undefined));
  }

  private async subscribe(key: string, source: WorkbookEventSource, call: Listener<WorkbookEvent>): Promise<Unsubscribe> {
    let channel = this.channels.get(key);
    if (!channel) {
      channel = { source, listeners: new Set() };
      this.channels.set(key, channel);
    }
    const entry = { call };
    channel.listeners.add(entry);
    const joined = channel;
    // The first listener registers; later ones wait for the same registration.
    const registration = joined.registration ??= (joined.removing ?? Promise.resolve())
      .then(() => addWorkbookHandler(this.run, source, (event) => this.dispatch(joined, event)));
    try {
      await registration;
    } catch (error) {
      joined.listeners.delete(entry);
      // Refused: the next listener tries again.
      if (joined.registration === registration) joined.registration = undefined;
      throw error;
    }
    let subscribed = true;
    return async () => {
      if (!subscribed) return;
      subscribed = false;
      joined.listeners.delete(entry);
      if (joined.listeners.size > 0 || joined.registration !== registration) return;
      joined.registration = undefined;
      const removal = registration.then((stop) => stop());
      joined.removing = removal.catch(() => undefined);
      await removal;
    };
  }

  private dispatch(channel: Channel, event: WorkbookEvent): void {
    for (const { call } of [...channel.listeners]) {
      try {
        const done = call(event);
        if (done) done.catch((error: unknown) => this.options.onListenerError?.(error));
      } catch (error) {
        this.options.onListenerError?.(error);
      }
    }
  }
}
