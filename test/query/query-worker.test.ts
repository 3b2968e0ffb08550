/**
 * The query worker protocol, run in-process: a QueryComputer built on queryWorkerComputer talks to
 * a stand-in worker that answers with answerQueryRequest (the code query.worker.ts runs), every
 * message going through structuredClone as postMessage would. Expected cells are hand-computed
 * from the six rows below (the same as test/query/refresh.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import type { QuerySpec } from '../../src/engine';
import { emptyDocument } from '../../src/model';
import {
  answerQueryRequest, computeQueryInThread, insertQuery, queryWorkerComputer, refreshQuery,
  type QueryProgress, type QueryReply, type QueryRequest, type QueryWorkerLike,
} from '../../src/refresh/queries';
import type { QueryWorkerMemory } from '../../src/refresh/queries/query-worker-protocol';
import { browserQueryComputer } from '../../src/refresh/queries/start-query-worker';
import { createSimulator, type Simulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';

// Serials: 44941 = 2023-01-15, 44960 = 2023-02-03, 44970 = 2023-02-13, 45300 = 2024-01-09, 45310 = 2024-01-19, 45320 = 2024-01-29.
const SALES: CellValue[][] = [
  ['Date', 'Region', 'Customer', 'Revenue'],
  [44941, 'North', 'A', 100],
  [44960, 'North', 'B', 300],
  [45300, 'North', 'A', 200],
  [44970, 'South', 'C', 50],
  [45310, 'South', 'C', 150],
  [45320, 'South', 'D', 250],
];

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'table', name: 'Sales' },
  derived: [{ kind: 'datePart', name: 'Year', field: 'Date', part: 'year' }],
  rows: ['Region'],
  columns: ['Year'],
  measures: [{ id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' }],
};

const GRID: CellValue[][] = [
  ['Year', 2023, 2024, 'Grand Total'],
  ['Region', 'Revenue', 'Revenue', 'Revenue'],
  ['North', 400, 200, 600],
  ['South', 50, 400, 450],
  ['Grand Total', 450, 600, 1050],
];

const book = () => createSimulator(workbook({ sheets: [sheet('Data', cellsAt(SALES))], tables: [table('Sales', 'Data', 'A1:D7')] }));
const TARGET = { kind: 'newSheet', sheet: 'Revenue by region' } as const;

function values(sim: Simulator, sheetName: string, rows: number, columns: number): CellValue[][] {
  const s = sim.toModel().sheets.find((x) => x.name === sheetName)!;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => s.cells[`${r},${c}`]?.value ?? ''));
}

class InProcessWorker implements QueryWorkerLike {
  onmessage: QueryWorkerLike['onmessage'] = null;
  onerror: QueryWorkerLike['onerror'] = null;
  terminated = false;
  held: QueryRequest | undefined;
  last: QueryRequest | undefined;
  readonly requests: QueryRequest[] = [];
  /** As query.worker.ts keeps it: one memory per worker, passed from request to request. */
  readonly memory: QueryWorkerMemory = new Map();
  constructor(private readonly hold = false) {}
  postMessage(message: QueryRequest, transfer: Transferable[] = []): void {
    // As postMessage does: transferred buffers move (the sender's copies are detached).
    const request = structuredClone(message, { transfer });
    this.last = request;
    this.requests.push(request);
    if (this.hold) { this.held = request; return; }
    setTimeout(() => answerQueryRequest(request, (reply) => { if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) as QueryReply }); }, this.memory), 0);
  }
  terminate(): void { this.terminated = true; }
}

