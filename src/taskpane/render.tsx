/**
 * Mounts the pane. Production calls it after Office.onReady (index.tsx); the workbench calls it
 * with a simulator-backed PaneHost. Nothing here touches Office: the host is passed in.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { refreshAllCommand } from '../commands/ribbon';
import { showRowsCommand } from '../commands/show-rows-command';
import { associateCommand, showTaskpane } from '../excel/commands-host';
import type { PaneHost } from '../excel/host-types';
import { isLocalHostname } from '../refresh/services/local-hosts';
import { App } from './App';
import { OpenInExcel } from './OpenInExcel';
import { useRenderStyles } from './render.styles';
import { ServicesProvider, servicesFor } from './services-context';

export interface RenderPaneOptions {
  /** office.js did not load at all; the "Open this in Excel" page says so. */
  officeJsMissing?: boolean;
}

/** One React root per element, so rendering again (e.g. the workbench reloading) updates in place. */
const roots = new WeakMap<HTMLElement, Root>();
/** Hosts whose ribbon "Refresh all" is bound to the pane's services. */
const ribbons = new WeakSet<PaneHost>();

/**
 * Inside Excel the ribbon's "Refresh all" is bound to the pane's services (servicesFor), so a
 * ribbon click and a pane refresh share one document service and one set of coordinators.
 */
function bindRibbon(host: PaneHost): void {
  if (host.kind !== 'excel' || ribbons.has(host)) return;
  ribbons.add(host);
  associateCommand('refreshAll', refreshAllCommand(() => servicesFor(host), { showPane: showTaskpane }));
  associateCommand('showRows', showRowsCommand(() => servicesFor(host), { showPane: showTaskpane }));
}

/**
 * Renders the task pane into `root`: the PivotDeck pane for a host, or the "Open this in Excel"
 * page when there is none.
 *
 * @example officeHost().then((host) => renderPane(document.getElementById('root')!, host));
 */
export function renderPane(root: HTMLElement, host: PaneHost | null, options: RenderPaneOptions = {}): void {
  let reactRoot = roots.get(root);
  if (!reactRoot) {
    reactRoot = createRoot(root);
    roots.set(root, reactRoot);
  }
  reactRoot.render(
    <StrictMode>
      {host ? <HostedPane host={host} /> : <NoHostPane officeJsMissing={options.officeJsMissing ?? false} />}
    </StrictMode>,
  );
}

/** Unmounts what renderPane mounted (the workbench uses this when it swaps workbooks). */
export function unmountPane(root: HTMLElement): void {
  roots.get(root)?.unmount();
  roots.delete(root);
}

function HostedPane({ host }: { host: PaneHost }): ReactElement {
  const styles = useRenderStyles();
  const dark = useHostTheme(host);
  bindRibbon(host);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.fill}>
        <ServicesProvider host={host}>
          <App host={host} />
        </ServicesProvider>
      </div>
    </FluentProvider>
  );
}

/** Follows the host's Office theme, re-rendering when it changes. */
function useHostTheme(host: PaneHost): boolean {
  const [dark, setDark] = useState(() => host.isDarkTheme());
  useEffect(() => {
    setDark(host.isDarkTheme());
    return host.onThemeChange?.(() => setDark(host.isDarkTheme()));
  }, [host]);
  return dark;
}

function NoHostPane({ officeJsMissing }: { officeJsMissing: boolean }): ReactElement {
  const styles = useRenderStyles();
  const dark = usePrefersDark();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.fill}>
        <OpenInExcel showWorkbench={isDevelopmentServer()} officeJsMissing={officeJsMissing} />
      </div>
    </FluentProvider>
  );
}

/** Without Office the browser's colour scheme is the best guess at the user's preference. */
function usePrefersDark(): boolean {
  const [dark, setDark] = useState(() => darkQuery()?.matches ?? false);
  useEffect(() => {
    const query = darkQuery();
    if (!query) return undefined;
    const onChange = (): void => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

function darkQuery(): MediaQueryList | undefined {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : undefined;
}

/** The dev server (and the workbench beside it) runs on localhost; production hosts do not. */
function isDevelopmentServer(): boolean {
  // The workbench is never in a production dist, so even a production build opened from
  // localhost must not link to it. webpack replaces NODE_ENV at build time.
  if (process.env.NODE_ENV === 'production') return false;
  if (typeof location === 'undefined') return false;
  return isLocalHostname(location.hostname);
}
