/**
 * The browser's ClickHouse client: one SQL statement per POST over the HTTP interface, written so a
 * browser can send it to a plain ClickHouse server.
 *
 * - CORS-"simple" requests only: method POST, the SQL as a text/plain body, no custom header (with
 *   the credential in `user`/`password` URL parameters). ClickHouse (18.16 at least) never answers
 *   a preflight OPTIONS (it hangs), so anything that needs one cannot work without a proxy.
 * - `wait_end_of_query=1`: the server buffers the result, so an error found while computing is a
 *   real HTTP error instead of text appended to a 200 body; we still look for such a tail.
 * - `output_format_json_quote_64bit_integers=0`: counts arrive as JSON numbers.
 * - Progress: while the server works, a small poll of `system.processes` for this `query_id` gives
 *   rows/bytes read; while the answer arrives, bytes received.
 * - Cancel: aborts the fetch AND sends `KILL QUERY WHERE query_id = …`, because ClickHouse keeps
 *   computing a query whose HTTP client went away.
 * - https only, except http to localhost when the policy allows it (development), as for cloud pulls.
 * - The password goes only to the origin it was entered for (`secretMayGoTo`, checked before it is
 *   looked up and again at every hop; redirects are followed by PivotDeck, see http/send-guarded.ts).
 *   Where it must ride in the URL (ClickHouse 18.16 answers no preflight), nothing else carries it:
 *   `referrerPolicy: 'no-referrer'`, error bodies read only up to 16 KB, and every message, thrown
 *   or saved, has the password, URL queries and password=… removed (http/redact.ts).
 */
import type { CredentialStore } from '../credentials';
import { SourceError } from '../errors';
import { isOpaqueNetworkError, probeAnswers } from '../http/cors';
import { secretMayGoTo } from '../http/origin';
import { checkUrl } from '../http/policy';
import { MAX_ERROR_BODY_BYTES, containsSecret, readCappedText, redactSecrets } from '../http/redact';
import { sendGuarded, type GuardedRequest, type RefusalReason } from '../http/send-guarded';
import { anySignal, timeoutSignal } from '../http/signals';
import { explainClickHouseException, parseClickHouseException } from './clickhouse-error-text';
import type { WarehouseConnection } from './warehouse-connection';
import { WarehouseError, warehouseCancelled } from './warehouse-error';

export interface WarehouseContext {
  /** The pane's fetch (bound to the window); the tests' Node fetch against 127.0.0.1. */
  fetch: typeof fetch;
  credentials: CredentialStore;
  policy?: {
    /** Allow plain http to localhost/127.0.0.1 (development only). Default false. */
    allowHttpLocalhost?: boolean;
    /** Longest a query may run, client and server side. Default 120 s. */
    timeoutMs?: number;
  };
  /** The pane's origin, named in CORS explanations. Default: globalThis.location.origin. */
  origin?: string;
  /** How often to ask the server how far a query is, in ms; 0 turns it off. Default 500. */
  progressEveryMs?: number;
  /** Query ids (tests pin them). Default: a random UUID. */
  newQueryId?: () => string;
}

export interface WarehouseProgress {
  /** 'server': the warehouse is computing; 'download': the answer is arriving. */
  phase: 'server' | 'download';
  /** Rows and bytes the server has read so far (from system.processes). */
  rowsRead?: number;
  bytesRead?: number;
  /** The server's estimate of the rows it will read. */
  totalRows?: number;
  /** Bytes of the answer received by the pane so far. */
  bytesReceived?: number;
}

export interface WarehouseRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: WarehouseProgress) => void;
  /** Most result rows; the server stops with a clear error beyond it. Default 1,048,575 (a sheet). */
  maxRows?: number;
  /** Most answer bytes the pane accepts. Default 64 MB. */
  maxBytes?: number;
  /** What is being read, for messages ("the table flights"). */
  what?: string;
  /** Test hook: false lets the server stream (and report an error after HTTP 200). Default true. */
  waitEndOfQuery?: boolean;
}

export interface WarehouseColumn {
  name: string;
  /** ClickHouse type name, e.g. "UInt64", "Nullable(Float64)", "Date". */
  type: string;
}