describe('computing a query in a worker', () => {
  it('writes the same grid as in-thread, reports read → compute stages → write, and ends the worker', async () => {
    const sim = book();
    const workers: InProcessWorker[] = [];
    const compute = queryWorkerComputer(() => { const w = new InProcessWorker(); workers.push(w); return w; });
    const steps: string[] = [];
    const onProgress = (p: QueryProgress) => { const step = p.stage ? `${p.phase}:${p.stage}` : p.phase; if (steps.at(-1) !== step) steps.push(step); };
    const r = await insertQuery({ run: sim.run, compute }, emptyDocument(), { label: 'Revenue by region', spec: SPEC, layout: 'grid', target: TARGET }, { onProgress });
    expect(r.outcome.status).toBe('written');
    expect(values(sim, 'Revenue by region', 5, 4)).toEqual(GRID);
    expect(steps).toEqual(['source', 'compute', 'compute:columns', 'compute:query', 'write']);
    expect(workers.map((w) => w.terminated)).toEqual([true]);
    // Only the header and packed columns cross to the worker: no rows, no read cost figures.
    expect(Object.keys(workers[0].last!.sources)).toEqual(['table:Sales']);
    expect(Object.keys(workers[0].last!.sources['table:Sales'])).toEqual(['pack', 'header', 'columns']);
    expect(workers[0].last!.sources['table:Sales'].columns!.columns[3].numbers).toEqual(new Float64Array([100, 300, 200, 50, 150, 250]));
  });

  it('cancel terminates the worker: an insert writes nothing and a refresh keeps the previous output', async () => {
    const sim = book();
    const first = await insertQuery({ run: sim.run }, emptyDocument(), { label: 'Revenue by region', spec: SPEC, layout: 'grid', target: TARGET });
    expect(first.outcome.status).toBe('written');
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('D2').values = [[1100]]; });

    const cancelIn = async (run: (compute: ReturnType<typeof queryWorkerComputer>, signal: AbortSignal, onProgress: (p: QueryProgress) => void) => Promise<{ outcome: { status: string } }>) => {
      const worker = new InProcessWorker(true);
      const controller = new AbortController();
      const r = await run(queryWorkerComputer(() => worker), controller.signal, (p) => { if (p.phase === 'compute') setTimeout(() => controller.abort(), 0); });
      expect(worker.held?.type).toBe('query');
      expect(worker.terminated).toBe(true);
      return r;
    };

    const refreshed = await cancelIn((compute, signal, onProgress) => refreshQuery({ run: sim.run, compute }, first.document, first.id, { signal, onProgress }));
    expect(refreshed.outcome).toEqual({ status: 'cancelled', message: 'Cancelled. Nothing was written.' });
    expect(values(sim, 'Revenue by region', 5, 4)).toEqual(GRID);

    const inserted = await cancelIn((compute, signal, onProgress) =>
      insertQuery({ run: sim.run, compute }, first.document, { label: 'Second', spec: SPEC, layout: 'table', target: { kind: 'newSheet', sheet: 'Second' } }, { signal, onProgress }));
    expect(inserted.outcome.status).toBe('cancelled');
    expect(sim.toModel().sheets.map((s) => s.name)).toEqual(['Data', 'Revenue by region']);
  });

  it('an unknown field inside the worker comes back as the same kind of failure as in-thread', async () => {
    const bad: QuerySpec = { ...SPEC, rows: ['Regoin'] };
    const outcomes = await Promise.all([queryWorkerComputer(() => new InProcessWorker()), computeQueryInThread].map(async (compute) => {
      const sim = book();
      const r = await insertQuery({ run: sim.run, compute }, emptyDocument(), { label: 'Bad', spec: bad, layout: 'grid', target: { kind: 'newSheet', sheet: 'Bad' } });
      expect(sim.toModel().sheets.map((s) => s.name)).toEqual(['Data']);
      return r.outcome;
    }));
    expect(outcomes[0]).toMatchObject({ status: 'failed', code: 'field' });
    expect(outcomes[0]).toEqual(outcomes[1]);
  });

  it('a crashed worker is reported, not hung', async () => {
    const sim = book();
    const crashing: QueryWorkerLike = {
      onmessage: null, onerror: null, terminate() {},
      postMessage() { setTimeout(() => this.onerror?.({ message: 'out of memory' }), 0); },
    };
    const r = await insertQuery({ run: sim.run, compute: queryWorkerComputer(() => crashing) }, emptyDocument(), { label: 'X', spec: SPEC, layout: 'grid', target: TARGET });
    expect(r.outcome).toEqual({ status: 'failed', code: 'excel', message: 'The PivotDeck query worker failed: out of memory.' });
  });

  it('keepWarm reuses one finished worker; a cancelled run\'s worker finishes, is kept, and the next run sends no cells', async () => {
    const workers: InProcessWorker[] = [];
    const compute = queryWorkerComputer(() => { const w = new InProcessWorker(); workers.push(w); return w; }, { keepWarm: true });
    const input = { spec: { ...SPEC, columns: [] }, sources: { 'table:Sales': { header: SALES[0], rows: SALES.slice(1) } }, output: 'flat' as const };
    const first = await compute(input);
    const second = await compute(input);
    expect(second.flat?.rows).toEqual(first.flat?.rows);
    expect(second.flat?.rows).toEqual([['North', 600], ['South', 450]]);
    expect(workers.map((w) => w.terminated)).toEqual([false]);
    // The warm worker kept the first request's table: the second names the pack and sends no cells.
    const [sent, again] = workers[0].requests;
    expect(sent.sources['table:Sales'].columns?.rowCount).toBe(6);
    expect(again.sources['table:Sales']).toEqual({ pack: sent.sources['table:Sales'].pack });
    // A different read of the same table is a different pack: its cells are sent.
    const reread = await compute({ ...input, sources: { 'table:Sales': { header: SALES[0], rows: SALES.slice(1, 4) } } });
    expect(reread.flat?.rows).toEqual([['North', 600]]);
    expect(workers[0].requests[2].sources['table:Sales'].columns?.rowCount).toBe(3);

    // Cancelled mid-compute (at its first stage reply): the caller hears at once, the worker is
    // not ended, and the run after it waits for that worker and names the table it still holds.
    const controller = new AbortController();
    const cancelled = compute(input, { signal: controller.signal, onStage: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    const next = await compute(input);
    expect(next.flat?.rows).toEqual([['North', 600], ['South', 450]]);
    expect(workers.map((w) => w.terminated)).toEqual([false]);
    expect(workers[0].requests.at(-1)!.sources['table:Sales']).toEqual({ pack: sent.sources['table:Sales'].pack });
    // Two at once: each has its own worker; one is kept afterwards, the other ends.
    await Promise.all([compute(input), compute(input)]);
    expect(workers.length).toBe(2);
    expect(workers.map((w) => w.terminated).sort()).toEqual([false, true]);
  });

  it('a cancelled run\'s worker that never answers is ended after drainMs, and a crash while draining too; the next run starts afresh', async () => {
    const input = { spec: { ...SPEC, columns: [] }, sources: { 'table:Sales': { header: SALES[0], rows: SALES.slice(1) } }, output: 'flat' as const };
    const workers: InProcessWorker[] = [];
    let hold = true;
    const compute = queryWorkerComputer(() => { const w = new InProcessWorker(hold); workers.push(w); return w; }, { keepWarm: true, drainMs: 30 });
    const controller = new AbortController();
    const stuck = compute(input, { signal: controller.signal });
    await expect.poll(() => workers[0]?.held?.type).toBe('query');
    controller.abort();
    await expect(stuck).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].terminated).toBe(false);
    hold = false;
    // The next run waits for the drain to give up, then packs the table again for a new worker.
    const after = await compute(input);
    expect(after.flat?.rows).toEqual([['North', 600], ['South', 450]]);
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
    expect(workers[1].requests[0].sources['table:Sales'].columns?.rowCount).toBe(6);

    // A run waiting on a drain can itself be cancelled: it rejects without waiting.
    hold = true;
    const crashing = new AbortController();
    workers.length = 0;
    const compute2 = queryWorkerComputer(() => { const w = new InProcessWorker(hold); workers.push(w); return w; }, { keepWarm: true, drainMs: 60_000 });
    const first = compute2(input, { signal: crashing.signal });
    await expect.poll(() => workers[0]?.held?.type).toBe('query');
    crashing.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const waiting = new AbortController();
    const second = compute2(input, { signal: waiting.signal });
    waiting.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    // The draining worker crashes: it is ended and a later run gets a new one.
    workers[0].onerror?.({ message: 'out of memory' });
    hold = false;
    const third = await compute2(input);
    expect(third.flat?.rows).toEqual([['North', 600], ['South', 450]]);
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
  });

  it('a kept worker that sits idle ends, with the tables it held; the next run sends the rows again', async () => {
    const workers: InProcessWorker[] = [];
    const compute = queryWorkerComputer(() => { const w = new InProcessWorker(); workers.push(w); return w; }, { keepWarm: true, idleMs: 20 });
    const input = { spec: { ...SPEC, columns: [] }, sources: { 'table:Sales': { header: SALES[0], rows: SALES.slice(1) } }, output: 'flat' as const };
    await compute(input);
    expect(workers.map((w) => w.terminated)).toEqual([false]);
    await new Promise((resolve) => { setTimeout(resolve, 60); });
    expect(workers.map((w) => w.terminated)).toEqual([true]);
    const again = await compute(input);
    expect(again.flat?.rows).toEqual([['North', 600], ['South', 450]]);
    expect(workers[1]!.requests[0]!.sources['table:Sales']!.columns?.rowCount).toBe(6);
  });

  it('answers an unknown request with a failure instead of throwing', () => {
    const replies: QueryReply[] = [];
    answerQueryRequest({ type: 'nonsense' } as unknown as QueryRequest, (r) => replies.push(r));
    expect(replies).toEqual([{ type: 'failed', code: 'other', name: 'Error', message: 'PivotDeck query worker: unknown request.' }]);
  });

  it('without Web Workers (Node, old hosts) the pane falls back to computing in-thread', async () => {
    expect(typeof Worker).toBe('undefined');
    const compute = browserQueryComputer();
    expect(compute).toBe(computeQueryInThread);
    const result = await compute({ spec: { ...SPEC, columns: [] }, sources: { 'table:Sales': { header: SALES[0], rows: SALES.slice(1) } }, output: 'flat' });
    expect(result.flat?.rows).toEqual([['North', 600], ['South', 450]]);
  });
});

