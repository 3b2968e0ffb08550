import type { PaneHost } from '../../excel/host-types';

/**
 * http is allowed only for localhost, and only in the workbench or a pane served from localhost
 * (development); a production pane talks https only.
 * @example const policy = { allowHttpLocalhost: allowsLocalHttp(host) };
 */
export function allowsLocalHttp(host: PaneHost): boolean {
  if (host.kind === 'workbench') return true;
  const name = typeof location === 'undefined' ? '' : location.hostname;
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}
