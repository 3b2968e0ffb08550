/**
 * Every way a pull can fail, as one error type with a `kind` the refresh layer can switch on and a
 * `message` written for the person who has to fix it (what happened, then what to do).
 */

export type SourceErrorKind =
  | 'cors'
  | 'auth'
  | 'notFound'
  | 'http'
  | 'timeout'
  | 'malformed'
  | 'pathNotFound'
  | 'tooManyRows'
  | 'cancelled'
  | 'insecureUrl'
  | 'tooManyPages'
  /** The source definition itself is unusable (bad URL, bad options); not a server fault. */
  | 'badDefinition'
  /** The user has not allowed this workbook to contact the origin yet; nothing was sent. */
  | 'consent';

export interface SourceErrorDetails {
  /** HTTP status when the server answered. */
  status?: number;
  /** Host the problem concerns (for "re-enter your credential for <host>"). */
  host?: string;
  /** 1-based line in a delimited file. */
  line?: number;
  /** 0-based byte/character offset in a JSON document. */
  offset?: number;
  /** The JSON path that was not found. */
  path?: string;
  /** Keys that do exist where the path stopped matching. */
  availableKeys?: string[];
  /** What came back instead of the data asked for: a web page, or an XML document. */
  returned?: 'html' | 'xml';
}

/**
 * A pull failure. The message never contains secrets or query strings (which may hold API keys).
 * @example
 *   throw new SourceError('notFound', 'Nothing at https://example.com/a.csv (404). Check the address.', { status: 404 })
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly details: SourceErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Is `error` a SourceError (also across bundles, where instanceof can fail)? */
export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError || (error instanceof Error && error.name === 'SourceError' && 'kind' in error);
}
