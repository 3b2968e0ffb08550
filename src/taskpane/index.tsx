/**
 * Entry of taskpane.html (which loads office.js with a script tag and has <div id="root">).
 * Renders only after Office.onReady; outside Excel, or when office.js failed to load, shows the
 * "Open this in Excel" page instead.
 */
import { claimRibbonForPane, refreshAllCommand } from '../commands/ribbon';
import { showRowsCommand } from '../commands/show-rows-command';
import { associateCommand, showTaskpane } from '../excel/commands-host';
import { officeHost, officeJsLoaded } from '../excel/host';
import type { PaneHost } from '../excel/host-types';
import { renderPane } from './render';
import { servicesFor } from './services-context';

// Synchronously, before Office.onReady: in the shared runtime the commands entry runs in this
// page too, and must leave the ribbon to this composition root's coordinator.
claimRibbonForPane();

/**
 * Inside Excel the ribbon's "Refresh all" and "Show rows" are bound to the pane's services (servicesFor), so a
 * ribbon click and a pane refresh share one document service and one set of coordinators. Done
 * here, in the surface's entry, so the rest of the pane never touches Office.js or src/commands.
 */
function bindRibbon(host: PaneHost): void {
  if (host.kind !== 'excel') return;
  associateCommand('refreshAll', refreshAllCommand(() => servicesFor(host), { showPane: showTaskpane }));
  associateCommand('showRows', showRowsCommand(() => servicesFor(host), { showPane: showTaskpane }));
}

const root = document.getElementById('root');
if (root) {
  // The pane fills the task pane edge to edge; the browser's default body margin would frame it.
  document.body.style.margin = '0';
  void officeHost().then(
    (host) => {
      if (host) bindRibbon(host);
      renderPane(root, host, { officeJsMissing: !officeJsLoaded() });
    },
    () => renderPane(root, null, { officeJsMissing: !officeJsLoaded() }),
  );
}
