/**
 * Entry of commands.html, the ribbon's function-command runtime (no UI). With the shared runtime
 * this entry also runs inside taskpane.html, where the pane's composition root registers the
 * ribbon with its own coordinator (see ribbon.ts); here it registers only when alone.
 */
import { associateCommand, commandsReady, excelApiSupported } from '../excel/commands-host';
import { createRefreshCoordinator } from '../refresh/create-coordinator';
import { refreshAllCommand, ribbonClaimedByPane } from './ribbon';

export { refreshAllCommand } from './ribbon';

void commandsReady().then((run) => {
  if (!run || ribbonClaimedByPane()) return;
  // No pane, no worker: the commands runtime computes in-thread (the engine loads on first click).
  associateCommand('refreshAll', refreshAllCommand(run, createRefreshCoordinator(run, excelApiSupported('1.15'))));
});