export interface WarehouseAnswer {
  columns: WarehouseColumn[];
  /** JSONCompact rows: numbers, strings (dates as "YYYY-MM-DD[ hh:mm:ss]"), null. */
  rows: unknown[][];
  queryId: string;
  /** Bytes of the answer body that reached the pane. */
  bytesReceived: number;
  /** What the server says it read to compute the answer (its statistics block). */
  serverRowsRead?: number;
  serverBytesRead?: number;
  serverSeconds?: number;
}

/** Excel's last row less the header: the most rows a result may have. */
export const SHEET_ROW_CAP = 1_048_575;
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const QUERY_ID = /^[A-Za-z0-9-]{8,64}$/;

function randomQueryId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return `pivotdeck-${c.randomUUID()}`;
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return `pivotdeck-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A user name and password, and the origin they were entered for (the only one they go to). */
interface Secret {
  user: string;
  password: string;
  origin: string;
}

/**
 * The user's secret for a connection ("user:password"), or undefined when it signs in as nobody.
 * A connection whose address is on another origin than its credential is refused before the
 * secret is even read: the workbook chooses both, and may have been crafted to send the password
 * saved for one warehouse to another address.
 */
async function secretOf(conn: WarehouseConnection, base: URL, store: CredentialStore): Promise<Secret | undefined> {
  const ref = conn.credential;
  if (!ref || ref.kind === 'none') return undefined;
  if (!secretMayGoTo(ref.origin, base)) {
    throw new WarehouseError(
      'badDefinition',
      `This warehouse source points at ${base.origin}, but its sign-in was entered for ${ref.origin}. PivotDeck sends a password only to the address it was entered for, so it contacted neither. If the address is right, choose "Connect to a warehouse…" and enter the sign-in for ${base.origin}.`,
      { host: base.host },
    );
  }
  const secret = await store.get(ref.origin, 'basic');
  if (!secret) {
    throw new WarehouseError('auth', `This warehouse needs your user name and password for ${ref.origin}. In Build a query, choose "Connect to a warehouse…", enter the same address and table with your user name and password, and save: PivotDeck keeps them on this computer, never in the workbook.`, { host: base.host });
  }
  const colon = secret.indexOf(':');
  const [user, password] = colon < 0 ? [secret, ''] : [secret.slice(0, colon), secret.slice(colon + 1)];
  return { user, password, origin: ref.origin };
}

/** What may never appear in a message: the password, and the user:password pair. */
function secretTexts(secret: Secret | undefined): string[] {
  return secret ? [secret.password, `${secret.user}:${secret.password}`] : [];
}

/**
 * The error as the user may see it: the password, URL queries and password=… removed from its
 * message and server text (the server may echo our request, and `cause` may hold the URL).
 */
function scrubbed(error: unknown, secret: Secret | undefined): WarehouseError {
  const secrets = secretTexts(secret);
  if (error instanceof WarehouseError) {
    const { serverText, ...details } = error.details;
    const cause = error.cause instanceof Error && containsSecret(`${error.cause.message} ${String(error.cause.cause ?? '')}`, secrets) ? undefined : error.cause;
    return new WarehouseError(
      error.kind,
      redactSecrets(error.message, secrets),
      serverText === undefined ? details : { ...details, serverText: redactSecrets(serverText, secrets) },
      cause === undefined ? undefined : { cause },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new WarehouseError('server', `The warehouse request failed: ${redactSecrets(message, secrets).slice(0, 300)}`);
}

/** The error for a hop PivotDeck would not send the password on. */
function warehouseRefusal(reason: RefusalReason, to: string | undefined, from: URL, secret: Secret): WarehouseError {
  const details = { host: from.host };
  switch (reason) {
    case 'address':
    case 'redirect':
      return new WarehouseError('badDefinition', `The warehouse at ${secret.origin} sent PivotDeck on to ${to ?? 'another address'}. PivotDeck did not follow: your password was entered for ${secret.origin} only and is never sent to another address. Use the warehouse's own address (not a redirect) in the source.`, details);
    case 'hiddenRedirect':
      return new WarehouseError('badDefinition', `The warehouse at ${from.origin} redirected PivotDeck to an address the browser does not show, so PivotDeck did not send your password on. Use the warehouse's own address (not a redirect) in the source.`, details);
    default:
      return new WarehouseError('badDefinition', `The warehouse at ${from.origin} redirected PivotDeck more than 5 times. Use the warehouse's own address in the source.`, details);
  }
}

