import { SourceError } from '../errors';

/** The host names of this computer: plain http is allowed only to these, and only in development. */
export const LOCAL_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * True for a host name of this computer (as URL.hostname spells it: IPv6 in brackets).
 * @example isLocalHostname('[::1]') // true
 * @example isLocalHostname('127.0.0.2') // false
 */
export function isLocalHostname(hostname: string | undefined): boolean {
  return hostname !== undefined && LOCAL_HOSTNAMES.includes(hostname);
}

/**
 * Parse a source URL and refuse anything but https (http only for localhost when allowed).
 * @example checkUrl('https://api.example.com/a.csv').host // 'api.example.com'
 * @example checkUrl('http://127.0.0.1:8080/a.csv', { allowHttpLocalhost: true })
 */
export function checkUrl(raw: string | undefined, options: { allowHttpLocalhost?: boolean } = {}, base?: string): URL {
  if (!raw) throw new SourceError('badDefinition', 'This source has no address. Enter the https:// address of the file or API.');
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new SourceError('badDefinition', 'This is not a web address PivotDeck can read. Enter a full address that starts with https://.');
  }
  if (url.username !== '' || url.password !== '') {
    // A user name and password inside the address would travel with the workbook (and fetch
    // refuses such addresses anyway): they belong in the source's sign-in.
    throw new SourceError(
      'badDefinition',
      `The address for ${url.host} holds a user name and password. Remove them from the address and enter them under Sign-in ("User name and password"), where PivotDeck keeps them on this computer only.`,
      { host: url.host },
    );
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLocalHostname(url.hostname)) {
    if (options.allowHttpLocalhost) return url;
    throw new SourceError(
      'insecureUrl',
      `PivotDeck reads http://${url.host} only in development. Serve it over https:// or turn on development mode.`,
      { host: url.host },
    );
  }
  throw new SourceError(
    'insecureUrl',
    `PivotDeck only reads secure (https://) addresses, and ${url.protocol}//${url.host} is not one. Use the https:// address of this source.`,
    { host: url.host },
  );
}

/** A URL safe to show or log: origin and path only, never the query (it may hold an API key). */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
