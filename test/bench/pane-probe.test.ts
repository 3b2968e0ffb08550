/**
 * The pane bench's arithmetic (bench/pane): how much of a long task the Excel stand-in covered,
 * total blocking time, and the self time of renderer events inside a traced task. Expected
 * figures are worked out by hand from the spans below.
 */
import { describe, expect, it } from 'vitest';
import { blocking, overlap } from '../../bench/pane/pane-probe';
import { taskBreakdown, type Trace } from '../../bench/pane/pane-trace';

describe('overlap', () => {
  it('counts each covered millisecond once, clipped to the task', () => {
    // Task 100-400. Covers: 50-150 (50 inside), 120-200 (overlaps the first: adds 150-200 = 50),
    // 300-300 (empty), 350-500 (50 inside), 600-700 (outside).
    const spans = [{ start: 50, end: 150 }, { start: 350, end: 500 }, { start: 120, end: 200 }, { start: 300, end: 300 }, { start: 600, end: 700 }];
    expect(overlap({ start: 100, end: 400 }, spans)).toBe(150);
  });

  it('is zero with nothing to take out', () => {
    expect(overlap({ start: 0, end: 10 }, [])).toBe(0);
  });
});

describe('blocking', () => {
  it('adds the time beyond 50 ms of each task', () => {
    // 40 (none), 60 (10), 250 (200): longest 250, TBT 210, two over 50, one over 200.
    expect(blocking([40, 60, 250])).toEqual({ longest: 250, tbt: 210, over50: 2, over200: 1 });
  });
});

describe('taskBreakdown', () => {
  const main = { pid: 1, tid: 7 };
  const other = { pid: 1, tid: 8 };
  const meta = (tid: number, name: string) => ({ name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid, args: { name } });
  // Trace clock in µs; offset 1000 ms: page time t ms is trace ts (t + 1000) * 1000.
  const at = (ms: number) => (ms + 1000) * 1000;
  const x = (name: string, fromMs: number, durMs: number, thread = main, data?: object) => ({
    name, ph: 'X', ts: at(fromMs), dur: durMs * 1000, ...thread, ...(data ? { args: { data } } : {}),
  });
  const trace: Trace = {
    offsetMs: 1000,
    events: [
      meta(7, 'CrRendererMain'),
      meta(8, 'Compositor'),
      // A 300 ms task at page time 100: a function call of 200 ms that holds a 50 ms minor GC,
      // then 60 ms of layout; 40 ms of the task is its own.
      x('RunTask', 100, 300),
      x('FunctionCall', 110, 200, main, { functionName: 'render', url: 'http://127.0.0.1/src/taskpane/Pane.tsx', lineNumber: 12 }),
      x('MinorGC', 150, 50),
      x('Layout', 320, 60),
      // The same names on another thread, and a task outside the window: not counted.
      x('Layout', 120, 90, other),
      x('RunTask', 500, 80),
    ],
  };

  it('gives self time per event, nested events taken from their parents', () => {
    expect(taskBreakdown(trace, 100, 400)).toEqual([
      { name: 'FunctionCall render src/taskpane/Pane.tsx:12', ms: 150 },
      { name: 'Layout', ms: 60 },
      { name: 'MinorGC', ms: 50 },
      { name: 'RunTask', ms: 40 },
    ]);
  });

  it('is empty without a clock mark to place the trace on the page clock', () => {
    expect(taskBreakdown({ ...trace, offsetMs: NaN }, 100, 400)).toEqual([]);
  });
});
