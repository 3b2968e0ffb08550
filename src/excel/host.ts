/**
 * The production PaneHost: Office.js inside Excel. The only place the task pane's Office
 * globals are touched; the pane receives the result and never reaches for `Office` itself.
 */
import type { ExcelRun } from './api';
import type { PaneHost } from './host-types';
import { isDarkBackground } from './theme';

/** How often the Office theme is re-read when the host has no theme-changed event. */
const THEME_POLL_MS = 3000;

/** `Excel.run` as an ExcelRun. Real Office.js is proven assignable to the X* subset in api.ts. */
export function officeRun(): ExcelRun {
  return (batch) => Excel.run((context) => batch(context));
}

/** True when office.js is on the page (it may have failed to load, or the page is a plain tab). */
export function officeJsLoaded(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

/**
 * Waits for Office and returns a PaneHost for Excel, or null when the page is not running inside
 * Excel: office.js missing (failed to load, or a plain browser tab without it), another Office
 * application, or office.js in a plain tab (`host: null`, no `Excel`).
 *
 * @example officeHost().then((host) => renderPane(root, host));
 */
export async function officeHost(): Promise<PaneHost | null> {
  if (!officeJsLoaded()) return null;
  let host: Office.HostType | null | undefined;
  try {
    host = (await Office.onReady()).host;
  } catch {
    return null;
  }
  if (host !== Office.HostType.Excel || typeof Excel === 'undefined') return null;
  return {
    run: officeRun(),
    kind: 'excel',
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    isDarkTheme: officeIsDark,
    onThemeChange: watchOfficeTheme,
    setLoadOnOpen,
  };
}

/**
 * Office.addin.setStartupBehavior (SharedRuntime 1.1): the setting is saved in the workbook, so
 * the shared runtime (taskpane.html, hidden) loads when anyone with the add-in opens it, and the
 * dashboards' refresh-on-open runs there. Without SharedRuntime 1.1 it stays a pane-open refresh.
 */
async function setLoadOnOpen(load: boolean): Promise<boolean> {
  if (!Office.context.requirements.isSetSupported('SharedRuntime', '1.1') || !Office.addin?.setStartupBehavior) return false;
  try {
    await Office.addin.setStartupBehavior(load ? Office.StartupBehavior.load : Office.StartupBehavior.none);
    return true;
  } catch {
    // Read-only or protected workbooks refuse; refresh on open then happens when the pane opens.
    return false;
  }
}

function officeIsDark(): boolean {
  const theme = Office.context.officeTheme as Office.OfficeTheme | undefined;
  return isDarkBackground(theme?.bodyBackgroundColor);
}

/**
 * Calls `listener` when the Office theme changes. Uses the OfficeThemeChanged document event
 * where the host raises it; Excel mostly does not, so the theme colour is also re-read on a timer
 * (a property read, no round trip to Excel) and changes are reported once.
 */
function watchOfficeTheme(listener: () => void): () => void {
  let last = officeIsDark();
  const check = (): void => {
    const now = officeIsDark();
    if (now !== last) {
      last = now;
      listener();
    }
  };
  const timer = setInterval(check, THEME_POLL_MS);
  const document = Office.context.document as Office.Document | undefined;
  const eventType = Office.EventType.OfficeThemeChanged;
  let subscribed = false;
  if (document && eventType && typeof document.addHandlerAsync === 'function') {
    try {
      document.addHandlerAsync(eventType, check, (result) => {
        subscribed = result.status === Office.AsyncResultStatus.Succeeded;
      });
    } catch {
      // Hosts without the event throw synchronously; the timer covers them.
    }
  }
  return () => {
    clearInterval(timer);
    if (subscribed && document) document.removeHandlerAsync(eventType, { handler: check });
  };
}
