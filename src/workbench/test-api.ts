/**
 * `window.__pivotdeck`: a handle on the workbench for browser tests and for people poking at the
 * simulator from DevTools. It exists only on workbench.html (this module is imported only by
 * the workbench entry), never in the production task pane.
 *
 *   __pivotdeck.sim               the simulator of the open workbook (stats(), lastRunStats(),
 *                                 resetStats(), toModel(), view, select(), activate(), run())
 *   __pivotdeck.stats()           sim.stats(): syncs and payload bytes so far
 *   __pivotdeck.saveAndReopen()   JSON round trip of sim.toModel() into a new simulator; the pane
 *                                 reloads, as when a user saves, closes and reopens the file
 *   __pivotdeck.resetSample()     a fresh copy of the sample workbook
 *   __pivotdeck.open(model)       opens any WorkbookModel
 *   __pivotdeck.setDarkTheme(b)   flips the simulated Office theme
 *   __pivotdeck.sampleBuiltMs     how long generating the sample took (for a rough eye, not tests)
 *   __pivotdeck.setCellAsUser(sheet, address, value)
 *                                 types a value into a cell as the user: data validation applies
 *                                 ({ ok: false, title, message } when refused), onChanged fires
 *                                 with source 'Local' / triggerSource 'Unknown'
 *   __pivotdeck.charts(sheet)     chart summaries: name, type, title, position (points and cells),
 *                                 series with their type, axis group, live values and categories
 *   __pivotdeck.cellDisplay(sheet, address)
 *                                 what the grid draws for a cell, conditional formats applied
 *                                 (text, fill, fontColor, bold, size, ...)
 *   __pivotdeck.validation(sheet, address)  the cell's validation (list items) or undefined
 *   __pivotdeck.eventsDelivered() resolves once onChanged handlers called so far have settled
 *   __pivotdeck.measureStandInWork(on)
 *                                 records the workbench's own renders (Excel's UI in real life)
 *                                 as performance.measure('excel-stand-in'), for the pane bench
 */
import { columnName, parseArea } from '../engine/address/a1';
import type { WorkbookModel } from '../simulator/model';
import type { ChartView, ValidationView } from '../simulator/view';
import type { WorkbenchSession } from './session';
import { measureStandInWork } from './stand-in-timing';
import type { GridCell, WorkbenchSimulator } from './workbench-simulator';

export interface WorkbenchTestApi {
  readonly sim: WorkbenchSimulator;
  readonly session: WorkbenchSession;
  stats(): unknown;
  saveAndReopen(): WorkbenchSimulator;
  resetSample(): WorkbenchSimulator;
  open(model: WorkbookModel): WorkbenchSimulator;
  setDarkTheme(dark: boolean): void;
  sampleBuiltMs: number;
  setCellAsUser(sheet: string, address: string, value: string | number | boolean): { ok: true } | { ok: false; title: string; message: string };
  charts(sheet: string): ChartSummary[];
  cellDisplay(sheet: string, address: string): GridCell;
  validation(sheet: string, address: string): ValidationView | undefined;
  eventsDelivered(): Promise<void>;
  measureStandInWork(on: boolean): void;
}

/** A chart as a browser test checks it: type, title, where it sits, what it plots. */
export interface ChartSummary {
  name: string;
  type: string;
  title: string | null;
  legend: string | null;
  position: { top: number; left: number; width: number; height: number; from: string; to: string };
  series: Array<{ name: string; type: string; axisGroup: string; values: Array<number | null>; categories: string[] }>;
}

function summarize(c: ChartView): ChartSummary {
  const cell = (a: ChartView['from']) => `${columnName(a.column)}${a.row + 1}`;
  return {
    name: c.name,
    type: c.chartType,
    title: c.title.visible ? c.title.text : null,
    legend: c.legend.visible ? c.legend.position : null,
    position: { top: c.top, left: c.left, width: c.width, height: c.height, from: cell(c.from), to: cell(c.to) },
    series: c.series.map((s) => ({ name: s.name, type: s.chartType, axisGroup: s.axisGroup, values: s.values, categories: s.categories })),
  };
}

declare global {
  interface Window {
    __pivotdeck?: WorkbenchTestApi;
  }
}

export function installTestApi(session: WorkbenchSession, sampleBuiltMs: number): WorkbenchTestApi {
  const api: WorkbenchTestApi = {
    get sim() { return session.simulator(); },
    session,
    stats: () => session.simulator().stats(),
    saveAndReopen: () => session.saveAndReopen(),
    resetSample: () => session.resetSample(),
    open: (model) => session.open(model),
    setDarkTheme: (dark) => session.setDarkTheme(dark),
    sampleBuiltMs,
    setCellAsUser(sheet, address, value) {
      const sim = session.simulator();
      if (!sim.setCellAsUser) throw new Error('This simulator cannot take user edits.');
      return sim.setCellAsUser(sheet, address, value);
    },
    charts: (sheet) => (session.simulator().view.charts?.(sheet) ?? []).map(summarize),
    cellDisplay(sheet, address) {
      const a = parseArea(address);
      return session.simulator().view.cell(sheet, a.row, a.column);
    },
    validation(sheet, address) {
      const a = parseArea(address);
      return session.simulator().view.validation?.(sheet, a.row, a.column);
    },
    eventsDelivered: () => session.simulator().eventsDelivered?.() ?? Promise.resolve(),
    measureStandInWork,
  };
  window.__pivotdeck = api;
  return api;
}
