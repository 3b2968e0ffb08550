/**
 * What the pane bench records in the page, and how it turns that into figures.
 *
 * Long tasks come from Chrome's own PerformanceObserver('longtask') (tasks over 50 ms on the
 * page's main thread, which is the pane's thread). The simulator stands in for Excel, which runs
 * out of process in real life, so its work must not count against the pane: every
 * `RequestContext.sync()` of the simulator runs its queued operations synchronously, and the
 * probe wraps that call in a `performance.measure('simulator')`. A long task's pane time is its
 * duration minus its overlap with those measures. (The other way, running the simulator in a
 * worker, would change how the workbench works; the measure needs no change to it.) And as a
 * real Excel's answer comes back from another process, the wrapped sync resumes its caller in a
 * new task: the simulator settles its promise at once, which would otherwise chain a whole
 * chunked read (tens of syncs and the pane's work between them) into one task.
 *
 * The workbench also draws the simulated workbook (grid, formula bar, sheet tabs): Excel's own UI,
 * also out of process in real life. Its React root is not the pane's, and a Profiler around it
 * records each of its renders as `performance.measure('excel-stand-in')`
 * (src/workbench/stand-in-timing.ts); those are taken out the same way. Switching to a sheet with a
 * million rows costs the workbench's grid 200-350 ms, which the pane never pays in Excel. The
 * style and layout that follow a render are not covered and stay charged to the pane.
 *
 * Which code owns the main thread's time comes from the DevTools CPU profiler: every sample
 * is charged to the innermost frame of our own source ("src/<layer>/<file> <function>") or else
 * the innermost package (node_modules/<name>), or to the VM's (garbage collector) / (program)
 * (program = the browser's native work: style, layout, paint, parsing). Native work a function
 * causes (postMessage's structured clone, JSON.stringify) is charged to that function.
 */
import type { CDPSession, Page } from 'playwright-core';
import { startTrace, taskBreakdown } from './pane-trace';

/** A span on the page's performance.now() clock, in ms. */
export interface Span {
  start: number;
  end: number;
}