function endpoint(conn: WarehouseConnection, context: WarehouseContext): URL {
  try {
    return checkUrl(conn.url, { allowHttpLocalhost: context.policy?.allowHttpLocalhost });
  } catch (error) {
    const kind = error instanceof SourceError && error.kind === 'insecureUrl' ? 'insecureUrl' : 'badDefinition';
    throw new WarehouseError(kind, error instanceof Error ? error.message : String(error), {}, { cause: error });
  }
}

/** One prepared request: the URL with its settings and the fetch init (no custom header unless asked). */
interface Prepared {
  url: URL;
  init: RequestInit;
  usesCredential: boolean;
}

function prepare(
  base: URL,
  conn: WarehouseConnection,
  secret: Secret | undefined,
  sql: string,
  settings: Record<string, string>,
): Prepared {
  const url = new URL(base.href);
  url.search = '';
  url.hash = '';
  const params = new URLSearchParams({ database: conn.database, ...settings });
  const headers: Record<string, string> = {};
  if (secret && conn.credentialIn === 'header') {
    // Not CORS-simple: the browser preflights, so the endpoint must answer OPTIONS (a proxy).
    headers.Authorization = `Basic ${btoa(unescape(encodeURIComponent(`${secret.user}:${secret.password}`)))}`;
  } else if (secret) {
    params.set('user', secret.user);
    params.set('password', secret.password);
  }
  url.search = params.toString();
  // A string body makes fetch send "Content-Type: text/plain;charset=UTF-8": a simple request.
  // Redirect mode, referrer policy and credentials mode are set per hop by sendGuarded.
  return { url, init: { method: 'POST', body: sql, headers, cache: 'no-store' }, usesCredential: secret !== undefined };
}

/**
 * The statement as a guarded request: the password is attached (by `prepare`) only on hops the
 * one rule allows; an opaque redirect is probed with a bare GET of the path (no SQL, no password).
 */
function guarded(conn: WarehouseConnection, secret: Secret | undefined, sql: string, settings: Record<string, string>, context: WarehouseContext): GuardedRequest {
  return {
    credentialOrigin: secret?.origin,
    build: (url, withSecret) => {
      const p = prepare(url, conn, withSecret ? secret : undefined, sql, settings);
      return { href: p.url.href, init: p.init };
    },
    probe: (url) => ({ href: `${url.origin}${url.pathname}`, init: { method: 'GET', cache: 'no-store' } }),
    checkTarget: (url) => endpoint({ ...conn, url: url.href }, context),
    refuse: (reason, to, from) => (secret ? warehouseRefusal(reason, to, from, secret) : new WarehouseError('badDefinition', 'The warehouse redirected PivotDeck elsewhere.')),
  };
}

/** Reads a body chunk by chunk, counting bytes, refusing more than `maxBytes`. */
async function readText(response: Response, maxBytes: number, onBytes?: (n: number) => void): Promise<{ text: string; bytes: number }> {
  if (!response.body) {
    const text = await response.text();
    return { text, bytes: new TextEncoder().encode(text).length };
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new WarehouseError('tooManyRows', `The warehouse's answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, more than the pane should hold. Put fewer fields in Rows and Columns, or add a filter.`);
    }
    parts.push(decoder.decode(value, { stream: true }));
    onBytes?.(bytes);
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), bytes };
}

/**
 * Asks the server to stop a query (best effort; waits at most ~3 s for the answer).
 * @example await killQuery(conn, ctx, 'pivotdeck-1b4e…');
 */
