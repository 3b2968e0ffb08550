/**
 * Sending a request that may carry a secret, and following its redirects ourselves.
 *
 * Why not let fetch follow redirects: fetch drops `Authorization` on a cross-origin redirect, but
 * not a custom API-key header, not a key in the query string, and not a warehouse password in the
 * URL. So whenever a secret is attached PivotDeck asks for `redirect: 'manual'` and decides each
 * hop with `secretMayGoTo` (http/origin.ts):
 *
 * - A readable 3xx (Node's fetch, and any runtime that exposes Location): the next hop is checked;
 *   the same origin gets the secret again, another origin is refused before it is contacted.
 * - An opaque redirect (a real browser: `redirect: 'manual'` yields `type: 'opaqueredirect'` and
 *   hides Location): PivotDeck finds where the redirect leads by sending a probe WITHOUT the secret
 *   (`redirect: 'follow'`) and reading `response.url`. Only when that final address is on the
 *   credential's origin is the request sent again there, with the secret. Anything else (another
 *   origin, or a redirect the probe cannot see) is refused with a message naming the origin.
 * - Without a secret nothing can leak, so fetch follows redirects as usual.
 *
 * Every request also goes with `referrerPolicy: 'no-referrer'` and `credentials: 'omit'` (no
 * cookies, no browser-managed sign-in: PivotDeck's own credential is the only one sent).
 */
import { secretMayGoTo, canonicalOrigin } from './origin';

const MAX_HOPS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Why a hop was refused: the source's own address, a redirect, or a redirect the browser hid. */
export type RefusalReason = 'address' | 'redirect' | 'hiddenRedirect' | 'tooManyRedirects';

export interface GuardedRequest {
  /** The origin the secret was entered for; undefined when the request carries no secret. */
  credentialOrigin?: string;
  /** The request for `url`, with the secret when `withSecret` (and only then). */
  build(url: URL, withSecret: boolean): { href: string; init: RequestInit };
  /** The secret-free request that finds where an opaque redirect leads. Default: build(url, false). */
  probe?(url: URL): { href: string; init: RequestInit };
  /** Check a redirect target against the caller's policy (https only …); throws to refuse. */
  checkTarget?(url: URL): URL;
  /** The error to throw for a refused hop (`to`: the refused origin, when known). */
  refuse(reason: RefusalReason, to: string | undefined, from: URL): Error;
}

/**
 * Send `url` under the origin rule, following redirects as described above.
 * @example
 *   const { response, url: final } = await sendGuarded(fetch, new URL('https://api.example.com/a.csv'), {
 *     credentialOrigin: 'https://api.example.com',
 *     build: (u, withSecret) => ({ href: u.href, init: { headers: withSecret ? { Authorization: 'Bearer t' } : {} } }),
 *     refuse: (reason, to) => new Error(`refused ${to}`),
 *   }, signal);
 */
export async function sendGuarded(fetchFn: typeof fetch, url: URL, request: GuardedRequest, signal?: AbortSignal): Promise<{ response: Response; url: URL }> {
  const { credentialOrigin } = request;
  let current = url;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    if (credentialOrigin === undefined) {
      const { href, init } = request.build(current, false);
      return { response: await fetchFn(href, safeInit(init, 'follow', signal)), url: current };
    }
    if (!secretMayGoTo(credentialOrigin, current)) throw request.refuse(hop === 0 ? 'address' : 'redirect', canonicalOrigin(current), url);
    const { href, init } = request.build(current, true);
    const response = await fetchFn(href, safeInit(init, 'manual', signal));
    if (response.type === 'opaqueredirect') {
      current = await whereItLeads(fetchFn, current, request, signal);
      continue;
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('Location') : null;
    if (location === null) return { response, url: current };
    await discard(response);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw request.refuse('hiddenRedirect', undefined, current);
    }
    if (request.checkTarget) next = request.checkTarget(next);
    if (!secretMayGoTo(credentialOrigin, next)) throw request.refuse('redirect', canonicalOrigin(next), current);
    current = next;
  }
  throw request.refuse('tooManyRedirects', undefined, url);
}

/** A browser hid a redirect's target: find it with a secret-free request, then check it. */
async function whereItLeads(fetchFn: typeof fetch, from: URL, request: GuardedRequest, signal?: AbortSignal): Promise<URL> {
  const { href, init } = request.probe ? request.probe(from) : request.build(from, false);
  const probe = await fetchFn(href, safeInit(init, 'follow', signal));
  await discard(probe);
  let final: URL | undefined;
  try {
    final = probe.redirected && probe.url ? new URL(probe.url) : undefined;
  } catch {
    final = undefined;
  }
  // Without the secret the server did not redirect (or hid where): we cannot know where the secret would go.
  if (!final || final.href === from.href) throw request.refuse('hiddenRedirect', undefined, from);
  if (request.checkTarget) final = request.checkTarget(final);
  if (!secretMayGoTo(request.credentialOrigin ?? '', final)) throw request.refuse('redirect', canonicalOrigin(final), from);
  return final;
}

function safeInit(init: RequestInit, redirect: RequestRedirect, signal: AbortSignal | undefined): RequestInit {
  return { ...init, redirect, referrerPolicy: 'no-referrer', credentials: 'omit', ...(signal ? { signal } : {}) };
}

/** Release a response we do not read (keeps connections reusable). */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to release.
  }
}
