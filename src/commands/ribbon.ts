/**
 * The ribbon's "Refresh all": every PivotTable, web source, PivotDeck extension (through the
 * shared RefreshCoordinator, so a click while the pane refreshes coalesces with it), saved query
 * and dashboard, in that order (refresh-everything.ts). Kept free of Office globals: the run and
 * the coordinator are passed in.
 */
import type { ExcelRun } from '../excel/api';
import type { CommandEvent } from '../excel/commands-host';
import type { RefreshCoordinator } from '../refresh/refresh-coordinator';
import { browserSourceDeps } from './browser-source-deps';
import { refreshEverything, type RefreshEverythingDeps, type StepReport } from './refresh-everything';

/**
 * Handler for the manifest's `<FunctionName>refreshAll</FunctionName>`. Pivots first: an
 * extension reconciles against the numbers its pivot shows, so the pivot must be current; web
 * sources before queries and dashboards, which read their tables. Web sources use the page's
 * fetch and the user's stored credentials unless `more.sources` says otherwise.
 * Always calls `event.completed()`, even on failure: Office shows a spinner on the button until
 * it is called and blocks further clicks. `onReport` receives what each step did (tests).
 *
 * @example associateCommand('refreshAll', refreshAllCommand(run, coordinator));
 */
export function refreshAllCommand(
  run: ExcelRun,
  coordinator?: RefreshCoordinator,
  more: Pick<RefreshEverythingDeps, 'sources' | 'queries'> & { onReport?: (report: StepReport[]) => void } = {},
): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      const sources = more.sources ?? (await browserSourceDeps());
      // Queries on a warehouse source run there, with the same fetch and per-user credentials.
      // Loaded on click: the query code (engine, Arquero) stays out of the pane's first bundle.
      const { documentWarehouseRunner } = await import('../refresh/queries');
      const warehouse = sources && documentWarehouseRunner(run, { fetch: sources.fetch, credentials: sources.credentials, policy: { allowHttpLocalhost: sources.policy?.allowHttpLocalhost }, origin: sources.origin });
      const report = await refreshEverything({ run, coordinator, sources, queries: more.queries ?? (warehouse && { warehouse }) });
      more.onReport?.(report);
      // A failing item is recorded in the workbook (lastRefresh), which the pane shows; a step
      // that could not run at all is only visible here.
      // eslint-disable-next-line no-console -- no UI in a function command: devtools is the only outlet
      for (const s of report) if (s.problem) console.warn(`PivotDeck: Refresh all skipped ${s.step}: ${s.problem}`);
    } catch (error) {
      // A function command has no UI to show this in; the message stays visible in the
      // commands runtime's developer tools, and the pane shows each extension's last refresh.
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
 * uses the pane's coordinator; commands.html alone builds its own.
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
