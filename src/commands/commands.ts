/**
 * Entry of commands.html, the ribbon's function-command runtime (no UI). With the shared runtime
 * this entry also runs inside taskpane.html, where the pane's composition root registers the
 * ribbon with its own services (see ribbon.ts); here it registers only when alone.
 */
import { associateCommand, commandsReady, excelApiSupported, showTaskpane } from '../excel/commands-host';
import type { Services } from '../refresh/services';
import { refreshAllCommand, ribbonClaimedByPane } from './ribbon';
import { showRowsCommand } from './show-rows-command';

export { refreshAllCommand } from './ribbon';
export { showRowsCommand } from './show-rows-command';

void commandsReady().then((run) => {
  if (!run || ribbonClaimedByPane()) return;
  let services: Promise<Services> | undefined;
  // The same composition root as the pane, built on the first click (it loads the engine and
  // connectors on demand). No pane, no worker: the commands runtime computes in-thread.
  const built = () => (services ??= import('../refresh/services').then((m) =>
    m.createServices(m.browserServiceHost(run, { canReadDataSource: excelApiSupported('1.15') }))));
  associateCommand('refreshAll', refreshAllCommand(built, { showPane: showTaskpane }));
  associateCommand('showRows', showRowsCommand(built, { showPane: showTaskpane }));
});
