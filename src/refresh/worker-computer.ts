/**
 * The one request / response / cancel layer between the pane and its computation workers
 * (extension plans, queries, dashboard queries). A computation sends one request; the worker
 * answers with any number of `stage` replies and then `done` or `failed`.
 */

/** The part of a Web Worker the computer uses (a real Worker, or an in-process stand-in in tests). */
export interface WorkerLike<Request, Reply> {
  postMessage(message: Request, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: Reply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** A failure inside the worker, as plain data (error classes do not survive postMessage). */
export interface WorkerFailure<Code extends string = string> {
  type: 'failed';
  name: string;
  code?: Code;
  message: string;
}

/** Worker → pane, for every kind of computation. Plain data and typed arrays only. */
export type WorkerReply<Result, Stage, Code extends string = string> =
  | { type: 'stage'; stage: Stage }
  | { type: 'done'; result: Result }
  | WorkerFailure<Code>;

/** What every computer takes besides its input. */
export interface RunOptions<Stage> {
  signal?: AbortSignal;
  /** Called as the computation moves through its stages (from the worker, when there is one). */
  onStage?(stage: Stage): void;
}

/** A computation the pane can run in a worker or in-thread, cancellable with `signal`. */
export type Computer<Input, Result, Stage> = (input: Input, options?: RunOptions<Stage>) => Promise<Result>;

export interface WorkerJob<Input, Request, Failure extends WorkerFailure> {
  /**
   * Turns the input into the request and the buffers to transfer with it (source rows become
   * packed columns, in slices the pane yields between), while the worker starts. `held` names
   * the sources this worker kept from its previous run: the request may refer to them instead of
   * sending them again; encode replaces `held` with what the worker will hold after this request.
   */
  encode(input: Input, signal: AbortSignal | undefined, held: Set<string>): Promise<{ request: Request; transfer: Transferable[] }>;
  /** Turns a `failed` reply back into the error the in-thread computation throws. */
  failure(reply: Failure): Error;
  /** Which worker, in "The PivotDeck <name> failed: …" when it dies. */
  name: string;
  /**
   * Keep one finished worker for the next run, so previews do not load the engine into a new
   * worker on every edit. A refusal (`failed`) leaves the worker sound and it is kept like a
   * success. A run cancelled after its request went out lets its worker finish (the answer is
   * dropped) and keeps it too, with the tables it holds: the next run waits for it instead of
   * packing and copying a million rows into a new worker (seconds of the pane thread). A crashed
   * worker, or one still busy after `drainMs`, is ended.
   */
  keepWarm?: boolean;
  /** How long a cancelled keepWarm run's worker may go on before it is ended. Default 10 s. */
  drainMs?: number;
  /**
   * How long a kept worker may sit idle before it is ended, with the tables it holds (a warm
   * worker keeps its last request's sources: hundreds of MB at a million rows). Default 60 s.
   */
  idleMs?: number;
}

const cancelled = (signal: AbortSignal | undefined): unknown => signal?.reason ?? new DOMException('Cancelled', 'AbortError');

/**
 * A Computer that runs each computation in a worker, so a million source rows never block the
 * pane. Cancel rejects at once with the signal's reason (an AbortError) and nothing reaches Excel
 * (writing happens only after a result comes back); the worker dies mid-compute, or, with
 * `keepWarm`, finishes and is kept for the next run (see WorkerJob.keepWarm). Runs at the same
 * time get workers of their own; with `keepWarm` one idle worker is kept between runs, with the
 * sources of its last request (the next request over the same source read sends only a
 * reference: a live preview or a dashboard's next query moves no rows).
 *
 * @example
 * const compute = workerComputerOf(startQueryWorker, { name: 'query worker', encode, failure });
 * const result = await compute(input, { signal, onStage: (s) => show(s) });
 */
export function workerComputerOf<Input, Request, Result, Stage, Code extends string>(
  start: () => WorkerLike<Request, WorkerReply<Result, Stage, Code>>,
  job: WorkerJob<Input, Request, WorkerFailure<Code>>,
): Computer<Input, Result, Stage> {
  let idle: WorkerLike<Request, WorkerReply<Result, Stage, Code>> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  // Settles when the worker of a cancelled keepWarm run has finished (and is idle) or was ended.
  let draining: Promise<void> | undefined;
  // What each worker kept from its last request (see WorkerJob.encode).
  const holds = new WeakMap<object, Set<string>>();
  return (input, options = {}) => new Promise<Result>((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) { reject(cancelled(signal)); return; }
    if (!draining) { run(input, options, resolve, reject); return; }
    // Wait for the cancelled run's worker: it holds the tables this run most likely needs.
    const onAbort = () => reject(cancelled(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    void draining.then(() => {
      signal?.removeEventListener('abort', onAbort);
      if (!signal?.aborted) run(input, options, resolve, reject);
    });
  });

  function run(input: Input, options: RunOptions<Stage>, resolve: (result: Result) => void, reject: (error: unknown) => void): void {
    const { signal, onStage } = options;
    // The worker starts (and loads its code) while the pane packs the input.
    const worker = idle ?? start();
    idle = undefined;
    clearTimeout(idleTimer);
    const held = holds.get(worker) ?? new Set<string>();
    holds.set(worker, held);
    let settled = false;
    const detach = () => {
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
    };
    const end = () => { detach(); worker.terminate(); };
    const release = () => {
      if (!job.keepWarm || idle) { end(); return; }
      detach();
      idle = worker;
      idleTimer = setTimeout(() => {
        if (idle !== worker) return;
        idle = undefined;
        worker.terminate();
      }, job.idleMs ?? 60_000);
    };
    let posted = false;
    const drain = () => {
      let finish!: () => void;
      const ready = new Promise<void>((done) => { finish = done; });
      draining = ready;
      const done = () => {
        clearTimeout(limit);
        if (draining === ready) draining = undefined;
        finish();
      };
      const limit = setTimeout(() => { end(); done(); }, job.drainMs ?? 10_000);
      worker.onmessage = ({ data }) => {
        if (data.type === 'stage') return;
        if (data.type !== 'done') held.clear();
        release();
        done();
      };
      worker.onerror = () => { end(); done(); };
    };
    const onAbort = () => {
      reject(cancelled(signal));
      if (job.keepWarm && posted) {
        signal?.removeEventListener('abort', onAbort);
        drain();
      } else end();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'stage') { onStage?.(data.stage); return; }
      // After a refusal the worker keeps nothing (it forgets too), so the next run sends all.
      if (data.type !== 'done') held.clear();
      release();
      if (data.type === 'done') resolve(data.result);
      else reject(job.failure(data));
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(`The PivotDeck ${job.name} failed${event.message ? `: ${event.message}` : ''}.`));
    };
    job.encode(input, signal, held).then(({ request, transfer }) => {
      if (settled) return;
      worker.postMessage(request, transfer);
      posted = true;
    }, (error: unknown) => {
      if (settled) return;
      end();
      reject(error);
    });
  }
}

/**
 * The worker's side of every computation, free of any Worker global so tests run it in-process:
 * checks the request's type, computes (reporting each stage) and turns a thrown error into a
 * `failed` reply with the code `classify` gives it.
 *
 * @example
 * answerRequest('query', request, post, (r, onStage) => computeQuery(decode(r), onStage), classify);
 */
export function answerRequest<Request extends { type: string }, Result, Stage, Code extends string>(
  type: Request['type'],
  request: Request,
  post: (reply: WorkerReply<Result, Stage, Code>) => void,
  compute: (request: Request, onStage: (stage: Stage) => void) => Result,
  classify: (error: unknown) => Code | undefined,
  unknown: string,
  fallbackCode?: Code,
): void {
  if (request?.type !== type) {
    post({ type: 'failed', ...(fallbackCode ? { code: fallbackCode } : {}), name: 'Error', message: unknown });
    return;
  }
  try {
    const result = compute(request, (stage) => post({ type: 'stage', stage }));
    post({ type: 'done', result });
  } catch (error) {
    const code = classify(error);
    post({
      type: 'failed',
      ...(code ? { code } : {}),
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
