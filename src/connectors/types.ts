/**
 * The one contract every connector implements: `pull(def, context) → PullResult`.
 *
 * A connector turns a persisted source definition (src/model `sourceDef`, which never holds a
 * secret) into typed columns. Everything with side effects is injected through the context:
 * `fetch` (the pane's global fetch; the tests' real Node fetch against a local server), the
 * per-user credential store, cancellation, progress, the clock and sleep used for retries.
 */
import type { z } from 'zod';
import type { ColumnTable } from 'arquero';
import type { credentialRef, SourceDefinition } from '../model/schema';
import type { CredentialStore } from './credentials';
import type { CsvBody, CsvParseControl } from './parse/parse-csv-body';
import type { TypedColumns } from './parse/parse-delimited';

export type { SourceDefinition };
export type CredentialRef = z.infer<typeof credentialRef>;

/** The column types a user can choose in the preview; dates are Excel serial numbers. */
export type ColumnType = 'text' | 'number' | 'date' | 'boolean';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** How many cells were blank (null in the table). */
  blanks: number;
}

/** A note the user should see; the pull still succeeded. */
export interface PullWarning {
  code:
    | 'raggedRows'
    | 'schemaChanged'
    | 'nestedArrays'
    | 'recordsPathGuessed'
    | 'ambiguousDates'
    | 'precisionLoss'
    | 'duplicateColumns'
    | 'retried';
  message: string;
}

export interface PullProgress {
  phase: 'download' | 'parse';
  /** Bytes received so far (all pages). */
  bytes: number;
  /** Expected bytes of the current response, when the server says (Content-Length). */
  totalBytes?: number;
  rows?: number;
  pages?: number;
}

/** What a previous successful pull left behind, for conditional requests and schema checks. */
export interface PreviousPull {
  etag?: string;
  lastModified?: string;
  columns?: ColumnSpec[];
}

export interface HttpPolicy {
  /** Allow plain http to localhost/127.0.0.1/[::1] (development only). Default false. */
  allowHttpLocalhost?: boolean;
  /** Per attempt, including reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Retries after a 429/502/503/504. Default 3. */
  maxRetries?: number;
  /** Longest single wait between retries; a longer Retry-After fails fast. Default 60 s. */
  maxRetryWaitMs?: number;
  /** First backoff step; doubled each retry when the server sends no Retry-After. Default 1 s. */
  backoffMs?: number;
}

export interface PullContext {
  fetch: typeof fetch;
  credentials: CredentialStore;
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  previous?: PreviousPull;
  policy?: HttpPolicy;
  /** Most rows a pull may produce before failing with 'tooManyRows'. Default 10,000,000. */
  maxRows?: number;
  /** The pane's origin, named in CORS explanations. Default: globalThis.location.origin. */
  origin?: string;
  /** Injectable for tests: wall clock in ms (Retry-After dates). */
  now?: () => number;
  /** Injectable for tests: wait between retries; must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Parses a downloaded CSV body away from the caller's thread (the pane's: a Web Worker, see
   * src/refresh/sources/csv-parse-worker.ts). Absent, CSV is parsed in this thread by the same code.
   */
  parseCsv?: CsvParser;
}

/**
 * Parses one CSV download into typed columns exactly as `parseCsvBody` does (a blank cell is
 * null), and rejects with the SourceError it throws. May take the body's buffer (transferred).
 */
export type CsvParser = (body: CsvBody, control: Omit<CsvParseControl, 'blanksAsNaN'>) => Promise<TypedColumns>;

export interface PullOk {
  status: 'ok';
  columns: ColumnSpec[];
  /** Typed columns: number/date → numbers (dates as Excel serials), boolean, text; blanks are null. */
  table: ColumnTable;
  rowCount: number;
  etag?: string;
  lastModified?: string;
  warnings: PullWarning[];
  /** Bytes downloaded (all pages). */
  bytes: number;
  pages: number;
}

export type PullResult = { status: 'notModified' } | PullOk;

/** A connector: one source kind. */
export type Connector = (def: SourceDefinition, context: PullContext) => Promise<PullResult>;
