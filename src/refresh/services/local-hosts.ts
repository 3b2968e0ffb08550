import { isLocalHostname } from '../../connectors/http/policy';

// One list of local host names, kept with the http policy that uses it (src/connectors/http/policy.ts).
export { isLocalHostname, LOCAL_HOSTNAMES } from '../../connectors/http/policy';

/**
 * True when the current page is served from this computer; false outside a browser page.
 * @example const policy = { allowHttpLocalhost: pageIsLocal() };
 */
export function pageIsLocal(): boolean {
  return typeof location !== 'undefined' && isLocalHostname(location.hostname);
}
