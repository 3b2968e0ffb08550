/**
 * The Excel simulator: an in-memory workbook behind the Excel JavaScript API subset of
 * src/excel/api.ts, with Office.js's proxy/load/sync semantics, its error codes, the 5 MB
 * payload limits of Excel on the web, sync and byte counting, and PivotTables drawn by the
 * independent renderer in ./pivot/render.ts. Dev/test infrastructure: never shipped.
 *
 * @example
 * const sim = createSimulator(buildSampleWorkbook());
 * const rows = await sim.run(async (ctx) => {
 *   const range = ctx.workbook.tables.getItem('Sales').getDataBodyRange().load('values');
 *   await ctx.sync();
 *   return range.values.length;
 * });
 * sim.lastRunStats(); // { runs: 1, syncs: 1, requestBytes: ..., responseBytes: ... }
 */
import type { CellValue, ExcelRun, XRequestContext } from '../excel/api';
import type { WorkbookModel } from './model';
import { parseArea, splitSheet } from '../engine/address/a1';
import type { ContextHost } from './proxy/context';
import { SimContext } from './proxy/context';
import { WorkbookProxy } from './proxy/workbook';
import { WorkbookState } from './state/workbook';
import { changedEventArgs } from './state/events';
import { isValidValue, validationAt } from './state/data-validation';
import { validationContext } from './proxy/data-validation';
import { fail } from './errors';
import { createView, type CellView, type WorkbookView } from './view';
import { coerceInput } from './state/coerce';

export type { CellView, WorkbookView } from './view';
export { SimulatorError } from './errors';
export { formatValue } from './format';

