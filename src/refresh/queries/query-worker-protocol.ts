import { ResultTooLargeError, type QueryResult, type QuerySpec } from '../../engine';
import { FormulaError } from '../../engine/formula';
import { QueryFieldError } from '../../engine/query';
import type { CellValue } from '../../excel/api';
import { answerRequest, type WorkerFailure, type WorkerReply } from '../worker-computer';
import { copyForTransfer, packedRowsOf, unpackColumns, type PackedColumns } from '../worker-columns';
import { computeQueryOnColumns, type QueryStage } from './compute-query';
import type { QueryComputeInput } from './query-computer';

/**
 * Pane → worker: compute one query. Each source crosses as its header and packed columns whose
 * buffers are transferred (never the rows as arrays, never the read's cost figures).
 */
export interface QueryRequest {
  type: 'query';
  spec: QuerySpec;
  sources: Record<string, { header: CellValue[]; columns: PackedColumns }>;
  output: 'grid' | 'flat';
}

/** What kind of failure, so the pane explains it the same way as an in-thread one. */
export type QueryFailureCode = 'too-large' | 'field' | 'other';

/** Worker → pane. */
export type QueryReply = WorkerReply<QueryResult, QueryStage, QueryFailureCode>;

/**
 * An engine error that came back from the query worker: the engine's classes do not survive
 * postMessage, so the failure's kind travels as `code` (query-ops turns it into the outcome's code).
 */
export class QueryComputeError extends Error {
  readonly code: QueryFailureCode;

  constructor(code: QueryFailureCode, name: string, message: string) {
    super(message);
    this.name = name;
    this.code = code;
  }
}

function failureCode(error: unknown): QueryFailureCode {
  if (error instanceof ResultTooLargeError) return 'too-large';
  if (error instanceof QueryFieldError || error instanceof FormulaError) return 'field';
  return 'other';
}

/**
 * The pane's side: each source's rows packed into columns once (remembered while the read lives,
 * so the live preview packs a source once for all its edits; packing yields to the pane between
 * slices), then copied into buffers this run transfers.
 * @example const { request, transfer } = await encodeQueryRequest(input); worker.postMessage(request, transfer);
 */
export async function encodeQueryRequest(input: QueryComputeInput, signal?: AbortSignal): Promise<{ request: QueryRequest; transfer: Transferable[] }> {
  const sources: QueryRequest['sources'] = {};
  const transfer: Transferable[] = [];
  for (const [key, s] of Object.entries(input.sources)) {
    const packed = await packedRowsOf(s.rows, s.header.length);
    signal?.throwIfAborted();
    const moving = await copyForTransfer(packed, { signal });
    sources[key] = { header: s.header, columns: moving.packed };
    transfer.push(...moving.transfer);
  }
  return { request: { type: 'query', spec: input.spec, sources, output: input.output }, transfer };
}

/**
 * The worker's side of the protocol, free of any Worker global so tests run it in-process:
 * unpacks the columns, computes the query (reporting each stage; grid assembly included), and
 * turns a thrown error into a `failed` reply.
 *
 * @example
 * self.onmessage = (e) => answerQueryRequest(e.data, (reply) => self.postMessage(reply));
 */
export function answerQueryRequest(request: QueryRequest, post: (reply: QueryReply) => void): void {
  answerRequest('query', request, post, (r, onStage) => {
    onStage('columns');
    const sources = Object.fromEntries(Object.entries(r.sources).map(([key, s]) => [key, { header: s.header, columns: unpackColumns(s.columns) }]));
    return computeQueryOnColumns(r.spec, sources, r.output, (stage) => { if (stage !== 'columns') onStage(stage); });
  }, failureCode, 'PivotDeck query worker: unknown request.', 'other');
}

/**
 * The pane's side of a failure: the engine's kind of error as a QueryComputeError.
 * @example if (reply.type === 'failed') throw queryReplyError(reply);
 */
export function queryReplyError(reply: WorkerFailure<QueryFailureCode>): QueryComputeError {
  return new QueryComputeError(reply.code ?? 'other', reply.name, reply.message);
}