export async function killQuery(conn: WarehouseConnection, context: WarehouseContext, queryId: string): Promise<boolean> {
  if (!QUERY_ID.test(queryId)) return false;
  try {
    const base = endpoint(conn, context);
    const secret = await secretOf(conn, base, context.credentials);
    const sent = await sendGuarded(context.fetch, base, guarded(conn, secret, `KILL QUERY WHERE query_id = '${queryId}' ASYNC`, { default_format: 'JSONCompact' }, context), timeoutSignal(3000));
    const response = sent.response;
    await readCappedText(response);
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls system.processes for the query's progress until stopped. */
function pollProgress(
  base: URL,
  conn: WarehouseConnection,
  secret: Secret | undefined,
  context: WarehouseContext,
  queryId: string,
  onProgress: (p: WarehouseProgress) => void,
): () => void {
  const every = context.progressEveryMs ?? 500;
  if (every <= 0) return () => undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    if (stopped) return;
    try {
      const sql = `SELECT read_rows, read_bytes, total_rows_approx FROM system.processes WHERE query_id = '${queryId}'`;
      const request = guarded(conn, secret, sql, { default_format: 'JSONCompact', output_format_json_quote_64bit_integers: '0' }, context);
      const { response } = await sendGuarded(context.fetch, base, request, timeoutSignal(Math.max(every * 4, 2000)));
      const body = await readCappedText(response, 64 * 1024);
      if (!stopped && response.ok) {
        const row = (JSON.parse(body) as { data: number[][] }).data[0];
        if (row) onProgress({ phase: 'server', rowsRead: row[0], bytesRead: row[1], totalRows: row[2] || undefined });
      }
    } catch {
      // Progress is a courtesy: a failed poll changes nothing.
    }
    if (!stopped) timer = setTimeout(() => void tick(), every);
  };
  timer = setTimeout(() => void tick(), every);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/** An opaque network failure: CORS (server answered), bad credentials hidden by CORS, or unreachable. */
async function explainNetworkFailure(
  error: unknown,
  base: URL,
  prepared: Prepared,
  context: WarehouseContext,
  signal: AbortSignal | undefined,
): Promise<WarehouseError> {
  const host = base.host;
  const answered = (await probeAnswers(context.fetch, base, signal)) === 'answered';
  if (!answered) {
    return new WarehouseError('unreachable', `Could not reach the warehouse at ${host}. Check the address (including the port, often 8443 for https) and your network, then try again.`, { host }, { cause: error });
  }
  if (prepared.usesCredential) {
    // ClickHouse sends its sign-in refusal (401) without the CORS header, so a wrong password looks
    // like a CORS block. An anonymous request that the browser can read shows CORS is fine.
    try {
      const anonymous = new URL(base.href);
      anonymous.search = new URLSearchParams({ query: 'SELECT 1' }).toString();
      await context.fetch(anonymous.href, { method: 'GET', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'error', signal });
      return new WarehouseError('auth', `The warehouse at ${host} did not accept the user name or password. In Build a query, choose "Connect to a warehouse…", enter the same address and table with the right user name and password, and save: they are kept on this computer only.`, { host }, { cause: error });
    } catch {
      // Unreadable as well: CORS is off, or anonymous access is refused too. Say both.
    }
  }
  const pane = context.origin ?? globalThis.location?.origin ?? "PivotDeck's page";
  const header = prepared.init.headers && 'Authorization' in (prepared.init.headers as Record<string, string>);
  return new WarehouseError(
    'cors',
    `The warehouse at ${host} answered, but the browser did not let PivotDeck read the answer (CORS). ` +
      `The server must send "Access-Control-Allow-Origin: ${pane}" (ClickHouse: set add_http_cors_header = 1 in the user's profile)` +
      (header ? ', and answer the browser\'s OPTIONS preflight for the Authorization header (ClickHouse cannot: choose "user name and password in the address" or put a proxy in front)' : '') +
      '.' +
      (prepared.usesCredential ? ' ClickHouse also sends a refused sign-in without that header, so check the user name and password as well.' : ''),
    { host },
    { cause: error },
  );
}

/** A statement that only reads, so sending it twice changes nothing. */
const READ_ONLY = /^\s*(SELECT|WITH|DESCRIBE|DESC|SHOW|EXISTS)\b/i;

/** A connection the server (or a proxy) dropped: a reset, or a kept-alive socket closed while idle. */
function connectionDropped(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/.test(code)) return true;
    if (/other side closed|socket hang up|ECONNRESET/i.test(e.message)) return true;
  }
  return false;
}

