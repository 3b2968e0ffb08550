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
 */
import type { WorkbookModel } from '../simulator/model';
import type { WorkbenchSession } from './session';
import type { WorkbenchSimulator } from './workbench-simulator';

export interface WorkbenchTestApi {
  readonly sim: WorkbenchSimulator;
  readonly session: WorkbenchSession;
  stats(): unknown;
  saveAndReopen(): WorkbenchSimulator;
  resetSample(): WorkbenchSimulator;
  open(model: WorkbookModel): WorkbenchSimulator;
  setDarkTheme(dark: boolean): void;
  sampleBuiltMs: number;
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
  };
  window.__pivotdeck = api;
  return api;
}
