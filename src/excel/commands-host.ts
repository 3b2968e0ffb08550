/**
 * What the ribbon's function-command runtime (src/commands) needs from Office, kept here so
 * src/commands only wires handlers.
 */
import type { ExcelRun } from './api';
import { officeJsLoaded, officeRun } from './host';

/** The part of `Office.AddinCommands.Event` a command handler uses. */
export interface CommandEvent {
  completed(): void;
}

/**
 * Resolves once Office is ready in the commands runtime with an ExcelRun for it, or null when
 * the page is not running inside Excel.
 */
export async function commandsReady(): Promise<ExcelRun | null> {
  if (!officeJsLoaded()) return null;
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') return null;
  return officeRun();
}

/**
 * Binds a manifest `<FunctionName>` to a handler: `Office.actions.associate` where available,
 * and a global function of that name for older hosts that look the name up on the window.
 */
export function associateCommand(name: string, handler: (event: CommandEvent) => void): void {
  if (typeof Office !== 'undefined' && Office.actions && typeof Office.actions.associate === 'function') {
    Office.actions.associate(name, handler);
  }
  (globalThis as Record<string, unknown>)[name] = handler;
}

/**
 * Whether the commands runtime's Excel supports an API set (e.g. ExcelApi 1.15 to read a
 * PivotTable's data source); false outside Office.
 *
 * @example const canReadDataSource = excelApiSupported('1.15');
 */
export function excelApiSupported(version: string): boolean {
  return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', version));
}

/**
 * Opens PivotDeck's task pane (SharedRuntime 1.1: Office.addin.showAsTaskpane), e.g. when the
 * ribbon's Refresh all needs the user's permission first. False where the host cannot.
 *
 * @example if (gate.pending()) await showTaskpane();
 */
export async function showTaskpane(): Promise<boolean> {
  const addin = typeof Office === 'undefined' ? undefined : (Office as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin;
  if (typeof addin?.showAsTaskpane !== 'function') return false;
  try {
    await addin.showAsTaskpane();
    return true;
  } catch {
    // Hosts without the shared runtime refuse; the pane asks the next time it opens.
    return false;
  }
}
