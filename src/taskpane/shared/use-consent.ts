import { useCallback, useEffect, useState } from 'react';
import type { ConsentGate, ConsentRequest } from '../../refresh/consent/consent-gate';

export interface ConsentState {
  request: ConsentRequest | undefined;
  busy: boolean;
  /** The user's Allow: remembered for this workbook, waiting work runs again. */
  allow(): void;
  /** "Not now": nothing allowed; the next action asks again. */
  notNow(): void;
  /** Why remembering the answer failed, if it did. */
  error: string | undefined;
}

/**
 * The consent gate's pending request as UI state (the gate itself lives in the composition root).
 * @example const consent = useConsent(services?.consent);
 */
export function useConsent(gate: ConsentGate | undefined): ConsentState {
  const [request, setRequest] = useState<ConsentRequest | undefined>(() => gate?.pending());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (!gate) return undefined;
    setRequest(gate.pending());
    return gate.subscribe(setRequest);
  }, [gate]);
  const allow = useCallback(() => {
    if (!gate) return;
    setBusy(true);
    setError(undefined);
    gate.allow().then(
      () => setBusy(false),
      (e: unknown) => { setBusy(false); setError(e instanceof Error ? e.message : String(e)); },
    );
  }, [gate]);
  const notNow = useCallback(() => gate?.dismiss(), [gate]);
  return { request, busy, allow, notNow, error };
}