describe('awkward data through the worker', () => {
  // Regions: non-ASCII, a name that clashes with Object's, a blank; Revenue: -0, text, a logical,
  // a blank and ties; one region has a single row; Score is blank in every row.
  const HEADER: CellValue[] = ['Region', 'Customer', 'Revenue', 'Score'];
  const ROWS: CellValue[][] = [
    ['Zürich', 'A', 10, ''],
    ['Zürich', 'A', 10, ''],
    ['Zürich', 'B', -0, ''],
    ['東京', 'C', 'n/a', ''],
    ['東京', 'C', 5, ''],
    ['東京', 'D', true, ''],
    ['__proto__', 'E', 7.5, ''],
    ['', 'F', '', ''],
    ['', 'G', 2, ''],
  ];
  const SPEC2: QuerySpec = {
    version: 1,
    source: { kind: 'table', name: 'Sales' },
    rows: ['Region'],
    measures: [
      { id: 'sum', label: 'Revenue', kind: 'sum', field: 'Revenue' },
      { id: 'med', label: 'Median', kind: 'median', field: 'Revenue' },
      { id: 'dc', label: 'Customers', kind: 'distinctCount', field: 'Customer' },
      { id: 'score', label: 'Score', kind: 'sum', field: 'Score' },
    ],
  };

  it('gives the cells the in-thread computation gives, and the hand-computed sums, medians and counts', async () => {
    const input = { spec: SPEC2, sources: { 'table:Sales': { header: HEADER, rows: ROWS } }, output: 'flat' as const };
    const worker = new InProcessWorker();
    const viaWorker = await queryWorkerComputer(() => worker)(input);
    const inThread = await computeQueryInThread(input);
    expect(viaWorker.flat).toEqual(inThread.flat);
    // By hand, per region: numbers only (text, logicals and blanks skipped, as SUM and MEDIAN do).
    const byRegion = new Map(viaWorker.flat!.rows.map((r) => [r[0], r.slice(1)]));
    expect(byRegion.get('Zürich')?.slice(0, 3)).toEqual([20, 10, 2]);
    expect(byRegion.get('東京')?.slice(0, 3)).toEqual([5, 5, 2]);
    expect(byRegion.get('__proto__')?.slice(0, 3)).toEqual([7.5, 7.5, 1]);
    // Only the cells crossed, as numbers and dictionary text; no row arrays.
    const sent = worker.requests[0]!.sources['table:Sales']!.columns!;
    expect(sent.columns[0]!.text).toBe('Zürich東京__proto__');
    expect(Object.is(sent.columns[2]!.numbers![2], -0)).toBe(true);
  });
});