export interface SimulatorStats {
  runs: number;
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export interface SimulatorOptions {
  /** Per-sync request and response limit; Excel on the web's is 5 MB. */
  payloadLimitBytes?: number;
  /** Highest ExcelApi requirement set this "Excel" supports; default '1.17'. */
  supportedApiVersion?: string;
}

export interface Simulator {
  run: ExcelRun;
  stats(): SimulatorStats;
  lastRunStats(): SimulatorStats;
  resetStats(): void;
  toModel(): WorkbookModel;
  subscribe(listener: () => void): () => void;
  view: WorkbookView;
  /**
   * Selects `address` on `sheet` as a click or the name box would. `activeCell` (a cell address
   * inside it, e.g. the anchor of a shift-click) stays active; by default its top-left cell is.
   */
  select(sheet: string, address: string, activeCell?: string): void;
  activate(sheet: string): void;
  isSetSupported(set: 'ExcelApi', version: string): boolean;
  /**
   * Types `value` into one cell as a user would (the grid, a dropdown pick): Excel's parsing,
   * data validation with a Stop alert refuses an invalid value (nothing changes), and
   * worksheet.onChanged fires with source 'Local' and triggerSource 'Unknown'.
   */
  setCellAsUser(sheet: string, address: string, value: CellValue): UserEditResult;
  /**
   * Resolves when every onChanged handler called so far has settled (events are delivered
   * asynchronously after the sync that changed the cells, as in Excel).
   */
  eventsDelivered(): Promise<void>;
  /**
   * The event handlers registered now (added and synced, not yet removed): workbook-wide
   * activations and cell changes, and each worksheet's own onChanged by sheet name. What a test
   * counts to prove an add-in registers an event once, however many parts of it listen.
   */
  eventHandlers(): { activated: number; changed: number; sheetChanged: Record<string, number> };
}

/** What a user edit did: `ok: false` with Excel's alert text when validation refused it. */
export type UserEditResult = { ok: true } | { ok: false; title: string; message: string };

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

const zero = (): SimulatorStats => ({ runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, maxRequestBytes: 0, maxResponseBytes: 0 });

function addSync(s: SimulatorStats, req: number, res: number): void {
  s.syncs++;
  s.requestBytes += req;
  s.responseBytes += res;
  s.maxRequestBytes = Math.max(s.maxRequestBytes, req);
  s.maxResponseBytes = Math.max(s.maxResponseBytes, res);
}

/** "1.9" < "1.15": requirement-set versions compare part by part as numbers. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Opens a workbook model in a new simulated Excel.
 * Reopen a saved one with `createSimulator(JSON.parse(JSON.stringify(sim.toModel())))`.
 */
export function createSimulator(model: WorkbookModel, options: SimulatorOptions = {}): Simulator {
  const state = WorkbookState.fromModel(model);
  const payloadLimitBytes = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
  const supportedApiVersion = options.supportedApiVersion ?? '1.17';
  let total = zero();
  let last = zero();
  const listeners = new Set<() => void>();
  let notifiedVersion = state.version;

  const pendingHandlers = new Set<Promise<unknown>>();
  let undelivered: Array<() => void> = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  /** Calls the handlers of changes recorded so far (what Excel's host message does). */
  const flushEvents = () => {
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    flushTimer = undefined;
    const calls = undelivered;
    undelivered = [];
    for (const call of calls) call();
  };

  /**
   * Queues recorded cell changes for onChanged handlers. Excel delivers events in a later message
   * from the host, never inside the sync that caused them: a macrotask here.
   */
  const deliverEvents = () => {
    const changes = state.changeLog;
    const activations = state.activationLog;
    if (changes.length === 0 && activations.length === 0) return;
    state.changeLog = [];
    state.activationLog = [];
    const calls: Array<{ handlers: Iterable<(args: unknown) => Promise<unknown>>; args: unknown }> = [];
    for (const sheet of activations) calls.push({ handlers: state.activatedHandlers, args: { type: 'WorksheetActivated', worksheetId: sheet.id } });
    for (const change of changes) {
      const args = changedEventArgs(change);
      calls.push({ handlers: state.changeHandlers.get(change.sheet.id) ?? [], args });
      calls.push({ handlers: state.anySheetChangeHandlers, args });
    }
    for (const { handlers, args } of calls) {
      for (const handler of [...handlers]) {
        undelivered.push(() => {
          const p: Promise<unknown> = Promise.resolve()
            .then(() => handler(args))
            // A failing handler must not break the workbook; Excel drops its rejection too.
            .catch(() => undefined)
            .finally(() => pendingHandlers.delete(p));
          pendingHandlers.add(p);
        });
      }
    }
    flushTimer ??= setTimeout(flushEvents, 0);
  };

  const notify = () => {
    deliverEvents();
    if (state.version === notifiedVersion) return;
    notifiedVersion = state.version;
    for (const l of [...listeners]) l();
  };

  const isSetSupported = (set: 'ExcelApi', version: string) => set === 'ExcelApi' && compareVersions(version, supportedApiVersion) <= 0;

  const run: ExcelRun = async <T>(batch: (context: XRequestContext) => Promise<T>): Promise<T> => {
    const mine = zero();
    mine.runs = 1;
    total.runs++;
    const host: ContextHost = {
      state,
      payloadLimitBytes,
      supportedApiVersion,
      isSetSupported,
      recordSync(req, res) {
        addSync(mine, req, res);
        addSync(total, req, res);
      },
      afterSync: notify,
    };
    const ctx = new SimContext(host, (c) => new WorkbookProxy(c));
    try {
      const result = await batch(ctx);
      // Like Office's run, send what is still queued when the batch's promise resolves.
      if (ctx.pending > 0) await ctx.sync();
      return result;
    } finally {
      last = mine;
    }
  };

  return {
    run,
    stats: () => ({ ...total }),
    lastRunStats: () => ({ ...last }),
    resetStats() {
      total = zero();
      last = zero();
    },
    toModel: () => state.toModel(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    view: createView(() => state),
    select(sheet, address, activeCell) {
      const target = state.sheet(sheet, 'Simulator.select');
      const ref = state.resolveAddress(address, target, 'Simulator.select');
      state.activate(ref.sheet);
      const active = activeCell === undefined ? undefined : parseArea(splitSheet(activeCell).local);
      state.select(ref, active && { row: active.row, column: active.column });
      state.changed();
      notify();
    },
    activate(sheet) {
      state.activate(state.sheet(sheet, 'Simulator.activate'));
      notify();
    },
    isSetSupported,
    setCellAsUser(sheet, address, value) {
      const target = state.sheet(sheet, 'Simulator.setCellAsUser');
      const ref = state.resolveAddress(address, target, 'Simulator.setCellAsUser');
      if (ref.area.rows !== 1 || ref.area.columns !== 1) fail('InvalidArgument', 'Simulator.setCellAsUser', 'A user edit changes one cell.');
      const dv = validationAt(ref.sheet, ref.area.row, ref.area.column);
      if (dv && dv.errorAlert.showAlert && dv.errorAlert.style === 'Stop') {
        const probe = coerceInput(value, ref.sheet.numberFormat(ref.area.row, ref.area.column), 'Simulator.setCellAsUser');
        const typed = probe?.formula !== undefined ? '' : (probe?.value ?? '');
        if (!isValidValue(dv, typed, ref.area.row, ref.area.column, validationContext(state, ref.sheet))) {
          return {
            ok: false,
            title: dv.errorAlert.title || 'Microsoft Excel',
            message: dv.errorAlert.message || "This value doesn't match the data validation restrictions defined for this cell.",
          };
        }
      }
      state.changeTrigger = 'Unknown';
      try {
        state.writeInput(ref, [[value]], true, 'Simulator.setCellAsUser');
        state.ensureCalculated();
      } finally {
        state.changeTrigger = 'ThisLocalAddin';
      }
      notify();
      return { ok: true };
    },
    eventHandlers() {
      const sheetChanged: Record<string, number> = {};
      for (const sheet of state.sheets) {
        const n = state.changeHandlers.get(sheet.id)?.size ?? 0;
        if (n > 0) sheetChanged[sheet.name] = n;
      }
      return { activated: state.activatedHandlers.size, changed: state.anySheetChangeHandlers.size, sheetChanged };
    },
    async eventsDelivered() {
      // Delivers queued events now rather than waiting for the timer (works under fake timers).
      flushEvents();
      while (pendingHandlers.size > 0) {
        await Promise.allSettled([...pendingHandlers]);
        flushEvents();
      }
    },
  };
}

/** Convenience for tests: a one-sheet workbook model holding `rows` from A1. */
export function modelFromRows(sheet: string, rows: CellValue[][]): WorkbookModel {
  const cells: WorkbookModel['sheets'][number]['cells'] = {};
  rows.forEach((line, r) => line.forEach((value, c) => {
    if (value !== '') cells[`${r},${c}`] = { value };
  }));
  return { sheets: [{ name: sheet, cells }], tables: [], pivots: [], names: [], settings: {} };
}

export type { CellView as SimCellView };
