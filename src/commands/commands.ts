/**
 * Entry of commands.html, the ribbon's function-command runtime (no UI).
 *
 * "Refresh all" refreshes every PivotTable (later also every PivotDeck output, through the
 * refresh layer). The handler always calls `event.completed()`, even on failure: Office shows a
 * spinner on the button until it is called and blocks further clicks.
 */
import { associateCommand, commandsReady, type CommandEvent } from '../excel/commands-host';
import { refreshAllPivots } from '../excel/refresh-pivots';
import type { ExcelRun } from '../excel/api';

/** Handler for the manifest's `<FunctionName>refreshAll</FunctionName>`. */
export function refreshAllCommand(run: ExcelRun): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      await refreshAllPivots(run);
    } catch (error) {
      // A function command has no UI to show this in; the message stays visible in the
      // commands runtime's developer tools until the pane grows a "last refresh" status.
      console.error('PivotDeck: Refresh all failed', error);
    } finally {
      event.completed();
    }
  };
}

void commandsReady().then((run) => {
  if (run) associateCommand('refreshAll', refreshAllCommand(run));
});
