/**
 * The last line of the consent rule: the HTTP context's fetch refuses, before sending, any request
 * to an origin the workbook's own definitions name that the user has not allowed. Use-cases ask
 * the gate first (with words for the prompt); this catches any path that forgot to.
 *
 * Origins the workbook does not name pass: those are addresses the user typed in the pane (a new
 * source being tried out) or where an allowed server sent PivotDeck (redirects and next pages,
 * which carry no secret to another origin: src/connectors/http).
 */
import type { ConsentGate } from './consent-gate';
import { originOf } from './workbook-origins';

function addressOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/**
 * @example
 * const guarded = consentFetch(fetch, gate, async () => originsNamedBy(await documents.read()));
 * await guarded('https://not-yet-allowed.example.com/a.csv'); // throws ConsentNeededError, sends nothing
 */
export function consentFetch(
  fetch: typeof globalThis.fetch,
  gate: ConsentGate,
  namedOrigins: () => Promise<readonly string[]> | readonly string[],
): typeof globalThis.fetch {
  return async (input, init) => {
    const origin = originOf(addressOf(input));
    if (origin && (await namedOrigins()).includes(origin)) await gate.ensure([origin], `a request to ${origin}`);
    return fetch(input, init);
  };
}
