/**
 * Names what a long pane task spent its time on, from a Chrome trace (PANE_BENCH_TRACE=1).
 *
 * The CPU profiler sees JavaScript only; a task with no JS samples (garbage collection, style,
 * layout, paint, structured clone) is "(program)" to it. The trace records the renderer's own
 * events: each task is a `RunTask` on the main thread (CrRendererMain) and its nested events
 * (`FunctionCall`, `MajorGC`, `MinorGC`, `Layout`, `UpdateLayoutTree`, `Paint`, `v8.compile`...)
 * say where its time went. Self time per event name (its duration minus its children's) is
 * printed for each long task.
 *
 * Trace timestamps are on the browser's monotonic clock, not the page's performance.now(): a
 * `performance.mark` placed at a known page time, recorded under blink.user_timing, gives the
 * offset between the two.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number; type?: string } };
}

const CATEGORIES = [
  'devtools.timeline',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  '__metadata',
].join(',');

/** Trace events of a recording in progress; `stop` returns them with the page-clock offset. */
export interface TraceRecording {
  stop(): Promise<Trace>;
}

export interface Trace {
  events: TraceEvent[];
  /** Page time (performance.now(), ms) = trace ts (µs) / 1000 - offsetMs. */
  offsetMs: number;
}

export async function startTrace(page: Page, cdp: CDPSession): Promise<TraceRecording> {
  const events: TraceEvent[] = [];
  // The protocol types a trace event as a plain object; these fields are the ones Chrome always writes.
  const onData = (data: { value: object[] }) => { for (const e of data.value) events.push(e as TraceEvent); };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  const markAt = await page.evaluate(() => performance.mark('pane-bench-clock').startTime);
  return {
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', onData);
      const mark = events.find((e) => e.name === 'pane-bench-clock');
      return { events, offsetMs: mark ? mark.ts / 1000 - markAt : NaN };
    },
  };
}

/** The renderer main thread's pid/tid: the thread named CrRendererMain that ran the most tasks. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number } | undefined;
  let most = -1;
  for (const m of mains) {
    const n = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask').length;
    if (n > most) { most = n; best = { pid: m.pid, tid: m.tid }; }
  }
  return best;
}

/** An event's name, with the function a FunctionCall ran or the type of an event dispatched. */
function labelOf(e: TraceEvent): string {
  const d = e.args?.data;
  if (e.name === 'FunctionCall' && d) {
    const file = d.url ? /(?:src|node_modules)\/.*$/.exec(d.url)?.[0] ?? d.url.split('/').pop() : '';
    return `FunctionCall ${d.functionName || '(anonymous)'} ${file}:${d.lineNumber ?? '?'}`;
  }
  if (e.name === 'EventDispatch' && d?.type) return `EventDispatch ${d.type}`;
  return e.name;
}

/**
 * Self time per event name inside the main-thread task that covers [from, to] (page ms), biggest
 * first; complete events ('X') only, which is how Chrome records tasks, GC, style and layout.
 */
export function taskBreakdown(trace: Trace, from: number, to: number): Array<{ name: string; ms: number }> {
  const main = mainThread(trace.events);
  if (!main || Number.isNaN(trace.offsetMs)) return [];
  const lo = (from + trace.offsetMs) * 1000;
  const hi = (to + trace.offsetMs) * 1000;
  const inside = trace.events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && e.ts < hi && e.ts + e.dur > lo)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time: walk the nesting with a stack (events on one thread nest properly).
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of inside) {
    while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(labelOf(parent), (self.get(labelOf(parent)) ?? 0) - e.dur! / 1000);
    self.set(labelOf(e), (self.get(labelOf(e)) ?? 0) + e.dur! / 1000);
    stack.push(e);
  }
  return [...self].filter(([, ms]) => ms >= 1).sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms }));
}
