/**
 * CSV parsing off the pane thread, on the one worker layer (worker-computer.ts). The pane
 * downloads (address checks, credentials and origin rules stay in the connector, on the pane) and
 * transfers the body's bytes; the worker decodes, refuses markup, parses and types the columns
 * (parseCsvBody, the code the in-thread pull runs) and transfers them back packed; the pane
 * unpacks them in slices. A million-row CSV cost the pane 2–6 s tasks when parsed in-thread.
 * This file is the pane's side and the messages; the worker's side is csv-parse-answer.ts (the
 * parser's code loads only into the worker).
 */
import { cancelled } from '../../connectors/http/signals';
import { isSourceError, SourceError, type SourceErrorDetails, type SourceErrorKind } from '../../connectors/errors';
import type { CsvBody } from '../../connectors/parse/parse-csv-body';
import { emptyRecord } from '../../connectors/parse/own-keys';
import type { ColumnData, TypedColumns } from '../../connectors/parse/parse-delimited';
import type { ColumnSpec, CsvParser, PullWarning } from '../../connectors/types';
import { workerComputerOf, type WorkerFailure, type WorkerLike, type WorkerReply } from '../worker-computer';
import { rememberPackedColumn, type PackedColumn } from '../worker-columns';
import { queryColumnOf, unpackTypedColumn, type UnpackOptions } from './csv-worker-columns';

/** Pane → worker: parse one download (its bytes' buffer is transferred with the request). */
export interface CsvParseRequest {
  type: 'csv';
  body: CsvBody;
}

/** Worker → pane while parsing: rows parsed so far. */
export interface CsvParseStage {
  rows: number;
}

/** A parse's typed columns, packed: `packed[j]` holds the cells of `columns[j]`. */
export interface CsvParsedColumns {
  columns: ColumnSpec[];
  packed: PackedColumn[];
  rowCount: number;
  warnings: PullWarning[];
  delimiter: string;
  header: boolean;
}

/**
 * What the worker answers: the columns, or the SourceError the parse threw as plain data (its
 * kind and details survive; the failure reply carries only a message, for a fault in the worker).
 */
export type CsvParseResult =
  | { ok: true; parsed: CsvParsedColumns }
  | { ok: false; kind: SourceErrorKind; message: string; details: SourceErrorDetails };

export type CsvParseReply = WorkerReply<CsvParseResult, CsvParseStage>;

/** The CSV worker as the computer sees it (a real Worker, or an in-process stand-in in tests). */
export type CsvParseWorkerLike = WorkerLike<CsvParseRequest, CsvParseReply>;

/**
 * The pane's side: a CsvParser that parses each body in a worker of its own (started per pull and
 * ended with it: a parse is one request, and a kept worker would hold the decoded text). Progress
 * comes back as rows parsed; cancel ends the worker and rejects with the pull's 'cancelled' error.
 *
 * @example
 * const parseCsv = csvWorkerParser(startCsvParseWorker);
 * await pullSource(def, { ...context, parseCsv });
 */
export function csvWorkerParser(start: () => CsvParseWorkerLike, unpack: Omit<UnpackOptions, 'signal'> = {}): CsvParser {
  const compute = workerComputerOf(start, {
    name: 'CSV reader',
    encode: (body: CsvBody) => Promise.resolve(withOwnBuffer(body)),
    failure: (reply: WorkerFailure) => Object.assign(new Error(reply.message), { name: reply.name }),
  });
  return async (body, control) => {
    const { signal } = control;
    try {
      const result = await compute(body, { signal, onStage: (stage) => control.onRows?.(stage.rows) });
      if (!result.ok) throw new SourceError(result.kind, result.message, result.details);
      return await unpackParsed(result.parsed, { ...unpack, signal });
    } catch (error) {
      // An abort ends the worker (or the unpacking) with the signal's reason; a pull says 'cancelled'.
      if (signal?.aborted && !isSourceError(error)) throw cancelled();
      throw error;
    }
  };
}

/**
 * The request and its one transfer: the body's buffer, moved to the worker. Bytes that are a
 * window on a larger buffer (a pooled chunk) are copied first, so only what is ours moves.
 */
function withOwnBuffer(body: CsvBody): { request: CsvParseRequest; transfer: Transferable[] } {
  const { bytes } = body;
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  return { request: { type: 'csv', body: { ...body, bytes: own } }, transfer: [own.buffer as ArrayBuffer] };
}

/**
 * Packed columns back as the in-thread parse gives them, in slices the pane yields between. Each
 * column's array is remembered with its packed form in the query worker's format
 * (rememberPackedColumn), so a query on the pull sends those buffers to its worker and the pull
 * never becomes rows on the pane (web-source-data.ts's pulledToSourceData).
 * @example const typed = await unpackParsed(result.parsed); typed.data.Amount // [1.5, null, -0]
 */
export async function unpackParsed(parsed: CsvParsedColumns, options: UnpackOptions = {}): Promise<TypedColumns> {
  const data = emptyRecord<ColumnData>();
  for (let j = 0; j < parsed.columns.length; j++) {
    const spec = parsed.columns[j]!;
    const packed = parsed.packed[j]!;
    const column = await unpackTypedColumn(spec, packed, options);
    rememberPackedColumn(column, queryColumnOf(packed));
    data[spec.name] = column;
  }
  const { columns, rowCount, warnings, delimiter, header } = parsed;
  return { columns, data, rowCount, warnings, delimiter, header };
}
