/**
 * The ribbon's "Refresh all": every PivotTable, web source, PivotDeck extension, saved query and
 * dashboard, in that order (refresh-everything.ts), through the workbook runtime's services (the
 * pane's, in the shared runtime, so a click while the pane refreshes coalesces with it). Kept
 * free of Office globals: the services are passed in.
 */
import type { CommandEvent } from '../excel/commands-host';
import type { Services } from '../refresh/services';
import { refreshEverything, type StepReport } from './refresh-everything';

/**
 * Handler for the manifest's `<FunctionName>refreshAll</FunctionName>`. `services` is the
 * composition root's (built on first click where it loads lazily). Always calls
 * `event.completed()`, even on failure: Office shows a spinner on the button until it is called
 * and blocks further clicks. `onReport` receives what each step did (tests).
 *
 * @example associateCommand('refreshAll', refreshAllCommand(() => servicesFor(host)));
 */
export function refreshAllCommand(
  services: () => Services | Promise<Services>,
  more: { onReport?: (report: StepReport[]) => void } = {},
): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      const report = await refreshEverything(await services());
      more.onReport?.(report);
      // A failing item is recorded in the workbook (lastRefresh), which the pane shows; a step
      // that could not run at all is only visible here.
      // eslint-disable-next-line no-console -- no UI in a function command: devtools is the only outlet
      for (const s of report) if (s.problem) console.warn(`PivotDeck: Refresh all skipped ${s.step}: ${s.problem}`);
    } catch (error) {
      // A function command has no UI to show this in; the message stays visible in the
      // commands runtime's developer tools, and the pane shows each item's last refresh.
      // eslint-disable-next-line no-console -- no UI in a function command: devtools is the only outlet
      console.error('PivotDeck: Refresh all failed', error);
    } finally {
      event.completed();
    }
  };
}

/**
 * In the shared runtime, taskpane.html runs the pane's entry and this one in one page. The pane's
 * composition root claims the ribbon (synchronously, when its entry module runs) so the ribbon
 * uses the pane's services; commands.html alone builds its own.
 */
const CLAIM = 'pivotdeckRibbon';

/** Marks this page's ribbon commands as registered by the pane. */
export function claimRibbonForPane(): void {
  if (typeof document !== 'undefined') document.documentElement.dataset[CLAIM] = 'pane';
}

/** True when the pane's composition root registers the ribbon commands in this page. */
export function ribbonClaimedByPane(): boolean {
  return typeof document !== 'undefined' && document.documentElement.dataset[CLAIM] === 'pane';
}
