import type { SourceDeps } from '../refresh/sources';

/**
 * What refreshing web sources needs in a browser runtime (the pane's page or the ribbon's
 * commands page): the page's fetch, the user's own credentials (the same per-user store the pane
 * saves them in), and http allowed only for a localhost page (development).
 *
 * The credential store loads on first use, so the pane's first bundle does not carry it.
 *
 * @example const report = await refreshEverything({ run, sources: await browserSourceDeps() });
 */
export async function browserSourceDeps(): Promise<Omit<SourceDeps, 'run'> | undefined> {
  if (typeof globalThis.fetch !== 'function') return undefined;
  const { userCredentialStore } = await import('../excel/user-credential-store');
  const here = typeof location === 'undefined' ? undefined : location;
  return {
    // Bound call: fetch must be called on the window.
    fetch: (input, init) => globalThis.fetch(input, init),
    credentials: userCredentialStore(),
    policy: { allowHttpLocalhost: here !== undefined && ['localhost', '127.0.0.1', '[::1]'].includes(here.hostname) },
    origin: here?.origin,
  };
}