/** Installed before any page script runs: collects long tasks from the page's start. */
export const LONG_TASK_OBSERVER = `
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/**
 * Wraps the open simulator's `run` so each `ctx.sync()` (the simulator executing the queued
 * Excel operations, synchronously) is recorded as a performance.measure named 'simulator'.
 * Must run again after the workbench swaps its simulator (reset or reopen).
 */
export async function markSimulatorWork(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Ctx = { sync: () => Promise<void> };
    const sim = window.__pivotdeck!.sim as unknown as { run: (batch: (ctx: Ctx) => Promise<unknown>) => Promise<unknown>; __benchWrapped?: boolean };
    if (sim.__benchWrapped) return;
    const run = sim.run.bind(sim);
    sim.run = (batch) => run((ctx) => {
      const sync = ctx.sync.bind(ctx);
      ctx.sync = () => {
        const start = performance.now();
        const done = sync();
        performance.measure('simulator', { start, end: performance.now() });
        // Excel answers a sync from another process: the caller resumes in a task of its own.
        // The simulator's promise is already settled, so without this every sync of a read (and
        // the pane's work between them) would run as one task that real Excel never produces.
        return done.then((value) => new Promise((resolve) => { setTimeout(() => resolve(value), 0); }));
      };
      return batch(ctx);
    });
    sim.__benchWrapped = true;
    window.__pivotdeck!.measureStandInWork(true);
  });
}

export interface ScenarioFigures {
  name: string;
  wallMs: number;
  /** Long tasks as Chrome reports them (simulator work included). */
  rawLongest: number;
  rawTbt: number;
  /** The same tasks with the simulator's sync work taken out. */
  paneLongest: number;
  paneTbt: number;
  paneTasksOver50: number;
  paneTasksOver200: number;
  simulatorMs: number;
  /** The workbench's own renders (Excel's UI in real life), also taken out. */
  standInMs: number;
  owners: Array<{ owner: string; ms: number }>;
  layers: Array<{ layer: string; ms: number }>;
  /** The longest pane tasks over 200 ms (at most 5) and the code that owned each. */
  longTasks: Array<{ ms: number; owners: Array<{ owner: string; ms: number }> }>;
  /** With PANE_BENCH_TRACE=1: the three longest pane tasks and the renderer events inside each. */
  traced?: Array<{ ms: number; rawMs: number; events: Array<{ name: string; ms: number }>; owners: Array<{ owner: string; ms: number }> }>;
  note?: string;
}

/** Total length of the parts of `span` that `others` cover (others may overlap each other). */
export function overlap(span: Span, others: Span[]): number {
  const cut = others
    .map((o) => ({ start: Math.max(span.start, o.start), end: Math.min(span.end, o.end) }))
    .filter((o) => o.end > o.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let reach = -Infinity;
  for (const c of cut) {
    const from = Math.max(c.start, reach);
    if (c.end > from) total += c.end - from;
    reach = Math.max(reach, c.end);
  }
  return total;
}

/** Longest task and total blocking time (sum of each task's time beyond 50 ms). */
export function blocking(durations: number[]): { longest: number; tbt: number; over50: number; over200: number } {
  return {
    longest: durations.reduce((m, d) => Math.max(m, d), 0),
    tbt: durations.reduce((s, d) => s + Math.max(0, d - 50), 0),
    over50: durations.filter((d) => d > 50).length,
    over200: durations.filter((d) => d > 200).length,
  };
}

/** A recording in progress: the page clock at its start and the CPU profiler running. */
export interface Recording {
  start: number;
  finish(name: string, note?: string): Promise<ScenarioFigures>;
}

/** Starts recording a scenario: page-clock start, and the CPU profiler for ownership. */
export async function record(page: Page, cdp: CDPSession): Promise<Recording> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  const before = await page.evaluate(() => performance.now());
  await cdp.send('Profiler.start');
  const start = await page.evaluate(() => performance.now());
  // The profile's clock (µs) is not the page's: it starts between these two page-clock readings
  // and stops just after `end` below; samples are placed on the page clock between those ends.
  const profileStartOnPage = (before + start) / 2;
  const trace = process.env.PANE_BENCH_TRACE === '1' ? await startTrace(page, cdp) : undefined;
  return {
    start,
    async finish(name, note) {
      // Let a task that is still running end, so the observer has reported it.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
      const end = await page.evaluate(() => performance.now());
      const { profile } = await cdp.send('Profiler.stop');
      const traced = await trace?.stop();
      const seen = await page.evaluate(([from, to]) => ({
        tasks: ((window as unknown as { __benchLongTasks: Span[] }).__benchLongTasks).filter((t) => t.end > from && t.start < to),
        sims: performance.getEntriesByName('simulator').map((e) => ({ start: e.startTime, end: e.startTime + e.duration })).filter((s) => s.end > from && s.start < to),
        standIn: performance.getEntriesByName('excel-stand-in').map((e) => ({ start: e.startTime, end: e.startTime + e.duration })).filter((s) => s.end > from && s.start < to),
      }), [start, end] as const);
      // Everything Excel would do in its own process: the simulator's syncs and the grid's renders.
      const excel = [...seen.sims, ...seen.standIn];
      const raw = blocking(seen.tasks.map((t) => t.end - t.start));
      const pane = blocking(seen.tasks.map((t) => t.end - t.start - overlap(t, excel)));
      const { owners, layers } = owningCode(profile);
      const longTasks = seen.tasks
        .map((t) => ({ ...t, pane: t.end - t.start - overlap(t, excel) }))
        .filter((t) => t.pane > 200)
        .sort((a, b) => b.pane - a.pane)
        .slice(0, 5)
        .map((t) => ({ ms: t.pane, owners: owningCode(profile, { from: t.start, to: t.end, startOnPage: profileStartOnPage, endOnPage: end, traceOffsetMs: traced?.offsetMs }).owners.slice(0, 3) }));
      const tracedTasks = traced && seen.tasks
        .map((t) => ({ ...t, pane: t.end - t.start - overlap(t, excel) }))
        .sort((a, b) => b.pane - a.pane)
        .slice(0, 3)
        .map((t) => ({
          ms: t.pane,
          rawMs: t.end - t.start,
          events: taskBreakdown(traced, t.start, t.end).slice(0, 8),
          owners: owningCode(profile, { from: t.start, to: t.end, startOnPage: profileStartOnPage, endOnPage: end, traceOffsetMs: traced.offsetMs }).owners.slice(0, 6),
        }));
      return {
        name,
        traced: tracedTasks,
        wallMs: end - start - 200,
        rawLongest: raw.longest,
        rawTbt: raw.tbt,
        paneLongest: pane.longest,
        paneTbt: pane.tbt,
        paneTasksOver50: pane.over50,
        paneTasksOver200: pane.over200,
        simulatorMs: seen.sims.reduce((s, x) => s + x.end - x.start, 0),
        standInMs: seen.standIn.reduce((s, x) => s + x.end - x.start, 0),
        owners,
        layers,
        longTasks,
        note,
      };
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Where a frame's code lives: "src/engine/compile.ts", "node_modules/arquero", or undefined. */
function placeOf(url: string): { own?: string; pkg?: string } {
  const own = /\/(src\/[^?#]+?\.(?:tsx?|mjs|js))/.exec(url);
  if (own && !url.includes('node_modules')) return { own: own[1] };
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return pkg ? { pkg: `node_modules/${pkg[1]}` } : {};
}

/**
 * Charges each CPU sample to the innermost frame of our own source, else the innermost package,
 * else the VM's own bucket; returns ms per owner and per layer (src/<dir>), biggest first.
 */
export function owningCode(
  profile: { nodes: ProfileNode[]; startTime?: number; endTime?: number; samples?: number[]; timeDeltas?: number[] },
  window?: { from: number; to: number; startOnPage: number; endOnPage: number; traceOffsetMs?: number },
): Pick<ScenarioFigures, 'owners' | 'layers'> {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const ownerCache = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const cached = ownerCache.get(id);
    if (cached) return cached;
    let pkg: string | undefined;
    let vm: string | undefined;
    let at: number | undefined = id;
    let found: string | undefined;
    while (at !== undefined) {
      const frame = byId.get(at)!.callFrame;
      const place = placeOf(frame.url);
      if (place.own) { found = `${place.own} ${frame.functionName || '(anonymous)'}`; break; }
      if (!pkg && place.pkg) pkg = place.pkg;
      if (!vm && !frame.url && /^\(.*\)$/.test(frame.functionName)) vm = frame.functionName;
      at = parent.get(at);
    }
    const owner = found ?? pkg ?? vm ?? '(other native)';
    ownerCache.set(id, owner);
    return owner;
  };
  const ms = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const span = Math.max(1, ((profile.endTime ?? 0) - (profile.startTime ?? 0)) / 1000);
  // With a trace, the profile's clock (the same monotonic clock as the trace's) maps exactly onto
  // the page's; without one, the profile is stretched over the span it was recorded in.
  const exact = window?.traceOffsetMs !== undefined && !Number.isNaN(window.traceOffsetMs) && profile.startTime !== undefined;
  const scale = window && !exact ? (window.endOnPage - window.startOnPage) / span : 1;
  let at = exact ? profile.startTime! / 1000 - window!.traceOffsetMs! : window?.startOnPage ?? 0;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; charge the interval to the sample after it.
    const dt = (deltas[i + 1] ?? 0) / 1000;
    at += ((deltas[i] ?? 0) / 1000) * scale;
    if (window && (at < window.from || at > window.to)) continue;
    const owner = ownerOf(samples[i]!);
    if (owner === '(idle)') continue;
    ms.set(owner, (ms.get(owner) ?? 0) + dt);
  }
  const layerMs = new Map<string, number>();
  for (const [owner, t] of ms) {
    const layer = owner.startsWith('src/') ? owner.split(' ')[0]!.split('/').slice(0, 2).join('/') : owner;
    layerMs.set(layer, (layerMs.get(layer) ?? 0) + t);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    owners: sorted(ms).map(([owner, t]) => ({ owner, ms: t })),
    layers: sorted(layerMs).map(([layer, t]) => ({ layer, ms: t })),
  };
}
