/**
 * The workbench's one piece of state: which simulated workbook is open. Resetting the sample,
 * opening an .xlsx file, or "saving and reopening" (tests) swap the simulator; the grid and the
 * task pane follow through `subscribe`.
 *
 * Kept outside React so the page, the toolbar and the test API share one instance that the
 * entry point creates and passes down (no module-level singleton).
 */
import type { PaneHost } from '../excel/host-types';
import type { WorkbookModel } from '../simulator/model';
import type { SimulatorFactory, WorkbenchSimulator } from './workbench-simulator';

export interface WorkbenchSession {
  /** The simulator of the open workbook. */
  simulator(): WorkbenchSimulator;
  /** Increments whenever the open workbook is replaced; React keys use it to remount the pane. */
  generation(): number;
  /** Opens a workbook model in a fresh simulator. */
  open(model: WorkbookModel): WorkbenchSimulator;
  /** Re-opens the sample workbook as it was generated. */
  resetSample(): WorkbenchSimulator;
  /** Simulates save + reopen: the model goes through JSON, as a file would. */
  saveAndReopen(): WorkbenchSimulator;
  /** Listens for workbook swaps (not cell edits; use the simulator's own subscribe for those). */
  subscribe(listener: () => void): () => void;
  /** A PaneHost whose `run` always reaches the workbook that is open now. */
  paneHost: PaneHost;
  /** Flips the simulated Office theme and tells the pane. */
  setDarkTheme(dark: boolean): void;
}

/**
 * @example
 * const session = createWorkbenchSession(buildSampleWorkbook, createSimulator);
 * session.simulator().view.sheetNames(); // ["Sales", "Summary"]
 */
export function createWorkbenchSession(sample: () => WorkbookModel, factory: SimulatorFactory): WorkbenchSession {
  let current = factory(sample());
  let generation = 0;
  let dark = false;
  const listeners = new Set<() => void>();
  const themeListeners = new Set<() => void>();

  const swap = (sim: WorkbenchSimulator): WorkbenchSimulator => {
    current = sim;
    generation++;
    for (const listener of [...listeners]) listener();
    return sim;
  };

  return {
    simulator: () => current,
    generation: () => generation,
    open: (model) => swap(factory(model)),
    resetSample: () => swap(factory(sample())),
    saveAndReopen: () => swap(factory(JSON.parse(JSON.stringify(current.toModel())) as WorkbookModel)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    paneHost: {
      run: (batch) => current.run(batch),
      kind: 'workbench',
      isSetSupported: (set, version) => current.isSetSupported(set, version),
      isDarkTheme: () => dark,
      onThemeChange(listener) {
        themeListeners.add(listener);
        return () => themeListeners.delete(listener);
      },
    },
    setDarkTheme(value) {
      if (value === dark) return;
      dark = value;
      for (const listener of [...themeListeners]) listener();
    },
  };
}
