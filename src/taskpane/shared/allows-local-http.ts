import type { PaneHost } from '../../excel/host-types';
import { pageIsLocal } from '../../refresh/services/local-hosts';

/**
 * http is allowed only for localhost, and only in the workbench or a pane served from localhost
 * (development); a production pane talks https only.
 * @example const policy = { allowHttpLocalhost: allowsLocalHttp(host) };
 */
export function allowsLocalHttp(host: PaneHost): boolean {
  return host.kind === 'workbench' || pageIsLocal();
}
