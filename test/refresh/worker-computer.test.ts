/**
 * The worker protocol, run in-process: an ExtensionComputer built on workerComputer talks to a
 * stand-in worker that answers with answerPlanRequest (the same code extension.worker.ts runs),
 * every message going through structuredClone as postMessage would.
 */
import { describe, expect, it } from 'vitest';
import type { ExtensionMeasure } from '../../src/engine/pivot-extension';
import { answerPlanRequest, extendPivot, workerComputer, type ExtensionWorkerLike, type PlanReply, type PlanRequest } from '../../src/refresh';
import { handSimulator } from '../pivot-extension/sim-workbook';

const MEDIAN: ExtensionMeasure = { id: 'med', label: 'Median of Revenue', kind: 'median', field: 'Revenue' };

class InProcessWorker implements ExtensionWorkerLike {
  onmessage: ExtensionWorkerLike['onmessage'] = null;
  onerror: ExtensionWorkerLike['onerror'] = null;
  terminated = false;
  held: PlanRequest | undefined;
  constructor(private readonly hold = false) {}
  postMessage(message: PlanRequest, transfer: Transferable[] = []): void {
    // As postMessage does: transferred buffers move (the sender's copies are detached).
    const request = structuredClone(message, { transfer });
    if (this.hold) { this.held = request; return; }
    setTimeout(() => answerPlanRequest(request, (reply) => { if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) as PlanReply }); }), 0);
  }
  terminate(): void { this.terminated = true; }
}

async function column(sim: ReturnType<typeof handSimulator>, address: string) {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('Pivot').getRange(address).load('values');
    await ctx.sync();
    return r.values.map((row) => row[0]);
  });
}

describe('computing an extension in a worker', () => {
  it('gives the same plan as in-thread, reports each stage, and ends the worker', async () => {
    const sim = handSimulator();
    const workers: InProcessWorker[] = [];
    const compute = workerComputer(() => { const w = new InProcessWorker(); workers.push(w); return w; });
    const steps: string[] = [];
    const outcome = await extendPivot({ run: sim.run, canReadDataSource: true, compute }, { extensionId: 'w', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } }, {
      onProgress: (p) => { if (p.step) steps.push(p.step); },
    });
    expect(outcome.status).toBe('written');
    expect(steps).toEqual(['filter', 'group', 'measures', 'reconcile']);
    expect(workers.map((w) => w.terminated)).toEqual([true]);
    // Hand-computed medians (see test/pivot-extension/plan-layouts.test.ts).
    expect(await column(sim, 'D4:D15')).toEqual(['Median of Revenue', 150, 100, 400, 400, 200, 400, 250, 250, 80, 80, 225]);
  });

  it('cancel terminates the worker and leaves the workbook untouched', async () => {
    const sim = handSimulator();
    const worker = new InProcessWorker(true);
    const controller = new AbortController();
    const outcome = await extendPivot({ run: sim.run, canReadDataSource: true, compute: workerComputer(() => worker) }, { extensionId: 'c', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } }, {
      signal: controller.signal,
      onProgress: (p) => { if (p.phase === 'compute') setTimeout(() => controller.abort(), 0); },
    });
    expect(outcome).toEqual({ status: 'cancelled', message: 'Cancelled. Nothing was written.' });
    expect(worker.held?.type).toBe('plan');
    expect(worker.terminated).toBe(true);
    expect((await column(sim, 'D4:D15')).every((v) => v === '')).toBe(true);
    const names = await sim.run(async (ctx) => { const n = ctx.workbook.names.getItemOrNullObject('PivotDeck_c'); n.load('name'); await ctx.sync(); return n.isNullObject; });
    expect(names).toBe(true);
  });

  it('a refusal inside the worker comes back as the same refusal', async () => {
    const sim = handSimulator();
    const compute = workerComputer(() => new InProcessWorker());
    const outcome = await extendPivot({ run: sim.run, canReadDataSource: true, compute }, {
      extensionId: 'e', pivotName: 'P', measures: [{ id: 'f', label: 'Ratio', kind: 'formula', formula: 'SUM([Revnue]) / SUM([Units])' }], placement: { kind: 'beside' },
    });
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused') {
      expect(outcome.code).toBe('measure');
      expect(outcome.message).toMatch(/^"Ratio": Unknown field .*Revnue.* at 1:5/);
    }
  });

  it('a crashed worker is reported, not hung', async () => {
    const sim = handSimulator();
    const crashing: ExtensionWorkerLike = {
      onmessage: null, onerror: null, terminate() {},
      postMessage() { setTimeout(() => this.onerror?.({ message: 'out of memory' }), 0); },
    };
    const outcome = await extendPivot({ run: sim.run, canReadDataSource: true, compute: workerComputer(() => crashing) }, { extensionId: 'x', pivotName: 'P', measures: [MEDIAN], placement: { kind: 'beside' } });
    expect(outcome).toEqual({ status: 'refused', code: 'excel', message: 'The PivotDeck computation worker failed: out of memory.' });
  });
});
