import type { ExcelRun } from '../../excel/api';
import type { PivotDeckDocument } from '../../model';
import type { DocumentService } from '../document';
import { WorkbookEvents } from '../services/workbook-events';
import { checkFreshness, type FreshnessReport } from './freshness';
import { stampSheet } from './source-stamps';

export interface FreshnessWatchOptions {
  /** Quiet time after the last sheet change or activation before checking (default 400 ms). */
  debounceMs?: number;
  /** The composition root's dispatcher (services.events); a private one over `run` when absent. */
  events?: WorkbookEvents;
}

/** The sheets holding the workbook sources that dashboards and queries read. */
function sourceSheets(doc: PivotDeckDocument): Set<string> {
  const out = new Set<string>();
  for (const o of [...doc.dashboards, ...doc.queries]) {
    for (const s of o.readFrom ?? []) {
      const sheet = (s.kind === 'table' || s.kind === 'range') ? stampSheet(s) : undefined;
      if (sheet) out.add(sheet);
    }
  }
  return out;
}

/**
 * Keeps "Up to date" / "Out of date — Orders changed" current for every dashboard and saved query
 * while the pane is open: checks when started (the pane opens), when a worksheet is activated,
 * when cells change on a sheet holding a source they read (debounced), and when the document
 * changes (a refresh records new stamps). Checks never overlap: a request during a check runs
 * one more after it. Listeners get each report.
 *
 * @example
 * const watch = new FreshnessWatch(services.run, services.documents, { events: services.events });
 * watch.subscribe((r) => setReport(r));
 * const stop = await watch.start();
 */
export class FreshnessWatch {
  private report: FreshnessReport | undefined;
  private readonly listeners = new Set<(report: FreshnessReport) => void>();
  private running: Promise<FreshnessReport> | undefined;
  private queued: Promise<FreshnessReport> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly events: WorkbookEvents;

  constructor(private readonly run: ExcelRun, private readonly documents: DocumentService, private readonly options: FreshnessWatchOptions = {}) {
    this.events = options.events ?? new WorkbookEvents(run);
  }

  /** The last report, if a check has finished. */
  get latest(): FreshnessReport | undefined {
    return this.report;
  }

  /** Calls `listener` with every new report (and the latest at once, if there is one); returns unsubscribe. */
  subscribe(listener: (report: FreshnessReport) => void): () => void {
    this.listeners.add(listener);
    if (this.report) listener(this.report);
    return () => { this.listeners.delete(listener); };
  }

  /** Checks now (or once more after the running check); resolves with the report. */
  check(): Promise<FreshnessReport> {
    if (this.running) {
      this.queued ??= this.running.catch(() => undefined).then(() => {
        this.queued = undefined;
        return this.check();
      });
      return this.queued;
    }
    this.running = (async () => {
      const report = await checkFreshness(this.run, await this.documents.read());
      this.report = report;
      for (const l of [...this.listeners]) l(report);
      return report;
    })().finally(() => { this.running = undefined; });
    return this.running;
  }

  /** Checks after a quiet moment (many cell changes in a row make one check). */
  private soon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check().catch(() => undefined);
    }, this.options.debounceMs ?? 400);
  }

  /**
   * Checks once, then watches activations, source sheets and the document until `stop`.
   * A sheet that cannot be watched (gone) is skipped; the check then says its source changed.
   */
  async start(): Promise<() => Promise<void>> {
    const sheets = new Map<string, Promise<(() => Promise<void>) | undefined>>();
    let stopped = false;
    const follow = (doc: PivotDeckDocument) => {
      if (stopped) return;
      const wanted = sourceSheets(doc);
      for (const name of wanted) {
        if (sheets.has(name.toLowerCase())) continue;
        // Every change counts, PivotDeck's own too: a landed source refreshed by PivotDeck is new data.
        sheets.set(name.toLowerCase(), this.events.onSheetChanged(name, () => this.soon()).catch(() => undefined));
      }
      for (const [name, stop] of sheets) {
        if ([...wanted].some((w) => w.toLowerCase() === name)) continue;
        sheets.delete(name);
        void stop.then((s) => s?.()).catch(() => undefined);
      }
    };
    const unsubscribe = this.documents.subscribe((change) => {
      follow(change.document);
      this.soon();
    });
    // Activations only: cells count only on the sheets that hold a source.
    const stopActivation = await this.events.onActivated(() => this.soon()).catch(() => undefined);
    follow(await this.documents.read());
    await this.check().catch(() => undefined);
    return async () => {
      stopped = true;
      unsubscribe();
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      await stopActivation?.().catch(() => undefined);
      for (const stop of sheets.values()) await stop.then((s) => s?.()).catch(() => undefined);
      sheets.clear();
    };
  }
}
