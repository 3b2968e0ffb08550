/**
 * Entry of taskpane.html (which loads office.js with a script tag and has <div id="root">).
 * Renders only after Office.onReady; outside Excel, or when office.js failed to load, shows the
 * "Open this in Excel" page instead.
 */
import { claimRibbonForPane } from '../commands/ribbon';
import { officeHost, officeJsLoaded } from '../excel/host';
import { renderPane } from './render';

// Synchronously, before Office.onReady: in the shared runtime the commands entry runs in this
// page too, and must leave the ribbon to this composition root's coordinator.
claimRibbonForPane();

const root = document.getElementById('root');
if (root) {
  // The pane fills the task pane edge to edge; the browser's default body margin would frame it.
  document.body.style.margin = '0';
  void officeHost().then(
    (host) => renderPane(root, host, { officeJsMissing: !officeJsLoaded() }),
    () => renderPane(root, null, { officeJsMissing: !officeJsLoaded() }),
  );
}
