import { ResultTooLargeError, type QueryResult, type QuerySpec } from '../../engine';
import { FormulaError } from '../../engine/formula';
import { QueryFieldError } from '../../engine/query';
import type { CellValue } from '../../excel/api';
import { answerRequest, type WorkerFailure, type WorkerReply } from '../worker-computer';
import { copyForTransfer, keyedColumnsOf, packedRowsOf, unpackColumns, type PackedColumns } from '../worker-columns';
import { computeQueryOnTables, queryTable, type QueryStage, type QueryTable } from './compute-query';
import type { QueryComputeInput } from './query-computer';
import { computeDrillOnTables, type DrillComputed, type DrillComputeInput } from '../show-rows/compute-drill';
import type { CellLocator } from '../show-rows/locate-cell';

/**
 * Pane → worker: compute one query. Each source crosses as its header and packed columns whose
 * buffers are transferred (never the rows as arrays, never the read's cost figures).
 */
export interface QueryRequest {
  type: 'query';
  spec: QuerySpec;
  /**
   * By sourceRefKey: the pack's key, with its header and columns unless the worker kept that
   * pack from its previous request.
   */
  sources: Record<string, { pack: string; header?: CellValue[]; columns?: PackedColumns }>;
  output: 'grid' | 'flat';
}

/**
 * What a query worker keeps between requests: the tables of its last request, by pack key. A
 * keep-warm worker then answers the next preview edit, or a dashboard's next query, without
 * receiving or converting the rows again.
 */
export type QueryWorkerMemory = Map<string, QueryTable>;

/** What kind of failure, so the pane explains it the same way as an in-thread one. */
export type QueryFailureCode = 'too-large' | 'field' | 'other';

/** Worker → pane. */
export type QueryReply = WorkerReply<QueryResult, QueryStage, QueryFailureCode>;

/**
 * Pane → worker: the rows behind one number of a query (Show rows). The same worker script
 * answers it; its sources cross as packed columns like a query's, always sent (a drill is one
 * request, its worker is not kept).
 */
export interface DrillRequest {
  type: 'drill';
  spec: QuerySpec;
  sources: Record<string, { header: CellValue[]; columns: PackedColumns }>;
  locate: CellLocator;
  limit: number;
}

/** Worker → pane, for a drill. */
export type DrillReply = WorkerReply<DrillComputed, never, QueryFailureCode>;

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
 * or as they arrived when the source came packed, see SourceData.packed;
 * so the live preview packs a source once for all its edits; packing yields to the pane between
 * slices), then copied into buffers this run transfers, unless the worker kept that pack
 * (`held`, updated to what the worker keeps after this request).
 * @example const { request, transfer } = await encodeQueryRequest(input); worker.postMessage(request, transfer);
 */
export async function encodeQueryRequest(input: QueryComputeInput, signal: AbortSignal | undefined, held: Set<string>): Promise<{ request: QueryRequest; transfer: Transferable[] }> {
  const sources: QueryRequest['sources'] = {};
  const transfer: Transferable[] = [];
  const holds = new Set<string>();
  for (const [key, s] of Object.entries(input.sources)) {
    // A source that arrived packed (a CSV the worker parsed) is sent as it is: its rows are never built.
    const { key: pack, packed } = s.packed ? keyedColumnsOf(s.packed) : await packedRowsOf(s.rows, s.header.length);
    signal?.throwIfAborted();
    holds.add(pack);
    if (held.has(pack)) {
      sources[key] = { pack };
      continue;
    }
    const moving = await copyForTransfer(packed, { signal });
    sources[key] = { pack, header: s.header, columns: moving.packed };
    transfer.push(...moving.transfer);
  }
  held.clear();
  for (const pack of holds) held.add(pack);
  return { request: { type: 'query', spec: input.spec, sources, output: input.output }, transfer };
}

/**
 * The worker's side of the protocol, free of any Worker global so tests run it in-process:
 * builds each source's table from the unpacked columns (or takes it from `memory`, which the
 * worker passes from one request to the next), computes the query (reporting each stage; grid
 * assembly included), and turns a thrown error into a `failed` reply.
 *
 * @example
 * self.onmessage = (e) => answerQueryRequest(e.data, (reply) => self.postMessage(reply));
 */
export function answerQueryRequest(request: QueryRequest, post: (reply: QueryReply) => void, memory: QueryWorkerMemory = new Map()): void {
  answerRequest('query', request, post, (r, onStage) => {
    onStage('columns');
    const tables = new Map<string, QueryTable>();
    const kept = new Map<string, QueryTable>();
    for (const [key, s] of Object.entries(r.sources)) {
      let table = memory.get(s.pack) ?? kept.get(s.pack);
      if (!table) {
        if (!s.header || !s.columns) throw new Error('PivotDeck lost the data of this query between two steps. Run it again.');
        table = queryTable(s.header, unpackColumns(s.columns));
      }
      tables.set(key, table);
      kept.set(s.pack, table);
    }
    // Keep this request's tables only (the pane mirrors it), so memory holds one read per source.
    memory.clear();
    for (const [pack, table] of kept) memory.set(pack, table);
    onStage('query');
    return computeQueryOnTables(r.spec, tables, r.output);
  }, (error) => {
    memory.clear();
    return failureCode(error);
  }, 'PivotDeck query worker: unknown request.', 'other');
}

/**
 * The pane's side of a failure: the engine's kind of error as a QueryComputeError.
 * @example if (reply.type === 'failed') throw queryReplyError(reply);
 */
export function queryReplyError(reply: WorkerFailure<QueryFailureCode>): QueryComputeError {
  return new QueryComputeError(reply.code ?? 'other', reply.name, reply.message);
}

/**
 * The pane's side of a drill: each source packed into columns and transferred.
 * @example const { request, transfer } = await encodeDrillRequest(input, signal, new Set());
 */
export async function encodeDrillRequest(input: DrillComputeInput, signal: AbortSignal | undefined, held: Set<string>): Promise<{ request: DrillRequest; transfer: Transferable[] }> {
  const sources: DrillRequest['sources'] = {};
  const transfer: Transferable[] = [];
  for (const [key, s] of Object.entries(input.sources)) {
    const { packed } = s.packed ? keyedColumnsOf(s.packed) : await packedRowsOf(s.rows, s.header.length);
    signal?.throwIfAborted();
    const moving = await copyForTransfer(packed, { signal });
    sources[key] = { header: s.header, columns: moving.packed };
    transfer.push(...moving.transfer);
  }
  // The drill's worker keeps nothing for a next request.
  held.clear();
  return { request: { type: 'drill', spec: input.spec, sources, locate: input.locate, limit: input.limit }, transfer };
}

/**
 * The worker's side of a drill: unpack, recompute the grid, find the cell, select its rows.
 * @example self.onmessage = (e) => e.data.type === 'drill' ? answerDrillRequest(e.data, post) : …;
 */
export function answerDrillRequest(request: DrillRequest, post: (reply: DrillReply) => void): void {
  answerRequest('drill', request, post, (r) => {
    const tables = new Map<string, QueryTable>();
    for (const [key, s] of Object.entries(r.sources)) tables.set(key, queryTable(s.header, unpackColumns(s.columns)));
    return computeDrillOnTables(r.spec, tables, r.locate, r.limit);
  }, failureCode, 'PivotDeck query worker: unknown request.', 'other');
}
