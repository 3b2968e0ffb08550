/**
 * Telling a CORS block apart from an unreachable server.
 *
 * The heuristic: when the pane's fetch rejects with a TypeError ("Failed to fetch", "Load failed",
 * "NetworkError when attempting to fetch resource"), the browser hides why. We then send a
 * `mode: 'no-cors'` GET to the same address (no credential, no query-string secret). That request
 * is not subject to CORS: if it resolves (with an opaque response), the server is up and answering,
 * so the first failure was the browser withholding the response: CORS. If it also rejects, the host
 * is unreachable (DNS, offline, TLS, refused connection). Mixed content and certificate errors fall
 * in the second group, which is the honest answer for them too.
 */
import { SourceError } from '../errors';
import { displayUrl } from './policy';

export type ProbeOutcome = 'answered' | 'unreachable';

/**
 * Is this the opaque network error fetch produces (a TypeError), as opposed to an abort or a bug?
 * @example isOpaqueNetworkError(new TypeError('Failed to fetch')) // true
 */
export function isOpaqueNetworkError(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === 'TypeError');
}

/** Ask whether the server answers at all, with a request CORS cannot block. */
export async function probeAnswers(fetchFn: typeof fetch, url: URL, signal?: AbortSignal): Promise<ProbeOutcome> {
  try {
    await fetchFn(`${url.origin}${url.pathname}`, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', signal });
    return 'answered';
  } catch {
    return 'unreachable';
  }
}

/**
 * Turn an opaque network error and the probe's outcome into a SourceError that says what to do.
 * @example classifyNetworkFailure(new TypeError('Failed to fetch'), 'answered', url, 'https://localhost:3000').kind // 'cors'
 */
export function classifyNetworkFailure(error: unknown, probe: ProbeOutcome, url: URL, origin: string | undefined, usesCredential = false): SourceError {
  if (probe === 'answered') {
    const pane = origin || 'the PivotDeck add-in page';
    const extra = usesCredential ? ' It must also allow the credential header: "Access-Control-Allow-Headers: Authorization" (or the API key header).' : '';
    return new SourceError(
      'cors',
      `${url.host} answered, but it does not allow PivotDeck's page to read the data, so the browser blocked it (CORS). ` +
        `The server must send the header "Access-Control-Allow-Origin: ${pane}".${extra} ` +
        'Ask whoever runs that server to add it, or use a source that allows it (for example a published file on a site that sends that header).',
      { host: url.host },
      { cause: error },
    );
  }
  return new SourceError(
    'http',
    `Could not reach ${url.host} (${displayUrl(url)}). Check the address and your internet connection, then refresh again.`,
    { host: url.host },
    { cause: error },
  );
}