/**
 * Sends the request; a read-only statement whose connection failed before any answer (a reset,
 * a kept-alive socket the server closed after 60 s idle — the browser reports both as a bare
 * network error) is sent once more on a fresh connection, under its own query id, after asking the
 * server to stop the first one in case it did arrive. (Issue 19, part 6.)
 */
async function fetchRetryingReset(
  conn: WarehouseConnection,
  context: WarehouseContext,
  base: URL,
  secret: Secret | undefined,
  sql: string,
  settings: Record<string, string>,
  signal: AbortSignal,
): Promise<Response> {
  // Every attempt goes through sendGuarded: the password follows only hops the one rule allows.
  const send = async (s: Record<string, string>) => (await sendGuarded(context.fetch, base, guarded(conn, secret, sql, s, context), signal)).response;
  try {
    return await send(settings);
  } catch (error) {
    if (error instanceof WarehouseError || signal.aborted || !READ_ONLY.test(sql) || !(connectionDropped(error) || isOpaqueNetworkError(error))) throw error;
    const queryId = settings.query_id ?? '';
    void killQuery(conn, context, queryId);
    return await send({ ...settings, query_id: `${queryId}-r` });
  }
}

/**
 * Runs one read-only SQL statement on a ClickHouse warehouse and returns its (small) answer.
 * The SQL must not end in a FORMAT clause: the answer is always JSONCompact.
 *
 * @example
 * const answer = await runClickHouse(conn, ctx, 'SELECT origin, count() AS n FROM flights GROUP BY origin', { signal });
 * answer.rows // [['ORD', 11015], …]
 */
export async function runClickHouse(conn: WarehouseConnection, context: WarehouseContext, sql: string, options: WarehouseRunOptions = {}): Promise<WarehouseAnswer> {
  if (options.signal?.aborted) throw warehouseCancelled();
  const base = endpoint(conn, context);
  const secret = await secretOf(conn, base, context.credentials);
  try {
    return await runWithSecret(conn, context, sql, options, base, secret);
  } catch (error) {
    // The one exit for errors: whatever went wrong, the password does not leave in the message.
    throw scrubbed(error, secret);
  }
}

