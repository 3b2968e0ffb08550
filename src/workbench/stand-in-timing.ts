/**
 * Times the workbench's own rendering (formula bar, grid, sheet tabs, toolbar) for the pane
 * bench. In real life that is Excel's UI, drawn by another process, so its work must not count
 * against the task pane's thread. The pane has its own React root (taskpane/render.ts), so every
 * commit of the workbench's root is stand-in work: a React Profiler around it reports each one,
 * and while a bench has asked (`__pivotdeck.measureStandInWork(true)`) it is recorded as a
 * `performance.measure('excel-stand-in')` from when React began rendering to the Profiler's
 * report in the commit. Workbench updates are never time-sliced (no transitions; default and
 * discrete updates render in one go), so that span is one stretch of the workbench's own work.
 * Style, layout and paint that follow are not covered and stay charged to the pane.
 * @example
 * <React.Profiler id="workbench" onRender={onStandInRender}>...</React.Profiler>
 */
import type * as React from 'react';

let measuring = false;

/** Starts or stops recording the workbench's renders as performance measures. */
export function measureStandInWork(on: boolean): void {
  measuring = on;
}

export const onStandInRender: React.ProfilerOnRenderCallback = (_id, _phase, _actualDuration, _baseDuration, startTime) => {
  if (measuring) performance.measure('excel-stand-in', { start: startTime, end: performance.now() });
};
