/**
 * The simulator's request context: queues operations like Office.js and runs them at `sync()`.
 *
 * Fidelity rules implemented here:
 * - operations run at `sync()`, in the order they were queued; an empty queue is no round trip;
 * - the first failing operation rejects the sync with its error; operations after it in that
 *   batch do not run, earlier ones stay applied (Excel does not roll back);
 * - request bytes = UTF-8 length of the JSON of the queued operations (values written included),
 *   response bytes = UTF-8 length of the JSON of what the loads returned; over the payload limit
 *   the sync fails with RequestPayloadSizeLimitExceeded (nothing runs) or
 *   ResponsePayloadSizeLimitExceeded (the batch ran, nothing loaded reaches the proxies).
 */
import type { XRequestContext, XWorkbook } from '../../excel/api';
import { SimulatorError } from '../errors';
import type { WorkbookState } from '../state/workbook';
import { utf8Length } from './utf8';

/** What a queued operation returns when it loads something. */
export interface LoadResult {
  /** JSON-able data as it would travel back from Excel (counts toward response bytes). */
  data: unknown;
  /** Stores the loaded values on the proxies; runs only when the whole sync succeeds. */
  commit(): void;
}

export interface Action {
  /** The operation as it would travel to Excel: [objectPath, verb, ...arguments]. */
  readonly wire: unknown[];
  /** Pivot structure edits do not force pending pivot re-renders before them. */
  readonly pivotEdit?: boolean;
  run(): LoadResult | void;
}

export interface SyncCounters {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export interface ContextHost {
  readonly state: WorkbookState;
  readonly payloadLimitBytes: number;
  readonly supportedApiVersion: string;
  isSetSupported(set: 'ExcelApi', version: string): boolean;
  /** Called after every round trip with its byte counts. */
  recordSync(requestBytes: number, responseBytes: number): void;
  /** Called when a round trip is over (also when it failed), e.g. to notify the grid. */
  afterSync(): void;
}

export class SimContext implements XRequestContext {
  private queue: Action[] = [];
  readonly workbook: XWorkbook;

  constructor(
    readonly host: ContextHost,
    makeWorkbook: (ctx: SimContext) => XWorkbook,
  ) {
    this.workbook = makeWorkbook(this);
  }

  get state(): WorkbookState {
    return this.host.state;
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      this.execute(batch);
    } finally {
      this.host.afterSync();
    }
  }

  private execute(batch: Action[]): void {
    const requestBytes = utf8Length(JSON.stringify(batch.map((a) => a.wire)));
    if (requestBytes > this.host.payloadLimitBytes) {
      this.host.recordSync(requestBytes, 0);
      throw new SimulatorError('RequestPayloadSizeLimitExceeded', undefined, 'RequestContext.sync');
    }
    const results: LoadResult[] = [];
    let failure: unknown;
    const state = this.state;
    for (const action of batch) {
      try {
        if (!action.pivotEdit) state.flushPivots();
        const r = action.run();
        if (r) results.push(r);
      } catch (error) {
        failure = error;
        break;
      }
    }
    try {
      state.flushPivots();
      state.ensureCalculated();
    } catch (error) {
      failure ??= error;
    }
    const responseBytes = failure ? 0 : utf8Length(JSON.stringify(results.map((r) => r.data)));
    this.host.recordSync(requestBytes, responseBytes);
    if (failure) throw failure;
    if (responseBytes > this.host.payloadLimitBytes) {
      throw new SimulatorError('ResponsePayloadSizeLimitExceeded', undefined, 'RequestContext.sync');
    }
    for (const r of results) r.commit();
  }
}
