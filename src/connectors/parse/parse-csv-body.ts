/**
 * A downloaded CSV/TSV body → typed columns: decode the bytes, refuse a web page or XML served
 * instead, pick the delimiter (a .tsv name or a tab-separated Content-Type hints a tab) and parse.
 * Pure (no DOM, no Worker, no network): the pane runs it in a Web Worker through
 * `PullContext.parseCsv`, and in-thread where there is no Worker (node tests, the ribbon's runtime).
 */
import type { ColumnType } from '../types';
import { decodeText } from '../http/read-body';
import type { DateOrder } from './cell-text';
import { parseDelimited, type TypedColumns } from './parse-delimited';
import { refuseMarkup } from './sniff-markup';

/** A source's delimited-text settings, as stored in its definition (all optional: detected). */
export interface CsvSettings {
  delimiter?: string;
  header?: boolean | 'auto';
  dateOrder?: DateOrder;
  types?: Record<string, ColumnType>;
}

/** One CSV download, as it crosses to the worker (plain data; the bytes' buffer is transferred). */
export interface CsvBody {
  bytes: Uint8Array;
  contentType: string | null;
  /** The address's path: a name ending .tsv or .tab means tab-separated. */
  pathname: string;
  settings: CsvSettings;
  /** More data rows than this fail with 'tooManyRows'. */
  maxRows: number;
}

/** What a parse can be told besides its input. */
export interface CsvParseControl {
  signal?: AbortSignal;
  /** Rows parsed so far (every 65,536 rows). */
  onRows?: (rows: number) => void;
  /**
   * Leave number and date columns as Float64Array with NaN for a blank cell, instead of an array
   * with null (the worker transfers the buffer as it is; the pane puts the nulls back).
   */
  blanksAsNaN?: boolean;
}

/**
 * Parses one CSV download. Failures are SourceErrors with the same words wherever it runs.
 * @example
 *   const bytes = new TextEncoder().encode('\uFEFFa,b\n1,x\n');
 *   parseCsvBody({ bytes, contentType: 'text/csv', pathname: '/a.csv', settings: {}, maxRows: 10 }).rowCount // 1
 */
export function parseCsvBody(body: CsvBody, control: CsvParseControl = {}): TypedColumns {
  const text = decodeText(body.bytes, body.contentType);
  // A sign-in or error page parses as a "CSV" of one odd column and no rows: refuse it by name.
  refuseMarkup(text, body.contentType, 'CSV');
  const tabHint = /\.(tsv|tab)$/i.test(body.pathname) || /tab-separated/i.test(body.contentType ?? '') ? '\t' : undefined;
  return parseDelimited(text, {
    ...body.settings,
    delimiterHint: tabHint,
    maxRows: body.maxRows,
    signal: control.signal,
    onRows: control.onRows,
    blanksAsNaN: control.blanksAsNaN,
  });
}
