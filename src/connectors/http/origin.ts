/**
 * Origins, and the one rule for sending a secret.
 *
 * A credential belongs to the exact origin it was entered for: scheme, host and port. The URL
 * parser does the normalising (lower-case scheme and host, default ports dropped, IDN hosts in
 * punycode), so `https://API.example.com:443` and `https://api.example.com` are the same origin,
 * while `https://api.example.com:8443`, `http://api.example.com` and `https://example.com` are not.
 */

/**
 * The canonical origin of an address or origin text ("https://api.example.com"), or undefined when
 * it is not an http(s) address.
 * @example canonicalOrigin('HTTPS://Api.Example.com:443/a?b=1') // 'https://api.example.com'
 * @example canonicalOrigin('http://127.0.0.1:8080') // 'http://127.0.0.1:8080'
 * @example canonicalOrigin('api.example.com') // undefined (no scheme)
 */
export function canonicalOrigin(address: string | URL): string | undefined {
  let url: URL;
  try {
    url = typeof address === 'string' ? new URL(address.trim()) : address;
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.hostname === '') return undefined;
  return url.origin;
}

/**
 * THE rule, asked at the moment a request is sent: may a secret entered for `credentialOrigin`
 * go with a request to `requestUrl`? Only when both are the same origin. Every path that can carry
 * a secret (web pulls, pages, redirects, the warehouse client) asks this function and no other.
 * @example secretMayGoTo('https://api.example.com', new URL('https://api.example.com/v1/items')) // true
 * @example secretMayGoTo('https://api.example.com', new URL('https://api.example.com:8443/v1')) // false
 * @example secretMayGoTo('https://api.example.com', new URL('http://api.example.com/v1')) // false
 */
export function secretMayGoTo(credentialOrigin: string, requestUrl: URL | string): boolean {
  const wanted = canonicalOrigin(credentialOrigin);
  const target = canonicalOrigin(requestUrl);
  return wanted !== undefined && target !== undefined && wanted === target;
}