async function runWithSecret(conn: WarehouseConnection, context: WarehouseContext, sql: string, options: WarehouseRunOptions, base: URL, secret: Secret | undefined): Promise<WarehouseAnswer> {
  const { signal, onProgress } = options;
  const host = base.host;
  const queryId = (context.newQueryId ?? randomQueryId)();
  if (!QUERY_ID.test(queryId)) throw new WarehouseError('badDefinition', 'A query id must be 8-64 letters, digits or dashes.');
  const timeoutMs = context.policy?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRows = options.maxRows ?? SHEET_ROW_CAP;
  const settings: Record<string, string> = {
    query_id: queryId,
    default_format: 'JSONCompact',
    output_format_json_quote_64bit_integers: '0',
    wait_end_of_query: options.waitEndOfQuery === false ? '0' : '1',
    max_execution_time: String(Math.max(1, Math.ceil(timeoutMs / 1000))),
    max_result_rows: String(maxRows),
    result_overflow_mode: 'throw',
  };
  const prepared = prepare(base, conn, secret, sql, settings);
  const clientTimeout = timeoutSignal(timeoutMs + 5000);
  const fetchAbort = new AbortController();
  const combined = anySignal([signal, clientTimeout, fetchAbort.signal]);
  const stopPolling = onProgress ? pollProgress(base, conn, secret, context, queryId, onProgress) : () => undefined;
  const explain = (ex: NonNullable<ReturnType<typeof parseClickHouseException>>, status: number | undefined, afterOk = false) =>
    explainClickHouseException(ex, { status, host, what: options.what, cap: maxRows, afterOk, timeoutSeconds: Math.ceil(timeoutMs / 1000) });

  // Any failure once the request left: stop the server too, then report in words.
  const stopped = async (error: unknown): Promise<never> => {
    stopPolling();
    if (signal?.aborted) {
      await killQuery(conn, context, queryId);
      throw warehouseCancelled();
    }
    if (clientTimeout.aborted) {
      await killQuery(conn, context, queryId);
      throw new WarehouseError('timeout', `The warehouse did not answer within ${Math.round(timeoutMs / 1000)} s, so PivotDeck stopped the query. Add a filter or try again later.`, { host }, { cause: error });
    }
    throw error;
  };

  let response: Response;
  try {
    onProgress?.({ phase: 'server' });
    response = await fetchRetryingReset(conn, context, base, secret, sql, settings, combined);
  } catch (error) {
    if (error instanceof WarehouseError) {
      stopPolling();
      throw error;
    }
    if (signal?.aborted || clientTimeout.aborted) return stopped(error);
    stopPolling();
    if (connectionDropped(error)) {
      throw new WarehouseError('unreachable', `The warehouse at ${host} closed the connection before answering (connection reset)${READ_ONLY.test(sql) ? ', also when PivotDeck tried once more' : ''}. Try again; if it keeps happening, the server or a proxy in between is dropping connections.`, { host }, { cause: error });
    }
    if (isOpaqueNetworkError(error)) throw await explainNetworkFailure(error, base, prepared, context, signal);
    throw new WarehouseError('unreachable', `The connection to the warehouse at ${host} failed. Try again.`, { host }, { cause: error });
  }
  stopPolling();

  if (!response.ok) {
    // An error body is read only up to a small cap: it is for a message, and it may be hostile.
    let text: string;
    try {
      text = await readCappedText(response, MAX_ERROR_BODY_BYTES);
    } catch (error) {
      if (signal?.aborted || clientTimeout.aborted) return stopped(error);
      text = '';
    }
    const ex = parseClickHouseException(text);
    if (ex) throw explain(ex, response.status);
    const kind = response.status === 401 ? 'auth' : response.status === 403 ? 'permission' : response.status === 404 ? 'notFound' : 'server';
    const said = redactSecrets(text.trim().slice(0, 200), secretTexts(secret));
    throw new WarehouseError(kind, `The warehouse at ${host} answered ${response.status} ${response.statusText.slice(0, 100)}. ${said}`.trim(), { host, status: response.status });
  }

  let body: { text: string; bytes: number };
  try {
    body = await readText(response, options.maxBytes ?? DEFAULT_MAX_BYTES, (bytesReceived) => onProgress?.({ phase: 'download', bytesReceived }));
  } catch (error) {
    if (error instanceof WarehouseError) {
      fetchAbort.abort();
      await killQuery(conn, context, queryId);
      throw error;
    }
    if (signal?.aborted || clientTimeout.aborted) return stopped(error);
    throw new WarehouseError('unreachable', `The connection to the warehouse at ${host} broke while the answer was arriving. Try again.`, { host }, { cause: error });
  }

  let parsed: { meta?: WarehouseColumn[]; data?: unknown[][]; statistics?: { rows_read?: number; bytes_read?: number; elapsed?: number } };
  try {
    parsed = JSON.parse(body.text) as typeof parsed;
  } catch (error) {
    // An error found after the server had started sending (HTTP 200) is appended to the body.
    const ex = parseClickHouseException(body.text.slice(-4000));
    if (ex) throw explain(ex, response.status, true);
    throw new WarehouseError('server', `The warehouse at ${host} sent an answer PivotDeck could not read (it is not the JSON it asked for).`, { host, status: response.status }, { cause: error });
  }
  if (!Array.isArray(parsed.meta) || !Array.isArray(parsed.data)) {
    throw new WarehouseError('server', `The warehouse at ${host} sent an answer without columns or rows.`, { host, status: response.status });
  }
  return {
    columns: parsed.meta.map((m) => ({ name: String(m.name), type: String(m.type) })),
    rows: parsed.data,
    queryId,
    bytesReceived: body.bytes,
    serverRowsRead: parsed.statistics?.rows_read,
    serverBytesRead: parsed.statistics?.bytes_read,
    serverSeconds: parsed.statistics?.elapsed,
  };
}
