/**
 * The one place that decides whether a workbook's definitions may reach the network, like
 * Excel's "External data connections have been disabled — Enable Content" bar. Every network
 * use-case asks `ensure(origins)` before it sends anything; refresh on open and schedules ask
 * `missing(origins)` and wait instead. The pane shows `pending()` and calls `allow()` on the user's OK.
 */
import { SourceError } from '../../connectors/errors';
import { originOf } from './workbook-origins';
import type { ConsentStore, WorkbookIdentity } from './consent-store';

/**
 * Thrown before any request when the user has not allowed every origin an action needs. A
 * SourceError (kind 'consent'), so connectors pass it on unchanged when the HTTP context's guard
 * throws it from inside a pull.
 */
export class ConsentNeededError extends SourceError {
  readonly origins: string[];
  constructor(origins: readonly string[]) {
    super(
      'consent',
      `This workbook wants PivotDeck to contact ${listWords(origins)}. Nothing was sent: PivotDeck is waiting for your permission. ` +
      'Choose Allow in the PivotDeck pane if you trust this workbook and these addresses.',
    );
    this.origins = [...origins];
  }
}

/** What is waiting for the user's answer. */
export interface ConsentRequest {
  /** Origins not yet allowed, sorted. */
  origins: string[];
  /** What asked, in the user's words ("Refresh on open of Sales overview"), without repeats. */
  waiting: string[];
}

interface Waiter {
  origins: string[];
  what: string;
  retry?: () => void;
}

function listWords(origins: readonly string[]): string {
  if (origins.length <= 1) return origins[0] ?? 'the network';
  return `${origins.slice(0, -1).join(', ')} and ${origins[origins.length - 1]}`;
}

/**
 * @example
 * const gate = new ConsentGate(consentStoreOver(backend), async () => ({ id: doc.workbookId }));
 * await gate.ensure(['https://api.example.com'], 'Refresh of Orders'); // throws ConsentNeededError until allowed
 * await gate.allow(); // the user's OK: remembered for this workbook, waiting work is retried
 */
export class ConsentGate {
  /** Origins allowed in this session for a workbook PivotDeck cannot identify yet (no id). */
  private readonly sessionAllowed = new Set<string>();
  private waiters: Waiter[] = [];
  private readonly listeners = new Set<(request: ConsentRequest | undefined) => void>();

  /**
   * @param identity what identifies the workbook now
   * @param assignId gives a workbook without an id one (saved in its document) so the answer can
   *   be remembered; undefined when it cannot (a read-only document): the answer then lasts this session
   * @param trusted origins allowed for every workbook without asking: a deployment's own services
   *   (ServiceHost.trustedOrigins), and the tests' local servers
   */
  constructor(
    private readonly store: ConsentStore,
    private readonly identity: () => Promise<WorkbookIdentity> | WorkbookIdentity,
    private readonly assignId?: () => Promise<string | undefined>,
    trusted: readonly string[] = [],
  ) {
    this.trusted = new Set(normalise(trusted));
  }

  /** Origins trusted without asking (set by whoever deploys PivotDeck, never by a workbook). */
  private readonly trusted: ReadonlySet<string>;

  /** The origins of `origins` this user has not allowed for this workbook. */
  async missing(origins: readonly string[]): Promise<string[]> {
    const wanted = normalise(origins);
    if (wanted.length === 0) return [];
    const { id } = await this.identity();
    const record = id ? await this.store.read(id) : undefined;
    const allowed = new Set([...(record?.origins ?? []), ...this.sessionAllowed, ...this.trusted]);
    return wanted.filter((origin) => !allowed.has(origin));
  }

  /**
   * Resolves when every origin is allowed; otherwise records the request for the pane's prompt
   * and throws ConsentNeededError. `retry` runs once the user allows them (e.g. refresh on open).
   */
  async ensure(origins: readonly string[], what: string, retry?: () => void): Promise<void> {
    const missing = await this.missing(origins);
    if (missing.length === 0) return;
    this.waiters.push({ origins: missing, what, retry });
    this.notify();
    throw new ConsentNeededError(missing);
  }

  /** What the pane should ask about now, or undefined when nothing waits. */
  pending(): ConsentRequest | undefined {
    if (this.waiters.length === 0) return undefined;
    return {
      origins: normalise(this.waiters.flatMap((w) => w.origins)),
      waiting: [...new Set(this.waiters.map((w) => w.what))],
    };
  }

  /**
   * The user's OK (the prompt's Allow, or creating a source in the pane, which allows its own
   * origin). Remembered per user for this workbook; waiting work whose origins are all allowed runs again.
   */
  async allow(origins: readonly string[] = this.pending()?.origins ?? []): Promise<void> {
    const list = normalise(origins);
    if (list.length === 0) return;
    const { id: known, url } = await this.identity();
    const id = known ?? await this.assignId?.().catch(() => undefined);
    if (id) await this.store.allow(id, list, url);
    else for (const origin of list) this.sessionAllowed.add(origin);
    const still: Waiter[] = [];
    const ready: Waiter[] = [];
    for (const waiter of this.waiters) {
      const rest = waiter.origins.filter((o) => !list.includes(o));
      if (rest.length === 0) ready.push(waiter);
      else still.push({ ...waiter, origins: rest });
    }
    this.waiters = still;
    this.notify();
    for (const waiter of ready) waiter.retry?.();
  }

  /** "Not now": forget what waits; nothing is allowed, and the next action asks again. */
  dismiss(): void {
    this.waiters = [];
    this.notify();
  }

  /** Calls `listener` whenever the pending request changes; returns the unsubscribe function. */
  subscribe(listener: (request: ConsentRequest | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private notify(): void {
    const request = this.pending();
    for (const listener of this.listeners) listener(request);
  }
}

function normalise(origins: readonly string[]): string[] {
  const out = new Set<string>();
  for (const origin of origins) {
    const normal = originOf(origin);
    if (normal) out.add(normal);
  }
  return [...out].sort();
}
