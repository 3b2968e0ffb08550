/**
 * One HTTP GET (or HEAD) under PivotDeck's policy: https only, timeout per attempt combined with
 * the caller's signal, retries with backoff for 429/502/503/504 honouring Retry-After, conditional
 * requests, credentials in headers attached only on their own origin (redirects followed by
 * PivotDeck itself, see send-guarded.ts), and every failure mapped to a SourceError that says what to do.
 */
import { SourceError } from '../errors';
import type { PullContext } from '../types';
import { applyCredential, credentialWords, refusedError, type ResolvedCredential } from './auth';
import { classifyNetworkFailure, isOpaqueNetworkError, probeAnswers } from './cors';
import { checkUrl, displayUrl } from './policy';
import { sendGuarded, type GuardedRequest } from './send-guarded';
import { parseRetryAfter } from './retry-after';
import { anySignal, cancelled, sleep as defaultSleep, timeoutSignal } from './signals';

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export interface RequestOptions {
  credential?: ResolvedCredential;
  /** Validators from the previous pull; a 304 answer becomes { status: 'notModified' }. */
  conditional?: { etag?: string; lastModified?: string };
  headers?: Record<string, string>;
  method?: 'GET' | 'HEAD';
  /** Called before each retry wait (for a warning the user sees). */
  onRetry?: (status: number, waitMs: number) => void;
}

/** A successful response and the signal that still governs reading its body. */
export interface Answer {
  status: 'ok';
  response: Response;
  url: URL;
  /** Aborts on the caller's cancel or this attempt's timeout. */
  signal: AbortSignal;
  /** Map an error thrown while reading the body (abort → cancelled/timeout). */
  failure(error: unknown): SourceError;
}

export type RequestResult = { status: 'notModified' } | Answer;

/**
 * GET `url` under the policy in `context`.
 * @example
 *   const r = await request(new URL('https://example.com/a.csv'), ctx, { conditional: { etag } });
 *   if (r.status === 'ok') text = await r.response.text();
 */
export async function request(url: URL, context: PullContext, options: RequestOptions = {}): Promise<RequestResult> {
  const policy = context.policy ?? {};
  const timeoutMs = policy.timeoutMs ?? 30_000;
  const maxRetries = policy.maxRetries ?? 3;
  const maxWait = policy.maxRetryWaitMs ?? 60_000;
  const backoff = policy.backoffMs ?? 1000;
  const now = context.now ?? Date.now;
  const wait = context.sleep ?? defaultSleep;

  const credential = options.credential;
  // The secret is attached per hop, by the one rule (credentialAppliesTo → secretMayGoTo); a hop
  // it may not go to is refused with the origin named (sendGuarded calls `refuse` only when a
  // credential is present).
  const guarded: Omit<GuardedRequest, 'credentialOrigin'> = {
    build(target, withSecret) {
      const headers = new Headers(options.headers);
      const address = withSecret ? applyCredential(target, headers, credential) : target;
      if (options.conditional?.etag) headers.set('If-None-Match', options.conditional.etag);
      if (options.conditional?.lastModified) headers.set('If-Modified-Since', options.conditional.lastModified);
      return { href: address.href, init: { method: options.method ?? 'GET', headers } };
    },
    checkTarget: (next) => checkUrl(next.href, policy),
    refuse: (reason, to, from) => (credential ? refusedError(reason, to, from, credential) : new SourceError('http', `${from.origin} redirected PivotDeck elsewhere.`)),
  };

  for (let attempt = 0; ; attempt++) {
    if (context.signal?.aborted) throw cancelled();

    const timeout = timeoutSignal(timeoutMs);
    const signal = anySignal([context.signal, timeout]);
    const failure = (error: unknown): SourceError => {
      if (error instanceof SourceError) return error;
      if (context.signal?.aborted) return cancelled();
      if (timeout.aborted) {
        return new SourceError(
          'timeout',
          `${url.host} did not answer within ${Math.round(timeoutMs / 1000)} s (${displayUrl(url)}). Try again later, or ask for a smaller extract.`,
          { host: url.host },
          { cause: error },
        );
      }
      return new SourceError(
        'http',
        `The connection to ${url.host} broke while the data was arriving (${displayUrl(url)}). Refresh again; if it keeps happening the server may be cutting large downloads short.`,
        { host: url.host },
        { cause: error },
      );
    };

    let response: Response;
    let answered: URL;
    try {
      ({ response, url: answered } = await sendGuarded(context.fetch, url, { ...guarded, credentialOrigin: credential?.ref.origin }, signal));
    } catch (error) {
      if (context.signal?.aborted || timeout.aborted) throw failure(error);
      if (isOpaqueNetworkError(error)) {
        const probe = await probeAnswers(context.fetch, url, context.signal);
        throw classifyNetworkFailure(error, probe, url, context.origin ?? globalThis.location?.origin, options.credential !== undefined);
      }
      throw failure(error);
    }

    if (response.status === 304 && options.conditional) {
      await discard(response);
      return { status: 'notModified' };
    }
    if (response.ok) return { status: 'ok', response, url: answered, signal, failure };

    await discard(response);
    if (RETRY_STATUSES.has(response.status)) {
      const asked = parseRetryAfter(response.headers.get('Retry-After'), now());
      if (asked !== null && asked > maxWait) {
        throw new SourceError(
          'http',
          `${url.host} is busy (${response.status}) and asked PivotDeck to wait ${Math.ceil(asked / 1000)} s before trying again. Refresh later.`,
          { host: url.host, status: response.status },
        );
      }
      if (attempt < maxRetries) {
        const waitMs = Math.min(asked ?? backoff * 2 ** attempt, maxWait);
        options.onRetry?.(response.status, waitMs);
        await wait(waitMs, context.signal);
        continue;
      }
      throw new SourceError(
        'http',
        `${url.host} was still busy (${response.status} ${response.statusText.slice(0, 100)}) after ${maxRetries + 1} tries. Refresh again in a few minutes.`,
        { host: url.host, status: response.status },
      );
    }
    throw statusError(response, answered, options.credential);
  }
}

function statusError(response: Response, url: URL, credential: ResolvedCredential | undefined): SourceError {
  const { status } = response;
  const details = { host: url.host, status };
  if (status === 401 || status === 403) {
    const what = credential ? credentialWords(credential.ref.kind) : 'credential';
    const message = credential
      ? `${url.host} refused your ${what} (${status}). Re-enter your ${what} for ${credential.ref.origin}; it may have expired or lack access to this data.`
      : `${url.host} needs a credential to read ${displayUrl(url)} (${status}). Add one for ${url.origin} in the source settings.`;
    return new SourceError('auth', message, details);
  }
  if (status === 404 || status === 410) {
    return new SourceError('notFound', `Nothing was found at ${displayUrl(url)} (${status}). Check the address; the file or endpoint may have moved.`, details);
  }
  return new SourceError(
    'http',
    `${url.host} answered ${status}${response.statusText ? ` ${response.statusText.slice(0, 100)}` : ''} for ${displayUrl(url)}. ${status >= 500 ? 'The server had a problem; refresh again later.' : 'Check the address and options of this source.'}`,
    details,
  );
}

/** Release a response we do not read (keeps connections reusable). */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to release.
  }
}
