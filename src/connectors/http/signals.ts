import { SourceError } from '../errors';

/**
 * One signal that aborts when any input aborts (AbortSignal.any where the host has it: older
 * Office webviews do not).
 * @example anySignal([callerSignal, AbortSignal.timeout(30_000)])
 */
export function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(present);
  const controller = new AbortController();
  for (const s of present) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/** A signal that aborts after `ms` (AbortSignal.timeout where available). */
export function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
  return controller.signal;
}

/**
 * Wait `ms`, rejecting with a 'cancelled' SourceError if `signal` aborts first.
 * @example await sleep(1000, signal)
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error every cancelled pull ends with. */
export function cancelled(): SourceError {
  return new SourceError('cancelled', 'The pull was cancelled. Nothing was changed.');
}

/** Throw 'cancelled' when the caller has aborted (between pages, between parse steps). */
export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelled();
}
