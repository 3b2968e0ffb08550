/** The host names a development page or server runs on: http is allowed only to these. */
export const LOCAL_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * True for a page served from this computer (development: `npm start`, the workbench).
 * @example isLocalHostname('127.0.0.1') // true
 */
export function isLocalHostname(hostname: string | undefined): boolean {
  return hostname !== undefined && LOCAL_HOSTNAMES.includes(hostname);
}

/**
 * True when the current page is served from this computer; false outside a browser page.
 * @example const policy = { allowHttpLocalhost: pageIsLocal() };
 */
export function pageIsLocal(): boolean {
  return typeof location !== 'undefined' && isLocalHostname(location.hostname);
}
