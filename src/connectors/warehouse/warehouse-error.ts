/**
 * Every way a warehouse query can fail, as one error type with a `kind` the pane and the refresh
 * layer switch on, and a `message` in plain words for the person who has to act (what happened,
 * then what to do). Messages never hold the request URL's query string (it may carry a password).
 */

export type WarehouseErrorKind =
  /** The SQL did not parse, or named a column/function the server does not know. */
  | 'syntax'
  /** Wrong or missing user name/password. */
  | 'auth'
  /** Signed in, but not allowed to read that database/table (or a read-only user). */
  | 'permission'
  /** The database or table does not exist. */
  | 'notFound'
  | 'timeout'
  | 'cancelled'
  /** The browser withheld the answer (no Access-Control-Allow-Origin, or a preflight that failed). */
  | 'cors'
  | 'unreachable'
  /** The result has more rows than the cap (what a sheet can take). */
  | 'tooManyRows'
  | 'memory'
  /** Anything else the server reported (with its own words). */
  | 'server'
  | 'insecureUrl'
  /** The source definition itself is unusable (no table, bad URL). */
  | 'badDefinition';

export interface WarehouseErrorDetails {
  /** HTTP status, when the server answered. */
  status?: number;
  /** ClickHouse's numeric error code, when it sent one. */
  code?: number;
  /** The server's own text (for the "details" disclosure), trimmed. */
  serverText?: string;
  host?: string;
  /** True when the error arrived inside an HTTP 200 body (after rows had started streaming). */
  afterOk?: boolean;
}

/**
 * A failed warehouse request.
 * @example throw new WarehouseError('syntax', 'The warehouse could not read the query …', { code: 62 })
 */
export class WarehouseError extends Error {
  override readonly name = 'WarehouseError';
  constructor(
    readonly kind: WarehouseErrorKind,
    message: string,
    readonly details: WarehouseErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Is `error` a WarehouseError (also across bundles and worker boundaries, where instanceof fails)? */
export function isWarehouseError(error: unknown): error is WarehouseError {
  return error instanceof WarehouseError || (error instanceof Error && error.name === 'WarehouseError' && 'kind' in error);
}

/** The error every cancelled warehouse query ends with. */
export function warehouseCancelled(): WarehouseError {
  return new WarehouseError('cancelled', 'Cancelled. The query was stopped on the warehouse too; nothing was changed.');
}
