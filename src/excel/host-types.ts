import type { ExcelRun } from './api';

/**
 * Everything the task pane needs from its host, passed in rather than reached for globally.
 * Production builds one from Office.js (src/excel/host.ts); the workbench builds one from the
 * Excel simulator. The pane never touches `Office`/`Excel` itself.
 */
export interface PaneHost {
  /** Runs a batch of Excel operations (Excel.run in Office, the simulator's run elsewhere). */
  run: ExcelRun;
  /** Where the pane is running; the workbench shows a banner and sample-data actions. */
  kind: 'excel' | 'workbench';
  /** `Office.context.requirements.isSetSupported('ExcelApi', '1.15')` or the simulator's answer. */
  isSetSupported(set: 'ExcelApi', version: string): boolean;
  /** Office theme: true when the Office UI is dark. */
  isDarkTheme(): boolean;
  /** Subscribe to Office theme changes; returns an unsubscribe function. */
  onThemeChange?(listener: () => void): () => void;
  /**
   * Asks Office to load PivotDeck (without showing the pane) whenever this workbook opens, or to
   * stop doing so: what makes "refresh when the workbook opens" work with the pane closed.
   * Resolves false where the host cannot (no shared runtime, or the workbench).
   */
  setLoadOnOpen?(load: boolean): Promise<boolean>;
}
