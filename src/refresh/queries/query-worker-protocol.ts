import { ResultTooLargeError, type QueryResult } from '../../engine';
import { FormulaError } from '../../engine/formula';
import { QueryFieldError } from '../../engine/query';
import { computeQuery, type QueryStage } from './compute-query';
import type { QueryComputeInput } from './query-computer';
import { computeDrill, type DrillComputed, type DrillComputeInput } from '../show-rows/compute-drill';

/** Pane → worker: compute one query, or the rows behind one of its numbers (Show rows). */
export type QueryRequest =
  | { type: 'query'; input: QueryComputeInput }
  | { type: 'drill'; input: DrillComputeInput };

/** What kind of failure, so the pane explains it the same way as an in-thread one. */
export type QueryFailureCode = 'too-large' | 'field' | 'other';

/** Worker → pane. Plain data only: everything crosses postMessage by structured clone. */
export type QueryReply =
  | { type: 'stage'; stage: QueryStage }
  | { type: 'done'; result: QueryResult }
  | { type: 'drilled'; drilled: DrillComputed }
  | { type: 'failed'; code: QueryFailureCode; name: string; message: string };

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
 * The worker's side of the protocol, free of any Worker global so tests run it in-process:
 * computes the query, reporting each stage, and turns a thrown error into a `failed` reply.
 *
 * @example
 * self.onmessage = (e) => answerQueryRequest(e.data, (reply) => self.postMessage(reply));
 */
export function answerQueryRequest(request: QueryRequest, post: (reply: QueryReply) => void): void {
  if (request?.type !== 'query' && request?.type !== 'drill') {
    post({ type: 'failed', code: 'other', name: 'Error', message: 'PivotDeck query worker: unknown request.' });
    return;
  }
  try {
    if (request.type === 'drill') {
      post({ type: 'drilled', drilled: computeDrill(request.input) });
      return;
    }
    const result = computeQuery(request.input, (stage) => post({ type: 'stage', stage }));
    post({ type: 'done', result });
  } catch (error) {
    post({
      type: 'failed',
      code: failureCode(error),
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
